import {expect} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import {requestSettings} from '../../src/data/index.js';
import type {Theme} from '../../src/core/theme.js';
import {
  backgroundBehind,
  contrast,
  deepElements,
  isLargeText,
  isShown,
  over,
  ownText,
  parseColour,
  type Rgba,
} from './colour.js';
import {mountEveryKind} from './widgets.js';

/**
 * WCAG 2.1 AA in every theme, measured on the widgets as drawn from emulator data: text 4.5:1
 * (large text 3:1), palette colours, control borders and focus rings 3:1 (1.4.3, 1.4.11). Colours
 * come from computed styles and the resolved `--_odw-*` tokens of each host, never from constants.
 */

interface Variant {
  name: string;
  theme: Theme;
  colorScheme: 'light' | 'dark';
  /** The page loads the DSFR CSS, in this DSFR colour mode (`data-fr-theme`). */
  pageDsfr?: 'light' | 'dark';
}

const VARIANTS: Variant[] = [
  {name: 'light', theme: 'light', colorScheme: 'light'},
  {name: 'dark', theme: 'dark', colorScheme: 'light'},
  {name: 'dsfr', theme: 'dsfr', colorScheme: 'light'},
  {name: 'dsfr on a DSFR page', theme: 'dsfr', colorScheme: 'light', pageDsfr: 'light'},
  {name: 'dsfr on a DSFR page in dark mode', theme: 'dsfr', colorScheme: 'light', pageDsfr: 'dark'},
  {name: 'auto in a light system', theme: 'auto', colorScheme: 'light'},
  {name: 'auto in a dark system', theme: 'auto', colorScheme: 'dark'},
];

const TEXT_PAIRS: Array<[foreground: string, background: string]> = [
  ['text-color', 'background'],
  ['text-color', 'surface'],
  ['muted-color', 'background'],
  ['muted-color', 'surface'],
  ['accent', 'background'],
  ['accent', 'surface'],
  ['error-color', 'error-surface'],
  ['warning-color', 'warning-surface'],
  ['positive-color', 'background'],
  ['negative-color', 'background'],
];

const PALETTE = [1, 2, 3, 4, 5, 6, 7, 8].map((index) => `palette-${index}`);

/** Loads the DSFR CSS in the page, as a State site does; resolves to a function that removes it. */
async function loadDsfr(mode: 'light' | 'dark'): Promise<() => void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/node_modules/@gouvfr/dsfr/dist/dsfr.min.css';
  const loaded = new Promise((resolve, reject) => {
    link.addEventListener('load', resolve, {once: true});
    link.addEventListener('error', reject, {once: true});
  });
  document.head.append(link);
  await loaded;
  document.documentElement.setAttribute('data-fr-theme', mode);
  return () => {
    link.remove();
    document.documentElement.removeAttribute('data-fr-theme');
  };
}

function token(host: Element, name: string): Rgba {
  const value = getComputedStyle(host).getPropertyValue(`--_odw-${name}`);
  const colour = parseColour(value);
  expect(colour, `--_odw-${name} of ${host.localName} is a colour: "${value}"`).not.to.equal(undefined);
  return colour!;
}

function ratio(foreground: string, background: Rgba): number {
  return contrast(over(parseColour(foreground)!, background), background);
}

/** Whether `host` draws with the categorical palette, the only widgets that carry its tokens. */
function drawsWithPalette(host: Element): boolean {
  return host.matches('odw-chart, odw-map');
}

function widgetsOf(container: HTMLElement): Element[] {
  return [...container.querySelectorAll('odw-dashboard, odw-kpi, odw-chart, odw-map, odw-table, odw-filter')];
}

/** Every shown element with text of its own, outside SVG drawings, and its contrast. */
function textContrasts(container: HTMLElement): Array<{what: string; ratio: number; needed: number}> {
  return deepElements(container)
    .filter((el) => ownText(el) && !(el instanceof SVGElement) && !el.matches(':disabled') && isShown(el))
    .map((el) => {
      const background = backgroundBehind(el);
      return {
        what: `${el.localName}.${el.className} « ${ownText(el).slice(0, 30)} »`,
        ratio: ratio(getComputedStyle(el).color, background),
        needed: isLargeText(el) ? 3 : 4.5,
      };
    });
}

/** The background around `el` (its parent's, as its border and outline are seen against it). */
function outside(el: Element): Rgba {
  return backgroundBehind(el.parentElement ?? (el.getRootNode() as ShadowRoot).host);
}

describe('theme contrast (WCAG 2.1 AA)', function () {
  this.timeout(120_000);
  const savedRetries = requestSettings.retries;

  before(() => {
    // The stale figure: one failed refresh is enough, without retries.
    requestSettings.retries = 0;
  });

  after(async () => {
    requestSettings.retries = savedRetries;
    await emulateMedia({colorScheme: 'light'});
  });

  for (const variant of VARIANTS) {
    describe(`theme "${variant.theme}", ${variant.name}`, () => {
      let container: HTMLElement;
      let unloadDsfr = () => {};

      before(async () => {
        await emulateMedia({colorScheme: variant.colorScheme});
        if (variant.pageDsfr) unloadDsfr = await loadDsfr(variant.pageDsfr);
        container = await mountEveryKind(variant.theme);
      });

      after(() => {
        container.remove();
        unloadDsfr();
      });

      if (variant.pageDsfr) {
        it('takes its colours from the page’s DSFR', () => {
          const chart = container.querySelector('odw-chart')!;
          const root = getComputedStyle(document.documentElement);
          for (const [ours, theirs] of [
            ['background', '--background-default-grey'],
            ['text-color', '--text-title-grey'],
            ['palette-1', '--blue-france-sun-113-625'],
          ]) {
            expect(token(chart, ours), ours).to.deep.equal(parseColour(root.getPropertyValue(theirs)));
          }
        });
      }

      it('resolves its tokens to text colours of 4.5:1 and palette and focus colours of 3:1', () => {
        for (const host of widgetsOf(container)) {
          for (const [foreground, background] of TEXT_PAIRS) {
            const value = contrast(token(host, foreground), token(host, background));
            expect(value, `${host.localName}: ${foreground} on ${background}`).to.be.at.least(4.5);
          }
          for (const name of [...(drawsWithPalette(host) ? PALETTE : []), 'focus-color']) {
            const value = contrast(token(host, name), token(host, 'background'));
            expect(value, `${host.localName}: ${name} on background`).to.be.at.least(3);
          }
        }
        const drawing = widgetsOf(container).filter(drawsWithPalette);
        expect(drawing.map((host) => host.localName)).to.include.members(['odw-chart', 'odw-map']);
      });

      if (variant.theme === 'auto') {
        it(`takes the ${variant.colorScheme} theme's colours`, async () => {
          const probe = document.createElement('odw-chart');
          probe.setAttribute('theme', variant.colorScheme);
          document.body.append(probe);
          const chart = container.querySelector('odw-chart')!;
          for (const name of ['background', 'text-color', 'palette-1']) {
            expect(token(chart, name), name).to.deep.equal(token(probe, name));
          }
          probe.remove();
        });
      }

      it('draws every text at 4.5:1 on what is behind it (large text 3:1)', () => {
        const measured = textContrasts(container);
        expect(measured.length, 'texts measured').to.be.greaterThan(40);
        const failing = measured.filter((text) => text.ratio < text.needed);
        expect(failing.map((text) => `${text.what}: ${text.ratio.toFixed(2)}`)).to.deep.equal([]);
      });

      it('draws chart labels at 4.5:1 and chart marks at 3:1 on the chart background', () => {
        for (const chart of container.querySelectorAll('odw-chart')) {
          const svg = chart.shadowRoot!.querySelector('.vega svg')!;
          const background = backgroundBehind(svg);
          const labels = [...svg.querySelectorAll('text')].filter((text) => text.textContent?.trim());
          expect(labels.length, `${chart.title}: labels`).to.be.greaterThan(0);
          for (const label of labels) {
            expect(
              ratio(getComputedStyle(label).fill, background),
              `label « ${label.textContent} »`,
            ).to.be.at.least(4.5);
          }
          const marks = [...svg.querySelectorAll('.role-mark path')];
          expect(marks.length, `${chart.title}: marks`).to.be.greaterThan(0);
          for (const mark of marks) {
            const fill = getComputedStyle(mark).fill;
            expect(ratio(fill, background), `${chart.title}: mark ${fill}`).to.be.at.least(3);
          }
        }
        const pieColours = new Set(
          [
            ...container
              .querySelector('odw-chart[type=pie]')!
              .shadowRoot!.querySelectorAll('.role-mark path'),
          ].map((mark) => getComputedStyle(mark).fill),
        );
        expect(pieColours.size, 'the pie uses the whole palette').to.equal(8);
      });

      it('outlines buttons and form fields at 3:1 against their surroundings', () => {
        const controls = deepElements(container).filter(
          (el) => el.matches('button, select, input:not([type=checkbox])') && isShown(el),
        );
        expect(controls.length, 'controls measured').to.be.greaterThan(10);
        for (const control of controls) {
          const style = getComputedStyle(control);
          // A borderless control (the table's column headers) is told by its text alone.
          if (style.borderTopStyle === 'none' || parseFloat(style.borderTopWidth) === 0) continue;
          const value = ratio(style.borderTopColor, outside(control));
          expect(
            value,
            `${control.localName}.${control.className} « ${ownText(control)} » border`,
          ).to.be.at.least(3);
        }
      });

      it('rings the focused control at 3:1', async () => {
        const focusable = deepElements(container).filter(
          (el) => el.matches('button:enabled, select, input, [tabindex="0"]') && isShown(el),
        ) as HTMLElement[];
        expect(focusable.length).to.be.greaterThan(10);
        for (const el of focusable) {
          el.focus();
          const what = `${el.localName} ${el.getAttribute('class') ?? ''} « ${ownText(el)} »`;
          expect(el.matches(':focus-visible'), `${what} focused`).to.equal(true);
          if (el instanceof SVGElement) {
            // A map area or point is ringed by its stroke, on the map's background.
            const ringed = el.matches('path') ? el : el.querySelector('circle')!;
            const behind = backgroundBehind(el.ownerSVGElement!);
            expect(ratio(getComputedStyle(ringed).stroke, behind), `${what} stroke`).to.be.at.least(3);
          } else {
            const style = getComputedStyle(el);
            expect(style.outlineStyle, `${what} outline`).not.to.equal('none');
            const behind = parseFloat(style.outlineOffset) < 0 ? backgroundBehind(el) : outside(el);
            expect(ratio(style.outlineColor, behind), `${what} outline`).to.be.at.least(3);
          }
          el.blur();
        }
      });

      if (variant.colorScheme === 'dark' || variant.theme === 'dark' || variant.pageDsfr === 'dark') {
        it('passes axe color-contrast inside every shadow root', async () => {
          await import('axe-core/axe.min.js');
          const {axe} = window as unknown as {axe: typeof import('axe-core')};
          for (const host of widgetsOf(container)) {
            const results = await axe.run(host, {runOnly: {type: 'rule', values: ['color-contrast']}});
            const problems = results.violations.flatMap((violation) =>
              violation.nodes.map((node) => `${host.localName}: ${node.failureSummary ?? ''} ${node.html}`),
            );
            expect(problems, host.localName).to.deep.equal([]);
            expect(
              results.passes.length + results.incomplete.length,
              `${host.localName}: checked`,
            ).to.be.greaterThan(0);
          }
        });
      }
    });
  }
});
