/**
 * The chart engine, loaded by `import()` when a chart first draws: Vega's view, parser, dataflow,
 * and only the operators the specifications of chart-spec.ts compile to, taken from Vega's
 * packages rather than the `vega` bundle, and run with the expression interpreter (no
 * `new Function`: strict CSP). The Vega-Lite compiler is loaded, and every other Vega transform
 * registered, only for a `.spec` (chart-engine-full.ts).
 */
import {transforms} from 'vega-dataflow';
import {expressionInterpreter} from 'vega-interpreter';
import {parse} from 'vega-parser';
import {aggregate, collect, facet, prefacet, proxy, sieve} from 'vega-transforms';
import {View} from 'vega-view';
import {bound, mark, overlap, render, viewlayout} from 'vega-view-transforms';
import {axisticks, datajoin, encode, legendentries, scale, sortitems} from 'vega-encode';
import type {Lang} from '../../core/i18n.js';

/**
 * The operators of the generated specifications (a test parses every chart type and checks this
 * list), the only ones registered. The Vega packages ship one-file builds whose classes the bundler
 * keeps whether used or not (`inherits()` calls count as side effects), so this alone does not yet
 * shrink the chunk; a build that resolves these names to the packages' per-class modules does.
 */
export const SPEC_TRANSFORMS: Record<string, unknown> = {
  aggregate,
  collect,
  facet,
  prefacet,
  proxy,
  sieve,
  bound,
  mark,
  overlap,
  render,
  viewlayout,
  axisticks,
  datajoin,
  encode,
  legendentries,
  scale,
  sortitems,
};

Object.assign(transforms, SPEC_TRANSFORMS);

export {buildSpec} from './chart-spec.js';

/** French and English number and date formats for one view (no global locale is changed). */
const LOCALES: Record<Lang, {number: object; time: object}> = {
  fr: {
    number: {decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', '\u00a0€'], percent: '\u202f%'},
    time: {
      dateTime: '%A %e %B %Y à %X',
      date: '%d/%m/%Y',
      time: '%H:%M:%S',
      periods: ['', ''],
      days: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
      shortDays: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
      months: [
        'janvier',
        'février',
        'mars',
        'avril',
        'mai',
        'juin',
        'juillet',
        'août',
        'septembre',
        'octobre',
        'novembre',
        'décembre',
      ],
      shortMonths: [
        'janv.',
        'févr.',
        'mars',
        'avr.',
        'mai',
        'juin',
        'juil.',
        'août',
        'sept.',
        'oct.',
        'nov.',
        'déc.',
      ],
    },
  },
  en: {
    number: {decimal: '.', thousands: ',', grouping: [3], currency: ['$', '']},
    time: {
      dateTime: '%x, %X',
      date: '%-m/%-d/%Y',
      time: '%-I:%M:%S %p',
      periods: ['AM', 'PM'],
      days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
      shortDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
      months: [
        'January',
        'February',
        'March',
        'April',
        'May',
        'June',
        'July',
        'August',
        'September',
        'October',
        'November',
        'December',
      ],
      shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    },
  },
};

/** Refuses every load: a chart draws only the rows its element fetched. */
const noLoader = {
  load: () => Promise.reject(new Error('odw-chart loads no data from a specification')),
  sanitize: () => Promise.reject(new Error('odw-chart loads no resource from a specification')),
  http: () => Promise.reject(new Error('odw-chart loads no data from a specification')),
  file: () => Promise.reject(new Error('odw-chart loads no data from a specification')),
};

export interface DrawOptions {
  container: HTMLElement;
  lang: Lang;
  /** A tooltip handler: text only, shown by the element. */
  tooltip: (event: MouseEvent, text: string | undefined) => void;
  click: (event: MouseEvent, datum: Record<string, unknown> | undefined) => void;
}

export interface ChartView {
  resize(width: number, height: number): Promise<void>;
  setActive(index: number): Promise<void>;
  toSVG(): Promise<string>;
  toCanvas(scale: number): Promise<HTMLCanvasElement>;
  finalize(): void;
}

/** Draws a Vega specification into `container` and answers once it is on screen. */
export async function draw(spec: object, options: DrawOptions): Promise<ChartView> {
  const runtime = parse(spec, undefined, {ast: true});
  const view = new View(runtime, {
    expr: expressionInterpreter,
    renderer: 'svg',
    loader: noLoader,
    locale: LOCALES[options.lang],
    tooltip: (_handler: unknown, event: MouseEvent, _item: unknown, value: unknown) =>
      options.tooltip(event, value === undefined || value === null ? undefined : String(value)),
  });
  view.addEventListener(
    'click',
    (event: MouseEvent, item?: {datum?: Record<string, unknown>; mark?: {name?: string}}) => {
      options.click(event, item?.mark?.name === 'marks' ? item.datum : undefined);
    },
  );
  view.initialize(options.container);
  await view.runAsync();
  return {
    async resize(width, height) {
      view.width(width).height(height);
      await view.runAsync();
    },
    async setActive(index) {
      view.signal('active', index);
      await view.runAsync();
    },
    toSVG: () => view.toSVG(),
    toCanvas: (scale) => view.toCanvas(scale),
    finalize: () => view.finalize(),
  };
}

/** The operator types (lower case, as Vega registers them) a specification compiles to. */
export function operatorTypes(spec: object): Set<string> {
  const types = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const {type, ...rest} = node as {type?: unknown};
    // A plain `operator` is the dataflow's own, not a registered transform.
    if (typeof type === 'string' && 'id' in node && type.toLowerCase() !== 'operator') {
      types.add(type.toLowerCase());
    }
    Object.values(rest).forEach(visit);
  };
  visit(parse(spec, undefined, {ast: true}));
  return types;
}

/**
 * Compiles a Vega-Lite specification, loading the compiler and every Vega transform on first use:
 * a page's specification may aggregate, bin, stack or fold.
 */
export async function compileVegaLite(spec: object): Promise<object> {
  const [{compile}] = await Promise.all([import('vega-lite'), import('./chart-engine-full.js')]);
  return compile(spec as Parameters<typeof compile>[0]).spec;
}
