import {expect} from '@open-wc/testing';
import {scaleLinear} from 'd3-scale';
import {parse, View} from 'vega';
import {compile} from 'vega-lite';
import type {FieldInfo, Row} from '../../data/types.js';
import {buildChartData, type ChartData} from './chart-model.js';
import {planChart, type ChartAttributes} from './chart-plan.js';
import {chartToVegaLite, type VegaLiteTheme} from './chart-to-vega-lite.js';
import './odw-chart.messages.js';

const theme: VegaLiteTheme = {
  palette: ['#0072b2', '#e69f00', '#009e73', '#d55e00', '#cc79a7', '#56b4e9', '#000000', '#f0e442'],
  sequential: ['#bfdcec', '#0072b2'],
  others: '#767676',
};

const fields: FieldInfo[] = [
  {name: 'commune', label: 'Commune', type: 'text'},
  {name: 'pmun', label: 'Population municipale', type: 'int'},
  {name: 'pcap', label: 'Population comptée à part', type: 'int'},
  {name: 'date', label: 'Date', type: 'date'},
  {name: 'passages', label: 'Passages', type: 'int'},
];

/** INSEE, populations légales 2025: the six largest communes of Orléans Métropole. */
const COMMUNES: Array<[string, number, number]> = [
  ['Orléans', 116344, 2472],
  ['Olivet', 22988, 504],
  ['Saint-Jean-de-Braye', 22088, 623],
  ['Fleury-les-Aubrais', 21664, 211],
  ['Saran', 16866, 222],
  ['Saint-Jean-de-la-Ruelle', 16608, 234],
];
/** The 16 other communes of the métropole, summed: « Autres » of a top 6. */
const REST = {'sum(pmun)': 77115, 'sum(pcap)': 1613};

const communeRows: Row[] = COMMUNES.map(([commune, pmun, pcap]) => ({
  commune,
  pmun,
  pcap,
  'sum(pmun)': pmun,
  'sum(pcap)': pcap,
}));

/** Monthly passages of two counters in 2024, March missing (a gap on the time axis). */
const monthRows: Row[] = ['Orléans', 'Olivet'].flatMap((commune, series) =>
  [1, 2, 4, 5, 6].map((month) => ({
    'month(date)': `2024-0${month}-01`,
    commune,
    'sum(passages)': (series + 1) * 100 + month * 7,
  })),
);

function chart(attributes: ChartAttributes, rows: Row[] = communeRows, othersRows?: Row[]): ChartData {
  return buildChartData(
    planChart(attributes),
    {rows, total: rows.length, fields, meta: {}},
    {lang: 'fr', unit: attributes.type === 'scatter' ? undefined : 'hab.', othersRows},
  );
}

type VegaSpec = ReturnType<typeof compile>['spec'];

/** The types of the marks that draw data (groups are walked through). */
function markTypes(spec: {marks?: VegaSpec['marks']}): string[] {
  return (spec.marks ?? []).flatMap((mark) =>
    mark.type === 'group' ? markTypes(mark as {marks?: VegaSpec['marks']}) : [mark.type],
  );
}

/** Compiles the specification with Vega-Lite and runs it in a headless Vega view. */
async function draw(data: ChartData) {
  const spec = chartToVegaLite(data, theme, {width: 400, height: 300});
  const vega = compile(spec).spec;
  const view = new View(parse(vega), {renderer: 'none'});
  await view.runAsync();
  const domain = (name: string) => (view.scale(name) as unknown as {domain(): unknown[]}).domain();
  const range = (name: string) => (view.scale(name) as unknown as {range(): unknown[]}).range();
  return {spec, vega, view, domain, range};
}

/** The value axis as the chart draws it: the stacked extent, zero included, rounded outwards. */
function niceExtent(data: ChartData, zero = true): number[] {
  const bounds = data.points.filter((point) => point.v !== null).flatMap((point) => [point.v0, point.v1]);
  const extent = [Math.min(...bounds, ...(zero ? [0] : [])), Math.max(...bounds, ...(zero ? [0] : []))];
  return scaleLinear().domain(extent).nice().domain();
}

/** `#bfdcec` → `rgb(191, 220, 236)`. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;

interface SceneItem {
  marktype?: string;
  items?: SceneItem[];
  datum?: Record<string, unknown>;
  defined?: boolean;
  innerRadius?: number;
  outerRadius?: number;
}

/** The drawn items of the marks of `marktype`, found through the view's scene graph. */
function sceneItems(view: View, marktype: string): SceneItem[] {
  const walk = (node: SceneItem): SceneItem[] =>
    node.marktype === marktype ? (node.items ?? []) : (node.items ?? []).flatMap(walk);
  return walk((view.scenegraph() as unknown as {root: SceneItem}).root);
}

const labels = (data: ChartData) => data.categories.map((category) => category.label);

describe('chartToVegaLite', () => {
  it('draws a column of each commune and « Autres », in the chart order, the value axis over the same extent', async () => {
    const data = chart(
      {type: 'column', x: 'commune', y: 'sum(pmun)', sort: '-y', limit: 5, others: true},
      communeRows.slice(0, 5),
      [{'sum(pmun)': 93723}],
    );
    const {spec, vega, view, domain} = await draw(data);
    expect(markTypes(vega)).to.deep.equal(['rect']);
    expect(domain('x')).to.deep.equal(labels(data));
    expect(domain('x')).to.deep.equal([
      'Orléans',
      'Olivet',
      'Saint-Jean-de-Braye',
      'Fleury-les-Aubrais',
      'Saran',
      'Autres',
    ]);
    expect(domain('y')).to.deep.equal(niceExtent(data));
    expect(domain('y')).to.deep.equal([0, 120000]);
    const values = view.data('source_0');
    expect(values.map((row) => [row.category, row.value])).to.deep.include(['Autres', 93723]);
    expect(values).to.have.length(6);
    expect(values[0].tip).to.equal(data.points[0].tip);
    const encoding = (spec as {encoding: Record<string, {title?: string}>}).encoding;
    expect(encoding.x.title).to.equal('Commune');
    expect(encoding.y.title).to.equal('Population municipale (hab.)');
    expect((spec as {mark: {color: string}}).mark.color).to.equal(theme.palette[0]);
  });

  it('draws horizontal bars of two series side by side, coloured from the palette', async () => {
    const data = chart({type: 'bar', x: 'commune', y: 'sum(pmun), sum(pcap)'});
    const {vega, domain, range} = await draw(data);
    expect(markTypes(vega)).to.deep.equal(['rect']);
    expect(domain('y')).to.deep.equal(labels(data));
    expect(domain('yOffset')).to.deep.equal(data.series);
    expect(domain('x')).to.deep.equal(niceExtent(data));
    expect(domain('color')).to.deep.equal(['Population municipale', 'Population comptée à part']);
    expect(range('color')).to.deep.equal(theme.palette);
  });

  it('stacks series as the chart does: the first at the base, the totals on the value axis', async () => {
    const data = chart({type: 'column', x: 'commune', y: 'sum(pmun), sum(pcap)', stack: 'normal'});
    const {vega, view, domain} = await draw(data);
    expect(markTypes(vega)).to.deep.equal(['rect']);
    expect(domain('y')).to.deep.equal(niceExtent(data));
    expect(domain('y')[1]).to.be.at.least(116344 + 2472);
    const stacked = view.data('data_0');
    for (const point of data.points) {
      const drawn = stacked.find((row) => row.category === point.k && row.series === point.s);
      expect([drawn!.value_start, drawn!.value_end], `${point.k} – ${point.s}`).to.deep.equal([
        point.v0,
        point.v1,
      ]);
    }
  });

  it('stacks to 100 % with the same shares as the chart', async () => {
    const data = chart({type: 'bar', x: 'commune', y: 'sum(pmun), sum(pcap)', stack: 'percent'});
    const {vega, view, domain} = await draw(data);
    expect(markTypes(vega)).to.deep.equal(['rect']);
    expect(domain('x')).to.deep.equal([0, 1]);
    const stacked = view.data('data_0');
    for (const point of data.points) {
      const drawn = stacked.find((row) => row.category === point.k && row.series === point.s);
      expect(drawn!.value_start).to.be.closeTo(point.v0, 1e-12);
      expect(drawn!.value_end).to.be.closeTo(point.v1, 1e-12);
    }
  });

  it('draws monthly lines on a UTC time axis, with the empty month as a gap', async () => {
    const data = chart(
      {type: 'line', x: 'date', y: 'sum(passages)', timeunit: 'month', series: 'commune'},
      monthRows,
    );
    const {spec, vega, view, domain} = await draw(data);
    expect(markTypes(vega)).to.deep.equal(['line', 'symbol']);
    const times = data.points.map((point) => point.t!);
    expect(domain('x').map(Number)).to.deep.equal([Math.min(...times), Math.max(...times)]);
    expect(domain('x').map(Number)).to.deep.equal([Date.UTC(2024, 0, 1), Date.UTC(2024, 5, 1)]);
    expect(domain('y')).to.deep.equal(niceExtent(data));
    expect(domain('color')).to.deep.equal(['Orléans', 'Olivet']);
    const march = view.data('source_0').filter((row) => row.time === '2024-03-01T00:00:00.000Z');
    expect(march.map((row) => row.value)).to.deep.equal([null, null]);
    // Each line breaks there: its March vertex is not defined.
    const undefinedVertices = sceneItems(view, 'line').filter((item) => item.defined === false);
    expect(undefinedVertices.map((item) => [item.datum!.series, item.datum!.time])).to.deep.equal([
      ['Orléans', Date.UTC(2024, 2, 1)],
      ['Olivet', Date.UTC(2024, 2, 1)],
    ]);
    const x = (spec as {encoding: {x: {timeUnit: unknown}}}).encoding.x;
    expect(x.timeUnit).to.deep.equal({unit: 'yearmonth', utc: true});
  });

  it('stacks the areas of several series, as the chart always does', async () => {
    const data = chart(
      {type: 'area', x: 'date', y: 'sum(passages)', timeunit: 'month', series: 'commune'},
      monthRows,
    );
    const {vega, domain} = await draw(data);
    expect(markTypes(vega)).to.deep.equal(['area', 'symbol']);
    expect(domain('y')).to.deep.equal(niceExtent(data));
    expect(domain('y')[1]).to.be.at.least(100 + 42 + 200 + 42);
  });

  it('draws a line over categories on a point scale in their order', async () => {
    // The server answers in ascending order.
    const data = chart({type: 'line', x: 'commune', y: 'sum(pmun)', sort: 'y'}, [...communeRows].reverse());
    const {vega, domain} = await draw(data);
    expect(markTypes(vega)).to.deep.equal(['line', 'symbol']);
    expect(domain('x')).to.deep.equal(labels(data));
    expect(domain('x')[0]).to.equal('Saint-Jean-de-la-Ruelle');
  });

  it('draws the slices of a pie in the chart order, « Autres » last in grey', async () => {
    const data = chart({type: 'pie', x: 'commune', y: 'sum(pmun)', limit: 6, others: true}, communeRows, [
      REST,
    ]);
    const {vega, view, domain, range} = await draw(data);
    expect(markTypes(vega)).to.deep.equal(['arc']);
    expect(domain('color')).to.deep.equal(labels(data));
    expect(domain('color').at(-1)).to.equal('Autres');
    expect(range('color')).to.deep.equal([...theme.palette.slice(0, 6), theme.others]);
    expect(domain('theta')).to.deep.equal([0, 293673]);
    // The same angles as the chart's slices.
    for (const row of view.data('data_0')) {
      const point = data.points.find((candidate) => candidate.k === row.category)!;
      expect((row.value_start / 293673) * 2 * Math.PI).to.be.closeTo(point.a0!, 1e-9);
      expect((row.value_end / 293673) * 2 * Math.PI).to.be.closeTo(point.a1!, 1e-9);
    }
  });

  it('draws a donut with the chart’s hole', async () => {
    const data = chart({type: 'donut', x: 'commune', y: 'sum(pmun)'});
    const {vega, view} = await draw(data);
    expect(markTypes(vega)).to.deep.equal(['arc']);
    const [slice] = sceneItems(view, 'arc');
    expect(slice.innerRadius! / slice.outerRadius!).to.be.closeTo(0.55, 1e-9);
  });

  it('draws a scatter plot of records over both extents, without zero', async () => {
    const data = chart({type: 'scatter', x: 'pmun', y: 'pcap'});
    const {vega, domain} = await draw(data);
    expect(markTypes(vega)).to.deep.equal(['symbol']);
    const xs = data.points.map((point) => point.t!);
    const ys = data.points.map((point) => point.v!);
    expect(domain('x')).to.deep.equal(
      scaleLinear()
        .domain([Math.min(...xs), Math.max(...xs)])
        .nice()
        .domain(),
    );
    expect(domain('y')).to.deep.equal(
      scaleLinear()
        .domain([Math.min(...ys), Math.max(...ys)])
        .nice()
        .domain(),
    );
    expect(domain('y')[0]).to.be.above(0);
  });

  it('shades one series by its value with color="value"', async () => {
    const data = chart({type: 'column', x: 'commune', y: 'sum(pmun)', color: 'value'});
    const {domain, range} = await draw(data);
    expect(domain('color')).to.deep.equal([16608, 116344]);
    // Vega's colour interpolation writes them as rgb().
    expect(range('color')).to.deep.equal(theme.sequential.map(rgb));
  });

  it('gives only the data the chart draws, and no size without one', () => {
    const empty = chart({type: 'column', x: 'commune', y: 'sum(pmun)'}, []);
    const spec = chartToVegaLite(empty, theme) as {data: {values: unknown[]}; width?: number};
    expect(spec.data.values).to.deep.equal([]);
    expect(spec.width).to.equal(undefined);
    expect(() => compile(spec as Parameters<typeof compile>[0])).not.to.throw();
  });
});
