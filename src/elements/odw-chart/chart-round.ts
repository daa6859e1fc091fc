/**
 * Pie and donut laid out in pixels: slices from the angles of chart-model.ts, « Autres » in a
 * neutral grey, and each slice's share written on it when it fits, else beside it with a leader
 * line, the labels of each side pushed apart so that none overlaps another.
 */
import {arc} from 'd3-shape';
import {formatNumber} from '../../core/format.js';
import type {ChartPoint} from './chart-model.js';
import {
  PATTERN_COUNT,
  seriesFill,
  type LayoutInput,
  type Scene,
  type SceneMark,
  type SceneText,
} from './chart-scene.js';

const PAD = 2;

/** Relative luminance (WCAG) of a `#rrggbb` colour; undefined for any other form. */
function luminance(colour: string): number | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!match) return undefined;
  const [r, g, b] = match.slice(1).map((hex) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Whether text in `ink` reads at 4.5:1 on `fill`. */
function readsOn(ink: string, fill: string): boolean {
  const a = luminance(ink);
  const b = luminance(fill);
  if (a === undefined || b === undefined) return false;
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) >= 4.5;
}

interface Outside {
  point: ChartPoint;
  text: string;
  side: 1 | -1;
  /** Where the leader leaves the slice, and where the label wants to stand. */
  ax: number;
  ay: number;
  y: number;
}

export function layoutRound(input: LayoutInput): Scene {
  const {data, points, width, height, theme, measure, fontSize, lang} = input;
  const lineHeight = Math.ceil(fontSize * 1.3);
  const drawn = points.filter((point) => point.v !== null && point.v > 0 && point.a1 !== undefined);
  const total = drawn.reduce((sum, point) => sum + point.v!, 0);
  const shareOf = (point: ChartPoint) => formatNumber(point.v! / total, lang, {format: 'percent'});
  const shown = input.labels;
  const widest = shown ? Math.max(0, ...drawn.map((point) => measure(shareOf(point)))) : 0;
  // Room for the labels beside the slices: the widest share and its leader on each side.
  const side = shown ? widest + 24 : 0;
  const radius = Math.max(
    20,
    Math.min((width - 2 * PAD - 2 * side) / 2, height / 2 - PAD - (shown ? lineHeight : 0)),
  );
  const inner = data.plan.type === 'donut' ? radius * 0.55 : 0;
  const cx = width / 2;
  const cy = height / 2;
  const shape = arc<{a0: number; a1: number}>()
    .innerRadius(inner)
    .outerRadius(radius)
    .startAngle((slice) => slice.a0)
    .endAngle((slice) => slice.a1)
    .padAngle(drawn.length > 1 ? 0.006 : 0);

  const marks: SceneMark[] = [];
  const texts: SceneText[] = [];
  const outside: Outside[] = [];
  drawn.forEach((point, order) => {
    const others = data.categories[point.c]?.others;
    // The colour follows the category's place, not the slice's: hiding one recolours none.
    const index = data.categories
      .filter((category) => !category.others)
      .findIndex((category) => category.label === point.k);
    const fill =
      others && !theme.forced ? theme.muted : seriesFill(theme, others ? order : index, input.patternId);
    const slice = {a0: point.a0!, a1: point.a1!};
    const path = shape(slice) ?? '';
    const [mx, my] = shape.centroid(slice);
    const middle = (point.a0! + point.a1!) / 2;
    const sin = Math.sin(middle);
    const cos = -Math.cos(middle);
    const ends = [point.a0!, point.a1!, middle].map((angle) => [Math.sin(angle), -Math.cos(angle)]);
    const xs = ends.flatMap(([s]) => [cx + s * radius, cx + s * inner]);
    const ys = ends.flatMap(([, c]) => [cy + c * radius, cy + c * inner]);
    marks.push({
      i: point.i,
      s: index,
      d: path,
      fill,
      stroke: theme.forced ? 'CanvasText' : theme.background,
      box: {
        x: Math.min(...xs),
        y: Math.min(...ys),
        width: Math.max(...xs) - Math.min(...xs),
        height: Math.max(...ys) - Math.min(...ys),
      },
    });
    if (!shown) return;
    const share = shareOf(point);
    const arcLength = (point.a1! - point.a0!) * ((radius + inner) / 2);
    const thickness = radius - inner;
    // On the slice when it is wide enough and the text colour reads on it; beside it otherwise.
    const fits =
      arcLength >= measure(share) + 6 && thickness >= lineHeight * 1.6 && readsOn(theme.text, fill);
    if (fits) {
      texts.push({
        role: 'slice-label',
        x: cx + mx,
        y: cy + my + fontSize * 0.35,
        lines: [share],
        full: `${point.k} : ${share}`,
        anchor: 'middle',
        fill: theme.text,
      });
    } else {
      outside.push({
        point,
        text: share,
        side: sin >= 0 ? 1 : -1,
        ax: cx + sin * (radius + 2),
        ay: cy + cos * (radius + 2),
        y: cy + cos * (radius + 12),
      });
    }
  });

  // Each side's labels from top to bottom, a line apart, kept inside the drawing.
  const leaders: string[] = [];
  for (const direction of [1, -1] as const) {
    // As many as the height holds, the largest slices first; the table and tooltips tell the rest.
    const room = Math.max(1, Math.floor((height - 2 * PAD) / lineHeight));
    const column = outside
      .filter((label) => label.side === direction)
      .sort((a, b) => b.point.v! - a.point.v!)
      .slice(0, room)
      .sort((a, b) => a.y - b.y);
    // `y` is a label's middle: its box reaches about 0.6 em above and below.
    const topmost = PAD + fontSize * 0.6;
    const lowest = height - PAD - fontSize * 0.6;
    for (let k = 0; k < column.length; k++) {
      column[k].y = Math.max(column[k].y, k ? column[k - 1].y + lineHeight : topmost);
    }
    for (let k = column.length - 1; k >= 0; k--) {
      column[k].y = Math.min(column[k].y, k < column.length - 1 ? column[k + 1].y - lineHeight : lowest);
    }
    const x = cx + direction * (radius + 16);
    for (const label of column) {
      const baseline = label.y + fontSize * 0.35;
      leaders.push(
        `M${label.ax.toFixed(1)},${label.ay.toFixed(1)}L${(x - direction * 4).toFixed(1)},${label.y.toFixed(1)}H${x.toFixed(1)}`,
      );
      texts.push({
        role: 'slice-label',
        x: x + direction * 3,
        y: baseline,
        lines: [label.text],
        full: `${label.point.k} : ${label.text}`,
        anchor: direction === 1 ? 'start' : 'end',
        fill: theme.text,
      });
    }
  }
  return {
    width,
    height,
    lineHeight,
    kind: 'arc',
    grid: [],
    domain: [],
    lines: [],
    marks,
    origin: {x: cx, y: cy},
    leaders,
    texts,
    patterns: theme.forced ? PATTERN_COUNT : 0,
  };
}
