/**
 * The elements inside a React 19 app: React sets attributes, hands objects to the properties the
 * elements declare, and listens to `odw-*` events through `on<event name>` props.
 */
import {expect, waitUntil} from '@open-wc/testing';
// React is CommonJS: served through the commonjs plugin of web-test-runner.config.mjs, which gives
// each package a default export only.
import React from 'react';
import ReactDOM from 'react-dom';
import ReactDOMClient from 'react-dom/client';
import type {OdwFilterChangeEvent, OdwLoadEvent, OdwSelectEvent} from '../../src/core/events.js';
import '../../src/elements/odw-chart/define.js';
import type {OdwChart} from '../../src/elements/odw-chart/odw-chart.js';
import '../../src/elements/odw-kpi/define.js';
import '../../src/elements/odw-source/define.js';
import {normalize, part, shadow} from '../helpers.js';

const ODS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ORLEANS = 'epci = "Orléans Métropole"';
const DIJON = 'epci = "Dijon Métropole"';

interface AppProps {
  where: string;
  spec?: object;
  onLoad: (event: OdwLoadEvent) => void;
  onFilterChange: (event: OdwFilterChangeEvent) => void;
}

/** A small React app: a heading, a source, a key figure, a chart that filters on click, and what was chosen. */
function App({where, spec, onLoad, onFilterChange}: AppProps) {
  const [chosen, setChosen] = React.useState('');
  const h = React.createElement;
  return h(
    'main',
    null,
    h('h1', null, 'Population des communes'),
    h('odw-source', {id: 'react-population', src: ODS, where, 'onodw-filter-change': onFilterChange}),
    h('odw-kpi', {
      source: 'react-population',
      value: 'sum(population)',
      label: 'Habitants',
      'onodw-load': onLoad,
    }),
    h('odw-chart', {
      source: 'react-population',
      x: 'commune',
      y: 'sum(population)',
      sort: '-y',
      'filter-on-click': true,
      spec,
      'onodw-select': (event: OdwSelectEvent) => setChosen(String(event.detail.datum.commune)),
    }),
    h('p', {className: 'chosen'}, chosen ? `Commune choisie : ${chosen}` : 'Aucune commune choisie'),
  );
}

const RED_BARS = {mark: {type: 'bar', color: '#aa0000'}};

describe('inside a React 19 app', function () {
  this.timeout(60_000);

  let container: HTMLElement;
  let root: ReturnType<typeof ReactDOMClient.createRoot>;
  let loads: OdwLoadEvent[];
  let filterChanges: OdwFilterChangeEvent[];

  function render(where: string, spec?: object): void {
    const props: AppProps = {
      where,
      spec,
      onLoad: (event) => loads.push(event),
      onFilterChange: (event) => filterChanges.push(event),
    };
    ReactDOM.flushSync(() => root.render(React.createElement(App, props)));
  }

  const kpi = () => container.querySelector('odw-kpi')!;
  const chart = () => container.querySelector<OdwChart>('odw-chart')!;
  const kpiValue = () => normalize(part(kpi(), 'value')?.textContent);
  const bars = () => [...shadow(chart()).querySelectorAll('.vega svg .mark-rect path')];

  beforeEach(() => {
    loads = [];
    filterChanges = [];
    container = document.createElement('div');
    document.body.append(container);
    root = ReactDOMClient.createRoot(container);
  });

  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it('passes attributes and an object property, and the widgets draw the data', async () => {
    render(ORLEANS, RED_BARS);
    await waitUntil(() => kpiValue() === '293 673', 'the key figure of Orléans Métropole', {timeout: 20_000});
    await waitUntil(() => bars().length === 22, 'a bar per commune', {timeout: 20_000});
    expect(chart().spec, 'React set the property, not an attribute').to.deep.equal(RED_BARS);
    expect(chart().hasAttribute('spec')).to.equal(false);
    expect(chart().getAttribute('x')).to.equal('commune');
    expect(chart().hasAttribute('filter-on-click')).to.equal(true);
    expect(bars()[0].getAttribute('fill'), 'the .spec is merged into the chart').to.equal('#aa0000');
  });

  it('hands odw-load, odw-select and odw-filter-change to React handlers', async () => {
    render(ORLEANS);
    await waitUntil(() => bars().length === 22 && kpiValue() === '293 673', 'drawn', {timeout: 20_000});
    expect(loads.at(-1)!.detail.rows[0]['sum(population)']).to.equal(293673);
    bars()[0].dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true, clientX: 1, clientY: 1}));
    await waitUntil(
      () => normalize(container.querySelector('.chosen')!.textContent) === 'Commune choisie : Orléans',
      'React state updated from odw-select',
    );
    await waitUntil(() => kpiValue() === '116 344', 'the key figure filtered on Orléans', {timeout: 20_000});
    expect(filterChanges).to.have.length(1);
    expect(filterChanges[0].detail.filters).to.have.length(1);
    expect(loads.at(-1)!.detail.rows[0]['sum(population)']).to.equal(116344);
  });

  it('follows a React re-render: new attribute and new object', async () => {
    render(ORLEANS, RED_BARS);
    await waitUntil(() => kpiValue() === '293 673', 'Orléans Métropole', {timeout: 20_000});
    render(DIJON, {mark: {type: 'bar', color: '#0000aa'}});
    await waitUntil(() => kpiValue() === '258 630', 'Dijon Métropole', {timeout: 20_000});
    expect(container.querySelector('odw-source')!.getAttribute('where')).to.equal(DIJON);
    await waitUntil(() => bars()[0]?.getAttribute('fill') === '#0000aa', 'the new .spec drawn', {
      timeout: 20_000,
    });
  });

  it('is accessible', async () => {
    render(ORLEANS);
    await waitUntil(() => bars().length === 22 && kpiValue() === '293 673', 'drawn', {timeout: 20_000});
    await expect(container).to.be.accessible();
  });
});
