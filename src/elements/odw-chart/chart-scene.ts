/**
 * What the chart draws, in pixels: marks, lines, texts and rules, computed by chart-layout.ts and
 * chart-round.ts from the chart's data, its size and measured text, and written as SVG by
 * chart-draw.ts. Colours are resolved here from the theme the element reads.
 */
import type {ChartData, ChartPoint} from './chart-model.js';
import type {Measure} from './chart-text.js';

export interface ChartTheme {
  /** Categorical colours of the series and slices (`--odw-palette-1…8`). */
  palette: string[];
  /** Ends of the sequential scheme of `color="value"`; without a start, a light tint of the end. */
  sequential: {start?: string; end: string};
  text: string;
  muted: string;
  grid: string;
  background: string;
  /** The font family of the chart's text. */
  font: string;
  /** Forced colours: system colours, series told apart by patterns, dashes and symbols. */
  forced: boolean;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SceneMark {
  /** The point's index in the chart's data (`ChartPoint.i`). */
  i: number;
  /** Index of its series (or slice) in the colour order. */
  s: number;
  d: string;
  /** Where `d` is drawn from (a symbol's centre); the origin without it. */
  at?: {x: number; y: number};
  fill: string;
  stroke?: string;
  /** Where the tooltip and the focus ring stand. */
  box: Box;
}

export interface SceneLine {
  s: number;
  d: string;
  area: boolean;
  colour: string;
  dash?: string;
}

export type TextRole = 'axis-label' | 'axis-title' | 'value-label' | 'slice-label';

export interface SceneText {
  role: TextRole;
  /** Anchor of the first line's baseline. */
  x: number;
  y: number;
  lines: string[];
  /** The whole text, told in a `<title>` when the lines cut it. */
  full: string;
  anchor: 'start' | 'middle' | 'end';
  /** Degrees, around (x, y). */
  angle?: number;
  fill: string;
  bold?: boolean;
}

export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Scene {
  width: number;
  height: number;
  lineHeight: number;
  /** `rect` (bars), `symbol` (points) or `arc` (slices): the class of the marks' group. */
  kind: 'rect' | 'symbol' | 'arc';
  grid: Rule[];
  domain: Rule[];
  lines: SceneLine[];
  marks: SceneMark[];
  /** Leader lines from slices to their labels. */
  leaders: string[];
  texts: SceneText[];
  /** Where the marks' paths are drawn from (a pie's centre); the top left corner without it. */
  origin?: {x: number; y: number};
  /** Series (or slices) drawn with a pattern under forced colours: how many patterns to define. */
  patterns: number;
}

export interface LayoutInput {
  data: ChartData;
  /** The points drawn (hidden series left out, stacks computed again). */
  points: ChartPoint[];
  width: number;
  height: number;
  /** The height may grow so that every category's label shows (a bar chart whose page set no height). */
  grow?: boolean;
  theme: ChartTheme;
  measure: Measure;
  /** Font size of the chart's text, in pixels. */
  fontSize: number;
  lang: 'fr' | 'en';
  /** Each mark's value written beside it. */
  labels: boolean;
  /** The id prefix of the forced-colours patterns. */
  patternId: string;
}

/** The fill of series (or slice) `index`: its palette colour, or a pattern under forced colours. */
export function seriesFill(theme: ChartTheme, index: number, patternId: string): string {
  if (theme.forced) return `url(#${patternId}-${index % PATTERN_COUNT})`;
  return theme.palette[index % theme.palette.length];
}

/** The stroke of series `index`: its colour, or the system text colour (told apart by dashes). */
export function seriesStroke(theme: ChartTheme, index: number): string {
  return theme.forced ? 'CanvasText' : theme.palette[index % theme.palette.length];
}

/** Dash patterns of the lines under forced colours, one per series. */
export const DASHES = ['', '8 4', '2 3', '10 3 2 3', '4 4', '12 4 4 4'];
export const PATTERN_COUNT = 6;

/**
 * The drawn points with hidden series (or slices) left out: stacks and angles computed again
 * over what stays, as chart-model.ts computes them over everything.
 */
export function visiblePoints(data: ChartData, hidden: ReadonlySet<string>): ChartPoint[] {
  const round = data.plan.type === 'pie' || data.plan.type === 'donut';
  const shown = data.points
    .filter((point) => !hidden.has(round ? point.k : point.s))
    .map((point) => ({...point}));
  if (!hidden.size) return shown;
  if (round) {
    const drawn = shown.filter((point) => point.v !== null && point.v > 0);
    const total = drawn.reduce((sum, point) => sum + point.v!, 0);
    let angle = 0;
    for (const point of drawn) {
      point.a0 = angle;
      angle += total ? (point.v! / total) * 2 * Math.PI : 0;
      point.a1 = angle;
    }
    return shown;
  }
  const {plan} = data;
  const stacked = Boolean(plan.stack) || (plan.type === 'area' && data.series.length > 1);
  if (!stacked) return shown;
  const byCategory = new Map<number, ChartPoint[]>();
  for (const point of shown) byCategory.set(point.c, [...(byCategory.get(point.c) ?? []), point]);
  for (const group of byCategory.values()) {
    const total = group.reduce((sum, point) => sum + Math.abs(point.v ?? 0), 0);
    let positive = 0;
    let negative = 0;
    for (const point of group) {
      const share = plan.stack === 'percent' ? (total ? (point.v ?? 0) / total : 0) : (point.v ?? 0);
      if (share >= 0) {
        point.v0 = positive;
        point.v1 = positive += share;
      } else {
        point.v0 = negative;
        point.v1 = negative += share;
      }
    }
  }
  return shown;
}
