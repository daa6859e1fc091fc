import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../src/elements/odw-filter/define.js';
import '../src/elements/odw-kpi/define.js';
import '../src/elements/odw-table/define.js';
import {failingAfter} from './portal-faults.js';

/** The emulated portals: Storybook mounts the emulator on its own origin under `/portal/`. */
const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ODS = `/portal/${ODS_PATH}`;
const FESTIVALS = '/portal/ods/api/explore/v2.1/catalog/datasets/festivals-du-finistere/records';
const LOIRET = 'code_departement = "45"';

interface FilterArgs {
  src?: string;
  sourceWhere?: string;
  type?: 'select' | 'checkboxes' | 'search' | 'range' | 'date-range';
  field?: string;
  label?: string;
  multiple?: boolean;
  sort?: 'count' | 'label';
  limit?: number;
  lang?: 'fr' | 'en';
  theme?: 'light' | 'dark' | 'auto' | 'dsfr';
  refresh?: number;
}

let stories = 0;

/** A filter on its own source, with a KPI and a table that follow it. */
const filter = (args: FilterArgs) => {
  const id = `story-filter-${++stories}`;
  return html`<div style="display: grid; gap: 1rem; max-width: 48rem">
    <odw-source id=${id} src=${ifDefined(args.src)} where=${ifDefined(args.sourceWhere)}></odw-source>
    <odw-filter
      source=${id}
      type=${ifDefined(args.type)}
      field=${ifDefined(args.field)}
      label=${ifDefined(args.label)}
      ?multiple=${args.multiple}
      sort=${ifDefined(args.sort)}
      limit=${ifDefined(args.limit)}
      lang=${ifDefined(args.lang)}
      theme=${ifDefined(args.theme)}
      refresh=${ifDefined(args.refresh)}
    ></odw-filter>
    <odw-kpi
      source=${id}
      value="count()"
      label="Enregistrements"
      lang=${ifDefined(args.lang)}
      theme=${ifDefined(args.theme)}
    ></odw-kpi>
  </div>`;
};

const meta = {
  title: 'Widgets/odw-filter',
  component: 'odw-filter',
  render: filter,
  args: {src: ODS, sourceWhere: LOIRET, field: 'epci', label: 'Intercommunalité'},
  argTypes: {
    type: {control: 'select', options: [undefined, 'select', 'checkboxes', 'search', 'range', 'date-range']},
    sort: {control: 'select', options: [undefined, 'count', 'label']},
    theme: {control: 'select', options: [undefined, 'light', 'dark', 'auto', 'dsfr']},
    lang: {control: 'select', options: [undefined, 'fr', 'en']},
  },
} satisfies Meta<FilterArgs>;

export default meta;
type Story = StoryObj<FilterArgs>;

/** One value among the intercommunalités of the Loiret, counts from the Opendatasoft facets. */
export const Select: Story = {};

export const SelectMultiple: Story = {args: {multiple: true}};

export const Checkboxes: Story = {args: {type: 'checkboxes'}};

export const SortedByLabel: Story = {args: {type: 'checkboxes', sort: 'label'}};

/** The commune names matching the typed words (accents ignored), after a pause in typing. */
export const Search: Story = {args: {type: 'search', field: 'commune', label: 'Commune'}};

export const Range: Story = {args: {type: 'range', field: 'population', label: 'Population'}};

export const DateRange: Story = {
  args: {
    src: FESTIVALS,
    sourceWhere: undefined,
    type: 'date-range',
    field: 'date_debut_ancien',
    label: 'Début du festival',
  },
};

export const Loading: Story = {args: {src: `/portal/~latency=600000/${ODS_PATH}`}};

export const ErrorServer: Story = {args: {src: `/portal/~status=500/${ODS_PATH}`}};

/** No record matches the source's filter: the control stays, with no choice to make. */
export const Empty: Story = {args: {type: 'checkboxes', sourceWhere: 'code_departement = "999"'}};

/**
 * The first answers are good (the facets, the metadata and the KPI's count), every refresh of the
 * filter then fails: its choices stay, with a dated notice.
 */
export const Stale: Story = {
  args: {type: 'checkboxes', refresh: 2},
  loaders: [async () => ({src: await failingAfter(ODS_PATH, 3)})],
  render: (args, {loaded}) => filter({...args, src: String(loaded.src)}),
};

export const English: Story = {args: {lang: 'en', label: 'Inter-municipality', type: 'checkboxes'}};

export const Dark: Story = {args: {theme: 'dark', type: 'checkboxes'}};

export const Dsfr: Story = {args: {theme: 'dsfr'}};

/**
 * Cross-filtering: two controls, a KPI and a table on one source. The counts of each control
 * follow the other (conjunctive across fields) but not itself (disjunctive within a field). With
 * `url-sync`, the filters are kept in the page URL.
 */
export const Dashboard: Story = {
  render: () =>
    html`<div style="display: grid; gap: 1rem; grid-template-columns: minmax(14rem, 1fr) 3fr">
      <odw-source id="story-dashboard" src=${ODS} where=${LOIRET} url-sync="hash"></odw-source>
      <div style="display: grid; gap: 1rem; align-content: start">
        <odw-filter
          source="story-dashboard"
          field="epci"
          type="checkboxes"
          label="Intercommunalité"
        ></odw-filter>
        <odw-filter source="story-dashboard" field="population" type="range" label="Population"></odw-filter>
        <odw-filter source="story-dashboard" field="commune" type="search" label="Commune"></odw-filter>
      </div>
      <div style="display: grid; gap: 1rem; align-content: start">
        <odw-kpi source="story-dashboard" value="sum(population)" label="Habitants"></odw-kpi>
        <odw-table
          source="story-dashboard"
          columns="commune,epci,population"
          sort="-population"
          page-size="10"
        ></odw-table>
      </div>
    </div>`,
};
