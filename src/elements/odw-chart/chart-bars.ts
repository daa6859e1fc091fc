/**
 * Horizontal bars laid out in pixels: the categories down a label band that grows up to a share
 * of the width, their title above it, the values' below the value axis. Without a height set by
 * the page, the chart grows so that every category's label shows.
 */
import {formatNumber} from '../../core/format.js';
import {leftCategoryAxis, linearTicks, spreadTicks} from './chart-axes.js';
import type {ChartPoint} from './chart-model.js';
import {
  PATTERN_COUNT,
  seriesFill,
  type LayoutInput,
  type Rule,
  type Scene,
  type SceneMark,
  type SceneText,
} from './chart-scene.js';
import {wrapText} from './chart-text.js';
import {linear} from './chart-scale.js';
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

/** Horizontal bars: categories down a label band that grows up to a share of the width. */
export function layoutBars(input: LayoutInput): Scene {
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
  const values = linearTicks(extent(drawn, percent, true), valueCount, lang, percent, true);
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
