/**
 * Ticks and labels of the cartesian axes, placed from measured text (chart-text.ts): figures in
 * French or English, dates by period, and category labels written horizontally when they fit,
 * else on two lines, else turned by 45°, else thinned and cut with « … ».
 */
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import type {TimeUnit} from '../../data/types.js';
import {formatPeriod} from './chart-time.js';
import {calendarTicks, niceTicks} from './chart-scale.js';
import {ellipsize, wrapText, type Measure} from './chart-text.js';

export interface Tick {
  /** The tick's value in its scale's domain: a number or a time (ms). */
  v: number;
  label: string;
}

/**
 * Ticks of a linear scale over `domain`, rounded outwards (`nice`), and that rounded domain. Along
 * an axis whose labels are `thinned` where they would touch (`spreadTicks`), the ticks may be finer
 * than `count`, so that the axis ends near the data.
 */
export function linearTicks(
  domain: [number, number],
  count: number,
  lang: Lang,
  percent = false,
  thinned = false,
): {domain: [number, number]; ticks: Tick[]} {
  const scale = thinned ? ticksNearTheData(domain, count) : niceTicks(domain, count);
  const [low, high] = scale.domain;
  // Counts of a few items: no « 2,5 » between 2 and 3.
  const whole = !percent && Number.isInteger(domain[0]) && Number.isInteger(domain[1]) && high - low < count;
  const write = (v: number) =>
    percent ? formatNumber(v, lang, {format: 'percent', decimals: 0}) : formatNumber(v, lang);
  return {
    domain: scale.domain,
    ticks: scale.ticks.filter((v) => !whole || Number.isInteger(v)).map((v) => ({v, label: write(v)})),
  };
}

/**
 * The nice domain and ticks of `domain` for about `count` ticks, finer when that many leave more
 * than a quarter of the axis past the data: on a phone's bar chart two ticks stretched 116 344 to
 * 200 000, and the bars used half the width.
 */
function ticksNearTheData(
  domain: [number, number],
  count: number,
): {domain: [number, number]; ticks: number[]} {
  const beyond = ({domain: [low, high]}: {domain: [number, number]}) =>
    (high - low - (domain[1] - domain[0])) / (high - low || 1);
  let best = niceTicks(domain, count);
  for (let finer = count + 1; beyond(best) > 0.25 && finer <= 2 * count + 2; finer++) {
    const scale = niceTicks(domain, finer);
    if (beyond(scale) < beyond(best)) best = scale;
  }
  return best;
}

const DAY = 86_400_000;
/** The shortest length of one period: no two ticks closer, else two months get weekly ticks. */
const MIN_STEPS: Record<TimeUnit, number> = {
  year: 365 * DAY,
  month: 28 * DAY,
  week: 7 * DAY,
  day: DAY,
  hour: DAY / 24,
};

/** Ticks of a UTC time axis: `count` at most, on calendar boundaries, never closer than one period of `unit`. */
export function timeTicks(
  domain: [number, number],
  count: number,
  unit: TimeUnit | undefined,
  lang: Lang,
): Tick[] {
  const {unit: step, times} = calendarTicks(domain, count, unit ? MIN_STEPS[unit] : 0);
  const labelUnit = step === 'week' || step === 'day' ? 'date' : step;
  return times.map((v) => ({v, label: formatPeriod(v, labelUnit, lang)}));
}

/** A label placed along an axis: its lines, and the full text when they cut it. */
export interface PlacedLabel {
  /** Index of the category or tick. */
  index: number;
  /** Where it stands along the axis, in pixels. */
  at: number;
  lines: string[];
  full: string;
}

export interface CategoryAxis {
  mode: 'horizontal' | 'wrapped' | 'rotated';
  labels: PlacedLabel[];
  /** How far the labels reach below the axis line, in pixels. */
  depth: number;
}

export interface CategoryAxisInput {
  labels: string[];
  /** The centre of each category's slot, in pixels from the SVG's left edge. */
  centres: number[];
  /** The width of one slot. */
  slot: number;
  measure: Measure;
  lineHeight: number;
  /** The deepest the labels may reach (a share of the height). */
  maxDepth: number;
  /** The SVG's left edge that no label may cross, in pixels. */
  left: number;
}

const GAP = 4;

/**
 * The labels of a bottom category axis, by measurement: horizontal when every label fits its slot,
 * else on two lines, else turned by 45° (every n-th label when the slots are too narrow even
 * then, each cut to the room it has).
 */
export function bottomCategoryAxis(input: CategoryAxisInput): CategoryAxis {
  const {labels, centres, slot, measure, lineHeight} = input;
  const room = slot - GAP;
  if (labels.every((label) => measure(label) <= room)) {
    return {
      mode: 'horizontal',
      labels: labels.map((label, index) => ({index, at: centres[index], lines: [label], full: label})),
      depth: lineHeight,
    };
  }
  const wrapped = room > lineHeight * 2 ? wrapWhole(labels, room, measure) : undefined;
  if (wrapped) {
    return {
      mode: 'wrapped',
      labels: wrapped.map((wrap, index) => ({
        index,
        at: centres[index],
        lines: wrap.lines,
        full: labels[index],
      })),
      depth: lineHeight * Math.max(...wrapped.map((wrap) => wrap.lines.length)),
    };
  }
  // Turned by 45°: neighbours stand `slot × sin 45°` apart, and need a line's height.
  const step = Math.max(1, Math.ceil(lineHeight / (slot * Math.SQRT1_2)));
  const longest = input.maxDepth / Math.SQRT1_2 - lineHeight;
  const placed: PlacedLabel[] = [];
  let widest = 0;
  for (let index = 0; index < labels.length; index += step) {
    // The first labels reach left of the plot: cut them at the SVG's edge.
    const reach = (centres[index] - input.left) / Math.SQRT1_2 - lineHeight / 2;
    const line = ellipsize(labels[index], Math.max(0, Math.min(longest, reach)), measure);
    widest = Math.max(widest, measure(line));
    placed.push({index, at: centres[index], lines: line ? [line] : [], full: labels[index]});
  }
  return {mode: 'rotated', labels: placed, depth: (widest + lineHeight) * Math.SQRT1_2};
}

/**
 * Every label on two lines of `room`, or undefined from the first one that does not fit whole: the
 * labels after it are not measured (each try of a break or a cut measures a new text, hundreds for
 * a chart of the communes of a métropole).
 */
function wrapWhole(labels: string[], room: number, measure: Measure): Array<{lines: string[]}> | undefined {
  const wrapped: Array<{lines: string[]}> = [];
  for (const label of labels) {
    const wrap = wrapText(label, room, measure, 2);
    if (!wrap.complete) return undefined;
    wrapped.push(wrap);
  }
  return wrapped;
}

/**
 * Horizontal tick labels along a bottom axis of continuous values: every other one dropped until
 * none overlaps, the first kept; each kept inside `[left, right]`.
 */
export function spreadTicks(
  ticks: Tick[],
  position: (tick: Tick) => number,
  measure: Measure,
  left: number,
  right: number,
): PlacedLabel[] {
  const place = (shown: Array<{tick: Tick; index: number}>) =>
    shown.map(({tick, index}) => {
      const width = Math.min(measure(tick.label), right - left);
      const at = Math.min(Math.max(position(tick), left + width / 2), right - width / 2);
      return {index, at, width, label: tick.label};
    });
  let shown = ticks.map((tick, index) => ({tick, index}));
  let placed = place(shown);
  const overlaps = () =>
    placed.some(
      (item, k) => k > 0 && item.at - item.width / 2 < placed[k - 1].at + placed[k - 1].width / 2 + GAP,
    );
  while (shown.length > 1 && overlaps()) {
    shown = shown.filter((_, k) => k % 2 === 0);
    placed = place(shown);
  }
  return placed.map((item) => ({
    index: item.index,
    at: item.at,
    lines: [ellipsize(item.label, right - left, measure)],
    full: item.label,
  }));
}

/**
 * The labels of a left category axis (bar chart) in a band `width` wide: on one line, or two when
 * the rows are tall enough, cut with « … » beyond; every n-th row when rows are thinner than a line.
 */
export function leftCategoryAxis(
  labels: string[],
  centres: number[],
  slot: number,
  width: number,
  measure: Measure,
  lineHeight: number,
): PlacedLabel[] {
  const step = Math.max(1, Math.ceil((lineHeight * 0.9) / slot));
  const maxLines = slot >= lineHeight * 2.1 ? 2 : 1;
  const placed: PlacedLabel[] = [];
  for (let index = 0; index < labels.length; index += step) {
    const {lines} = wrapText(labels[index], width, measure, maxLines);
    placed.push({index, at: centres[index], lines, full: labels[index]});
  }
  return placed;
}
