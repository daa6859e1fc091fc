import {expect, waitUntil} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import {html, render} from 'lit';
import {requestSettings} from '../../src/data/index.js';
import type {Theme} from '../../src/core/theme.js';
import {deepElements, isShown, parseColour} from './colour.js';
import {mountEveryKind, ODS, ORLEANS, settled} from './widgets.js';

/**
 * Printed, every widget is legible on white paper whatever its theme: light colours, no buttons,
 * charts as wide as the page, tables whole. Chromium emulates the `print` media type.
 */

const TOKENS = ['text-color', 'muted-color', 'background', 'accent'];
/** Carried only by the widgets that draw with the palette (charts, maps). */
const PALETTE_TOKENS = ['palette-1', 'palette-2', 'palette-8'];

function tokenNames(host: Element): string[] {
  return host.matches('odw-chart, odw-map') ? [...TOKENS, ...PALETTE_TOKENS] : TOKENS;
}

function tokens(host: Element): Record<string, string> {
  const style = getComputedStyle(host);
  return Object.fromEntries(
    tokenNames(host).map((name) => [name, style.getPropertyValue(`--_odw-${name}`).trim()]),
  );
}

/** The values of `reference` (read on a chart) for the tokens that `host` carries. */
function expectedOf(host: Element, reference: Record<string, string>): Record<string, string> {
  return Object.fromEntries(tokenNames(host).map((name) => [name, reference[name]]));
}

/** The computed form (`rgb(…)`) of a token's value, as `getComputedStyle` reports colours. */
function computed(colour: string): string {
  const {r, g, b} = parseColour(colour)!;
  return `rgb(${r}, ${g}, ${b})`;
}

function widgetsOf(container: Element): Element[] {
  return [...container.querySelectorAll('odw-kpi, odw-chart, odw-map, odw-table, odw-filter')];
}

/** A light-themed chart's tokens, read on screen: what every theme should print with. */
async function lightTokens(theme: Theme = 'light'): Promise<Record<string, string>> {
  const probe = document.createElement('odw-chart');
  probe.setAttribute('theme', theme);
  document.body.append(probe);
  // The DSFR's rules load with the first widget of that theme, which draws once they are in.
  await waitUntil(() => probe.shadowRoot?.querySelector('[part~="base"]'), 'the probe drawn');
  const values = tokens(probe);
  probe.remove();
  return values;
}

describe('print styles', function () {
  this.timeout(120_000);
  const savedRetries = requestSettings.retries;
  let light: Record<string, string>;
  let dsfrLight: Record<string, string>;

  before(async () => {
    requestSettings.retries = 0;
    await emulateMedia({media: 'screen'});
    light = await lightTokens();
    dsfrLight = await lightTokens('dsfr');
  });

  // Each call of emulateMedia() replaces the previous emulation: media type or colour scheme.
  afterEach(async () => {
    await emulateMedia({media: 'screen'});
  });

  after(() => {
    requestSettings.retries = savedRetries;
  });

  describe('a dark dashboard', () => {
    let container: HTMLElement;

    before(async () => {
      container = await mountEveryKind('dark');
      // The map's and the chart's data tables, opened by a reader before printing.
      const map = container.querySelector('odw-map')!;
      map.shadowRoot!.querySelector<HTMLButtonElement>('.toggle-table')!.click();
      const chart = container.querySelector('odw-chart')!;
      chart.shadowRoot!.querySelector<HTMLButtonElement>('.toggle-table')!.click();
      await waitUntil(
        () =>
          map.shadowRoot!.querySelector('.data-table table') &&
          chart.shadowRoot!.querySelector('.data-table table'),
        'the data tables open',
      );
    });

    after(() => container.remove());

    it('has no dark colour equal to a light one, so that printing can tell them apart', () => {
      const style = (theme: string) => {
        const probe = document.createElement('odw-chart');
        probe.setAttribute('theme', theme);
        document.body.append(probe);
        const computedStyle = getComputedStyle(probe);
        const names = [...computedStyle].filter((name) => name.startsWith('--_odw-'));
        const values = new Map(names.map((name) => [name, computedStyle.getPropertyValue(name).trim()]));
        probe.remove();
        return values;
      };
      const light = new Set([...style('light').values()].filter((value) => value.startsWith('#')));
      const darkColours = [...style('dark')].filter(([, value]) => value.startsWith('#'));
      expect(darkColours.length).to.be.greaterThan(20);
      expect(darkColours.filter(([, value]) => light.has(value))).to.deep.equal([]);
    });

    it('is dark on screen, as a reference', () => {
      for (const widget of widgetsOf(container)) {
        expect(tokens(widget).background, widget.localName).not.to.equal(light.background);
      }
    });

    it('prints in the light theme’s colours', async () => {
      await emulateMedia({media: 'print'});
      for (const widget of widgetsOf(container)) {
        expect(tokens(widget), widget.localName).to.deep.equal(expectedOf(widget, light));
        const frame = widget.shadowRoot!.querySelector('.widget')!;
        expect(getComputedStyle(frame).backgroundColor, widget.localName).to.equal(
          computed(light.background),
        );
        expect(getComputedStyle(frame).color, widget.localName).to.equal(computed(light['text-color']));
      }
    });

    it('hides the actions: the menu, « Voir les données », « Réessayer », paging, search', async () => {
      const buttons = () =>
        widgetsOf(container)
          .flatMap((widget) => deepElements(widget.shadowRoot!))
          .filter((el) => el.matches('button:not(.sort), summary, input[type=search]'));
      const onScreen = buttons().filter((el) => isShown(el));
      const names = onScreen.map((el) => el.textContent!.trim()).join(' | ');
      for (const expected of ['Voir les données', 'Réessayer', '›']) {
        expect(names, 'on screen').to.contain(expected);
      }
      expect(
        onScreen.filter((el) => el.matches('[aria-haspopup=menu]')).length,
        'menu buttons',
      ).to.be.greaterThan(1);
      await emulateMedia({media: 'print'});
      expect(
        buttons()
          .filter((el) => isShown(el))
          .map((el) => el.outerHTML),
      ).to.deep.equal([]);
      const stale = container.querySelector('odw-kpi[data-shows=".status.stale"]')!;
      expect(isShown(stale.shadowRoot!.querySelector('.status.stale')!), 'the stale notice stays').to.equal(
        true,
      );
    });

    it('redraws no chart: its dark labels and marks print in the light colours', async () => {
      const pie = container.querySelector('odw-chart[type=pie]')!.shadowRoot!;
      const fills = () =>
        [...pie.querySelectorAll('.role-mark path')].map((mark) => getComputedStyle(mark).fill);
      const labelFill = () => getComputedStyle(pie.querySelector('.vega svg text')!).fill;
      const onScreen = fills();
      await emulateMedia({media: 'print'});
      expect(labelFill()).to.equal(computed(light['text-color']));
      const printed = fills();
      expect(printed).not.to.deep.equal(onScreen);
      expect(printed).to.include(computed(light['palette-1']));
      expect(printed).to.include(computed(light['palette-2']));
      // « Autres », the pie's last slice, is drawn in the neutral grey of secondary text.
      expect(printed).to.include(computed(light['muted-color']));
    });

    it('draws each chart across the width of its widget, in proportion', async () => {
      await emulateMedia({media: 'print'});
      for (const chart of container.querySelectorAll('odw-chart')) {
        const svg = chart.shadowRoot!.querySelector<SVGSVGElement>('.vega svg')!;
        const plot = chart.shadowRoot!.querySelector('.plot')!.getBoundingClientRect();
        const box = svg.getBoundingClientRect();
        expect(Math.abs(box.width - plot.width), `${chart.title}: width`).to.be.below(1);
        const {width, height} = svg.viewBox.baseVal;
        expect(Math.abs(box.height / box.width - height / width), `${chart.title}: proportion`).to.be.below(
          0.01,
        );
      }
    });

    it('keeps the map’s outlines, in the printed colours, and its legend swatches', async () => {
      const map = container.querySelector('odw-map')!.shadowRoot!;
      await emulateMedia({media: 'print'});
      const areas = [...map.querySelectorAll('.map svg path.area')];
      expect(areas.length).to.be.greaterThan(20);
      for (const area of areas) {
        expect(isShown(area)).to.equal(true);
        expect(getComputedStyle(area).stroke).to.equal(computed(light.background));
      }
      const swatches = [...map.querySelectorAll('.legend .swatch')];
      expect(swatches.length).to.be.greaterThan(2);
      for (const swatch of swatches) expect(getComputedStyle(swatch).printColorAdjust).to.equal('exact');
    });

    it('prints the opened data tables whole', async () => {
      await emulateMedia({media: 'print'});
      const mapTable = container.querySelector('odw-map')!.shadowRoot!.querySelector('.data-table')!;
      const chartTable = container.querySelector('odw-chart')!.shadowRoot!.querySelector('.data-table')!;
      for (const wrapper of [mapTable, chartTable]) {
        expect(getComputedStyle(wrapper).overflow).to.equal('visible');
        expect(getComputedStyle(wrapper).maxHeight).to.equal('none');
        expect(isShown(wrapper.querySelector('table')!)).to.equal(true);
      }
    });
  });

  it('prints every row a table holds, with no scroll container clipping them', async () => {
    const container = document.createElement('div');
    render(
      html`<odw-table
        theme="dark"
        src=${ODS}
        where=${ORLEANS}
        columns="commune,population"
        sort="-population"
        page-size="22"
      ></odw-table>`,
      container,
    );
    document.body.append(container);
    try {
      const table = container.querySelector('odw-table')!;
      // A page that limits the height of its tables: on screen the rows scroll.
      table.style.setProperty('--odw-table-max-height', '10rem');
      await settled(table);
      const scroller = table.shadowRoot!.querySelector('.scroller')!;
      await waitUntil(() => table.shadowRoot!.querySelectorAll('tbody tr').length === 22, '22 rows');
      expect(scroller.scrollHeight).to.be.greaterThan(scroller.clientHeight);
      await emulateMedia({media: 'print'});
      expect(getComputedStyle(scroller).overflow).to.equal('visible');
      expect(getComputedStyle(scroller).maxHeight).to.equal('none');
      const bottom = scroller.getBoundingClientRect().bottom;
      const rows = [...table.shadowRoot!.querySelectorAll('tbody tr')];
      for (const row of rows) expect(row.getBoundingClientRect().bottom).to.be.at.most(bottom + 1);
      expect(getComputedStyle(table.shadowRoot!.querySelector('thead th')!).position).to.equal('static');
      expect(tokens(table)).to.deep.equal(expectedOf(table, light));
    } finally {
      container.remove();
    }
  });

  it('prints the DSFR theme in the DSFR’s light colours, even when the page’s DSFR is dark', async () => {
    const container = document.createElement('div');
    // What the DSFR CSS sets in its dark mode (`data-fr-theme="dark"`).
    for (const [property, value] of Object.entries({
      '--text-title-grey': '#ffffff',
      '--text-mention-grey': '#929292',
      '--background-default-grey': '#161616',
      '--text-action-high-blue-france': '#8585f6',
      '--blue-france-sun-113-625': '#8585f6',
    })) {
      container.style.setProperty(property, value);
    }
    render(html`<odw-kpi theme="dsfr" src=${ODS} value="count()" label="Communes"></odw-kpi>`, container);
    document.body.append(container);
    try {
      const kpi = container.querySelector('odw-kpi')!;
      await settled(kpi);
      expect(tokens(kpi).background, 'dark on screen, after the DSFR').to.equal('#161616');
      await emulateMedia({media: 'print'});
      expect(tokens(kpi)).to.deep.equal(expectedOf(kpi, dsfrLight));
    } finally {
      container.remove();
    }
  });
});
