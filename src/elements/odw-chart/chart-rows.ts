/** The table of what a chart draws, one row per category and one column per series, and its CSV. */
import {csvLines} from '../../core/export.js';
import type {ChartData} from './chart-model.js';

/** The table of what is drawn: one row per category, one column per series. */
export function tableOf(data: ChartData): {
  head: string[];
  rows: Array<{label: string; cells: Array<number | null>}>;
} {
  if (data.plan.records) {
    return {
      head: [data.seriesLabel ?? '', data.xLabel, data.yLabel].filter(Boolean),
      rows: data.points.map((point) => ({
        label: data.plan.series ? point.s : '',
        cells: [point.t ?? null, point.v],
      })),
    };
  }
  const rows = data.categories
    .map((category, c) => ({
      label: category.label,
      cells: data.series.map(
        (name) => data.points.find((point) => point.c === c && point.s === name)?.v ?? null,
      ),
    }))
    .filter((row) => row.cells.some((value) => value !== null));
  return {head: [data.xLabel, ...data.series], rows};
}

/** CSV (RFC 4180, `,`-separated, numbers unformatted) of the table. */
export function csvOf(data: ChartData): string {
  const {head, rows} = tableOf(data);
  const withLabels = !(data.plan.records && !data.plan.series);
  return csvLines([head, ...rows.map((row) => (withLabels ? [row.label, ...row.cells] : row.cells))]);
}
