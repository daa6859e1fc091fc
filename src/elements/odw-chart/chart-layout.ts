/**
 * The column, line, area and scatter charts laid out in pixels: axes sized from their measured
 * labels, titles wrapped rather than cut, value labels given room, then the marks placed with the
 * scales of chart-scale.ts: columns here, lines, areas and points by chart-lines.ts (d3-shape,
 * loaded with those types only). The value axis's title stands above the plot, the other's below
 * its labels. Horizontal bars are laid out by chart-bars.ts.
 */
import {formatNumber} from '../../core/format.js';
import {
  bottomCategoryAxis,
  linearTicks,
  spreadTicks,
  timeTicks,
  type PlacedLabel,
  type Tick,
} from './chart-axes.js';
import type {ChartData, ChartPoint} from './chart-model.js';
import type {placeLineMarks} from './chart-lines.js';
import {
  PATTERN_COUNT,
  seriesFill,
  type LayoutInput,
  type Rule,
  type Scene,
  type SceneLine,
  type SceneMark,
  type SceneText,
} from './chart-scene.js';
import {wrapText} from './chart-text.js';
import {linear} from './chart-scale.js';
import {layoutBars} from './chart-bars.js';
import {
  PAD,
  TICK_GAP,
  extent,
  metrics,
  rectPath,
  shader,
  text,
  titleCentre,
  valueTitle,
} from './chart-geometry.js';

/** Places the marks of a line, area or scatter chart (chart-lines.ts, loaded with those types). */
export type PlaceLines = typeof placeLineMarks;

/** Lays out a column, bar, line, area or scatter chart; the last three need `placeLines`. */
export function layoutCartesian(input: LayoutInput, placeLines?: PlaceLines): Scene {
  return input.data.plan.type === 'bar' ? layoutBars(input) : layoutVertical(input, placeLines);
}

/** Column, line, area and scatter: values up the left axis. */
function layoutVertical(input: LayoutInput, placeLines: PlaceLines | undefined): Scene {
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
      const xValues = linearTicks(domainOf(), count, lang, false, true);
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
      // The axis allows half a line above a turned label's baseline; where the engine's box of the
      // label is taller (measure.turnedReach), its edge moves right by the difference.
      left: PAD + Math.max(0, (measure.turnedReach ?? 0) - lineHeight / 2) * Math.SQRT1_2,
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
    // Every column's value, or none: the few narrow enough alone would read as a choice.
    const written = input.labels ? drawn.map(valueLabel) : [];
    const valuesFit =
      written.length > 0 && written.every((label) => measure(label) <= Math.max(inner, slot * 0.9));
    for (const [index, point] of drawn.entries()) {
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
      if (valuesFit) {
        const label = written[index];
        const stacked = Boolean(plan.stack) && visibleSeries.length > 1;
        if (!stacked || box.height >= lineHeight) {
          const above = point.v! >= 0 ? box.y - 4 : box.y + box.height + ascent + 2;
          const yText = stacked ? box.y + box.height / 2 + middle : above;
          texts.push(text('value-label', box.x + box.width / 2, yText, [label], label, 'middle', theme.text));
        }
      }
    }
  } else {
    if (!placeLines) throw new Error(`The ${plan.type} chart's marks are not loaded`);
    const placed = placeLines({
      input,
      series: visibleSeries,
      xOf,
      y,
      slot,
      colourOf,
      shaded: Boolean(shade),
      valueLabel,
    });
    lines.push(...placed.lines);
    marks.push(...placed.marks);
    texts.push(...placed.texts);
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

function category(data: ChartData, point: ChartPoint) {
  return data.categories[point.c];
}
