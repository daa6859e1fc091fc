import {expect} from '@open-wc/testing';
import type {QueryResult} from '../../data/types.js';
import {SPEC_TRANSFORMS, buildSpec, operatorTypes} from './chart-engine.js';
import {buildChartData, planChart, type ChartAttributes} from './chart-model.js';
import type {ChartTheme} from './chart-spec.js';

const theme: ChartTheme = {
  palette: ['#0072b2', '#e69f00', '#009e73', '#d55e00', '#cc79a7', '#56b4e9', '#000000', '#f0e442'],
  sequential: {end: '#0072b2'},
  text: '#1f2328',
  muted: '#59636e',
  grid: '#d1d9e0',
  background: '#ffffff',
  focus: '#0b5fad',
  font: 'sans-serif',
  forced: false,
};

function result(rows: QueryResult['rows']): QueryResult {
  return {
    rows,
    total: rows.length,
    fields: [
      {name: 'commune', label: 'Commune', type: 'text'},
      {name: 'epci', label: 'EPCI', type: 'text'},
      {name: 'date', label: 'Date', type: 'date'},
      {name: 'a', label: 'A', type: 'int'},
      {name: 'b', label: 'B', type: 'int'},
    ],
    meta: {},
  };
}

const groupRows = [
  {commune: 'Orléans', epci: 'O', 'sum(a)': 10, 'sum(b)': 2},
  {commune: 'Olivet', epci: 'O', 'sum(a)': 4, 'sum(b)': 1},
  {commune: 'Dijon', epci: 'D', 'sum(a)': 7, 'sum(b)': 3},
];
const monthRows = [
  {'month(date)': '2024-01-01', 'count()': 2},
  {'month(date)': '2024-03-01', 'count()': 1},
];
const scatterRows = [
  {a: 1, b: 2, epci: 'O'},
  {a: 3, b: 1, epci: 'D'},
];

/** Every form of chart the attributes can ask for. */
const configurations: Array<[ChartAttributes, QueryResult['rows']]> = [];
for (const type of ['column', 'bar', 'line', 'area']) {
  configurations.push(
    [{type, x: 'commune', y: 'sum(a)'}, groupRows],
    [{type, x: 'commune', y: 'sum(a), sum(b)'}, groupRows],
    [{type, x: 'commune', y: 'sum(a), sum(b)', stack: 'normal'}, groupRows],
    [{type, x: 'commune', y: 'sum(a), sum(b)', stack: 'percent'}, groupRows],
    [{type, x: 'commune', y: 'sum(a)', series: 'epci'}, groupRows],
    [{type, x: 'date', y: 'count()', timeunit: 'month'}, monthRows],
    [{type, x: 'commune', y: 'sum(a)', color: 'value'}, groupRows],
  );
}
for (const type of ['pie', 'donut']) configurations.push([{type, x: 'commune', y: 'sum(a)'}, groupRows]);
configurations.push(
  [{type: 'scatter', x: 'a', y: 'b'}, scatterRows],
  [{type: 'scatter', x: 'a', y: 'b', series: 'epci'}, scatterRows],
  [{type: 'scatter', x: 'a', y: 'b', color: 'value'}, scatterRows],
);

describe('odw-chart engine', () => {
  it('registers exactly the Vega operators that the generated specifications use', () => {
    const used = new Set<string>();
    for (const [attributes, rows] of configurations) {
      const data = buildChartData(planChart(attributes), result(rows), {lang: 'fr'});
      for (const width of [300, 800]) {
        for (const forced of [false, true]) {
          const types = operatorTypes(buildSpec(data, {...theme, forced}, {width, height: 300}, 'fr'));
          const missing = [...types].filter((type) => !(type in SPEC_TRANSFORMS));
          expect(missing, `${JSON.stringify(attributes)} needs ${missing.join(', ')}`).to.deep.equal([]);
          types.forEach((type) => used.add(type));
        }
      }
    }
    expect([...used].sort()).to.deep.equal(Object.keys(SPEC_TRANSFORMS).sort());
  });
});
