/**
 * Moving between a chart's marks with the keyboard: ←/→ along a series, ↑/↓ to the same category
 * in the series above or below (along the one series when there is only one, as in a list),
 * Home/End to the ends of the series.
 */
import type {ChartPoint} from './chart-model.js';

/** The `i` of the mark that `key` reaches from mark `current`, or undefined when `key` is not a move. */
export function nextPoint(points: ChartPoint[], current: number, key: string): number | undefined {
  if (!points.length) return undefined;
  const here = points.find((point) => point.i === current) ?? points[0];
  const seriesNames = [...new Set(points.map((point) => point.s))];
  const inSeries = (name: string) => points.filter((point) => point.s === name);
  const line = inSeries(here.s);
  const position = line.indexOf(here);
  const along = (step: number) => line[Math.min(line.length - 1, Math.max(0, position + step))].i;
  const across = (step: number) => {
    const index = seriesNames.indexOf(here.s) + step;
    if (index < 0 || index >= seriesNames.length) return here.i;
    // The same category in the next series, else the nearest one.
    const next = inSeries(seriesNames[index]);
    return next.reduce((best, point) =>
      Math.abs(point.c - here.c) < Math.abs(best.c - here.c) ? point : best,
    ).i;
  };
  const single = seriesNames.length === 1;
  switch (key) {
    case 'ArrowRight':
      return along(1);
    case 'ArrowLeft':
      return along(-1);
    case 'ArrowDown':
      return single ? along(1) : across(1);
    case 'ArrowUp':
      return single ? along(-1) : across(-1);
    case 'Home':
      return line[0].i;
    case 'End':
      return line[line.length - 1].i;
    default:
      return undefined;
  }
}
