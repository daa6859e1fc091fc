/**
 * What the builder is making, as plain data, and its compact form in a URL (`#builder=<code>`):
 * JSON with short keys, UTF-8, base64url. Decoding checks every key and value, so a damaged or
 * hand-edited link gives a plain message instead of a broken builder.
 */
import {API_FAMILIES, LANGUAGES, THEMES} from '../../core/data-element.schema.js';
import {chartAttributes} from '../odw-chart/odw-chart.schema.js';
import {filterAttributes} from '../odw-filter/odw-filter.schema.js';
import {kpiAttributes} from '../odw-kpi/odw-kpi.schema.js';
import {mapAttributes} from '../odw-map/odw-map.schema.js';

export type WidgetKind = 'kpi' | 'chart' | 'map' | 'table' | 'filter';
export type PaletteName = 'default' | 'dsfr' | 'warm' | 'cool' | 'custom';

// The values a widget's attributes allow come from the elements' schemas (src/core/schema.ts).
export const WIDGET_KINDS: readonly WidgetKind[] = ['kpi', 'chart', 'map', 'table', 'filter'];
export const CHART_TYPES = chartAttributes.type.values;
export const FILTER_TYPES = filterAttributes.type.values;
export const TIME_UNITS = chartAttributes.timeunit.values;
export const NUMBER_FORMATS = kpiAttributes.format.values;
export const PALETTES: readonly PaletteName[] = ['default', 'dsfr', 'warm', 'cool', 'custom'];
export {THEMES};
const MAP_MODES = mapAttributes.mode.values;

export type ChartType = (typeof CHART_TYPES)[number];
export type FilterType = (typeof FILTER_TYPES)[number];
export type MapMode = (typeof MAP_MODES)[number];
type TimeUnit = (typeof TIME_UNITS)[number];
type NumberFormat = (typeof NUMBER_FORMATS)[number];
type Theme = (typeof THEMES)[number];
type Lang = (typeof LANGUAGES)[number];
type ApiFamily = (typeof API_FAMILIES)[number];

/** One widget, with the attribute values the webmaster chose (expressions as text). */
export interface WidgetState {
  kind: WidgetKind;
  /** KPI figure or map value: an aggregate (`sum(population)`). */
  value?: string;
  label?: string;
  unit?: string;
  format?: NumberFormat;
  chartType?: ChartType;
  x?: string;
  /** Chart aggregate (`sum(population)`), or a numeric field for a scatter. */
  y?: string;
  timeunit?: TimeUnit;
  mode?: MapMode;
  /** Name of a bundled outline file (see outlines.ts). */
  shapes?: string;
  key?: string;
  /** Table columns, comma-separated. */
  columns?: string;
  /** Filter field. */
  field?: string;
  filterType?: FilterType;
  title?: string;
  description?: string;
  where?: string;
  /** Chart `x|-x|y|-y`; table `field|-field`; filter `count|label`. */
  sort?: string;
  limit?: number;
  height?: number;
}

export interface BuilderState {
  src: string;
  api?: ApiFamily;
  /** Several widgets in one `odw-dashboard`; otherwise only `widgets[0]` is made. */
  dashboard: boolean;
  widgets: WidgetState[];
  /** The dashboard's own title and description. */
  title?: string;
  description?: string;
  palette?: PaletteName;
  /** The colours of the `custom` palette, as typed (`#000091, #c9191e`). */
  colours?: string;
  theme?: Theme;
  lang?: Lang;
  refresh?: number;
  /** A template (snippet.ts): the field whose value each page chooses (`code_insee`). */
  param?: string;
  /** The field naming each value in the template's selector (`commune`). */
  paramLabel?: string;
  /** The selector's label (that field's title). */
  paramTitle?: string;
  /** The value shown when the page chooses none. */
  paramDefault?: string;
}

type Kind = 'string' | 'number' | 'boolean' | 'list';
interface KeySpec {
  short: string;
  kind: Kind;
  values?: readonly string[];
}

const WIDGET_KEYS: Record<keyof WidgetState, KeySpec> = {
  kind: {short: 'k', kind: 'string', values: WIDGET_KINDS},
  value: {short: 'v', kind: 'string'},
  label: {short: 'lb', kind: 'string'},
  unit: {short: 'u', kind: 'string'},
  format: {short: 'f', kind: 'string', values: NUMBER_FORMATS},
  chartType: {short: 'c', kind: 'string', values: CHART_TYPES},
  x: {short: 'x', kind: 'string'},
  y: {short: 'y', kind: 'string'},
  timeunit: {short: 'tu', kind: 'string', values: TIME_UNITS},
  mode: {short: 'm', kind: 'string', values: MAP_MODES},
  shapes: {short: 'sh', kind: 'string'},
  key: {short: 'ky', kind: 'string'},
  columns: {short: 'co', kind: 'string'},
  field: {short: 'fi', kind: 'string'},
  filterType: {short: 'ft', kind: 'string', values: FILTER_TYPES},
  title: {short: 't', kind: 'string'},
  description: {short: 'ds', kind: 'string'},
  where: {short: 'wh', kind: 'string'},
  sort: {short: 'so', kind: 'string'},
  limit: {short: 'li', kind: 'number'},
  height: {short: 'h', kind: 'number'},
};

const STATE_KEYS: Record<keyof BuilderState, KeySpec> = {
  src: {short: 's', kind: 'string'},
  api: {short: 'a', kind: 'string', values: API_FAMILIES},
  dashboard: {short: 'd', kind: 'boolean'},
  widgets: {short: 'w', kind: 'list'},
  title: {short: 't', kind: 'string'},
  description: {short: 'ds', kind: 'string'},
  palette: {short: 'p', kind: 'string', values: PALETTES},
  colours: {short: 'pc', kind: 'string'},
  theme: {short: 'th', kind: 'string', values: THEMES},
  lang: {short: 'l', kind: 'string', values: LANGUAGES},
  refresh: {short: 'r', kind: 'number'},
  param: {short: 'pf', kind: 'string'},
  paramLabel: {short: 'pl', kind: 'string'},
  paramTitle: {short: 'pt', kind: 'string'},
  paramDefault: {short: 'pv', kind: 'string'},
};

/** Why a state could not be read back; the element words it. */
export class StateError extends Error {
  constructor(readonly path: string) {
    super(`Invalid builder state at ${path || 'the root'}`);
    this.name = 'StateError';
  }
}

function shorten(value: object, keys: Record<string, KeySpec>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    const spec = keys[name];
    if (!spec || item === undefined || item === '' || item === false) continue;
    out[spec.short] = item;
  }
  return out;
}

/** The state as a URL-safe text: short keys, empty values left out. */
export function encodeState(state: BuilderState): string {
  const compact = shorten(state, STATE_KEYS);
  compact[STATE_KEYS.widgets.short] = state.widgets.map((widget) => shorten(widget, WIDGET_KEYS));
  const bytes = new TextEncoder().encode(JSON.stringify(compact));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function expand<T>(value: unknown, keys: Record<string, KeySpec>, path: string): Partial<T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new StateError(path);
  const byShort = new Map(Object.entries(keys).map(([name, spec]) => [spec.short, {name, spec}]));
  const out: Record<string, unknown> = {};
  for (const [short, item] of Object.entries(value)) {
    const entry = byShort.get(short);
    const where = path ? `${path}.${short}` : short;
    if (!entry) throw new StateError(where);
    const {name, spec} = entry;
    const valid =
      (spec.kind === 'string' && typeof item === 'string' && (!spec.values || spec.values.includes(item))) ||
      (spec.kind === 'number' && typeof item === 'number' && Number.isFinite(item) && item >= 0) ||
      (spec.kind === 'boolean' && typeof item === 'boolean') ||
      (spec.kind === 'list' && Array.isArray(item));
    if (!valid) throw new StateError(where);
    out[name] = item;
  }
  return out as Partial<T>;
}

/**
 * Reads a state written by `encodeState`.
 * @throws StateError naming the first wrong key (`w[1].k`), or the root when the text is not a state.
 */
export function decodeState(code: string): BuilderState {
  let parsed: unknown;
  try {
    const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    parsed = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(bytes));
  } catch {
    throw new StateError('');
  }
  const state = expand<BuilderState>(parsed, STATE_KEYS, '');
  if (typeof state.src !== 'string' || !state.src.trim()) throw new StateError('s');
  const widgets = (state.widgets ?? []).map((widget, index) => {
    const path = `w[${index}]`;
    const expanded = expand<WidgetState>(widget, WIDGET_KEYS, path);
    if (!expanded.kind) throw new StateError(`${path}.k`);
    return expanded as WidgetState;
  });
  if (!widgets.length) throw new StateError('w');
  return {...state, src: state.src, dashboard: state.dashboard ?? false, widgets};
}

/** The name of the URL hash parameter holding the state. */
export const HASH_PARAMETER = 'builder';

/** The state code of a location hash (`#builder=…`), if any. */
export function stateCodeOf(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(HASH_PARAMETER) ?? undefined;
}

/** `url` (its hash replaced) reopening the builder in `state`. */
export function stateLink(url: string, state: BuilderState): string {
  const base = url.replace(/#.*$/, '');
  return `${base}#${HASH_PARAMETER}=${encodeState(state)}`;
}
