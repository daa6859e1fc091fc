/**
 * The browser-side query engine: filter, group, aggregate, sort and page rows already in memory
 * (files, the tabular API without aggregation, CKAN fallbacks). How values and filters read is in
 * engine-filter.ts (SQL-like, so that browser and server answers agree); group keys and aggregates
 * in engine-aggregates.ts.
 */

import {collationKey} from './collation.js';
import {aggregateColumn, groupValue, type AggregateColumn} from './engine-aggregates.js';
import {QueryError} from './errors.js';
import {isNull, matches, toNumber} from './engine-filter.js';
import {AGGREGATE_FNS, canonicalCall} from './expression/parser.js';
import type {AggregateFn, NormalizedQuery, Order, Row} from './types.js';

export {matches} from './engine-filter.js';

// --- ordering --------------------------------------------------------------------------------

function typeRank(value: unknown): number {
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return 0;
  return typeof value === 'string' ? 1 : 2;
}

/** Ascending order of two non-null values of the same rank: numbers and dates numerically, text by collation key. */
function compareValues(a: unknown, b: unknown, rank: number): number {
  if (rank === 0) return Number(a) - Number(b);
  if (rank === 1) return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  return 0;
}

/**
 * Sorts items on precomputed keys. Nulls come last, and values of another kind than numbers
 * (text in a numeric column) after the numbers, whatever the direction. A column holding numbers
 * sorts its numeric strings as numbers.
 */
function sortBy<T>(items: T[], orders: Order[], keyValue: (item: T, key: string) => unknown): T[] {
  if (orders.length === 0) return items;
  const decorated = items.map((item) => ({
    item,
    keys: orders.map((order) => keyValue(item, order.key)),
  }));
  orders.forEach((_, i) => {
    if (!decorated.some(({keys}) => typeof keys[i] === 'number')) return;
    for (const {keys} of decorated) {
      if (typeof keys[i] === 'string') keys[i] = toNumber(keys[i]) ?? keys[i];
    }
  });
  // Texts compare by their collation keys, computed once per item.
  for (const {keys} of decorated) {
    keys.forEach((key, i) => {
      if (typeof key === 'string' && !isNull(key)) keys[i] = collationKey(key);
    });
  }
  decorated.sort((x, y) => {
    for (let i = 0; i < orders.length; i += 1) {
      const a = x.keys[i];
      const b = y.keys[i];
      const nullA = isNull(a);
      const nullB = isNull(b);
      if (nullA || nullB) {
        if (nullA !== nullB) return nullA ? 1 : -1;
        continue;
      }
      const rankA = typeRank(a);
      const rankB = typeRank(b);
      if (rankA !== rankB) return rankA - rankB;
      const order = compareValues(a, b, rankA);
      if (order !== 0) return orders[i].direction === 'desc' ? -order : order;
    }
    return 0;
  });
  return decorated.map(({item}) => item);
}

function page<T>(items: T[], q: NormalizedQuery): T[] {
  const offset = Math.max(0, Math.floor(q.offset ?? 0));
  if (q.limit === undefined) return offset ? items.slice(offset) : items;
  return items.slice(offset, offset + Math.max(0, Math.floor(q.limit)));
}

// --- query -----------------------------------------------------------------------------------

/** Where an output or sort column takes its value: a group key or an aggregate. */
interface Source {
  group?: number;
  aggregate?: number;
}

const AGGREGATE_CALL = new RegExp(`^(${AGGREGATE_FNS.join('|')})\\((.*)\\)$`, 's');

/** A Map key for a group value: objects (dates, arrays) by their JSON text. */
function mapKey(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
}

function groupedQuery(rows: Row[], q: NormalizedQuery): {rows: Row[]; total: number} {
  const aggregates: AggregateColumn[] = [];
  const columns: Array<Source & {as: string}> = [];
  const groupIndex = (field: string) =>
    q.groupBy.findIndex((key) => (!key.timeunit && key.field === field) || key.as === field);

  q.groupBy.forEach((key, index) => columns.push({as: key.as, group: index}));
  for (const selection of q.select) {
    if (selection.type === 'aggregate') {
      columns.push({
        as: selection.as,
        aggregate: aggregates.push(aggregateColumn(selection.fn, selection.field)) - 1,
      });
      continue;
    }
    const group = groupIndex(selection.field);
    if (group < 0) {
      throw new QueryError(
        `${selection.field}: a field must be grouped or inside an aggregate (count, sum, avg, min, max, median)`,
        {expected: 'aggregate', found: selection.field},
      );
    }
    columns.push({as: selection.as, group});
  }

  // Sort keys: output columns, canonical texts of selections and group keys, or aggregates
  // computed for sorting only (`-count()` without selecting it).
  const sortSources = new Map<string, Source>();
  q.select.forEach((selection, index) => {
    const canonical =
      selection.type === 'aggregate' ? canonicalCall(selection.fn, selection.field) : selection.field;
    sortSources.set(canonical, columns[q.groupBy.length + index]);
  });
  q.groupBy.forEach((key, index) =>
    sortSources.set(key.timeunit ? canonicalCall(key.timeunit, key.field) : key.field, {group: index}),
  );
  for (const column of columns) sortSources.set(column.as, column);
  for (const {key} of q.orderBy) {
    if (sortSources.has(key)) continue;
    const call = AGGREGATE_CALL.exec(key);
    if (!call) {
      throw new QueryError(`${key}: a sort key of a grouped query must be a column or an aggregate`, {
        expected: 'aggregate',
        found: key,
      });
    }
    const column = aggregateColumn(call[1] as AggregateFn, call[2] || undefined);
    sortSources.set(key, {aggregate: aggregates.push(column) - 1});
  }

  const groupOf = new Map<unknown, number>();
  const groupKeys: unknown[][] = [];
  const openGroup = (keys: unknown[]) => {
    for (const aggregate of aggregates) aggregate.open();
    return groupKeys.push(keys) - 1;
  };
  const [firstKey] = q.groupBy;
  for (const row of rows) {
    let group: number | undefined;
    if (q.groupBy.length === 1) {
      const value = groupValue(row, firstKey);
      const id = mapKey(value);
      group = groupOf.get(id);
      if (group === undefined) groupOf.set(id, (group = openGroup([value])));
    } else {
      const keys = q.groupBy.map((key) => groupValue(row, key));
      const id = JSON.stringify(keys);
      group = groupOf.get(id);
      if (group === undefined) groupOf.set(id, (group = openGroup(keys)));
    }
    for (const aggregate of aggregates) aggregate.add(group, row);
  }
  // Aggregates without group by answer one row, even over no rows (count 0, sum null).
  if (q.groupBy.length === 0 && groupKeys.length === 0) openGroup([]);

  const valueOf = (group: number, source: Source): unknown =>
    source.group !== undefined ? groupKeys[group][source.group] : aggregates[source.aggregate!].result(group);
  const groups = groupKeys.map((_, group) => group);
  const sorted = sortBy(groups, q.orderBy, (group, key) => valueOf(group, sortSources.get(key)!));
  const output = page(sorted, q).map((group) => {
    const row: Row = {};
    for (const column of columns) row[column.as] = valueOf(group, column);
    return row;
  });
  return {rows: output, total: groups.length};
}

/**
 * Runs a query over rows in memory: filter, then group and aggregate (when `groupBy` is set or
 * a selection is an aggregate) or project the selected fields (every field when `select` is
 * empty), then sort (nulls last; numbers numerically, text with the French collation), then
 * offset and limit. `total` counts the matching rows, or the groups when grouped, before paging.
 *
 * Grouped rows hold the group keys under their `as`, then the selections under theirs. Time
 * units give the period start as ISO text (`2025-01-01`, `2025-03-01`, week: its Monday
 * `2025-03-03`, `2025-03-05`, hour: `2025-03-05T14:00:00`), read from the text as written.
 * Aggregates skip nulls and non-numbers (`count()` counts rows, `count(f)` non-null values of
 * f); `min`/`max` of a date field answer the earliest/latest date; the sum of nothing is null.
 *
 * @throws QueryError in a grouped query, for a bare field selected without being grouped or a
 *   sort key that is neither an output column nor an aggregate.
 */
export function runQuery(rows: Row[], q: NormalizedQuery): {rows: Row[]; total: number} {
  const matching = q.where ? rows.filter((row) => matches(q.where, row)) : rows;
  if (q.groupBy.length > 0 || q.select.some((selection) => selection.type === 'aggregate')) {
    return groupedQuery(matching, q);
  }
  const fieldOfAlias = new Map(
    q.select.flatMap((selection) =>
      selection.type === 'field' ? [[selection.as, selection.field] as const] : [],
    ),
  );
  const sorted = sortBy(matching, q.orderBy, (row, key) => row[fieldOfAlias.get(key) ?? key]);
  const paged = page(sorted, q);
  const output =
    q.select.length === 0
      ? paged
      : paged.map((row) => {
          const projected: Row = {};
          for (const selection of q.select) {
            if (selection.type === 'field') projected[selection.as] = row[selection.field];
          }
          return projected;
        });
  return {rows: output === rows ? [...rows] : output, total: matching.length};
}
