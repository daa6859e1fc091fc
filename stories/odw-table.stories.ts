import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../src/elements/odw-table/define.js';
import {failingAfter} from './portal-faults.js';

/** The emulated portals: Storybook mounts the emulator on its own origin under `/portal/`. */
const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ODS = `/portal/${ODS_PATH}`;
const RESOURCE = '7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01';
const ORLEANS = 'epci = "Orléans Métropole"';

interface TableArgs {
  src?: string;
  api?: 'ods' | 'tabular' | 'ckan' | 'csv' | 'json' | 'geojson';
  where?: string;
  columns?: string;
  sort?: string;
  pageSize?: number;
  search?: boolean;
  title?: string;
  description?: string;
  lang?: 'fr' | 'en';
  theme?: 'light' | 'dark' | 'auto' | 'dsfr';
  noAttribution?: boolean;
  refresh?: number;
}

const table = (args: TableArgs) =>
  html`<odw-table
    src=${ifDefined(args.src)}
    api=${ifDefined(args.api)}
    where=${ifDefined(args.where)}
    columns=${ifDefined(args.columns)}
    sort=${ifDefined(args.sort)}
    page-size=${ifDefined(args.pageSize)}
    ?search=${args.search}
    title=${ifDefined(args.title)}
    description=${ifDefined(args.description)}
    lang=${ifDefined(args.lang)}
    theme=${ifDefined(args.theme)}
    ?no-attribution=${args.noAttribution}
    refresh=${ifDefined(args.refresh)}
  ></odw-table>`;

const meta = {
  title: 'Widgets/odw-table',
  component: 'odw-table',
  render: table,
  args: {
    src: ODS,
    where: ORLEANS,
    columns: 'commune,code_insee,population,population_totale',
    sort: '-population',
    pageSize: 10,
    title: 'Communes d’Orléans Métropole',
  },
  argTypes: {
    theme: {control: 'select', options: [undefined, 'light', 'dark', 'auto', 'dsfr']},
    lang: {control: 'select', options: [undefined, 'fr', 'en']},
  },
} satisfies Meta<TableArgs>;

export default meta;
type Story = StoryObj<TableArgs>;

/** Sorted by population, 10 rows a page, paged by the Opendatasoft API. */
export const Default: Story = {};

/** Full-text search on the server (Opendatasoft `q`). */
export const WithSearch: Story = {args: {search: true}};

/** Every field of the dataset, labels from the metadata. */
export const AllColumns: Story = {args: {columns: undefined}};

/** The whole of France: 35 000 communes, paged by the API (exports beyond 10 000 rows). */
export const WholeDataset: Story = {args: {where: undefined, pageSize: 20, title: 'Communes de France'}};

/** The same table through the data.gouv.fr tabular API (no search box: the API has no full text). */
export const TabularApi: Story = {
  args: {src: `/portal/tabular/api/resources/${RESOURCE}/data/`, search: true},
};

/** Through CKAN's datastore (search with its `q`). */
export const Ckan: Story = {
  args: {src: `/portal/ckan/api/3/action/datastore_search?resource_id=${RESOURCE}`, search: true},
};

/** INSEE's CSV file, sorted and searched in the browser. */
export const CsvFile: Story = {args: {src: '/portal/files/populations-legales-2025.csv', search: true}};

/** A small CSV given inline: links, e-mails, dates, long text and markup (shown as text). */
const VALUES_CSV = [
  'nom,valeur,site,contact,note,quand',
  '"<img src=x onerror=alert(1)>",1234.5,https://example.org/page?a=1&b=2,mairie@example.fr,javascript:alert(1),2026-03-03',
  'Saint-Jean-de-Braye,-12,http://example.com,pas une adresse,=SUM(A1:A2),2025-12-25',
  'Orléans,116344,ftp://example.org/x,a@b,"Une très longue description qui passe à la ligne dans la cellule plutôt que d’élargir le tableau sans fin, même sur un petit écran.",',
].join('\n');

/** Links, e-mails, dates and markup shown as text. */
export const Values: Story = {
  args: {
    src: `data:text/csv;charset=utf-8,${encodeURIComponent(VALUES_CSV)}`,
    api: 'csv',
    where: undefined,
    columns: undefined,
    sort: undefined,
    title: 'Valeurs',
  },
};

/** Long rows on a narrow screen: the table scrolls, the first column stays. */
export const NarrowScreen: Story = {
  args: {columns: undefined},
  render: (args) => html`<div style="max-width: 22rem">${table(args)}</div>`,
};

export const Empty: Story = {args: {where: 'epci = "Nulle part"'}};

export const Loading: Story = {args: {src: `/portal/~latency=600000/${ODS_PATH}`}};

export const ErrorServer: Story = {args: {src: `/portal/~status=500/${ODS_PATH}`}};

/** The first answers are good (metadata, rows), every refresh then fails: the rows stay, with a dated notice. */
export const Stale: Story = {
  args: {refresh: 2},
  loaders: [async () => ({src: await failingAfter(ODS_PATH, 2)})],
  render: (args, {loaded}) => table({...args, src: String(loaded.src)}),
};

export const English: Story = {args: {lang: 'en', title: 'Communes of Orléans Métropole'}};

export const Dark: Story = {args: {theme: 'dark'}};

export const Dsfr: Story = {args: {theme: 'dsfr'}};
