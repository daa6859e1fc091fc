/**
 * odw-dashboard beyond axe (issue 16 item 8): a keyboard-only walk through the Orléans dashboard
 * (test/fixtures/dashboard-orleans.json), one alert and one « Réessayer » for a failing shared
 * source with the focus kept after it, what a screen reader reads, forced colours, text at 200 %,
 * and one live region saying a filter and the key figure it changed.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import {a11ySnapshot, sendKeys, setViewport} from '@web/test-runner-commands';
import '../../src/elements/odw-dashboard/define.js';
import '../../src/elements/odw-kpi/define.js';
import '../../src/elements/odw-table/define.js';
import '../../src/elements/odw-chart/define.js';
import {drawn, faultSequence, mount, normalize} from '../helpers.js';
import {
  deepActive,
  focusByKeyboard,
  forcedColors,
  invisibleText,
  liveRegionText,
  readability,
  renderingSettled,
  tabStops,
  tree,
  withLargeText,
  ODS,
} from './helpers.js';

const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';

/** The widgets inside the dashboard's shadow root. */
const inside = (dashboard: Element, selector: string) => [
  ...dashboard.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];

/** Everything under `root` matching `selector`, through shadow roots. */
function deepAll(root: Element | ShadowRoot, selector: string): Element[] {
  return [...root.querySelectorAll('*')].flatMap((element) => [
    ...(element.matches(selector) ? [element] : []),
    ...(element.shadowRoot ? deepAll(element.shadowRoot, selector) : []),
  ]);
}

/** A node of the accessibility tree, with the level of a heading. */
interface HeadingNode {
  role: string;
  name: string;
  level?: number;
  children?: HeadingNode[];
}

/** The page's headings as a screen reader lists them: « level name ». */
function headings(node: HeadingNode): string[] {
  const own = node.role === 'heading' ? [`${node.level} ${normalize(node.name)}`] : [];
  return [...own, ...(node.children ?? []).flatMap(headings)];
}

async function orleans(config = '/test/fixtures/dashboard-orleans.json', width = 900): Promise<HTMLElement> {
  const container = await mount(html`<odw-dashboard config=${config}></odw-dashboard>`, width);
  const dashboard = container.querySelector<HTMLElement>('odw-dashboard')!;
  await waitUntil(() => inside(dashboard, 'odw-kpi, odw-table').length === 2, 'the widgets', {
    timeout: 30_000,
  });
  for (const widget of inside(dashboard, 'odw-filter, odw-kpi, odw-table')) await drawn(widget);
  return dashboard;
}

describe('odw-dashboard beyond axe', function () {
  this.timeout(90_000);

  it('is a keyboard walk of its filter, key figure and table, with the source cited once', async () => {
    const dashboard = await orleans();
    const stops = await tabStops(dashboard.parentElement!);
    const sources = stops.filter((stop) => stop === 'link: Populations légales 2025 des communes, Insee');
    expect(sources, `the source cited once: ${stops.join(' | ')}`).to.have.length(1);
    expect(stops[0]).to.equal('combobox: Commune');
    expect(stops).to.include.members(['button: Page suivante', 'button: Dernière page']);
  });

  it('gives one alert and one « Réessayer » for its failing source, and keeps the focus after it', async () => {
    const failing = await faultSequence(Array<string>(40).fill('status=503'));
    const container = await mount(
      html`<odw-dashboard title="Orléans Métropole">
        <odw-source id="dashboard-a11y-failing" src=${`/portal/~seq=${failing}/${ODS_PATH}`}></odw-source>
        <odw-filter source="dashboard-a11y-failing" field="commune" label="Commune"></odw-filter>
        <odw-kpi source="dashboard-a11y-failing" value="sum(population)" label="Habitants"></odw-kpi>
        <odw-kpi source="dashboard-a11y-failing" value="count()" label="Communes"></odw-kpi>
        <odw-table source="dashboard-a11y-failing" columns="commune,population" title="Communes"></odw-table>
      </odw-dashboard>`,
      900,
    );
    const dashboard = container.querySelector('odw-dashboard')!;
    // Every widget has given up loading: no placeholder left.
    await waitUntil(
      () => deepAll(dashboard, '[role=alert]').length > 0 && deepAll(dashboard, '.skeleton').length === 0,
      'the error',
      {timeout: 60_000},
    );
    const alerts = deepAll(container, '[role=alert]');
    const retries = deepAll(container, 'button').filter(
      (button) => button.textContent?.trim() === 'Réessayer',
    );
    expect(alerts.length, alerts.map((alert) => alert.textContent?.trim()).join(' | ')).to.equal(1);
    expect(retries).to.have.length(1);
    // Each widget keeps its label: a reader can tell which failed.
    const labels = (await tree(['heading', 'group', 'StaticText'])).join('\n');
    expect(labels).to.contain('Habitants');
    expect(labels).to.contain('Communes');
    await focusByKeyboard(retries[0]);
    await sendKeys({press: 'Enter'});
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(deepActive(), 'the focus stays in the dashboard').to.not.equal(document.body);
  });

  it('written as tags, lists its widgets’ headings one level below its own', async () => {
    const container = await mount(
      html`<div>
        <h1>Orléans Métropole en chiffres</h1>
        <odw-dashboard title="La population" src=${ODS} where='epci = "Orléans Métropole"'>
          <odw-kpi title="Habitants" value="sum(population)"></odw-kpi>
          <odw-table title="Les communes" columns="commune,population" page-size="5"></odw-table>
        </odw-dashboard>
      </div>`,
    );
    for (const widget of container.querySelectorAll('odw-kpi, odw-table')) await drawn(widget);
    const list = headings((await a11ySnapshot({})) as unknown as HeadingNode);
    expect(list).to.deep.equal([
      '1 Orléans Métropole en chiffres',
      '2 La population',
      '3 Habitants',
      '3 Les communes',
    ]);
  });

  it('reads as one region named after its title, with one live region for the page', async () => {
    await orleans();
    const lines = await tree(['region', 'heading', 'status']);
    expect(lines[0]).to.equal('region: Orléans Métropole');
    expect(lines[1]).to.equal('heading: Orléans Métropole');
    expect(
      deepAll(document.body, '[aria-live="polite"]').filter(
        (region) => region.parentNode instanceof ShadowRoot,
      ),
    ).to.have.length(1);
  });

  it('shows all its text in forced colours', async () => {
    const dashboard = await orleans();
    await forcedColors(true);
    try {
      expect(invisibleText(dashboard)).to.deep.equal([]);
    } finally {
      await forcedColors(false);
    }
  });

  it('keeps every text whole and apart with text at 200 % at 390 px', async () => {
    const dashboard = await orleans('/test/fixtures/dashboard-orleans.json', 390);
    await withLargeText(async () => {
      await renderingSettled();
      expect(readability(dashboard)).to.deep.equal([]);
    });
  });

  it('fits a 320-px phone with text at 200 %: its commune picker, titles and figures', async () => {
    await setViewport({width: 320, height: 640});
    try {
      const container = await mount(
        html`<odw-dashboard config="/examples/portrait-commune.json" params="commune=45147"></odw-dashboard>`,
      );
      const dashboard = container.querySelector<HTMLElement>('odw-dashboard')!;
      await waitUntil(() => inside(dashboard, 'odw-kpi').length > 0, 'the widgets', {timeout: 30_000});
      for (const widget of inside(dashboard, 'odw-kpi, odw-chart')) await drawn(widget);
      await withLargeText(async () => {
        await renderingSettled();
        const wider = deepAll(dashboard.shadowRoot!, 'select, [part~="title"], [part~="value"]')
          .filter(
            (element) =>
              element.getBoundingClientRect().right > 321 || element.scrollWidth > element.clientWidth + 1,
          )
          .map((element) => `${element.localName}: ${normalize(element.textContent).slice(0, 30)}`);
        expect(wider).to.deep.equal([]);
      });
    } finally {
      await setViewport({width: 800, height: 600});
    }
  });

  it('says the filter and the key figure it changed, in one message', async () => {
    const dashboard = await orleans();
    const select = inside(dashboard, 'odw-filter')[0].shadowRoot!.querySelector('select')!;
    select.value = 'Olivet';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => liveRegionText().startsWith('Filtre Commune : Olivet'), 'the change is said', {
      timeout: 15_000,
    });
    expect(liveRegionText()).to.match(
      /^Filtre Commune : Olivet — Habitants : 22 988( — .*Lignes 1 à 1 sur 1)?/,
    );
  });
});
