/**
 * Vega, for a page's Vega-Lite specification (`.spec` or a JSON child) only: loaded by `import()`
 * then, never for the seven chart types, which the library draws itself (chart-draw.ts). Every
 * Vega transform is registered (a page's specification may aggregate, bin, stack or fold) and runs
 * with the expression interpreter (no `new Function`: strict CSP); the Vega-Lite compiler loads
 * with the first specification.
 */
import {transforms} from 'vega-dataflow';
import {expressionInterpreter} from 'vega-interpreter';
import {parse} from 'vega-parser';
import * as dataTransforms from 'vega-transforms';
import * as viewTransforms from 'vega-view-transforms';
import * as encoders from 'vega-encode';
import {View} from 'vega-view';
import type {Lang} from '../../core/i18n.js';
import {formatsOf} from './chart-locale.js';

Object.assign(transforms, dataTransforms, viewTransforms, encoders);

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
  /**
   * Draws `spec` in place when it differs from the drawn one only by its data, its scale domains
   * and its size (new rows after a filter): no new parse, no new view. Answers false, drawing
   * nothing, when anything else changed or `lang` is not the view's: draw a new view then.
   */
  update(spec: object, lang: Lang): Promise<boolean>;
  resize(width: number, height: number): Promise<void>;
  toSVG(): Promise<string>;
  toCanvas(scale: number): Promise<HTMLCanvasElement>;
  finalize(): void;
}

type Spec = Record<string, unknown> & {
  data?: Array<Record<string, unknown>>;
  scales?: Array<Record<string, unknown>>;
  signals?: Array<Record<string, unknown>>;
};

/**
 * A specification split into what a view can take in place (inline data, scale domains, values of
 * signals, size) and the rest.
 */
interface Prepared {
  /** What is parsed: every literal scale domain read from a signal of its own. */
  spec: Spec;
  /** Everything else, as text: two specifications of the same shape draw with one view. */
  shape: string;
  data: Record<string, unknown[]>;
  /** Signals of a plain value, the domains' included. */
  signals: Record<string, unknown>;
  width: number;
  height: number;
}

function prepare(source: object): Prepared {
  const spec = source as Spec;
  const data: Record<string, unknown[]> = {};
  const domains: Record<string, unknown> = {};
  // Inline values go in as they are; with a `format` they are parsed, so they stay in the shape.
  const dataShape = spec.data?.map((entry) => {
    if (!Array.isArray(entry.values) || entry.format || typeof entry.name !== 'string') return entry;
    data[entry.name] = entry.values as unknown[];
    return {...entry, values: []};
  });
  const scales = spec.scales?.map((scale) => {
    if (!Array.isArray(scale.domain) || typeof scale.name !== 'string') return scale;
    const signal = `odw_domain_${scale.name.replace(/\W/g, '_')}`;
    domains[signal] = scale.domain;
    return {...scale, domain: {signal}};
  });
  const signals = [
    ...(spec.signals ?? []),
    ...Object.entries(domains).map(([name, value]) => ({name, value})),
  ];
  const values: Record<string, unknown> = {};
  const signalShape = signals.map((signal) => {
    const keys = Object.keys(signal);
    if (typeof signal.name !== 'string' || keys.length !== 2 || !('value' in signal)) return signal;
    values[signal.name] = signal.value;
    return {name: signal.name};
  });
  const {width, height} = spec;
  return {
    spec: {...spec, ...(scales ? {scales} : {}), signals},
    shape: JSON.stringify({...spec, width: 0, height: 0, data: dataShape, scales, signals: signalShape}),
    data,
    signals: values,
    width: Number(width),
    height: Number(height),
  };
}

/** Draws a Vega specification into `container` and answers once it is on screen. */
export async function draw(source: object, options: DrawOptions): Promise<ChartView> {
  let drawn = prepare(source);
  const runtime = parse(drawn.spec, undefined, {ast: true});
  const view = new View(runtime, {
    expr: expressionInterpreter,
    renderer: 'svg',
    loader: noLoader,
    tooltip: (_handler: unknown, event: MouseEvent, _item: unknown, value: unknown) =>
      options.tooltip(event, value === undefined || value === null ? undefined : String(value)),
  });
  // The formats the axes were written with (chart-axes.ts), built once per language.
  view.locale(formatsOf(options.lang));
  view.addEventListener(
    'click',
    (event: MouseEvent, item?: {datum?: Record<string, unknown>; mark?: {name?: string}}) => {
      options.click(event, item?.mark?.name === 'marks' ? item.datum : undefined);
    },
  );
  view.initialize(options.container);
  await view.runAsync();
  return {
    async update(next, lang) {
      const prepared = prepare(next);
      if (lang !== options.lang || prepared.shape !== drawn.shape) return false;
      for (const [name, values] of Object.entries(prepared.data)) view.data(name, values);
      for (const [name, value] of Object.entries(prepared.signals)) view.signal(name, value);
      // With `autosize: fit` the view keeps the plot's size in its width and height: set again
      // only when the chart's size changed, or the view would lay itself out twice.
      if (prepared.width !== drawn.width && Number.isFinite(prepared.width)) view.width(prepared.width);
      if (prepared.height !== drawn.height && Number.isFinite(prepared.height)) view.height(prepared.height);
      await view.runAsync();
      drawn = prepared;
      return true;
    },
    async resize(width, height) {
      view.width(width).height(height);
      await view.runAsync();
    },
    toSVG: () => view.toSVG(),
    toCanvas: (scale) => view.toCanvas(scale),
    finalize: () => view.finalize(),
  };
}

/**
 * Compiles a Vega-Lite specification, loading the compiler on first use.
 */
export async function compileVegaLite(spec: object): Promise<object> {
  const {compile} = await import('vega-lite');
  return compile(spec as Parameters<typeof compile>[0]).spec;
}
