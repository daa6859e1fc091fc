import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import '../src/elements/odw-chart/define.js';
import '../src/elements/odw-kpi/define.js';
import {failingAfter} from './portal-faults.js';

/** The emulated portals: Storybook mounts the emulator on its own origin under `/portal/`. */
const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ODS = `/portal/${ODS_PATH}`;
const FESTIVALS = '/portal/ods/api/explore/v2.1/catalog/datasets/festivals-du-finistere/records';
const ORLEANS = 'epci = "Orléans Métropole"';
const SINCE_2019 = "date_debut_ancien >= date'2019-01-01'";

interface ChartArgs {
  type?: 'column' | 'bar' | 'line' | 'area' | 'pie' | 'donut' | 'scatter';
  src?: string;
  x?: string;
  y?: string;
  series?: string;
  stack?: 'normal' | 'percent';
  sort?: 'x' | '-x' | 'y' | '-y';
  limit?: number;
  others?: boolean;
  timeunit?: 'year' | 'month' | 'week' | 'day' | 'hour';
  where?: string;
  height?: number;
  unit?: string;
  color?: 'value';
  title?: string;
  description?: string;
  lang?: 'fr' | 'en';
  theme?: 'light' | 'dark' | 'auto' | 'dsfr';
  noAttribution?: boolean;
  refresh?: number;
}

const chart = (args: ChartArgs) =>
  html`<odw-chart
    type=${ifDefined(args.type)}
    src=${ifDefined(args.src)}
    x=${ifDefined(args.x)}
    y=${ifDefined(args.y)}
    series=${ifDefined(args.series)}
    stack=${ifDefined(args.stack)}
    sort=${ifDefined(args.sort)}
    limit=${ifDefined(args.limit)}
    ?others=${args.others}
    timeunit=${ifDefined(args.timeunit)}
    where=${ifDefined(args.where)}
    height=${ifDefined(args.height)}
    unit=${ifDefined(args.unit)}
    color=${ifDefined(args.color)}
    title=${ifDefined(args.title)}
    description=${ifDefined(args.description)}
    lang=${ifDefined(args.lang)}
    theme=${ifDefined(args.theme)}
    ?no-attribution=${args.noAttribution}
    refresh=${ifDefined(args.refresh)}
  ></odw-chart>`;

const meta = {
  title: 'Widgets/odw-chart',
  component: 'odw-chart',
  render: chart,
  args: {
    src: ODS,
    x: 'commune',
    y: 'sum(population)',
    where: ORLEANS,
    sort: '-y',
    title: 'Population des communes d’Orléans Métropole',
  },
  argTypes: {
    type: {
      control: 'select',
      options: [undefined, 'column', 'bar', 'line', 'area', 'pie', 'donut', 'scatter'],
    },
    stack: {control: 'select', options: [undefined, 'normal', 'percent']},
    sort: {control: 'select', options: [undefined, 'x', '-x', 'y', '-y']},
    timeunit: {control: 'select', options: [undefined, 'year', 'month', 'week', 'day', 'hour']},
    theme: {control: 'select', options: [undefined, 'light', 'dark', 'auto', 'dsfr']},
    lang: {control: 'select', options: [undefined, 'fr', 'en']},
    color: {control: 'select', options: [undefined, 'value']},
  },
} satisfies Meta<ChartArgs>;

export default meta;
type Story = StoryObj<ChartArgs>;

/** 22 columns, grouped by the Opendatasoft API (`group_by=commune`). */
export const Column: Story = {args: {unit: 'hab.'}};

export const Bar: Story = {args: {type: 'bar', height: 560}};

export const TopTenWithOthers: Story = {
  name: 'Top 10 and « Autres »',
  args: {type: 'bar', limit: 10, others: true, height: 400},
};

export const Pie: Story = {args: {type: 'pie', limit: 6, others: true}};

export const Donut: Story = {args: {type: 'donut', limit: 6, others: true}};

/** Festivals by month of their last edition: empty months stay empty. */
export const LineByMonth: Story = {
  args: {
    type: 'line',
    src: FESTIVALS,
    x: 'date_debut_ancien',
    timeunit: 'month',
    y: 'count()',
    where: undefined,
    sort: undefined,
    title: 'Festivals du Finistère par mois de début',
  },
};

export const ColumnsByYear: Story = {
  args: {
    ...LineByMonth.args,
    type: 'column',
    timeunit: 'year',
    x: 'date_de_creation',
    title: 'Festivals par année de création',
  },
};

export const Area: Story = {
  args: {type: 'area', y: 'sum(population), sum(population_comptee_a_part)', sort: '-y', limit: 12},
};

export const Stacked: Story = {
  args: {y: 'sum(population), sum(population_comptee_a_part)', stack: 'normal', limit: 10},
};

export const StackedPercent: Story = {
  args: {y: 'sum(population), sum(population_comptee_a_part)', stack: 'percent', limit: 10},
};

/** Three métropoles as series of their département. */
export const Series: Story = {
  args: {
    x: 'code_departement',
    series: 'epci',
    where: 'epci in ("Orléans Métropole", "Dijon Métropole", "Communauté urbaine Angers Loire Métropole")',
    sort: 'x',
  },
};

export const Scatter: Story = {
  args: {type: 'scatter', x: 'population', y: 'population_totale', sort: undefined},
};

/** One series shaded by its value (sequential scheme), light to dark; the axis still reads the values. */
export const ShadedByValue: Story = {
  name: 'Shaded by value (color="value")',
  args: {type: 'bar', color: 'value', limit: 12, height: 420},
};

/** The two largest départements, each broken down by EPCI, and the rest in « Autres ». */
export const SeriesTopWithOthers: Story = {
  name: 'Series, top 2 and « Autres »',
  args: {
    ...Series.args,
    sort: '-y',
    limit: 2,
    others: true,
  },
};

export const English: Story = {args: {lang: 'en', limit: 8, unit: 'inhabitants'}};

export const Dark: Story = {
  args: {theme: 'dark', type: 'donut', limit: 6, others: true},
  parameters: {backgrounds: {default: 'dark'}},
};

export const Dsfr: Story = {name: 'DSFR', args: {theme: 'dsfr', limit: 10}};

export const Loading: Story = {args: {src: `/portal/~latency=10000/${ODS_PATH}`}};

export const Empty: Story = {args: {where: 'epci = "Nulle part"'}};

/** The first answers are good (metadata, values), every refresh then fails: the chart stays, with a dated notice. */
export const Stale: Story = {
  args: {refresh: 2},
  loaders: [async () => ({src: await failingAfter(ODS_PATH, 2)})],
  render: (args, {loaded}) => chart({...args, src: String(loaded.src)}),
};

/** Click a month: every widget of the source keeps that month only (a date range); click again to clear. */
export const FilterOnMonth: Story = {
  render: () =>
    html`<odw-source id="story-chart-festivals" src=${FESTIVALS}></odw-source>
      <odw-kpi source="story-chart-festivals" value="count()" label="Festivals"></odw-kpi>
      <odw-chart
        source="story-chart-festivals"
        x="date_debut_ancien"
        timeunit="month"
        where=${SINCE_2019}
        title="Festivals par mois de début"
        filter-on-click
      ></odw-chart>`,
};

export const ErrorNotFound: Story = {
  name: 'Error: dataset not found',
  args: {src: '/portal/~status=404/ods/api/explore/v2.1/catalog/datasets/inconnu/records'},
};

export const ErrorMissingX: Story = {name: 'Error: no x', args: {x: undefined}};

/** A `.spec` merged into the generated Vega-Lite specification (compiler loaded on demand). */
export const VegaLiteSpec: Story = {
  render: (args) =>
    html`<odw-chart
      src=${ODS}
      x="commune"
      y="sum(population)"
      where=${ORLEANS}
      sort="-y"
      limit="8"
      type=${ifDefined(args.type)}
    >
      <script type="application/json">
        {
          "title": "Spécification Vega-Lite fusionnée",
          "mark": {"type": "bar", "color": "#6a6af4", "cornerRadiusEnd": 4}
        }
      </script>
    </odw-chart>`,
};

/** Click (or Enter on) a column: the KPI and the pie, bound to the same source, follow. */
export const FilterOnClick: Story = {
  render: () =>
    html`<odw-source id="story-chart-pop" src=${ODS} where=${ORLEANS}></odw-source>
      <odw-kpi source="story-chart-pop" value="sum(population)" label="Habitants"></odw-kpi>
      <odw-chart
        source="story-chart-pop"
        x="commune"
        y="sum(population)"
        sort="-y"
        limit="10"
        filter-on-click
      ></odw-chart>
      <odw-chart
        source="story-chart-pop"
        type="pie"
        x="commune"
        y="sum(population)"
        limit="5"
        others
      ></odw-chart>`,
};

/** Two charts side by side in a grid: each fills its column. */
export const InAGrid: Story = {
  render: () =>
    html`<div style="display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 1rem">
      ${chart({...meta.args, limit: 6})} ${chart({...meta.args, type: 'donut', limit: 5, others: true})}
    </div>`,
};
