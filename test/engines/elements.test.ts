/**
 * One test per element that must hold in Chromium, Firefox and WebKit alike (CROSS_ENGINE_FILES in
 * web-test-runner.config.mjs): each draws the emulator's Orléans data in French and passes axe.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import '../../src/elements/odw-builder/define.js';
import type {OdwSource} from '../../src/elements/odw-source/odw-source.js';
import {drawn, mount, normalize, shadow} from '../helpers.js';
import {LOIRET, ODS, ORLEANS} from '../theme/widgets.js';
import {communesTable, fiveCommunesChart, filteredPopulation} from './widgets.js';

const text = (el: Element, selector: string) =>
  [...shadow(el).querySelectorAll(selector)].map((node) => normalize(node.textContent));

async function first<T extends Element>(template: ReturnType<typeof html>, tag: string): Promise<T> {
  const container = await mount(template, 900);
  return container.querySelector<T>(tag)!;
}

describe('every element in this engine', function () {
  this.timeout(60_000);

  it('odw-kpi shows the figure in French', async () => {
    const kpi = await first(
      html`<odw-kpi src=${ODS} where=${ORLEANS} value="sum(population)" label="Habitants"></odw-kpi>`,
      'odw-kpi',
    );
    await drawn(kpi);
    expect(text(kpi, '[part~=value]')).to.deep.equal(['293 673']);
    await expect(kpi).to.be.accessible();
  });

  it('odw-chart draws a bar per commune, with its summary', async () => {
    const chart = await first(fiveCommunesChart(), 'odw-chart');
    await drawn(chart);
    await waitUntil(() => shadow(chart).querySelectorAll('.vega svg .mark-rect path').length === 5);
    expect(text(chart, '#summary')[0]).to.contain('Orléans');
    await expect(chart).to.be.accessible();
  });

  it('odw-map colours the 22 communes of the métropole', async () => {
    const map = await first(
      html`<odw-map
        src=${ODS}
        where=${ORLEANS}
        mode="choropleth"
        shapes=${LOIRET}
        shapes-key="code"
        key="code_insee"
        value="sum(population)"
        only-matched
        title="Carte"
      ></odw-map>`,
      'odw-map',
    );
    await drawn(map);
    await waitUntil(() => shadow(map).querySelectorAll('svg.map-svg path.area').length >= 22, 'areas', {
      timeout: 30_000,
    });
    await expect(map).to.be.accessible();
  });

  it('odw-table lists rows with French numbers and pages', async () => {
    const table = await first(communesTable(), 'odw-table');
    await drawn(table);
    expect(text(table, 'tbody tr')).to.have.length(5);
    expect(text(table, 'tbody tr:first-child > *')).to.deep.equal(['Orléans', '116 344']);
    await expect(table).to.be.accessible();
  });

  it('odw-filter and odw-source filter every widget of the source', async () => {
    const container = await mount(filteredPopulation('engines-source', 'select'));
    const filter = container.querySelector('odw-filter')!;
    const kpi = container.querySelector('odw-kpi')!;
    await drawn(filter);
    await drawn(kpi);
    const select = shadow(filter).querySelector('select')!;
    const commune = [...select.options].find((option) => option.value)!;
    select.value = commune.value;
    select.dispatchEvent(new Event('change'));
    const source = container.querySelector<OdwSource>('odw-source')!;
    await waitUntil(() => text(kpi, '[part~=value]')[0] !== '293 673', 'the figure follows the filter');
    expect(JSON.stringify(source.filters)).to.contain(JSON.stringify(commune.value));
    await expect(filter).to.be.accessible();
  });

  it('odw-dashboard lays out a JSON configuration', async () => {
    const dashboard = await first(
      html`<odw-dashboard config="/test/fixtures/dashboard-orleans.json"></odw-dashboard>`,
      'odw-dashboard',
    );
    await waitUntil(() => shadow(dashboard).querySelector('odw-kpi'), 'the widgets', {timeout: 30_000});
    const kpi = shadow(dashboard).querySelector('odw-kpi')!;
    await drawn(kpi);
    await expect(dashboard).to.be.accessible();
  });

  it('odw-builder opens on the dataset step', async () => {
    const builder = await first(html`<odw-builder lang="fr"></odw-builder>`, 'odw-builder');
    await waitUntil(() => shadow(builder).querySelector('#url'), 'the address field');
    await expect(builder).to.be.accessible();
  });
});
