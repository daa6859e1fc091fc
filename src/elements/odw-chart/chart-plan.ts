/**
 * An `odw-chart`'s attributes checked before any request, and what its queries are made of: the
 * key of the categories, their order, the filter of the top N.
 */
import {parseSelect} from '../../data/index.js';
import type {Filter, GroupKey, Literal, Order, Selection, TimeUnit} from '../../data/types.js';
import {ConfigError} from '../../core/errors.js';
import type {Lang} from '../../core/i18n.js';
import {chartText, type ChartMessageKey} from './odw-chart.messages.js';
import {chartAttributes} from './odw-chart.schema.js';

// The allowed values are the attribute schema's (odw-chart.schema.ts).
const CHART_TYPES: readonly string[] = chartAttributes.type.values;
const TIME_UNITS: readonly string[] = chartAttributes.timeunit.values;

export type ChartType = (typeof chartAttributes.type.values)[number];

/**
 * Whether a chart of `type` draws with d3-shape (chart-shape-layouts.ts): lines, areas, scatters,
 * pies and donuts. Columns and bars are rectangles of their own.
 */
export function drawsShapes(type: ChartType): boolean {
  return type !== 'column' && type !== 'bar';
}
export type StackMode = (typeof chartAttributes.stack.values)[number];
export type ChartSort = (typeof chartAttributes.sort.values)[number];

/** A configuration error of the chart, worded in the widget's language. */
export class ChartConfigError extends ConfigError {
  constructor(
    readonly key: ChartMessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super('invalid', key);
  }

  describe(lang: Lang): string {
    return chartText(lang, this.key, this.params);
  }
}

/** The chart's attributes as the element holds them. */
export interface ChartAttributes {
  type?: string;
  x?: string;
  y?: string;
  series?: string;
  stack?: string;
  sort?: string;
  limit?: number;
  others?: boolean;
  timeunit?: string;
  color?: string;
}

/** The attributes once checked. */
export interface ChartPlan {
  type: ChartType;
  x: string;
  ys: Selection[];
  series?: string;
  stack?: StackMode;
  sort: ChartSort;
  limit?: number;
  others: boolean;
  timeunit?: TimeUnit;
  /** `value`: the one series is shaded by its value (sequential scheme) rather than one colour. */
  color?: 'value';
  /** Whether rows are records (scatter of bare fields) rather than groups. */
  records: boolean;
}

/** Checks the attributes before any request: a typo costs no request. */
export function planChart(attributes: ChartAttributes): ChartPlan {
  const type = (attributes.type?.trim() || 'column') as ChartType;
  if (!CHART_TYPES.includes(type)) throw new ChartConfigError('chart.error.type', {value: type});
  const x = attributes.x?.trim();
  if (!x) throw new ChartConfigError('chart.error.x');
  const ys = parseSelect(attributes.y?.trim() || 'count()');
  const records = type === 'scatter' && ys.every((selection) => selection.type === 'field');
  if (!records) {
    const field = ys.find((selection) => selection.type === 'field');
    if (field) throw new ChartConfigError('chart.error.y-field', {expression: field.as});
  }
  const sortText = attributes.sort?.trim();
  if (sortText && !['x', '-x', 'y', '-y'].includes(sortText)) {
    throw new ChartConfigError('chart.error.sort', {value: sortText});
  }
  const timeunit = attributes.timeunit?.trim() || undefined;
  if (timeunit && !TIME_UNITS.includes(timeunit as TimeUnit)) {
    throw new ChartConfigError('chart.error.timeunit', {value: timeunit});
  }
  const stack = attributes.stack?.trim() || undefined;
  if (stack && stack !== 'normal' && stack !== 'percent') {
    throw new ChartConfigError('chart.error.stack', {value: stack});
  }
  const round = type === 'pie' || type === 'donut';
  const series = round ? undefined : attributes.series?.trim() || undefined;
  const color = attributes.color?.trim() || undefined;
  if (color && color !== 'value') throw new ChartConfigError('chart.error.color', {value: color});
  // Colour already names the series and the slices: shading them by value would hide which is which.
  if (color && (round || series || ys.length > 1)) throw new ChartConfigError('chart.error.color-series');
  const limit = Number(attributes.limit);
  return {
    type,
    x,
    ys: round ? ys.slice(0, 1) : ys,
    series,
    stack: stack as StackMode | undefined,
    sort: (sortText as ChartSort | undefined) ?? (round ? '-y' : 'x'),
    limit: Number.isFinite(limit) && limit > 0 ? Math.floor(limit) : undefined,
    // The rest of a time axis is not one category.
    others: Boolean(attributes.others) && !timeunit,
    timeunit: timeunit as TimeUnit | undefined,
    color: color as 'value' | undefined,
    records,
  };
}

export function xKey(plan: ChartPlan): GroupKey {
  return plan.timeunit
    ? {field: plan.x, timeunit: plan.timeunit, as: `${plan.timeunit}(${plan.x})`}
    : {field: plan.x, as: plan.x};
}

/** The server's order of the groups for `sort`. */
export function orderFor(plan: ChartPlan): Order[] {
  const direction = plan.sort.startsWith('-') ? 'desc' : 'asc';
  const key = plan.sort.endsWith('y') ? plan.ys[0].as : xKey(plan).as;
  return [{key, direction}];
}

/** `x in (values)`: the categories of the top N, as the filter language writes them. */
export function inFilter(field: string, values: unknown[]): Filter {
  return {type: 'in', field, values: values.map(literal)};
}

function literal(value: unknown): Literal {
  if (typeof value === 'number') return {type: 'number', value};
  if (typeof value === 'boolean') return {type: 'boolean', value};
  return {type: 'string', value: String(value)};
}
