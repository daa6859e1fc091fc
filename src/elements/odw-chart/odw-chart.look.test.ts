import {expect, html, waitUntil} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import '../odw-kpi/define.js';
import {normalize, shadow} from '../../../test/helpers.js';
import {
  ODS,
  ODS_PATH,
  ORLEANS,
  chartOf,
  drawn,
  fills,
  legendNames,
  luminance,
  marks,
  openTable,
  rgb,
  fakeForcedColors,
  summary,
} from './chart-helpers.test.js';
describe('odw-chart colours, system settings, accessibility and security', function () {
  this.timeout(40_000);

  describe('colours', () => {
    it('draws one series in --odw-palette-1 and several series in the palette order', async () => {
      const single = await chartOf(
        html`<odw-chart
          style="--odw-palette-1: #8a3ffc"
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
        ></odw-chart>`,
      );
      await drawn(single);
      expect(new Set(fills(single))).to.deep.equal(new Set(['#8a3ffc']));
      const several = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population), sum(population_comptee_a_part)"
          where=${ORLEANS}
        ></odw-chart>`,
      );
      await drawn(several);
      // Grouped columns: one of each series per commune, in the theme's colour-blind-safe palette.
      expect(fills(several).slice(0, 4)).to.deep.equal(['#0072b2', '#bd8200', '#0072b2', '#bd8200']);
    });

    it('shades one series from light to dark by value with color="value"', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          sort="-y"
          color="value"
        ></odw-chart>`,
      );
      await drawn(el);
      const shades = fills(el);
      expect(shades).to.have.length(22);
      // Sorted by decreasing population: the shades get lighter, the largest in --odw-palette-1.
      expect(rgb(shades[0])).to.deep.equal(rgb('#0072b2'));
      const lightness = shades.map(luminance);
      for (let index = 1; index < lightness.length; index++) {
        expect(lightness[index]).to.be.at.least(lightness[index - 1]);
      }
      expect(lightness[21]).to.be.greaterThan(lightness[0] + 0.3);
      // Every mark outlined in the darkest shade, so that the lightest stand out from the background.
      expect(new Set(marks(el).map((mark) => mark.getAttribute('stroke')))).to.deep.equal(
        new Set(['#0072b2']),
      );
      // No legend: the value axis reads the same values.
      expect(shadow(el).querySelector('.legend')).to.equal(null);
    });

    it('takes the ends of the sequential scheme from --odw-sequential-start and --odw-sequential-end', async () => {
      const el = await chartOf(
        html`<odw-chart
          style="--odw-sequential-start: #ffffcc; --odw-sequential-end: #800026"
          type="scatter"
          src=${ODS}
          x="population"
          y="population_totale"
          where=${ORLEANS}
          color="value"
        ></odw-chart>`,
      );
      await drawn(el);
      // Symbols are placed by `transform`: the highest point has the smallest y.
      const heights = marks(el).map(
        (mark) => -Number(/translate\([\d.-]+[ ,]\s*(-?[\d.]+)\)/.exec(mark.getAttribute('transform')!)![1]),
      );
      const highest = heights.indexOf(Math.max(...heights));
      const lowest = heights.indexOf(Math.min(...heights));
      expect(rgb(fills(el)[highest])).to.deep.equal(rgb('#800026'));
      expect(rgb(fills(el)[lowest])).to.deep.equal(rgb('#ffffcc'));
    });
  });

  describe('system settings', () => {
    it('draws in system colours under forced-colors, and again in the palette when it ends', async () => {
      const forced = fakeForcedColors();
      try {
        const el = await chartOf(
          html`<odw-chart
            src=${ODS}
            x="commune"
            y="sum(population)"
            where=${ORLEANS}
            sort="-y"
            limit="3"
            color="value"
          ></odw-chart>`,
        );
        await drawn(el);
        expect(new Set(fills(el)).size).to.equal(3);
        forced.set(true);
        await waitUntil(() => fills(el).every((fill) => fill.startsWith('url(#')), 'system colours');
        // Marks filled with a pattern of system colours, outlined in the text colour; the focused
        // one ringed in Highlight.
        expect(marks(el).map((mark) => mark.getAttribute('stroke'))).to.deep.equal([
          'CanvasText',
          'CanvasText',
          'CanvasText',
        ]);
        const pattern = shadow(el).querySelector(`pattern${fills(el)[0].slice(4, -1)}`)!;
        expect(pattern.querySelector('rect')!.getAttribute('fill')).to.equal('Canvas');
        const axisText = shadow(el).querySelector('.role-axis-title text')!;
        expect(axisText.getAttribute('fill')).to.equal('CanvasText');
        const list = shadow(el).querySelector<HTMLElement>('[role="listbox"]')!;
        list.focus();
        await waitUntil(
          () => shadow(el).querySelector('.focus-ring path')?.getAttribute('stroke') === 'Highlight',
          'Highlight ring',
        );
        list.blur();
        forced.set(false);
        await waitUntil(() => fills(el).every((fill) => fill !== 'CanvasText'), 'palette again');
        expect(rgb(fills(el)[0])).to.deep.equal(rgb('#0072b2'));
      } finally {
        forced.restore();
      }
    });

    it('follows the system colour scheme when it changes, with theme="auto"', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          theme="auto"
        ></odw-chart>`,
      );
      await drawn(el);
      expect(fills(el)[0]).to.equal('#0072b2');
      try {
        await emulateMedia({colorScheme: 'dark'});
        // The dark theme's first colour.
        await waitUntil(() => fills(el)[0] === '#56b4e9', 'dark palette');
      } finally {
        await emulateMedia({colorScheme: 'light'});
      }
      await waitUntil(() => fills(el)[0] === '#0072b2', 'light palette again');
    });

    it('keeps the loading placeholder still under prefers-reduced-motion', async () => {
      const el = await chartOf(
        html`<odw-chart src=${`/portal/~latency=3000/${ODS_PATH}`} x="commune" where=${ORLEANS}></odw-chart>`,
      );
      expect(shadow(el).querySelector('.skeleton')).to.not.equal(null);
      // It pulses by default: the check below can see an animation.
      expect(shadow(el).getAnimations().length).to.be.greaterThan(0);
      try {
        await emulateMedia({reducedMotion: 'reduce'});
        await waitUntil(() => shadow(el).getAnimations().length === 0, 'the pulse stops');
        expect(shadow(el).querySelector('.skeleton')).to.not.equal(null);
        await drawn(el);
        expect(shadow(el).getAnimations()).to.have.length(0);
      } finally {
        await emulateMedia({reducedMotion: 'no-preference'});
      }
    });
  });

  describe('accessibility', () => {
    for (const type of ['column', 'bar', 'line', 'area', 'pie', 'donut', 'scatter']) {
      it(`is accessible as a ${type} chart, table open`, async () => {
        const scatter = type === 'scatter';
        const el = await chartOf(
          html`<odw-chart
            type=${type}
            title="Population d’Orléans Métropole"
            description="Population municipale 2025"
            src=${ODS}
            x=${scatter ? 'population' : 'commune'}
            y=${scatter ? 'population_totale' : 'sum(population)'}
            where=${ORLEANS}
            sort=${scatter ? 'x' : '-y'}
            limit="8"
            ?others=${!scatter}
          ></odw-chart>`,
        );
        await drawn(el);
        // The summary ends its own sentence: one full stop before the description, never two.
        expect(summary(el)).to.match(/[^.]\. Population municipale 2025$/);
        await openTable(el);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('security', () => {
    it('shows markup in the data as text in axes, legend, tooltips and table, and runs nothing', async () => {
      const hostile = '<img src=x onerror=__odwXss=1>';
      const rows = [
        {ville: hostile, groupe: hostile, n: 3},
        {ville: 'Tours', groupe: 'B', n: 5},
      ];
      const url = URL.createObjectURL(new Blob([JSON.stringify(rows)], {type: 'application/json'}));
      const el = await chartOf(
        html`<odw-chart src=${url} api="json" x="ville" series="groupe" y="sum(n)"></odw-chart>`,
      );
      await drawn(el);
      const svgTexts = [...shadow(el).querySelectorAll('.vega svg text')].map((text) => text.textContent);
      // In the axis (shortened with « … » when too long) and the legend, as text.
      expect(
        svgTexts.filter((text) => text?.startsWith('<img src=x onerror=')).length,
        svgTexts.join('|'),
      ).to.equal(1);
      expect(legendNames(el)).to.include(hostile);
      const tableRows = await openTable(el);
      expect(tableRows.map((row) => row[0])).to.include(normalize(hostile));
      expect(shadow(el).querySelector('img')).to.equal(null);
      const options = [...shadow(el).querySelectorAll('[role="option"]')].map((option) => option.textContent);
      expect(options.some((text) => text?.includes(hostile))).to.equal(true);
      // The tooltip of the hostile mark.
      marks(el)[0].dispatchEvent(
        new PointerEvent('pointermove', {bubbles: true, composed: true, clientX: 10, clientY: 10}),
      );
      const tooltip = shadow(el).querySelector<HTMLElement>('.tooltip')!;
      await waitUntil(() => !tooltip.hidden && tooltip.textContent?.includes('<img'), 'the tooltip, as text');
      expect(tooltip.querySelector('img')).to.equal(null);
      // An image that did get in would have fired its error by the next frames.
      for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      expect((window as {__odwXss?: number}).__odwXss).to.equal(undefined);
      URL.revokeObjectURL(url);
    });
  });
});
