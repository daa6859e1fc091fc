/**
 * What a chart asks of the portal: the records of a scatter plot, or the aggregates per category
 * (the top N first when there are series, then « Autres » aggregated by the server), and the filter
 * a category sets on its source when chosen (`filter-on-click`).
 */
import {and} from '../../data/index.js';
import type {Filter, QueryOptions, QueryResult, Row} from '../../data/types.js';
import type {DataTarget} from '../../core/data-element.js';
import {inFilter, orderFor, xKey, type ChartPlan} from './chart-plan.js';
import {nextPeriod} from './chart-time.js';
import type {ChartData, ChartPoint} from './chart-model.js';
// The Opendatasoft connector plans this widget's grouped and paged queries without an import to wait for.
import '../../data/connectors/ods-paging-ready.js';

/** Runs one query of the chart on a target (the element's `runQuery` with its load options). */
export type RunQuery = (
  target: DataTarget,
  query: Omit<QueryOptions, 'signal' | 'fresh' | 'api' | 'apiKey'>,
) => Promise<QueryResult>;

/** The answers a chart is drawn from: the rows, and « Autres » when asked for. */
export interface ChartAnswers {
  result: QueryResult;
  othersRows?: Row[];
}

/** The chart's queries for `plan` on `target`. */
export async function loadChart(plan: ChartPlan, target: DataTarget, run: RunQuery): Promise<ChartAnswers> {
  if (!plan.records) return loadGroups(plan, target, run);
  const fields = [plan.x, ...(plan.series ? [plan.series] : [])].map((field) => ({
    type: 'field' as const,
    field,
    as: field,
  }));
  const [x, ...series] = fields;
  const result = await run(target, {select: [x, ...plan.ys, ...series], limit: plan.limit ?? 5000});
  return {result};
}

async function loadGroups(plan: ChartPlan, target: DataTarget, run: RunQuery): Promise<ChartAnswers> {
  const key = xKey(plan);
  const orderBy = orderFor(plan);
  let where = target.where;
  let topValues: unknown[] | undefined;
  if (plan.series && plan.limit) {
    // The top N categories first; then their series.
    const top = await run(target, {select: plan.ys.slice(0, 1), groupBy: [key], orderBy, limit: plan.limit});
    topValues = top.rows.map((row) => row[key.as]);
    if (top.total <= plan.limit) topValues = undefined;
    where = topValues ? and(target.where, inFilter(plan.x, topValues.filter(isPresent))) : target.where;
  }
  const groupBy = plan.series ? [key, {field: plan.series, as: plan.series}] : [key];
  const result = await run(
    {...target, where},
    {select: plan.ys, groupBy, orderBy, limit: plan.series ? undefined : plan.limit},
  );
  if (!plan.others || !plan.limit) return {result};
  if (!plan.series) {
    if (result.total <= plan.limit) return {result};
    topValues = result.rows.map((row) => row[key.as]);
  }
  if (!topValues) return {result};
  // The rest, aggregated by the server: exact for every aggregate, not a difference of sums.
  const rest: Filter = {type: 'not', filter: inFilter(plan.x, topValues.filter(isPresent))};
  const others = await run(
    {...target, where: and(target.where, rest)},
    {select: plan.ys, groupBy: plan.series ? [{field: plan.series, as: plan.series}] : [], orderBy: []},
  );
  return {result, othersRows: others.rows};
}

export function categoryFilter(
  plan: ChartPlan,
  value: unknown,
  time: number | undefined,
): Filter | undefined {
  if (plan.timeunit && time !== undefined) {
    // Period starts are wall-clock times read as UTC (chart-model.ts): written back the same way.
    const length = plan.timeunit === 'hour' ? 19 : 10;
    const start = new Date(time).toISOString().slice(0, length);
    const end = new Date(nextPeriod(time, plan.timeunit)).toISOString().slice(0, length);
    return and(
      {type: 'compare', field: plan.x, op: '>=', value: {type: 'date', value: start}},
      {type: 'compare', field: plan.x, op: '<', value: {type: 'date', value: end}},
    );
  }
  if (value === null || value === undefined) return {type: 'null', field: plan.x};
  return {
    type: 'compare',
    field: plan.x,
    op: '=',
    value: typeof value === 'number' ? {type: 'number', value} : {type: 'string', value: String(value)},
  };
}

/** The category whose filter is `own` (the one this chart set on its source), if any. */
export function selectedCategory(data: ChartData, own: Filter | undefined): number | undefined {
  if (!own) return undefined;
  const wanted = JSON.stringify(own);
  const index = data.categories.findIndex(
    (category) => JSON.stringify(categoryFilter(data.plan, category.value, category.time)) === wanted,
  );
  return index >= 0 ? index : undefined;
}

function isPresent(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '';
}

/** What `odw-select` tells of point `point` of `data`. */
export function selectedDatum(data: ChartData, point: ChartPoint): Row {
  const category = data.categories[point.c];
  return {[data.plan.x]: category.value, label: category.label, series: point.s, value: point.v};
}
