/**
 * What an `odw-chart` draws, independent of how: the rows of the answers turned into categories,
 * series and points (stacked, with the « Autres » group). The table, the summary, the CSV and the
 * keyboard list read the same points as the chart, so they show exactly what is drawn.
 */
import {compareText} from '../../data/collation.js';
import type {FieldInfo, QueryResult, Row, Selection} from '../../data/types.js';
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import {chartText, type ChartMessageKey} from './odw-chart.messages.js';
import {xKey, type ChartPlan} from './chart-plan.js';
import {formatPeriod, nextPeriod, periodTime} from './chart-time.js';

export interface Category {
  /** The raw value of x (what a click filters on); null for « Autres » and empty values. */
  value: unknown;
  label: string;
  /** Start of the period, epoch ms (UTC), on a time axis. */
  time?: number;
  others?: boolean;
  /** An empty period kept on a time axis so that gaps stay gaps. */
  gap?: boolean;
}

export interface ChartPoint {
  /** Position in `points`: the keyboard list and the highlighted mark. */
  i: number;
  /** Category label (the band of the axis, the slice). */
  k: string;
  /** Index of the category. */
  c: number;
  /** Series label. */
  s: string;
  /** The value, null in a gap. */
  v: number | null;
  /** Stack bounds (0 and v without stacking; shares with `stack="percent"`). */
  v0: number;
  v1: number;
  /** Period start (epoch ms) on a time axis; x value of a scatter point. */
  t?: number;
  /** Angles of a slice. */
  a0?: number;
  a1?: number;
  /** Whether a line or area is defined here. */
  ok: boolean;
  /** The text of the tooltip, the keyboard list and the table cell. */
  tip: string;
}

export interface ChartData {
  plan: ChartPlan;
  categories: Category[];
  series: string[];
  /** Every point, gaps included (`v` null). */
  points: ChartPoint[];
  xLabel: string;
  yLabel: string;
  /** Label of the series field, or of the values when several `y` are drawn. */
  seriesLabel?: string;
  /** Whether x is a time axis. */
  time: boolean;
  unit?: string;
  /** Scatter: the x values are numbers. */
  xLabelValue?: string;
}

export interface BuildOptions {
  lang: Lang;
  unit?: string;
  /** Rows of the « Autres » query: one row, or one per series. */
  othersRows?: Row[];
}

export function fieldLabel(fields: FieldInfo[], name: string): string {
  return fields.find((field) => field.name === name)?.label?.trim() || name;
}

export function selectionLabel(selection: Selection, fields: FieldInfo[], lang: Lang): string {
  if (selection.type === 'field') return fieldLabel(fields, selection.field);
  if (selection.fn === 'count') return chartText(lang, 'chart.count');
  const label = fieldLabel(fields, selection.field ?? '');
  return selection.fn === 'sum'
    ? label
    : chartText(lang, `chart.agg.${selection.fn}` as ChartMessageKey, {label});
}

export function toNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return null;
}

function categoryLabel(raw: unknown, lang: Lang): string {
  if (raw === null || raw === undefined || raw === '') return chartText(lang, 'chart.null');
  if (typeof raw === 'number') return formatNumber(raw, lang);
  return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
}

export function formatValue(value: number, lang: Lang, unit?: string): string {
  return formatNumber(value, lang, {unit});
}

/** Turns the query answers into what is drawn. */
export function buildChartData(plan: ChartPlan, result: QueryResult, options: BuildOptions): ChartData {
  return plan.records ? buildScatter(plan, result, options) : buildGroups(plan, result, options);
}

function buildGroups(
  plan: ChartPlan,
  result: QueryResult,
  {lang, unit, othersRows}: BuildOptions,
): ChartData {
  const {fields} = result;
  const key = xKey(plan);
  const fieldType = fields.find((field) => field.name === plan.x)?.type;
  const time = Boolean(plan.timeunit) || fieldType === 'date' || fieldType === 'datetime';
  const severalYs = plan.ys.length > 1;

  // Series: one per aggregate, or one per value of the series field (times each aggregate).
  const seriesOf = (row: Row, selection: Selection): string => {
    const aggregate = selectionLabel(selection, fields, lang);
    if (!plan.series) return aggregate;
    const name = categoryLabel(row[plan.series], lang);
    return severalYs ? `${name} – ${aggregate}` : name;
  };

  // Categories, in the order of the answer (the server sorted them), or in time order.
  const categories: Category[] = [];
  const byKey = new Map<string, Category>();
  const categoryOf = (raw: unknown): Category => {
    const id = JSON.stringify(raw ?? null);
    let category = byKey.get(id);
    if (!category) {
      const periodStart = time ? periodTime(raw) : undefined;
      const label =
        periodStart !== undefined
          ? formatPeriod(periodStart, plan.timeunit ?? 'date', lang)
          : categoryLabel(raw, lang);
      category = {value: raw ?? null, label, time: periodStart};
      byKey.set(id, category);
      categories.push(category);
    }
    return category;
  };

  const series: string[] = [];
  const values = new Map<string, number | null>();
  const cell = (category: Category, name: string) => `${category.label}\u0000${name}`;
  const add = (category: Category, name: string, value: number | null) => {
    if (!series.includes(name)) series.push(name);
    values.set(cell(category, name), value);
  };

  for (const row of result.rows) {
    const category = categoryOf(row[key.as]);
    for (const selection of plan.ys) add(category, seriesOf(row, selection), toNumber(row[selection.as]));
  }

  if (time) {
    // Nothing at an unknown date; a time axis runs in time order with its empty periods kept.
    const dated = categories.filter((category) => category.time !== undefined);
    dated.sort((a, b) => a.time! - b.time!);
    if (plan.sort === '-x') dated.reverse();
    categories.splice(0, categories.length, ...fillGaps(dated, plan, lang));
  } else if (plan.series) {
    sortCategories(categories, plan, series, values, cell);
  }

  if (othersRows?.length) {
    const others: Category = {value: null, label: chartText(lang, 'chart.others'), others: true};
    categories.push(others);
    for (const row of othersRows) {
      for (const selection of plan.ys) add(others, seriesOf(row, selection), toNumber(row[selection.as]));
    }
  }

  const points = layoutPoints(
    plan,
    categories,
    series,
    (category, name) => values.get(cell(category, name)) ?? null,
  );
  for (const point of points) point.tip = tipOf(point, series.length, lang, unit, plan.stack === 'percent');

  return {
    plan,
    categories,
    series,
    points,
    xLabel: fieldLabel(fields, plan.x),
    yLabel: severalYs ? chartText(lang, 'chart.value') : selectionLabel(plan.ys[0], fields, lang),
    seriesLabel: plan.series
      ? fieldLabel(fields, plan.series)
      : severalYs
        ? chartText(lang, 'chart.value')
        : undefined,
    time,
    unit,
  };
}

/** Categories by their total (first series order) or label, when series break the server's order. */
function sortCategories(
  categories: Category[],
  plan: ChartPlan,
  series: string[],
  values: Map<string, number | null>,
  cell: (category: Category, name: string) => string,
): void {
  const sign = plan.sort.startsWith('-') ? -1 : 1;
  if (plan.sort.endsWith('y')) {
    const total = (category: Category) =>
      series.reduce((sum, name) => sum + (values.get(cell(category, name)) ?? 0), 0);
    categories.sort((a, b) => sign * (total(a) - total(b)));
  } else if (!plan.limit) {
    categories.sort((a, b) => sign * compareText(a.label, b.label));
  }
}

/** Every period between the first and the last, the missing ones marked as gaps. */
function fillGaps(dated: Category[], plan: ChartPlan, lang: Lang): Category[] {
  const unit = plan.timeunit;
  if (!unit || dated.length < 2) return dated;
  const ascending = [...dated].sort((a, b) => a.time! - b.time!);
  const byTime = new Map(ascending.map((category) => [category.time!, category]));
  const filled: Category[] = [];
  const last = ascending[ascending.length - 1].time!;
  // Bounded: a wrong unit on a long range must not freeze the page.
  for (let time = ascending[0].time!; time <= last && filled.length < 5000; time = nextPeriod(time, unit)) {
    filled.push(byTime.get(time) ?? {value: null, label: formatPeriod(time, unit, lang), time, gap: true});
  }
  return plan.sort === '-x' ? filled.reverse() : filled;
}

function layoutPoints(
  plan: ChartPlan,
  categories: Category[],
  series: string[],
  valueOf: (category: Category, name: string) => number | null,
): ChartPoint[] {
  const points: ChartPoint[] = [];
  const stacked = Boolean(plan.stack) || (plan.type === 'area' && series.length > 1);
  categories.forEach((category, c) => {
    let positive = 0;
    let negative = 0;
    const total = series.reduce((sum, name) => sum + Math.abs(valueOf(category, name) ?? 0), 0);
    for (const name of series) {
      const v = valueOf(category, name);
      const share = plan.stack === 'percent' ? (total ? (v ?? 0) / total : 0) : (v ?? 0);
      let v0 = 0;
      let v1 = share;
      if (stacked) {
        if (share >= 0) {
          v0 = positive;
          v1 = positive += share;
        } else {
          v0 = negative;
          v1 = negative += share;
        }
      }
      points.push({
        i: 0,
        k: category.label,
        c,
        s: name,
        v,
        v0,
        v1,
        t: category.time,
        ok: v !== null,
        tip: '',
      });
    }
  });
  if (plan.type === 'pie' || plan.type === 'donut') {
    const drawn = points.filter((point) => point.v !== null && point.v > 0);
    const total = drawn.reduce((sum, point) => sum + point.v!, 0);
    let angle = 0;
    for (const point of drawn) {
      point.a0 = angle;
      angle += total ? (point.v! / total) * 2 * Math.PI : 0;
      point.a1 = angle;
    }
  }
  points.forEach((point, index) => (point.i = index));
  return points;
}

function tipOf(
  point: ChartPoint,
  seriesCount: number,
  lang: Lang,
  unit: string | undefined,
  percent: boolean,
): string {
  const value = point.v === null ? '—' : formatValue(point.v, lang, unit);
  const share =
    percent && point.v !== null ? ` (${formatNumber(point.v1 - point.v0, lang, {format: 'percent'})})` : '';
  const name = seriesCount > 1 ? ` – ${point.s}` : '';
  return `${point.k}${name} : ${value}${share}`.replace(' : ', lang === 'fr' ? '\u00a0: ' : ': ');
}

function buildScatter(plan: ChartPlan, result: QueryResult, {lang, unit}: BuildOptions): ChartData {
  const {fields} = result;
  const [ySelection] = plan.ys;
  const xLabel = fieldLabel(fields, plan.x);
  const yLabel = selectionLabel(ySelection, fields, lang);
  const series: string[] = [];
  const points: ChartPoint[] = [];
  const categories: Category[] = [];
  for (const row of result.rows) {
    const x = toNumber(row[plan.x]);
    const y = toNumber(row[ySelection.as]);
    if (x === null || y === null) continue;
    const name = plan.series ? categoryLabel(row[plan.series], lang) : yLabel;
    if (!series.includes(name)) series.push(name);
    const label = plan.series ? name : `${formatNumber(x, lang)} ; ${formatNumber(y, lang)}`;
    categories.push({value: x, label});
    const separator = lang === 'fr' ? '\u00a0: ' : ': ';
    points.push({
      i: points.length,
      k: label,
      c: categories.length - 1,
      s: name,
      v: y,
      v0: 0,
      v1: y,
      t: x,
      ok: true,
      tip: `${plan.series ? `${name} – ` : ''}${xLabel}${separator}${formatNumber(x, lang)}, ${yLabel}${separator}${formatValue(y, lang, unit)}`,
    });
  }
  return {
    plan,
    categories,
    series,
    points,
    xLabel,
    yLabel,
    seriesLabel: plan.series ? fieldLabel(fields, plan.series) : undefined,
    time: false,
    unit,
  };
}
