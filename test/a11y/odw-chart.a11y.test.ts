/**
 * odw-chart beyond axe (issue 16 item 8), besides what src/elements/odw-chart/ already tests (the
 * marks' keys in odw-chart.keyboard.test.ts, text at 200 % in odw-chart.layout.test.ts): the Tab
 * stops and the actions menu, names that say which chart, forced colours as Chromium draws them,
 * and the live region after a filter.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/elements/odw-chart/define.js';
import '../../src/elements/odw-source/define.js';
import '../../src/elements/odw-filter/define.js';
import {drawn, mount} from '../helpers.js';
import {
  ACTIONS,
  ODS,
  ORLEANS,
  deepActive,
  expectActionsMenu,
  focusByKeyboard,
  forcedColors,
  inActions,
  invisibleText,
  liveRegionText,
  tabWalk,
  tree,
} from './helpers.js';

const chart = (title: string, y = 'sum(population)') =>
  html`<odw-chart
    src=${ODS}
    where=${ORLEANS}
    type="column"
    x="commune"
    y=${y}
    sort="-y"
    limit="5"
    title=${title}
  ></odw-chart>`;

async function chartsOf(...templates: ReturnType<typeof html>[]): Promise<HTMLElement[]> {
  const container = await mount(html`${templates}`, 800);
  const charts = [...container.querySelectorAll<HTMLElement>('odw-chart')];
  for (const one of charts) await drawn(one);
  return charts;
}

describe('odw-chart beyond axe', function () {
  this.timeout(60_000);

  it('is five Tab stops: « Voir les données », one actions menu, the marks, the source’s two links', async () => {
    const [el] = await chartsOf(chart('Les communes'));
    const stops = await tabWalk(el.parentElement!);
    const names = stops.map((stop) => stop.name);
    const actions = stops.filter(
      (stop) => inActions(stop.element) && stop.name !== 'button: Voir les données',
    );
    expect(actions.length, `one stop in the actions: ${names.join(' | ')}`).to.equal(1);
    expect(names).to.include('button: Voir les données');
    expect(names.filter((name) => name.startsWith('listbox: '))).to.have.length(1);
    expect(names.filter((name) => name.startsWith('link: '))).to.deep.equal([
      'link: Populations légales 2025 des communes, Insee',
      'link: Licence Ouverte v2.0 (Etalab)',
    ]);
    expect(names).to.have.length(5);
    await expectActionsMenu(el, ACTIONS);
  });

  it('keeps the focus on « Voir les données » and says it is open', async () => {
    const [el] = await chartsOf(chart('Les communes'));
    const toggle = [...el.shadowRoot!.querySelectorAll('button')].find((button) =>
      /Voir les données/.test(button.textContent ?? ''),
    )!;
    await focusByKeyboard(toggle);
    await sendKeys({press: 'Enter'});
    await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true', 'the table opens');
    expect(deepActive()).to.equal(toggle);
  });

  it('names its marks, its table and its controls after the chart: two charts, no two names alike', async () => {
    await chartsOf(chart('Les communes'), chart('Les étudiants', 'sum(population_comptee_a_part)'));
    const lines = await tree(['heading', 'listbox', 'button']);
    expect(lines.filter((line) => line.startsWith('heading: '))).to.deep.equal([
      'heading: Les communes',
      'heading: Les étudiants',
    ]);
    const lists = lines.filter((line) => line.startsWith('listbox: '));
    expect(lists).to.have.length(2);
    expect(lists[0], 'the marks’ list says which chart').to.contain('Les communes');
    expect(lists[1], 'the marks’ list says which chart').to.contain('Les étudiants');
  });

  it('tells two series apart, shows its text and its focus in forced colours', async () => {
    await forcedColors(true);
    try {
      const [el] = await chartsOf(chart('Deux séries', 'sum(population), sum(population_comptee_a_part)'));
      const root = el.shadowRoot!;
      const fills = new Set(
        [...root.querySelectorAll('.role-mark > *')].map(
          (mark) => mark.getAttribute('fill') ?? getComputedStyle(mark).fill,
        ),
      );
      expect(fills.size, [...fills].join(', ')).to.equal(2);
      for (const fill of fills) expect(fill, 'a pattern, not a colour alone').to.match(/^url\(/);
      expect(invisibleText(el)).to.deep.equal([]);
      await focusByKeyboard(root.querySelector('[role=listbox]')!);
      const ring = root.querySelector('.focus-ring');
      expect(ring, 'a focus ring around the mark').to.not.equal(null);
      const stroke = getComputedStyle(ring!.querySelector('*') ?? ring!).stroke;
      expect(stroke).to.not.match(/^(none|transparent|rgba\(.*, 0\))$/);
    } finally {
      await forcedColors(false);
    }
  });

  it('says the filter and which chart changed in the live region', async () => {
    const container = await mount(
      html`<odw-source id="chart-a11y-source" src=${ODS} where=${ORLEANS}></odw-source>
        <odw-filter source="chart-a11y-source" field="commune" type="select" label="Commune"></odw-filter>
        <odw-chart
          source="chart-a11y-source"
          type="column"
          x="commune"
          y="sum(population)"
          title="Les communes"
        ></odw-chart>`,
      800,
    );
    const filter = container.querySelector('odw-filter')!;
    await drawn(filter);
    await drawn(container.querySelector('odw-chart')!);
    const select = filter.shadowRoot!.querySelector('select')!;
    select.value = 'Olivet';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => liveRegionText().startsWith('Filtre Commune'), 'the change is said', {
      timeout: 15_000,
    });
    expect(liveRegionText()).to.equal('Filtre Commune : Olivet — Les communes : mis à jour');
  });
});
