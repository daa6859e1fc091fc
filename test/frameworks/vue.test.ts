/**
 * The elements inside a Vue 3 app whose template is compiled in the browser: `odw-*` tags declared
 * as custom elements, attributes and `:bindings`, an object through `.prop`, and `@odw-*` listeners.
 */
import {expect, waitUntil} from '@open-wc/testing';
// The browser build: ES modules without `process.env`, with the template compiler.
import {createApp, nextTick, ref, type App} from 'vue/dist/vue.esm-browser.js';
import type {OdwFilterChangeEvent, OdwLoadEvent} from '../../src/core/events.js';
import '../../src/elements/odw-chart/define.js';
import type {OdwChart} from '../../src/elements/odw-chart/odw-chart.js';
import '../../src/elements/odw-kpi/define.js';
import '../../src/elements/odw-source/define.js';
import {normalize, part, shadow} from '../helpers.js';

const ODS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const ORLEANS = 'epci = "Orléans Métropole"';
const DIJON = 'epci = "Dijon Métropole"';
const RED_BARS = {mark: {type: 'bar', color: '#aa0000'}};

const template = `
  <main>
    <h1>Population des communes</h1>
    <odw-source id="vue-population" :src="src" :where="where" @odw-filter-change="filterChanges.push($event)"></odw-source>
    <odw-kpi source="vue-population" value="sum(population)" label="Habitants" @odw-load="loads.push($event)"></odw-kpi>
    <odw-chart source="vue-population" x="commune" y="sum(population)" sort="-y" filter-on-click
               :spec.prop="spec" @odw-select="chosen = $event.detail.datum.commune"></odw-chart>
    <p class="chosen">{{ chosen ? 'Commune choisie : ' + chosen : 'Aucune commune choisie' }}</p>
  </main>`;

describe('inside a Vue 3 app', function () {
  this.timeout(60_000);

  let container: HTMLElement;
  let app: App;
  const where = ref(ORLEANS);
  const spec = ref<object | undefined>();
  const loads = ref<OdwLoadEvent[]>([]);
  const filterChanges = ref<OdwFilterChangeEvent[]>([]);

  function mountApp(): void {
    app = createApp({
      template,
      setup: () => ({src: ODS, where, spec, loads, filterChanges, chosen: ref('')}),
    });
    app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('odw-');
    app.mount(container);
  }

  const kpi = () => container.querySelector('odw-kpi')!;
  const chart = () => container.querySelector<OdwChart>('odw-chart')!;
  const kpiValue = () => normalize(part(kpi(), 'value')?.textContent);
  const bars = () => [...shadow(chart()).querySelectorAll('.vega svg .mark-rect path')];

  beforeEach(() => {
    where.value = ORLEANS;
    spec.value = undefined;
    loads.value = [];
    filterChanges.value = [];
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    app.unmount();
    container.remove();
  });

  it('passes attributes and an object property, and the widgets draw the data', async () => {
    spec.value = RED_BARS;
    mountApp();
    await waitUntil(() => kpiValue() === '293 673', 'the key figure of Orléans Métropole', {timeout: 20_000});
    await waitUntil(() => bars().length === 22, 'a bar per commune', {timeout: 20_000});
    expect(chart().spec, 'Vue set the property, not an attribute').to.deep.equal(RED_BARS);
    expect(chart().hasAttribute('spec')).to.equal(false);
    expect(chart().getAttribute('x')).to.equal('commune');
    expect(chart().hasAttribute('filter-on-click')).to.equal(true);
    expect(bars()[0].getAttribute('fill'), 'the .spec is merged into the chart').to.equal('#aa0000');
  });

  it('hands odw-load, odw-select and odw-filter-change to Vue listeners', async () => {
    mountApp();
    await waitUntil(() => bars().length === 22 && kpiValue() === '293 673', 'drawn', {timeout: 20_000});
    expect(loads.value.at(-1)!.detail.rows[0]['sum(population)']).to.equal(293673);
    bars()[0].dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true, clientX: 1, clientY: 1}));
    await waitUntil(
      () => normalize(container.querySelector('.chosen')!.textContent) === 'Commune choisie : Orléans',
      'Vue state updated from odw-select',
    );
    await waitUntil(() => kpiValue() === '116 344', 'the key figure filtered on Orléans', {timeout: 20_000});
    expect(filterChanges.value).to.have.length(1);
    expect(filterChanges.value[0].detail.filters).to.have.length(1);
    expect(loads.value.at(-1)!.detail.rows[0]['sum(population)']).to.equal(116344);
  });

  it('follows reactive data: new attribute and new object', async () => {
    spec.value = RED_BARS;
    mountApp();
    await waitUntil(() => kpiValue() === '293 673', 'Orléans Métropole', {timeout: 20_000});
    where.value = DIJON;
    spec.value = {mark: {type: 'bar', color: '#0000aa'}};
    await nextTick();
    expect(container.querySelector('odw-source')!.getAttribute('where')).to.equal(DIJON);
    await waitUntil(() => kpiValue() === '258 630', 'Dijon Métropole', {timeout: 20_000});
    await waitUntil(() => bars()[0]?.getAttribute('fill') === '#0000aa', 'the new .spec drawn', {
      timeout: 20_000,
    });
  });

  it('is accessible', async () => {
    mountApp();
    await waitUntil(() => bars().length === 22 && kpiValue() === '293 673', 'drawn', {timeout: 20_000});
    await expect(container).to.be.accessible();
  });
});
