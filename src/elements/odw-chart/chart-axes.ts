/**
 * The axes of the cartesian charts, drawn as plain Vega marks (rules and texts) from ticks, labels
 * and offsets computed here. Vega's own axes cost a cold page about 60 ms: their parse generates
 * dozens of expressions and their layout runs twice. These marks read only fields and signals.
 *
 * The marks carry Vega's axis roles (`role-axis-label`, `role-axis-title`…), so the SVG reads as
 * Vega's axes did. Every label is a value (`field`), drawn as text.
 */
import {scaleLinear, scaleUtc} from 'd3-scale';
import {textMetrics} from 'vega-scenegraph';
import type {Lang} from '../../core/i18n.js';
import {formatsOf} from './chart-locale.js';

type Spec = Record<string, unknown>;

export interface AxisTheme {
  text: string;
  muted: string;
  grid: string;
  font: string;
}

export interface Tick {
  /** The tick's value in its scale's domain: a number, a time (ms) or a category. */
  v: number | string;
  label: string;
}

export interface Axis {
  /** Names the axis's data and signals (`x`, `y`). */
  name: string;
  orient: 'bottom' | 'left';
  scale: string;
  ticks: Tick[];
  title: string;
  /** Ticks at the middle of bands. */
  band?: boolean;
  grid?: boolean;
  /** Labels turned by 45° (many categories along a bottom axis). */
  angled?: boolean;
}

const FONT_SIZE = 12;
const LABEL_PADDING = 6;
const TITLE_PADDING = 4;
/** Longer labels are cut with « … ». */
export const LABEL_LIMIT = 160;
const LABEL_OFFSET = LABEL_PADDING;

/** The width of a label as drawn (cut at `limit`), as Vega measures it. */
export function labelWidth(text: string, font: string, limit = LABEL_LIMIT): number {
  return textMetrics.width({font, fontSize: FONT_SIZE, limit}, text);
}

/**
 * Ticks of a linear scale over `domain`, rounded outwards as the scale's `nice: true` does, and
 * the rounded domain itself.
 */
export function linearTicks(
  domain: [number, number],
  count: number,
  specifier: string,
  lang: Lang,
): {domain: [number, number]; ticks: Tick[]} {
  const scale = scaleLinear().domain(domain).nice();
  const format = formatsOf(lang).format(specifier);
  return {
    domain: scale.domain() as [number, number],
    ticks: scale.ticks(count).map((v) => ({v, label: format(v)})),
  };
}

/** Ticks of a UTC time scale: `count` at most, never closer than `minStep` ms. */
export function timeTicks(
  domain: [number, number],
  count: number,
  minStep: number | undefined,
  specifier: string,
  lang: Lang,
): Tick[] {
  const span = domain[1] - domain[0];
  const most = minStep ? Math.min(count, Math.floor(span / minStep || 1) + 1) : count;
  const format = formatsOf(lang).utcFormat(specifier);
  return scaleUtc()
    .domain(domain)
    .ticks(most)
    .map((date) => ({v: +date, label: format(date)}));
}

/** Where a tick of a continuous scale over `domain` stands, from 0 to 1. */
export const across =
  ([low, high]: [number, number]) =>
  (tick: Tick): number =>
    ((tick.v as number) - low) / (high - low);

/** Where the tick at `index` of `count` points stands, from 0 to 1 (a point scale with padding 0.5). */
export const pointAt =
  (count: number) =>
  (_tick: Tick, index: number): number =>
    (index + 0.5) / count;

/**
 * Drops every other label until no two overlap along a bottom axis of `width` pixels (as Vega's
 * `labelOverlap: true`); `position` gives a tick's x from 0 to 1.
 */
export function spread(
  ticks: Tick[],
  position: (tick: Tick, index: number) => number,
  width: number,
  font: string,
): Tick[] {
  const placed = ticks.map((tick, index) => {
    const half = labelWidth(tick.label, font) / 2;
    const x = position(tick, index) * width;
    return {tick, left: x - half, right: x + half};
  });
  let shown = placed;
  const overlaps = () => shown.some((item, index) => index > 0 && item.left < shown[index - 1].right);
  while (shown.length > 2 && overlaps()) shown = shown.filter((_, index) => index % 2 === 0);
  return shown.map((item) => item.tick);
}

/** The marks of `axis` drawn under the chart's marks (grid) and over them (line, labels, title). */
export function axisMarks(axis: Axis, theme: AxisTheme): {under: Spec[]; over: Spec[]; signals: Spec[]} {
  const bottom = axis.orient === 'bottom';
  const data = `axis_${axis.name}`;
  const at = {scale: axis.scale, field: 'v', ...(axis.band ? {band: 0.5} : {})};
  const [main, cross] = bottom ? ['x', 'y'] : ['y', 'x'];
  const line = (encode: Spec, role: string, stroke: string, from = true): Spec => ({
    type: 'rule',
    role,
    aria: false,
    interactive: false,
    ...(from ? {from: {data}} : {}),
    encode: {enter: {stroke: {value: stroke}, strokeWidth: {value: 1}}, update: encode},
  });
  const text = {fill: {value: theme.text}, font: {value: theme.font}, fontSize: {value: FONT_SIZE}};
  const widest = widestLabel(axis, theme.font);
  const titleSignal = `axis_${axis.name}_title`;
  // How far the title stands from the plot: past the ticks and the widest (or turned) label.
  const labelsDepth = bottom ? (axis.angled ? (widest + FONT_SIZE) * Math.SQRT1_2 : FONT_SIZE + 2) : widest;
  const signals: Spec[] = [{name: titleSignal, value: LABEL_OFFSET + labelsDepth + TITLE_PADDING}];
  const edge = bottom ? {signal: 'height'} : {value: 0};
  const under = axis.grid
    ? [
        line(
          {[main]: at, [cross]: {value: 0}, [`${cross}2`]: {signal: bottom ? 'height' : 'width'}},
          'axis-grid',
          theme.grid,
        ),
      ]
    : [];
  let labelPlacement: Spec;
  if (bottom) {
    signals.push(
      {name: `axis_${axis.name}_angle`, value: axis.angled ? -45 : 0},
      {name: `axis_${axis.name}_align`, value: axis.angled ? 'right' : 'center'},
      {name: `axis_${axis.name}_baseline`, value: axis.angled ? 'middle' : 'top'},
    );
    labelPlacement = {
      x: at,
      y: {signal: 'height', offset: LABEL_OFFSET},
      angle: {signal: `axis_${axis.name}_angle`},
      align: {signal: `axis_${axis.name}_align`},
      baseline: {signal: `axis_${axis.name}_baseline`},
    };
  } else {
    labelPlacement = {x: {value: -LABEL_OFFSET}, y: at, align: {value: 'right'}, baseline: {value: 'middle'}};
  }
  // An axis with a grid reads against its lines and needs neither line nor ticks of its own; the
  // other draws its line, where the bars stand. Fewer marks: a quicker first draw.
  const over: Spec[] = [
    ...(axis.grid
      ? []
      : [
          line(
            bottom
              ? {x: {value: 0}, x2: {signal: 'width'}, y: edge}
              : {x: edge, y: {value: 0}, y2: {signal: 'height'}},
            'axis-domain',
            theme.muted,
            false,
          ),
        ]),
    {
      type: 'text',
      role: 'axis-label',
      aria: false,
      interactive: false,
      from: {data},
      encode: {
        enter: {...text, limit: {value: LABEL_LIMIT}},
        update: {...labelPlacement, text: {field: 'label'}},
      },
    },
    {
      type: 'text',
      role: 'axis-title',
      aria: false,
      interactive: false,
      encode: {
        enter: {...text, fontWeight: {value: 600}, text: {value: axis.title}, align: {value: 'center'}},
        update: bottom
          ? {
              x: {signal: 'width', mult: 0.5},
              y: {signal: 'height', offset: {signal: titleSignal}},
              baseline: {value: 'top'},
            }
          : {
              x: {signal: titleSignal, mult: -1},
              y: {signal: 'height', mult: 0.5},
              angle: {value: -90},
              baseline: {value: 'bottom'},
            },
      },
    },
  ];
  return {under, over, signals};
}

/** The data of the axes' ticks, inline: a view takes new ticks in place, as new rows. */
export function axisData(axes: Axis[]): Spec[] {
  return axes.map((axis) => ({name: `axis_${axis.name}`, values: axis.ticks}));
}

/** How much of the width the axis on the left takes (labels and title): the plot gets the rest. */
export function leftExtent(axis: Axis, font: string): number {
  return LABEL_OFFSET + widestLabel(axis, font) + TITLE_PADDING + FONT_SIZE + 2;
}

function widestLabel(axis: Axis, font: string): number {
  return Math.max(0, ...axis.ticks.map((tick) => labelWidth(tick.label, font)));
}
