/**
 * What the cartesian layouts (chart-layout.ts, chart-bars.ts) share: text metrics, the value
 * domain, the shading by value, titles kept inside the drawing, bar paths.
 */
import type {ChartData, ChartPoint} from './chart-model.js';
import type {LayoutInput, SceneText} from './chart-scene.js';
import {colourRamp} from './chart-scale.js';

export const PAD = 2;
export const TICK_GAP = 6;

/** Metrics of the chart's text, from its font size. */
export function metrics(fontSize: number) {
  // `middle`: from a line's centre down to its baseline.
  return {lineHeight: Math.ceil(fontSize * 1.3), ascent: fontSize * 0.94, middle: fontSize * 0.35};
}

export function valueTitle(data: ChartData): string {
  return data.unit ? `${data.yLabel} (${data.unit})` : data.yLabel;
}

export function extent(points: ChartPoint[], percent: boolean, zero: boolean): [number, number] {
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
export function shader(input: LayoutInput, points: ChartPoint[]): ((value: number) => string) | undefined {
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
export function text(
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
export function titleCentre(
  lines: string[],
  centre: number,
  width: number,
  measure: LayoutInput['measure'],
): number {
  const half = Math.max(0, ...lines.map((line) => measure(line, true))) / 2;
  return Math.min(Math.max(centre, PAD + half), width - PAD - half);
}

export function rectPath(x: number, y: number, width: number, height: number): string {
  const r = (value: number) => Math.round(value * 100) / 100;
  return `M${r(x)},${r(y)}h${r(width)}v${r(height)}h${r(-width)}Z`;
}
