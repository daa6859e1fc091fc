/**
 * The text alternative of a chart: what a sighted reader takes from it at a glance, written out
 * from the points the chart draws (chart-model.ts), in the widget's language.
 *
 * - column and bar: the highest and lowest values with their categories (totals when stacked);
 * - line and area: per series, the trend from the first to the last value, the lowest and highest
 *   with their dates;
 * - pie and donut: the shares, largest first;
 * - scatter: the ranges of both variables and the sign and strength of their correlation.
 *
 * Every figure goes through core/format.ts, so it reads as in the chart, its table and its tooltips.
 */
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import type {Category, ChartData, ChartPoint} from './chart-model.js';
import type {StackMode} from './chart-plan.js';
import {chartText, type ChartMessageKey} from './odw-chart.messages.js';
import {sentence} from '../../core/sentence.js';
import {dateText, nounOf, pearson, pluralForm} from './chart-words.js';

/** Slices named one by one in a pie's summary; the rest are summed up (all, if one more). */
const NAMED_SLICES = 5;
/** Series described one by one; the table holds the others. */
const DESCRIBED_SERIES = 5;
/** Categories named when they share the highest or lowest value; more are counted. */
const NAMED_TIES = 5;
/** A change below half a percent of the first value reads as « stable ». */
const STABLE_CHANGE = 0.005;

interface Item {
  label: string;
  value: number;
}

interface Dated {
  category: Category;
  value: number;
}

/** How a date or a category is introduced: « en mars 2024 », « le 3 mars 2024 », « pour Olivet ». */
type WhenKind = 'period' | 'day' | 'week' | 'category';

/**
 * The summary of `data` as drawn by a chart of `data.plan.type`, in sentences: « Diagramme en
 * colonnes, 22 communes. La plus forte valeur est Orléans avec 116 344 hab. ; la plus faible est
 * Combleux avec 524 hab. »
 */
export function describeChart(data: ChartData, lang: Lang): string {
  let texts = written.get(data);
  if (!texts) written.set(data, (texts = {}));
  return (texts[lang] ??= new Summary(data, lang).write());
}

/** Summaries already written: a chart's every render (a busy one, a focus move) asks again. */
const written = new WeakMap<ChartData, Partial<Record<Lang, string>>>();

class Summary {
  private readonly drawn: ChartPoint[];
  private readonly stack: StackMode | undefined;
  private readonly othersCategory: Category | undefined;

  constructor(
    private readonly data: ChartData,
    private readonly lang: Lang,
  ) {
    this.drawn = data.points.filter((point) => point.v !== null);
    const {plan} = data;
    const cartesian = plan.type !== 'pie' && plan.type !== 'donut' && plan.type !== 'scatter';
    // An area of several series is always stacked (chart-model.ts, layoutPoints).
    const stack = plan.stack ?? (plan.type === 'area' ? 'normal' : undefined);
    this.stack = cartesian && data.series.length > 1 ? stack : undefined;
    this.othersCategory = data.categories.find((category) => category.others);
  }

  write(): string {
    const type = chartText(this.lang, `chart.type.${this.data.plan.type}` as ChartMessageKey);
    if (!this.drawn.length) return sentence(chartText(this.lang, 'chart.describe.empty', {type}));
    const opening = [this.stack ? chartText(this.lang, `chart.describe.stack.${this.stack}`, {type}) : type];
    opening.push(this.data.plan.records ? this.pointCount() : this.categoryCount());
    if (this.data.series.length > 1) {
      const names = this.list(this.data.series);
      opening.push(chartText(this.lang, 'chart.describe.series', {count: this.data.series.length, names}));
    }
    return [opening.join(', '), ...this.body()].map(sentence).join(' ');
  }

  private body(): string[] {
    switch (this.data.plan.type) {
      case 'pie':
      case 'donut':
        return this.shares();
      case 'scatter':
        return this.data.plan.records ? this.correlation() : this.bars();
      case 'line':
      case 'area':
        return this.lines();
      default:
        return this.bars();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Counts.

  private pointCount(): string {
    const count = this.drawn.length;
    return chartText(this.lang, `chart.describe.points.${this.form(count)}`, {count: this.number(count)});
  }

  /** « 22 communes », « 36 mois », « 10 communes et « Autres » »: the categories that hold a value. */
  private categoryCount(): string {
    const withValues = new Set(this.drawn.map((point) => point.c));
    const count = this.data.categories.filter((category, c) => !category.others && withValues.has(c)).length;
    const text = this.categories(count);
    const others = this.othersCategory;
    const othersDrawn = others && withValues.has(this.data.categories.indexOf(others));
    return othersDrawn
      ? chartText(this.lang, 'chart.describe.with-others', {count: text, others: others.label})
      : text;
  }

  /** « 1 commune », « 12 régions », « 3 catégories « Nom de la commune » », « 36 mois ». */
  private categories(count: number): string {
    const form = this.form(count);
    const {time, plan, xLabel} = this.data;
    if (time) {
      const unit = plan.timeunit ?? 'date';
      return chartText(this.lang, `chart.describe.period.${unit}.${form}`, {count: this.number(count)});
    }
    const noun = nounOf(xLabel, this.lang);
    return noun
      ? chartText(this.lang, 'chart.describe.count', {count: this.number(count), noun: noun[form]})
      : chartText(this.lang, `chart.describe.categories.${form}`, {count: this.number(count), label: xLabel});
  }

  // -------------------------------------------------------------------------------------------
  // Column and bar: extremes.

  private bars(): string[] {
    const sentences: string[] = [];
    if (this.stack || this.data.series.length === 1) {
      const items = this.totals().map(({category, value}) => ({label: category.label, value}));
      sentences.push(this.extremes(items, this.stack ? 'total' : 'value'));
    } else {
      for (const name of this.data.series.slice(0, DESCRIBED_SERIES)) {
        const items = this.seriesPoints(name).map(({category, value}) => ({label: category.label, value}));
        if (items.length) sentences.push(this.part(name, this.extremes(items, 'value')));
      }
    }
    return [...sentences, ...this.othersValue()];
  }

  /** « La plus forte valeur est Orléans avec 116 344 ; la plus faible est Combleux avec 524 ». */
  private extremes(items: Item[], what: 'value' | 'total'): string {
    const value = (v: number) => this.value(v);
    if (items.length === 1)
      return chartText(this.lang, 'chart.describe.one', {...items[0], value: value(items[0].value)});
    const values = items.map((item) => item.value);
    const [low, high] = [Math.min(...values), Math.max(...values)];
    if (low === high) {
      return chartText(
        this.lang,
        what === 'total' ? 'chart.describe.all-equal-totals' : 'chart.describe.all-equal',
        {
          value: value(high),
        },
      );
    }
    const end = (bound: number, key: 'highest' | 'lowest') => {
      const tied = items.filter((item) => item.value === bound).map((item) => item.label);
      const base = what === 'total' ? `${key}-total` : key;
      if (tied.length === 1) {
        return chartText(this.lang, `chart.describe.${base}` as ChartMessageKey, {
          label: tied[0],
          value: value(bound),
        });
      }
      return chartText(this.lang, `chart.describe.${base}-shared` as ChartMessageKey, {
        labels: tied.length > NAMED_TIES ? this.categories(tied.length) : this.list(tied),
        value: value(bound),
      });
    };
    return end(high, 'highest') + this.separator() + end(low, 'lowest');
  }

  /** « « Autres » regroupe le reste : 12 000 », when one figure says it. */
  private othersValue(): string[] {
    const others = this.othersCategory;
    if (!others || (this.data.series.length > 1 && !this.stack)) return [];
    const c = this.data.categories.indexOf(others);
    const values = this.drawn.filter((point) => point.c === c).map((point) => point.v!);
    if (!values.length) return [];
    const total = values.reduce((sum, v) => sum + v, 0);
    return [
      chartText(this.lang, 'chart.describe.others-value', {others: others.label, value: this.value(total)}),
    ];
  }

  // -------------------------------------------------------------------------------------------
  // Line and area: trends.

  private lines(): string[] {
    const sentences = this.data.series
      .slice(0, DESCRIBED_SERIES)
      .map((name) => [name, this.evolution(this.seriesPoints(name))] as const)
      .filter(([, text]) => text)
      .map(([name, text]) => this.part(name, text));
    if (this.stack)
      sentences.push(this.part(chartText(this.lang, 'chart.describe.total'), this.evolution(this.totals())));
    return [...sentences, ...this.othersValue()];
  }

  /** « en hausse de 12 % de janvier 2013 à décembre 2015 ; minimum 80 en mars 2013, maximum… ». */
  private evolution(points: Dated[]): string {
    if (!points.length) return '';
    const ordered = this.data.time
      ? [...points].sort((a, b) => (a.category.time ?? 0) - (b.category.time ?? 0))
      : points;
    const first = ordered[0];
    const last = ordered[ordered.length - 1];
    if (ordered.length === 1) {
      return chartText(this.lang, 'chart.describe.value-at', {
        value: this.value(first.value),
        when: this.when('at', first),
      });
    }
    const range = `${this.from(first)} ${this.when('to', last)}`;
    const change = last.value - first.value;
    // A share of the first value only means something from a positive start.
    const relative = first.value > 0 && last.value >= 0 ? change / first.value : undefined;
    let trend: string;
    if (relative === undefined ? change === 0 : Math.abs(relative) < STABLE_CHANGE) {
      trend = chartText(this.lang, 'chart.describe.stable', {range});
    } else {
      const size =
        relative === undefined
          ? this.value(Math.abs(change))
          : formatNumber(Math.abs(relative), this.lang, {format: 'percent'});
      trend = chartText(this.lang, change > 0 ? 'chart.describe.up' : 'chart.describe.down', {
        change: size,
        range,
      });
    }
    // The first of equal extremes: the earliest.
    const lowest = ordered.reduce((best, point) => (point.value < best.value ? point : best));
    const highest = ordered.reduce((best, point) => (point.value > best.value ? point : best));
    const extremes = chartText(this.lang, 'chart.describe.extremes', {
      min: this.value(lowest.value),
      minWhen: this.when('at', lowest),
      max: this.value(highest.value),
      maxWhen: this.when('at', highest),
    });
    return trend + this.separator() + extremes;
  }

  private whenKind(): WhenKind {
    if (!this.data.time) return 'category';
    const unit = this.data.plan.timeunit;
    return unit === 'year' || unit === 'month' ? 'period' : unit === 'week' ? 'week' : 'day';
  }

  private when(position: 'at' | 'from' | 'to', point: Dated): string {
    const {category} = point;
    const text =
      this.data.time && category.time !== undefined
        ? dateText(category.time, this.data.plan.timeunit, this.lang)
        : category.label;
    return chartText(this.lang, `chart.describe.${position}.${this.whenKind()}` as ChartMessageKey, {
      when: text,
    });
  }

  /** « de janvier », « d’avril », « d’Orléans ». */
  private from(point: Dated): string {
    const text = this.when('from', point);
    return this.lang === 'fr' ? text.replace(/^de (?=[aeiouyâàéèêëîïôöûüœæ])/i, 'd’') : text;
  }

  // -------------------------------------------------------------------------------------------
  // Pie and donut: shares.

  private shares(): string[] {
    const slices = this.drawn.filter((point) => point.v! > 0);
    const total = slices.reduce((sum, point) => sum + point.v!, 0);
    if (!total) return [];
    if (slices.length === 1) {
      return [
        chartText(this.lang, 'chart.describe.one', {label: slices[0].k, value: this.value(slices[0].v!)}),
      ];
    }
    const share = (value: number) => formatNumber(value / total, this.lang, {format: 'percent'});
    const others = slices.filter((point) => point.k === this.othersCategory?.label);
    // Largest first, « Autres » last whatever its size; equal values keep the chart's order.
    const named = slices.filter((point) => !others.includes(point)).sort((a, b) => b.v! - a.v!);
    const shown = named.length > NAMED_SLICES + 1 ? named.slice(0, NAMED_SLICES) : named;
    const items = shown.map((point) =>
      chartText(this.lang, 'chart.describe.share', {label: point.k, share: share(point.v!)}),
    );
    const rest = named.slice(shown.length);
    if (rest.length) {
      const noun = nounOf(this.data.xLabel, this.lang);
      const params = {
        count: this.number(rest.length),
        share: share(rest.reduce((sum, point) => sum + point.v!, 0)),
      };
      items.push(
        noun
          ? chartText(this.lang, 'chart.describe.rest', {...params, noun: noun.other})
          : chartText(this.lang, 'chart.describe.rest-categories', params),
      );
    }
    for (const point of others) {
      items.push(
        chartText(this.lang, 'chart.describe.share', {
          label: chartText(this.lang, 'chart.describe.quoted', {label: point.k}),
          share: share(point.v!),
        }),
      );
    }
    return [chartText(this.lang, 'chart.describe.shares', {list: items.join(this.separator())})];
  }

  // -------------------------------------------------------------------------------------------
  // Scatter: ranges and correlation.

  private correlation(): string[] {
    const points = this.drawn.filter((point) => point.t !== undefined);
    if (points.length === 1) return [points[0].tip];
    const xs = points.map((point) => point.t!);
    const ys = points.map((point) => point.v!);
    const {xLabel, yLabel, unit} = this.data;
    const spread = (label: string, values: number[], withUnit?: string) =>
      chartText(this.lang, 'chart.describe.spread', {
        label,
        min: formatNumber(Math.min(...values), this.lang, {unit: withUnit}),
        max: formatNumber(Math.max(...values), this.lang, {unit: withUnit}),
      });
    const sentences = [spread(xLabel, xs) + this.separator() + spread(yLabel, ys, unit)];
    // Two points always line up: a correlation needs three.
    if (points.length < 3) return sentences;
    const constant = [xs, ys].findIndex((values) => values.every((value) => value === values[0]));
    if (constant >= 0) {
      const label = constant === 0 ? xLabel : yLabel;
      return [...sentences, chartText(this.lang, 'chart.describe.correlation.constant', {label})];
    }
    const r = pearson(xs, ys);
    // Worded from the figure as written, so that « 0,70 » never reads « modérée ».
    const rounded = Math.round(Math.abs(r) * 100) / 100;
    const strength =
      rounded >= 0.7 ? 'strong' : rounded >= 0.3 ? 'moderate' : rounded >= 0.1 ? 'weak' : undefined;
    const params = {x: xLabel, y: yLabel, r: formatNumber(r, this.lang, {format: 'decimal', decimals: 2})};
    const text = strength
      ? chartText(this.lang, `chart.describe.correlation.${r > 0 ? 'positive' : 'negative'}`, {
          ...params,
          strength: chartText(this.lang, `chart.describe.strength.${strength}`),
        })
      : chartText(this.lang, 'chart.describe.correlation.none', params);
    return [...sentences, text];
  }

  // -------------------------------------------------------------------------------------------
  // Helpers.

  /** The drawn values of one series, « Autres » aside, in the chart's order. */
  private seriesPoints(name: string): Dated[] {
    return this.drawn
      .filter((point) => point.s === name && !this.data.categories[point.c]?.others)
      .map((point) => ({category: this.data.categories[point.c], value: point.v!}));
  }

  /** The sum of the series of each category that holds a value, « Autres » aside. */
  private totals(): Dated[] {
    const sums = new Map<number, number>();
    for (const point of this.drawn) {
      if (this.data.categories[point.c]?.others) continue;
      sums.set(point.c, (sums.get(point.c) ?? 0) + point.v!);
    }
    return [...sums].map(([c, value]) => ({category: this.data.categories[c], value}));
  }

  private part(name: string, text: string): string {
    return chartText(this.lang, 'chart.describe.part', {name, text});
  }

  private value(value: number): string {
    return formatNumber(value, this.lang, {unit: this.data.unit});
  }

  private number(count: number): string {
    return formatNumber(count, this.lang);
  }

  private form(count: number): 'one' | 'other' {
    return pluralForm(count, this.lang);
  }

  private separator(): string {
    return chartText(this.lang, 'chart.describe.list-separator');
  }

  /** « A », « A et B », « A, B et C ». */
  private list(items: string[]): string {
    if (items.length < 2) return items.join('');
    return chartText(this.lang, 'chart.describe.and', {
      first: items.slice(0, -1).join(', '),
      last: items[items.length - 1],
    });
  }
}
