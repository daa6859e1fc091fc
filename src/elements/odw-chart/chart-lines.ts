/**
 * The marks of line, area and scatter charts, whose axes chart-layout.ts places: paths and symbols
 * drawn with d3-shape. Each series has its own symbol, so that series differ by shape as well as
 * by colour. Loaded with the pie's layout (chart-shape-layouts.ts) by the charts that draw them.
 */
import {area as areaShape, line as lineShape, symbol, symbolsFill} from 'd3-shape';
import type {ChartPoint} from './chart-model.js';
import type {Measure} from './chart-text.js';
import {
  DASHES,
  seriesFill,
  seriesStroke,
  type LayoutInput,
  type SceneLine,
  type SceneMark,
  type SceneText,
} from './chart-scene.js';
import {text} from './chart-geometry.js';

/** What chart-layout.ts has placed: the scales, the slots and the colours. */
export interface LineMarksInput {
  input: LayoutInput;
  /** The series with a point shown, in their order. */
  series: readonly string[];
  xOf: (point: ChartPoint) => number;
  y: (value: number) => number;
  /** Width of a category's slot; 0 on a continuous axis. */
  slot: number;
  colourOf: (point: ChartPoint) => string;
  /** Colours follow the values (a sequential scale): lines take its end colour. */
  shaded: boolean;
  valueLabel: (point: ChartPoint) => string;
}

/** The drawn parts of a line, area or scatter chart. */
export interface LineMarks {
  lines: SceneLine[];
  marks: SceneMark[];
  texts: SceneText[];
}

export function placeLineMarks(placed: LineMarksInput): LineMarks {
  const {input, xOf, y, slot, colourOf, shaded, valueLabel} = placed;
  const {data, points, theme, fontSize, measure} = input;
  const scatter = data.plan.type === 'scatter';
  const area = data.plan.type === 'area';
  const symbolSize = Math.max(24, Math.min(64, (fontSize * fontSize) / 2.5));
  const drawn: LineMarks = {lines: [], marks: [], texts: []};
  for (const name of placed.series) {
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
      drawn.lines.push({
        s,
        d: path ?? '',
        area,
        colour: area
          ? seriesFill(theme, s, input.patternId)
          : shaded
            ? theme.sequential.end
            : seriesStroke(theme, s),
        dash: theme.forced ? DASHES[s % DASHES.length] : undefined,
      });
    }
    const shape = symbol(symbolsFill[s % symbolsFill.length], symbolSize)()!;
    const labels = input.labels && !scatter ? valueLabels(series, slot, measure, valueLabel) : new Map();
    for (const point of series) {
      if (point.v === null) continue;
      const cx = xOf(point);
      const cy = y(point.v1);
      const r = Math.sqrt(symbolSize) / 2 + 1;
      drawn.marks.push({
        i: point.i,
        s,
        d: shape,
        at: {x: cx, y: cy},
        fill: theme.forced ? 'CanvasText' : colourOf(point),
        stroke: shaded ? theme.sequential.end : theme.forced ? 'Canvas' : theme.background,
        box: {x: cx - r, y: cy - r, width: 2 * r, height: 2 * r},
      });
      const written = labels.get(point);
      if (written)
        drawn.texts.push(text('value-label', cx, cy - r - 4, [written], written, 'middle', theme.text));
    }
  }
  return drawn;
}

/**
 * The values written on a line: every point's when each fits its slot, else the latest one only
 * (where a line is read), never the few narrow enough alone.
 */
function valueLabels(
  series: readonly ChartPoint[],
  slot: number,
  measure: Measure,
  valueLabel: (point: ChartPoint) => string,
): Map<ChartPoint, string> {
  const written = new Map(
    series.filter((point) => point.v !== null).map((point) => [point, valueLabel(point)] as const),
  );
  const fits = (text: string) => slot === 0 || measure(text) <= slot * 0.95;
  if ([...written.values()].every(fits)) return written;
  const [latest, text] = [...written][written.size - 1] ?? [];
  return latest && text && fits(text) ? new Map([[latest, text]]) : new Map();
}
