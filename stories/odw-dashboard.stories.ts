import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../src/elements/odw-kpi/define.js';
import '../src/elements/odw-chart/define.js';
import '../src/elements/odw-map/define.js';
import '../src/elements/odw-table/define.js';
import '../src/elements/odw-filter/define.js';
import '../src/elements/odw-dashboard/define.js';
import {failingAfter} from './portal-faults.js';

/** The emulated portals: Storybook mounts the emulator on its own origin under `/portal/`. */
const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ODS = `/portal/${ODS_PATH}`;
const ORLEANS = 'epci = "Orléans Métropole"';
const ANGERS = 'epci = "Communauté urbaine Angers Loire Métropole"';

interface DashboardArgs {
  title?: string;
  description?: string;
  columns?: number;
  src?: string;
  where?: string;
  refresh?: number;
  lang?: 'fr' | 'en';
  theme?: 'light' | 'dark' | 'auto' | 'dsfr';
}

/** Children without `source` use the dashboard's `src` and `where`; children without `theme` its theme. */
const dashboard = (args: DashboardArgs) =>
  html`<odw-dashboard
    title=${ifDefined(args.title)}
    description=${ifDefined(args.description)}
    columns=${ifDefined(args.columns)}
    src=${ifDefined(args.src)}
    where=${ifDefined(args.where)}
    refresh=${ifDefined(args.refresh)}
    lang=${ifDefined(args.lang)}
    theme=${ifDefined(args.theme)}
  >
    <odw-kpi value="sum(population)" label="Habitants" unit="hab."></odw-kpi>
    <odw-kpi value="count()" label="Communes"></odw-kpi>
    <odw-filter field="commune" label="Commune"></odw-filter>
    <odw-chart
      span="2"
      type="bar"
      x="commune"
      y="sum(population)"
      sort="-y"
      limit="10"
      title="Population par commune"
    ></odw-chart>
    <odw-filter field="population" type="range" label="Population municipale"></odw-filter>
    <odw-map
      span="full"
      mode="choropleth"
      shapes="/portal/files/communes-45-loiret.geojson"
      shapes-key="code"
      key="code_insee"
      value="sum(population)"
      only-matched
      title="Carte de la population"
    ></odw-map>
    <odw-table
      span="full"
      columns="commune,population,population_totale"
      sort="-population"
      page-size="5"
      title="Communes"
    ></odw-table>
  </odw-dashboard>`;

const meta = {
  title: 'Widgets/odw-dashboard',
  component: 'odw-dashboard',
  render: dashboard,
  args: {
    title: 'Orléans Métropole',
    description: 'Population légale 2025 des 22 communes',
    columns: 3,
    src: ODS,
    where: ORLEANS,
  },
  argTypes: {
    columns: {control: {type: 'number', min: 1, max: 12}},
    theme: {control: 'select', options: [undefined, 'light', 'dark', 'auto', 'dsfr']},
    lang: {control: 'select', options: [undefined, 'fr', 'en']},
  },
} satisfies Meta<DashboardArgs>;

export default meta;
type Story = StoryObj<DashboardArgs>;

/** Filters, key figures, a chart, a map and a table on one default source. */
export const Default: Story = {};

export const TwoColumns: Story = {args: {columns: 2}};

/** The grid follows the room it has: two columns under 45rem, one under 30rem. */
export const Narrow: Story = {render: (args) => html`<div style="max-width: 26rem">${dashboard(args)}</div>`};

export const Dark: Story = {args: {theme: 'dark'}};

export const Dsfr: Story = {args: {theme: 'dsfr'}};

export const English: Story = {
  args: {lang: 'en', title: 'Orléans Métropole', description: '2025 legal population'},
};

/** Reloads every 10 seconds: the widgets update in place. */
export const Refresh: Story = {args: {refresh: 10}};

const ANGERS_CONFIG = {
  title: 'Angers Loire Métropole',
  description: 'Tout ce tableau de bord est décrit en JSON.',
  columns: 3,
  sources: [{id: 'angers', src: ODS, where: ANGERS}],
  filters: [
    {field: 'commune', type: 'select', multiple: true, sort: 'label', label: 'Communes'},
    {field: 'population', type: 'range', label: 'Population municipale'},
  ],
  widgets: [
    {type: 'kpi', value: 'sum(population)', label: 'Habitants', unit: 'hab.'},
    {type: 'kpi', value: 'count()', label: 'Communes'},
    {type: 'kpi', value: 'max(population)', label: 'La plus peuplée', unit: 'hab.'},
    {type: 'chart', 'chart-type': 'bar', x: 'commune', y: 'sum(population)', sort: '-y', limit: 10, span: 2},
    {
      type: 'chart',
      'chart-type': 'donut',
      x: 'commune',
      y: 'sum(population)',
      sort: '-y',
      limit: 5,
      others: true,
    },
    {type: 'table', columns: 'commune,population', sort: '-population', 'page-size': 5, span: 'full'},
  ],
};

/** A dashboard whose configuration is a `<script type="application/json">` child. */
function fromScript(config: unknown, attributes: Record<string, string> = {}): HTMLElement {
  const element = document.createElement('odw-dashboard');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = JSON.stringify(config, null, 2);
  element.append(script);
  return element;
}

/** The whole dashboard from a JSON `<script>` child. */
export const JsonConfig: Story = {render: () => fromScript(ANGERS_CONFIG)};

/** The same configuration from a URL (`config="…"`; here a `data:` URL). */
export const JsonConfigUrl: Story = {
  render: () =>
    html`<odw-dashboard
      config=${`data:application/json,${encodeURIComponent(JSON.stringify(ANGERS_CONFIG))}`}
    ></odw-dashboard>`,
};

/** A slow portal (the emulator waits 10 s): every widget shows its placeholder. */
export const Loading: Story = {args: {src: `/portal/~latency=10000/${ODS_PATH}`}};

/** A default filter that matches nothing: the widgets say « Aucune donnée », the controls have no choice. */
export const Empty: Story = {args: {where: 'epci = "Nulle part"'}};

export const ErrorNotFound: Story = {
  name: 'Error: dataset not found',
  args: {src: '/portal/~status=404/ods/api/explore/v2.1/catalog/datasets/inconnu/records'},
};

/**
 * `refresh` on the dashboard, whose source answers its first requests (the widgets make 8, one
 * more in case two identical ones are not merged), then fails: every widget keeps its data, with
 * a dated notice.
 */
export const Stale: Story = {
  args: {refresh: 2},
  loaders: [async () => ({src: await failingAfter(ODS_PATH, 9)})],
  render: (args, {loaded}) => dashboard({...args, src: String(loaded.src)}),
};

/** A wrong configuration: each problem named with its path, instead of a blank dashboard. */
export const InvalidConfig: Story = {
  render: () =>
    fromScript({
      columns: '3',
      sources: [{id: 'pop', src: ODS}],
      widgets: [
        {type: 'kpi', value: 'sum(population)'},
        {type: 'chart', y: 'sum(population)'},
        {tpye: 'table'},
        {type: 'gauge'},
        {type: 'kpi', source: 'popp'},
      ],
    }),
};
