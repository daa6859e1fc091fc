import {expect, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {normalize, part, shadow} from '../../../test/helpers.js';
import {ODS, ORLEANS, chartOf, drawn, fakeForcedColors, legendNames, marks} from './chart-helpers.test.js';
import type {OdwChart} from './odw-chart.js';

const TWO_SERIES = html`<odw-chart
  src=${ODS}
  x="commune"
  y="sum(population), sum(population_comptee_a_part)"
  where=${ORLEANS}
  sort="-y"
  limit="4"
></odw-chart>`;

function activeText(el: Element): string {
  const list = shadow(el).querySelector('[role="listbox"]')!;
  return normalize(shadow(el).getElementById(list.getAttribute('aria-activedescendant') ?? '')?.textContent);
}

async function press(el: OdwChart, key: string): Promise<void> {
  await sendKeys({press: key});
  await el.updateComplete;
  await el.updateComplete;
}

describe('odw-chart keyboard, legend and forced colours', function () {
  this.timeout(40_000);

  it('is one Tab stop: ←/→ along a series, ↑/↓ across series, Home/End, Escape closes the tooltip', async () => {
    const el = (await chartOf(TWO_SERIES, 800)) as OdwChart;
    await drawn(el);
    const before = document.createElement('button');
    before.textContent = 'avant';
    el.before(before);
    try {
      before.focus();
      // Past the chart's buttons, the marks are one stop.
      const list = shadow(el).querySelector<HTMLElement>('[role="listbox"]')!;
      list.focus();
      await el.updateComplete;
      expect(activeText(el)).to.equal('Orléans – Population municipale : 116 344');
      await press(el, 'ArrowRight');
      expect(activeText(el)).to.equal('Olivet – Population municipale : 22 988');
      await press(el, 'ArrowDown');
      expect(activeText(el)).to.match(/^Olivet – Population comptée à part : /);
      await press(el, 'End');
      expect(activeText(el)).to.match(/^Fleury-les-Aubrais – Population comptée à part/);
      await press(el, 'Home');
      expect(activeText(el)).to.match(/^Orléans – Population comptée à part/);
      await press(el, 'ArrowUp');
      expect(activeText(el)).to.equal('Orléans – Population municipale : 116 344');
      // The tooltip tells the focused mark, beside it, not over it.
      const tooltip = part(el, 'tooltip') as HTMLElement;
      await waitUntil(() => !tooltip.hidden, 'tooltip');
      expect(normalize(tooltip.textContent)).to.equal('Orléans – Population municipale : 116 344');
      const ring = shadow(el).querySelector('.focus-ring')!.getBoundingClientRect();
      const tip = tooltip.getBoundingClientRect();
      const covers =
        tip.left < ring.right && tip.right > ring.left && tip.top < ring.bottom && tip.bottom > ring.top;
      expect(covers, 'the tooltip leaves the focused mark visible').to.equal(false);
      await press(el, 'Escape');
      expect(tooltip.hidden).to.equal(true);
      expect(shadow(el).activeElement).to.equal(list);
      // Tab leaves the marks at once.
      await sendKeys({press: 'Tab'});
      expect(shadow(el).activeElement).to.not.equal(list);
      await expect(el).to.be.accessible();
    } finally {
      before.remove();
    }
  });

  it('rings the focused mark in two tones that read on the mark and on the background', async () => {
    const el = (await chartOf(TWO_SERIES, 800)) as OdwChart;
    await drawn(el);
    shadow(el).querySelector<HTMLElement>('[role="listbox"]')!.focus();
    await el.updateComplete;
    const [outer, inner] = [...shadow(el).querySelectorAll('.focus-ring path')].map((path) =>
      path.getAttribute('stroke'),
    );
    // The text colour (dark) around the background colour (white): one of the two reaches 3:1
    // against any mark colour and against the background.
    expect([outer, inner]).to.deep.equal(['#1f2328', '#ffffff']);
  });

  it('hides and shows a series from the legend, an HTML list of toggle buttons', async () => {
    const el = (await chartOf(TWO_SERIES, 800)) as OdwChart;
    await drawn(el);
    expect(legendNames(el)).to.deep.equal(['Population municipale', 'Population comptée à part']);
    expect(part(el, 'legend')!.querySelector('ul > li > button[aria-pressed="true"]')).to.not.equal(null);
    expect(marks(el)).to.have.length(8);
    const second = part(el, 'legend')!.querySelectorAll('button')[1];
    second.click();
    await waitUntil(() => marks(el).length === 4, 'one series hidden');
    expect(second.getAttribute('aria-pressed')).to.equal('false');
    second.click();
    await waitUntil(() => marks(el).length === 8, 'shown again');
    await expect(el).to.be.accessible();
  });

  it('tells series apart without colour under forced-colors: patterns, dashes and symbols', async () => {
    // The test runner's Chromium cannot emulate forced colours: the chart's query answers it.
    const forced = fakeForcedColors();
    try {
      forced.set(true);
      const bars = (await chartOf(TWO_SERIES, 800)) as OdwChart;
      await drawn(bars);
      const fills = new Set(marks(bars).map((mark) => mark.getAttribute('fill')));
      expect(fills.size).to.equal(2);
      for (const fill of fills) expect(fill).to.match(/^url\(#/);
      const lines = (await chartOf(
        html`<odw-chart
          type="line"
          src=${ODS}
          x="commune"
          y="sum(population), sum(population_comptee_a_part)"
          where=${ORLEANS}
        ></odw-chart>`,
        800,
      )) as OdwChart;
      await drawn(lines);
      const dashes = [...shadow(lines).querySelectorAll('.mark-line path')].map((path) =>
        path.getAttribute('stroke-dasharray'),
      );
      expect(new Set(dashes).size).to.equal(2);
      const shapes = new Set(marks(lines).map((mark) => mark.getAttribute('d')));
      expect(shapes.size).to.equal(2);
    } finally {
      forced.restore();
    }
  });
});
