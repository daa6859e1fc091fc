import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../src/elements/odw-builder/define.js';

/** The emulated portals: Storybook mounts the emulator on its own origin under `/portal/`. */
const ODS_PAGE = '/portal/ods/explore/dataset/populations-legales-2025/table/';

interface BuilderArgs {
  src?: string;
  lang?: 'fr' | 'en';
  shapesBase?: string;
  tabularApi?: string;
}

const builder = (args: BuilderArgs) =>
  html`<odw-builder
    src=${ifDefined(args.src)}
    lang=${ifDefined(args.lang)}
    shapes-base=${ifDefined(args.shapesBase)}
    tabular-api=${ifDefined(args.tabularApi)}
  ></odw-builder>`;

const meta = {
  title: 'Tools/odw-builder',
  component: 'odw-builder',
  render: builder,
  args: {shapesBase: '/portal/files/', tabularApi: '/portal/tabular/api/'},
  argTypes: {
    lang: {control: 'select', options: [undefined, 'fr', 'en']},
  },
} satisfies Meta<BuilderArgs>;

export default meta;
type Story = StoryObj<BuilderArgs>;

/** Empty: paste a dataset or portal address (`/portal/ods/`, `/portal/datagouv/`). */
export const Default: Story = {};

/** Started on a dataset page URL: the fields are listed and a first chart is proposed. */
export const FromDatasetPage: Story = {args: {src: ODS_PAGE}};

/** Started on a portal: its catalogue is listed. */
export const FromPortal: Story = {args: {src: '/portal/ods/'}};

/** The data.gouv.fr catalogue, its parsed CSV read through the tabular API. */
export const FromDataGouv: Story = {args: {src: '/portal/datagouv/'}};

export const English: Story = {args: {src: ODS_PAGE, lang: 'en'}};
