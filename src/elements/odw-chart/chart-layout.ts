/**
 * The cartesian charts (column, bar, line, area, scatter) laid out in pixels: axes sized from
 * their measured labels, titles wrapped rather than cut, value labels given room, then the marks
 * placed with the scales of chart-scale.ts and d3-shape. Axis titles stand horizontally: the value axis's above the
 * plot, the other's below its labels (a bar chart's categories' above its label band).
 */
import {area as areaShape, line as lineShape, symbol, symbolsFill} from 'd3-shape';
import {formatNumber} from '../../core/format.js';
import {
  bottomCategoryAxis,
  leftCategoryAxis,
  linearTicks,
  spreadTicks,
  timeTicks,
  type PlacedLabel,
  type Tick,
} from './chart-axes.js';
import type {ChartData, ChartPoint} from './chart-model.js';
import {
  DASHES,
  PATTERN_COUNT,
  seriesFill,
  seriesStroke,
  type LayoutInput,
  type Rule,
  type Scene,
  type SceneLine,
  type SceneMark,
  type SceneText,
} from './chart-scene.js';
import {wrapText} from './chart-text.js';
import {colourRamp, linear} from './chart-scale.js';

const PAD = 2;
const TICK_GAP = 6;

/** Metrics of the chart's text, from its font size. */
function metrics(fontSize: number) {
  // `middle`: from a line's centre down to its baseline.
  return {lineHeight: Math.ceil(fontSize * 1.3), ascent: fontSize * 0.94, middle: fontSize * 0.35};
}

export function valueTitle(data: ChartData): string {
  return data.unit ? `${data.yLabel} (${data.unit})` : data.yLabel;
}

function extent(points: ChartPoint[], percent: boolean, zero: boolean): [number, number] {
  if (percent) return [0, 1];
  let min = zero ? 0 : Infinity;
  let max = zero ? 0 : -Infinity;
  for (const point of points) {
    min = Math.min(min, point.v0, point.v1);
    max = Math.max(max, point.v0, point.v1);
  }
  if (!Number.isFinite(min)) [min, max] = [0, 1];
  if (min === max) max = min + 1;
  return [min, max];
}

/** A shade of one series by value (`color="value"`), light for the lowest, the end colour for the highest. */
function shader(input: LayoutInput, points: ChartPoint[]): ((value: number) => string) | undefined {
  const {data, theme} = input;
  if (data.plan.color !== 'value' || theme.forced || data.series.length > 1 || !points.length)
    return undefined;
  const values = points.map((point) => point.v!);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const end = theme.sequential.end;
  const start = theme.sequential.start ?? colourRamp(theme.background, end)(0.25);
  const [low, high] = min === max ? [min - 1, max] : [min, max];
  const ramp = colourRamp(start, end);
  return (value) => ramp((value - low) / (high - low));
}

/** Writes `lines` from a first baseline at `y`. */
function text(
  role: SceneText['role'],
  x: number,
  y: number,
  lines: string[],
  full: string,
  anchor: SceneText['anchor'],
  fill: string,
  extra: Partial<SceneText> = {},
): SceneText {
  return {role, x, y, lines, full, anchor, fill, ...extra};
}

/** The centre of a title of `lines` as near `centre` as the drawing's edges allow. */
function titleCentre(
  lines: string[],
  centre: number,
  width: number,
  measure: LayoutInput['measure'],
): number {
  const half = Math.max(0, ...lines.map((line) => measure(line, true))) / 2;
  return Math.min(Math.max(centre, PAD + half), width - PAD - half);
}

function rectPath(x: number, y: number, width: number, height: number): string {
  const r = (value: number) => Math.round(value * 100) / 100;
  return `M${r(x)},${r(y)}h${r(width)}v${r(height)}h${r(-width)}Z`;
}

/** Lays out a column, bar, line, area or scatter chart. */
export function layoutCartesian(input: LayoutInput): Scene {
  return input.data.plan.type === 'bar' ? layoutBars(input) : layoutVertical(input);
}

/** Column, line, area and scatter: values up the left axis. */
function layoutVertical(input: LayoutInput): Scene {
  const {data, points, width, height, theme, measure, fontSize, lang} = input;
  const {plan} = data;
  const {lineHeight, ascent, middle} = metrics(fontSize);
  const percent = plan.stack === 'percent';
  const drawn = points.filter((point) => point.v !== null);
  const scatter = plan.type === 'scatter';
  const texts: SceneText[] = [];

  // The value axis's title above the plot, on one or two lines.
  let top = PAD;
  const yTitle = wrapText(valueTitle(data), width - 2 * PAD, measure, 2, true);
  if (yTitle.lines.length) {
    texts.push(
      text('axis-title', PAD, top + ascent, yTitle.lines, valueTitle(data), 'start', theme.text, {
        bold: true,
      }),
    );
  }
  top += yTitle.lines.length * lineHeight + lineHeight / 2;
  if (input.labels) top += lineHeight;

  // The other axis's title below everything.
  const xTitle = wrapText(data.xLabel, width - 2 * PAD, measure, 2, true);
  let bottom = height - PAD - xTitle.lines.length * lineHeight;
  const xTitleTop = bottom;

  const valueCount = Math.max(
    2,
    Math.min(8, Math.floor((height - top - 3 * lineHeight) / (lineHeight * 2.4))),
  );
  const values = linearTicks(extent(drawn, percent, !scatter), valueCount, lang, percent);
  const left = PAD + Math.max(0, ...values.ticks.map((tick) => measure(tick.label))) + TICK_GAP;
  const right = width - PAD - (scatter || data.time ? 0 : 0);

  // Along the bottom: categories in slots, or a continuous axis (time, scatter's x).
  const continuous = scatter || (data.time && plan.type !== 'column');
  let xOf: (point: ChartPoint) => number;
  let bottomLabels: PlacedLabel[];
  let labelAngle = 0;
  let xGrid: number[] = [];
  let slot = 0;
  const xAxisWidth = Math.max(20, right - left);
  if (continuous) {
    const domainOf = (): [number, number] => {
      const times = drawn.map((point) => point.t ?? 0);
      const min = Math.min(...times);
      const max = Math.max(...times);
      if (!times.length) return [0, 1];
      return min === max ? [min - 1, max + 1] : [min, max];
    };
    const count = Math.max(2, Math.min(8, Math.floor(xAxisWidth / 90)));
    let ticks: Tick[];
    let position: (value: number) => number;
    if (scatter) {
      const xValues = linearTicks(domainOf(), count, lang);
      const scale = linear(xValues.domain, [left, right]);
      position = (value) => scale(value);
      ticks = xValues.ticks;
      xGrid = ticks.map((tick) => scale(tick.v));
    } else {
      const times = domainOf();
      const scale = linear(times, [left + 4, right - 4]);
      position = (value) => scale(value);
      ticks = timeTicks(times, count, plan.timeunit, lang);
    }
    xOf = (point) => position(point.t ?? 0);
    // Right of the value axis's figures, which stand at the plot's left edge.
    bottomLabels = spreadTicks(ticks, (tick) => position(tick.v), measure, left, width - PAD);
    bottom -= lineHeight;
  } else {
    const labels = data.categories.map((category) => category.label);
    slot = xAxisWidth / Math.max(1, labels.length);
    const centres = labels.map((_, index) => left + (index + 0.5) * slot);
    const axis = bottomCategoryAxis({
      labels,
      centres,
      slot,
      measure,
      lineHeight,
      maxDepth: Math.max(lineHeight * 2, (height - top) * 0.42),
      left: PAD,
    });
    bottomLabels = axis.labels;
    labelAngle = axis.mode === 'rotated' ? -45 : 0;
    xOf = (point) => centres[point.c];
    // Turned labels start half a line lower: their corner would touch the value axis's « 0 ».
    bottom -= axis.depth + (labelAngle ? lineHeight / 2 : 0);
  }
  bottom -= TICK_GAP;
  const plotTop = top;
  const plotBottom = Math.max(plotTop + 20, bottom);
  const y = linear(values.domain, [plotBottom, plotTop]);

  const grid: Rule[] = values.ticks.map((tick) => ({x1: left, x2: right, y1: y(tick.v), y2: y(tick.v)}));
  grid.push(...xGrid.map((x) => ({x1: x, x2: x, y1: plotTop, y2: plotBottom})));
  const domain: Rule[] = [
    {x1: left, x2: right, y1: y(Math.max(values.domain[0], 0)), y2: y(Math.max(values.domain[0], 0))},
  ];
  for (const tick of values.ticks) {
    texts.push(
      text('axis-label', left - TICK_GAP, y(tick.v) + middle, [tick.label], tick.label, 'end', theme.text),
    );
  }
  const labelTop = plotBottom + TICK_GAP;
  for (const label of bottomLabels) {
    if (!label.lines.length) continue;
    texts.push(
      labelAngle
        ? text(
            'axis-label',
            label.at,
            labelTop + lineHeight / 2 + middle,
            label.lines,
            label.full,
            'end',
            theme.text,
            {
              angle: -45,
            },
          )
        : text('axis-label', label.at, labelTop + ascent, label.lines, label.full, 'middle', theme.text),
    );
  }
  if (xTitle.lines.length) {
    texts.push(
      text(
        'axis-title',
        titleCentre(xTitle.lines, (left + right) / 2, width, measure),
        xTitleTop + ascent,
        xTitle.lines,
        data.xLabel,
        'middle',
        theme.text,
        {
          bold: true,
        },
      ),
    );
  }

  // The marks.
  const shade = shader(input, drawn);
  const colourOf = (point: ChartPoint) => {
    const s = data.series.indexOf(point.s);
    if (category(data, point)?.others)
      return theme.forced ? seriesFill(theme, s, input.patternId) : theme.muted;
    return shade ? shade(point.v!) : seriesFill(theme, s, input.patternId);
  };
  const marks: SceneMark[] = [];
  const lines: SceneLine[] = [];
  const visibleSeries = data.series.filter((name) => points.some((point) => point.s === name));
  const valueLabel = (point: ChartPoint) => formatNumber(point.v!, lang, {unit: undefined});
  if (plan.type === 'column') {
    const grouped = visibleSeries.length > 1 && !plan.stack;
    const band = slot * 0.8;
    const inner = grouped ? band / visibleSeries.length : band;
    for (const point of drawn) {
      const k = visibleSeries.indexOf(point.s);
      const x = left + point.c * slot + slot * 0.1 + (grouped ? k * inner : 0);
      const y0 = y(point.v0);
      const y1 = y(point.v1);
      const box = {
        x,
        y: Math.min(y0, y1),
        width: Math.max(1, inner - (grouped ? 1 : 0)),
        height: Math.abs(y1 - y0),
      };
      marks.push({
        i: point.i,
        s: data.series.indexOf(point.s),
        d: rectPath(box.x, box.y, box.width, box.height),
        fill: colourOf(point),
        stroke: shade ? theme.sequential.end : theme.forced ? 'CanvasText' : undefined,
        box,
      });
      if (input.labels) {
        const written = valueLabel(point);
        const fits = measure(written) <= Math.max(inner, slot * 0.9);
        const stacked = Boolean(plan.stack) && visibleSeries.length > 1;
        if (fits && (!stacked || box.height >= lineHeight)) {
          const above = point.v! >= 0 ? box.y - 4 : box.y + box.height + ascent + 2;
          const yText = stacked ? box.y + box.height / 2 + middle : above;
          texts.push(
            text('value-label', box.x + box.width / 2, yText, [written], written, 'middle', theme.text),
          );
        }
      }
    }
  } else {
    const area = plan.type === 'area';
    const symbolSize = Math.max(24, Math.min(64, (fontSize * fontSize) / 2.5));
    for (const name of visibleSeries) {
      const s = data.series.indexOf(name);
      const series = points.filter((point) => point.s === name);
      if (!scatter) {
        const path = area
          ? areaShape<ChartPoint>()
              .defined((point) => point.ok)
              .x(xOf)
              .y0((point) => y(point.v0))
              .y1((point) => y(point.v1))(series)
          : lineShape<ChartPoint>()
              .defined((point) => point.ok)
              .x(xOf)
              .y((point) => y(point.v1))(series);
        lines.push({
          s,
          d: path ?? '',
          area,
          colour: area
            ? seriesFill(theme, s, input.patternId)
            : shade
              ? theme.sequential.end
              : seriesStroke(theme, s),
          dash: theme.forced ? DASHES[s % DASHES.length] : undefined,
        });
      }
      // Series told apart by their symbols' shapes too, not by colour alone.
      const shape = symbol(symbolsFill[s % symbolsFill.length], symbolSize)()!;
      for (const point of series) {
        if (point.v === null) continue;
        const cx = xOf(point);
        const cy = y(point.v1);
        const r = Math.sqrt(symbolSize) / 2 + 1;
        marks.push({
          i: point.i,
          s,
          d: shape,
          at: {x: cx, y: cy},
          fill: theme.forced ? 'CanvasText' : colourOf(point),
          stroke: shade ? theme.sequential.end : theme.forced ? 'Canvas' : theme.background,
          box: {x: cx - r, y: cy - r, width: 2 * r, height: 2 * r},
        });
        if (input.labels && !scatter) {
          const written = valueLabel(point);
          if (slot === 0 || measure(written) <= slot * 0.95) {
            texts.push(text('value-label', cx, cy - r - 4, [written], written, 'middle', theme.text));
          }
        }
      }
    }
  }
  return {
    width,
    height,
    lineHeight,
    kind: plan.type === 'column' ? 'rect' : 'symbol',
    grid,
    domain: plan.type === 'column' || scatter ? domain : [domain[0]],
    lines,
    marks,
    leaders: [],
    texts,
    patterns: theme.forced ? PATTERN_COUNT : 0,
  };
}

/**
 * The height the categories of a bar chart need so that every label shows: a line each, two where
 * a label wraps in the label band (leftCategoryAxis in chart-axes.ts thins them below that).
 */
function barsHeight(
  labels: string[],
  band: number,
  measure: LayoutInput['measure'],
  lineHeight: number,
): number {
  const wraps = labels.some((label) => measure(label) > band);
  return Math.ceil(labels.length * lineHeight * (wraps ? 2.2 : 1.3));
}

function category(data: ChartData, point: ChartPoint) {
  return data.categories[point.c];
}

/** Horizontal bars: categories down a label band that grows up to a share of the width. */
function layoutBars(input: LayoutInput): Scene {
  const {data, points, width, theme, measure, fontSize, lang} = input;
  const {plan} = data;
  const {lineHeight, ascent, middle} = metrics(fontSize);
  const percent = plan.stack === 'percent';
  const drawn = points.filter((point) => point.v !== null);
  const texts: SceneText[] = [];
  const labels = data.categories.map((category) => category.label);

  // The categories' title above the label band, the values' below the value axis.
  let top = PAD;
  const xTitle = wrapText(data.xLabel, width - 2 * PAD, measure, 2, true);
  if (xTitle.lines.length) {
    texts.push(
      text('axis-title', PAD, top + ascent, xTitle.lines, data.xLabel, 'start', theme.text, {bold: true}),
    );
  }
  top += xTitle.lines.length * lineHeight + lineHeight / 2;
  const yTitle = wrapText(valueTitle(data), width - 2 * PAD, measure, 2, true);
  const share = width < 480 ? 0.45 : 0.35;
  const band = Math.min(width * share, Math.max(0, ...labels.map((label) => measure(label))) + TICK_GAP);
  const below = PAD + yTitle.lines.length * lineHeight + lineHeight + TICK_GAP;
  const height = input.grow
    ? Math.max(input.height, barsHeight(labels, band, measure, lineHeight) + top + below)
    : input.height;
  const titleTop = height - PAD - yTitle.lines.length * lineHeight;
  const axisTop = titleTop - lineHeight - TICK_GAP;

  const left = PAD + band + TICK_GAP;
  const shade = shader(input, drawn);
  const grouped = data.series.length > 1 && !plan.stack;
  const visibleSeries = data.series.filter((name) => points.some((point) => point.s === name));
  const valueLabel = (point: ChartPoint) => formatNumber(point.v!, lang);
  const labelRoom = input.labels ? Math.max(0, ...drawn.map((point) => measure(valueLabel(point)))) + 6 : 0;
  const right = width - PAD - labelRoom;
  const plotBottom = axisTop;
  const slot = (plotBottom - top) / Math.max(1, labels.length);
  const centres = labels.map((_, index) => top + (index + 0.5) * slot);

  const valueCount = Math.max(2, Math.min(8, Math.floor((right - left) / 80)));
  const values = linearTicks(extent(drawn, percent, true), valueCount, lang, percent);
  const x = linear(values.domain, [left, right]);
  const grid: Rule[] = values.ticks.map((tick) => ({x1: x(tick.v), x2: x(tick.v), y1: top, y2: plotBottom}));
  const zero = x(Math.max(values.domain[0], 0));
  const domain: Rule[] = [{x1: zero, x2: zero, y1: top, y2: plotBottom}];
  for (const label of spreadTicks(values.ticks, (tick) => x(tick.v), measure, PAD, width - PAD)) {
    texts.push(
      text(
        'axis-label',
        label.at,
        axisTop + TICK_GAP + ascent,
        label.lines,
        label.full,
        'middle',
        theme.text,
      ),
    );
  }
  for (const label of leftCategoryAxis(labels, centres, slot, band, measure, lineHeight)) {
    const first = label.at - ((label.lines.length - 1) * lineHeight) / 2 + middle;
    texts.push(text('axis-label', left - TICK_GAP, first, label.lines, label.full, 'end', theme.text));
  }
  if (yTitle.lines.length) {
    texts.push(
      text(
        'axis-title',
        titleCentre(yTitle.lines, (left + right) / 2, width, measure),
        titleTop + ascent,
        yTitle.lines,
        valueTitle(data),
        'middle',
        theme.text,
        {
          bold: true,
        },
      ),
    );
  }

  const marks: SceneMark[] = [];
  const thickness = slot * 0.8;
  const inner = grouped ? thickness / visibleSeries.length : thickness;
  for (const point of drawn) {
    const k = visibleSeries.indexOf(point.s);
    const yTop = top + point.c * slot + slot * 0.1 + (grouped ? k * inner : 0);
    const x0 = x(point.v0);
    const x1 = x(point.v1);
    const s = data.series.indexOf(point.s);
    const others = data.categories[point.c]?.others;
    const box = {
      x: Math.min(x0, x1),
      y: yTop,
      width: Math.abs(x1 - x0),
      height: Math.max(1, inner - (grouped ? 1 : 0)),
    };
    marks.push({
      i: point.i,
      s,
      d: rectPath(box.x, box.y, box.width, box.height),
      fill:
        others && !theme.forced
          ? theme.muted
          : shade
            ? shade(point.v!)
            : seriesFill(theme, s, input.patternId),
      stroke: shade ? theme.sequential.end : theme.forced ? 'CanvasText' : undefined,
      box,
    });
    const stacked = Boolean(plan.stack) && visibleSeries.length > 1;
    if (input.labels && box.height >= lineHeight * 0.8) {
      const written = valueLabel(point);
      if (!stacked) {
        texts.push(
          text(
            'value-label',
            box.x + box.width + 4,
            box.y + box.height / 2 + middle,
            [written],
            written,
            'start',
            theme.text,
          ),
        );
      } else if (measure(written) + 4 <= box.width) {
        texts.push(
          text(
            'value-label',
            box.x + box.width / 2,
            box.y + box.height / 2 + middle,
            [written],
            written,
            'middle',
            theme.text,
          ),
        );
      }
    }
  }
  return {
    width,
    height,
    lineHeight,
    kind: 'rect',
    grid,
    domain,
    lines: [],
    marks,
    leaders: [],
    texts,
    patterns: theme.forced ? PATTERN_COUNT : 0,
  };
}
