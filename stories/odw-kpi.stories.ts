import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../src/elements/odw-kpi/define.js';
import {failingAfter} from './portal-faults.js';

/** The emulated portals: Storybook mounts the emulator on its own origin under `/portal/`. */
const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ODS = `/portal/${ODS_PATH}`;
const RESOURCE = '7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01';
const ORLEANS = 'epci = "Orléans Métropole"';

interface KpiArgs {
  src?: string;
  value?: string;
  where?: string;
  label?: string;
  unit?: string;
  format?: 'integer' | 'decimal' | 'compact' | 'percent';
  decimals?: number;
  compare?: string;
  compareWhere?: string;
  compareValue?: number;
  compareLabel?: string;
  title?: string;
  description?: string;
  lang?: 'fr' | 'en';
  theme?: 'light' | 'dark' | 'auto' | 'dsfr';
  refresh?: number;
  noAttribution?: boolean;
}

const kpi = (args: KpiArgs) =>
  html`<odw-kpi
    src=${ifDefined(args.src)}
    value=${ifDefined(args.value)}
    where=${ifDefined(args.where)}
    label=${ifDefined(args.label)}
    unit=${ifDefined(args.unit)}
    format=${ifDefined(args.format)}
    decimals=${ifDefined(args.decimals)}
    compare=${ifDefined(args.compare)}
    compare-where=${ifDefined(args.compareWhere)}
    compare-value=${ifDefined(args.compareValue)}
    compare-label=${ifDefined(args.compareLabel)}
    title=${ifDefined(args.title)}
    description=${ifDefined(args.description)}
    lang=${ifDefined(args.lang)}
    theme=${ifDefined(args.theme)}
    refresh=${ifDefined(args.refresh)}
    ?no-attribution=${args.noAttribution}
  ></odw-kpi>`;

/** Registers a fault sequence on the emulator; each request through `~seq=<name>` takes the next fault. */
const meta = {
  title: 'Widgets/odw-kpi',
  component: 'odw-kpi',
  render: kpi,
  args: {
    src: ODS,
    value: 'sum(population)',
    where: ORLEANS,
    label: 'Habitants',
  },
  argTypes: {
    format: {control: 'select', options: [undefined, 'integer', 'decimal', 'compact', 'percent']},
    theme: {control: 'select', options: [undefined, 'light', 'dark', 'auto', 'dsfr']},
    lang: {control: 'select', options: [undefined, 'fr', 'en']},
  },
} satisfies Meta<KpiArgs>;

export default meta;
type Story = StoryObj<KpiArgs>;

/** Population of Orléans Métropole, summed by the Opendatasoft API (one row comes back). */
export const Default: Story = {};

export const WithUnitAndTitle: Story = {
  args: {unit: 'hab.', title: 'Orléans Métropole', description: 'Population municipale 2025 des 22 communes'},
};

/** `format="compact"`: the population of France. */
export const Compact: Story = {
  args: {where: undefined, format: 'compact', label: 'Population de la France'},
};

/** Evolution against another filter, with arrow, sign and words. */
export const Comparison: Story = {
  args: {compareWhere: 'epci = "Dijon Métropole"', compareLabel: 'Dijon Métropole'},
};

export const ComparisonWithFixedValue: Story = {
  args: {compareValue: 300000, compareLabel: 'l’objectif'},
};

/** The same figure through the data.gouv.fr tabular API. */
export const TabularApi: Story = {
  args: {src: `/portal/tabular/api/resources/${RESOURCE}/data/`, label: 'API tabulaire data.gouv.fr'},
};

/** The same figure through CKAN's datastore. */
export const Ckan: Story = {
  args: {src: `/portal/ckan/api/3/action/datastore_search?resource_id=${RESOURCE}`, label: 'CKAN'},
};

/** The same figure computed in the browser from INSEE's CSV file. */
export const CsvFile: Story = {
  args: {src: '/portal/files/populations-legales-2025.csv', label: 'Fichier CSV de l’INSEE'},
};

export const English: Story = {
  args: {lang: 'en', label: 'Inhabitants', compareValue: 300000},
};

export const NoAttribution: Story = {
  args: {noAttribution: true},
};

/** A slow portal (the emulator waits 10 s): the skeleton, `aria-busy`. */
export const Loading: Story = {
  args: {src: `/portal/~latency=10000/${ODS_PATH}`},
};

export const Empty: Story = {
  args: {where: 'epci = "Nulle part"'},
};

export const ErrorNotFound: Story = {
  name: 'Error: dataset not found',
  args: {src: '/portal/~status=404/ods/api/explore/v2.1/catalog/datasets/inconnu/records'},
};

export const ErrorExpression: Story = {
  name: 'Error: expression',
  args: {value: 'sum(population'},
};

/** The first answer is good, every refresh then fails: the figure stays, with a dated notice. */
export const Stale: Story = {
  args: {refresh: 2},
  loaders: [async () => ({src: await failingAfter(ODS_PATH, 2)})],
  render: (args, {loaded}) => kpi({...args, src: String(loaded.src)}),
};

export const Dark: Story = {
  args: {theme: 'dark', compareWhere: 'epci = "Dijon Métropole"', compareLabel: 'Dijon Métropole'},
  parameters: {backgrounds: {default: 'dark'}},
};

export const Dsfr: Story = {
  name: 'DSFR',
  args: {theme: 'dsfr', unit: 'hab.', title: 'Orléans Métropole', compareValue: 280000, compareLabel: '2015'},
};

/** Three métropoles bound to one `odw-source`. */
export const SharedSource: Story = {
  render: () =>
    html`<odw-source id="story-pop" src=${ODS}></odw-source>
      <div>
        ${['Orléans Métropole', 'Dijon Métropole', 'Communauté urbaine Angers Loire Métropole'].map(
          (epci) =>
            html`<odw-kpi
              source="story-pop"
              value="sum(population)"
              where=${`epci = "${epci}"`}
              label=${epci}
            ></odw-kpi>`,
        )}
      </div>`,
};
