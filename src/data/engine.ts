/**
 * The browser-side query engine: filter, group, aggregate, sort and page rows already in memory
 * (files, the tabular API without aggregation, CKAN fallbacks).
 *
 * Filter semantics (SQL-like, so that browser and server answers agree):
 * - Null: null, undefined, '' and NaN are null. `is null` is true for them; every comparison
 *   (`=`, `!=`, `<`…, `in`) with a null value is unknown, and filters use SQL three-valued
 *   logic: `not` of unknown is unknown, a row matches only when the filter is true. So
 *   `not (x = 1)` and `x not in (…)` both leave out rows where x is null.
 * - Numbers: a number and a numeric string (`"12.5"`) compare numerically. Two strings compare
 *   exactly (`=`) or by code points (`<`), never numerically, so codes like `"01001"` stay text.
 *   Values that cannot be compared are unequal (`!=` is true) and unordered (`<` is unknown).
 * - Booleans: true/false, the strings `"true"`/`"false"` and the numbers 1/0.
 * - Dates: ISO strings (`2025-03-05`, `2025-03-05T14:30:00`, with `T` or a space) and Date
 *   values compare chronologically as the wall-clock time they spell: a zone offset in the text
 *   is not applied (`…T00:30:00+01:00` is on 5 March), a Date is read in the browser's zone.
 *   A date literal without a time stands for its whole day: `= date'2025-03-05'` matches any
 *   time that day, `<` is before that day, `>` after it, `<=`/`>=` include it. A literal with a
 *   time is an instant. A string literal compared with a Date value is read as a date.
 */

import {collationKey} from './collation.js';
import {QueryError} from './errors.js';
import {addDays, localDateParts, parseIsoDate, wallClockKey, type DateParts} from './expression/dates.js';
import {AGGREGATE_FNS, canonicalCall} from './expression/parser.js';
import type {
  AggregateFn,
  CompareOp,
  Filter,
  GroupKey,
  Literal,
  NormalizedQuery,
  Order,
  Row,
  TimeUnit,
} from './types.js';

// --- values ----------------------------------------------------------------------------------

function isNull(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (typeof value === 'number' && Number.isNaN(value))
  );
}

const NUMERIC = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/** A finite number from a number or a numeric string; undefined otherwise. */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    return NUMERIC.test(text) ? Number(text) : undefined;
  }
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}

function toDateParts(value: unknown): DateParts | undefined {
  if (typeof value === 'string') return parseIsoDate(value.trim());
  if (value instanceof Date) return localDateParts(value);
  return undefined;
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    return text === 'true' ? true : text === 'false' ? false : undefined;
  }
  return undefined;
}

function sign(difference: number): number {
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** -1, 0, 1 as the row value is below, equal to or above the literal; undefined: incomparable. */
function compareToLiteral(value: unknown, literal: Literal): number | undefined {
  switch (literal.type) {
    case 'number': {
      const number = toNumber(value);
      return number === undefined ? undefined : sign(number - literal.value);
    }
    case 'string': {
      if (typeof value === 'string') {
        return value === literal.value ? 0 : value < literal.value ? -1 : 1;
      }
      const number = typeof value === 'number' ? value : undefined;
      const other = toNumber(literal.value);
      if (number !== undefined && other !== undefined) return sign(number - other);
      if (value instanceof Date) return compareToLiteral(value, {type: 'date', value: literal.value});
      if (typeof value === 'boolean') return String(value) === literal.value ? 0 : undefined;
      return undefined;
    }
    case 'boolean': {
      const bool = toBoolean(value);
      return bool === undefined ? undefined : sign(Number(bool) - Number(literal.value));
    }
    case 'date': {
      const parts = toDateParts(value);
      const bound = parseIsoDate(literal.value);
      if (!parts || !bound) return undefined;
      const key = wallClockKey(parts);
      const start = wallClockKey(bound);
      // A day literal covers [start, next day); an instant covers its millisecond.
      const end = bound.hasTime ? start + 1 : addDays(start, 1);
      return key < start ? -1 : key >= end ? 1 : 0;
    }
  }
}

/** true, false, or undefined for SQL's unknown. */
type Truth = boolean | undefined;

function compareTruth(value: unknown, op: CompareOp, literal: Literal): Truth {
  if (isNull(value)) return undefined;
  const order = compareToLiteral(value, literal);
  if (order === undefined) return op === '=' ? false : op === '!=' ? true : undefined;
  switch (op) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

function evaluate(filter: Filter, row: Row): Truth {
  switch (filter.type) {
    case 'compare':
      return compareTruth(row[filter.field], filter.op, filter.value);
    case 'in': {
      const value = row[filter.field];
      if (isNull(value)) return undefined;
      return filter.values.some((literal) => compareTruth(value, '=', literal));
    }
    case 'null':
      return isNull(row[filter.field]);
    case 'not': {
      const truth = evaluate(filter.filter, row);
      return truth === undefined ? undefined : !truth;
    }
    case 'and': {
      let result: Truth = true;
      for (const operand of filter.filters) {
        const truth = evaluate(operand, row);
        if (truth === false) return false;
        if (truth === undefined) result = undefined;
      }
      return result;
    }
    case 'or': {
      let result: Truth = false;
      for (const operand of filter.filters) {
        const truth = evaluate(operand, row);
        if (truth === true) return true;
        if (truth === undefined) result = undefined;
      }
      return result;
    }
  }
}

/** Whether a row passes a filter (undefined: every row does). See the module for semantics. */
export function matches(filter: Filter | undefined, row: Row): boolean {
  return filter === undefined || evaluate(filter, row) === true;
}

// --- time units ------------------------------------------------------------------------------

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** The start of the period holding a date, as ISO text (`2025-03-03`, `2025-03-05T14:00:00`). */
function truncate(value: unknown, unit: TimeUnit): string | null {
  const parts = toDateParts(value);
  if (!parts) return null;
  const year = pad(parts.year, 4);
  switch (unit) {
    case 'year':
      return `${year}-01-01`;
    case 'month':
      return `${year}-${pad(parts.month)}-01`;
    case 'day':
      return `${year}-${pad(parts.month)}-${pad(parts.day)}`;
    case 'hour':
      return `${year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:00:00`;
    case 'week': {
      // ISO weeks start on Monday; getUTCDay counts from Sunday = 0.
      const day = new Date(wallClockKey({...parts, hour: 0, minute: 0, second: 0, millisecond: 0}));
      const monday = new Date(addDays(day.getTime(), -((day.getUTCDay() + 6) % 7)));
      return `${pad(monday.getUTCFullYear(), 4)}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`;
    }
  }
}

function groupValue(row: Row, key: GroupKey): unknown {
  const value = row[key.field];
  if (key.timeunit) return truncate(value, key.timeunit);
  return isNull(value) ? null : value;
}

// --- aggregates ------------------------------------------------------------------------------

/** Decimal places of a number as written, to undo binary rounding in sums (0.1 + 0.2). */
function decimalPlaces(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(value);
  const point = text.indexOf('.');
  return text.includes('e') || point < 0 ? Infinity : text.length - point - 1;
}

function numberOf(row: Row, field: string): number | undefined {
  const value = row[field];
  return isNull(value) ? undefined : toNumber(value);
}

/**
 * One aggregate over every group, its state kept in arrays indexed by group number: one pass
 * over the rows allocates nothing per row.
 */
interface AggregateColumn {
  /** Adds a group (numbered from 0 in order). */
  open(): void;
  add(group: number, row: Row): void;
  result(group: number): unknown;
}

class CountColumn implements AggregateColumn {
  private readonly counts: number[] = [];
  constructor(private readonly field: string | undefined) {}
  open() {
    this.counts.push(0);
  }
  add(group: number, row: Row) {
    if (this.field === undefined || !isNull(row[this.field])) this.counts[group] += 1;
  }
  result(group: number) {
    return this.counts[group];
  }
}

class SumColumn implements AggregateColumn {
  private readonly totals: number[] = [];
  private readonly counts: number[] = [];
  private readonly decimals: number[] = [];
  constructor(
    private readonly field: string,
    private readonly average: boolean,
  ) {}
  open() {
    this.totals.push(0);
    this.counts.push(0);
    this.decimals.push(0);
  }
  add(group: number, row: Row) {
    const number = numberOf(row, this.field);
    if (number === undefined) return;
    this.totals[group] += number;
    this.counts[group] += 1;
    if (!Number.isInteger(number) && this.decimals[group] !== Infinity) {
      this.decimals[group] = Math.max(this.decimals[group], decimalPlaces(number));
    }
  }
  result(group: number) {
    const count = this.counts[group];
    if (count === 0) return null;
    const decimals = this.decimals[group];
    const total = this.totals[group];
    const sum = decimals > 0 && decimals <= 15 ? Number(total.toFixed(decimals)) : total;
    return this.average ? sum / count : sum;
  }
}

class MedianColumn implements AggregateColumn {
  private readonly values: number[][] = [];
  constructor(private readonly field: string) {}
  open() {
    this.values.push([]);
  }
  add(group: number, row: Row) {
    const number = numberOf(row, this.field);
    if (number !== undefined) this.values[group].push(number);
  }
  result(group: number) {
    const values = this.values[group];
    if (values.length === 0) return null;
    const sorted = Float64Array.from(values).sort();
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}

/** min/max of numbers; of ISO dates (answered as written) when the field holds no number. */
class ExtremeColumn implements AggregateColumn {
  private readonly numbers: Array<number | undefined> = [];
  private readonly dates: Array<{key: number; value: unknown} | undefined> = [];
  constructor(
    private readonly field: string,
    private readonly direction: 1 | -1,
  ) {}
  open() {
    this.numbers.push(undefined);
    this.dates.push(undefined);
  }
  add(group: number, row: Row) {
    const value = row[this.field];
    if (isNull(value)) return;
    const number = toNumber(value);
    if (number !== undefined) {
      const best = this.numbers[group];
      if (best === undefined || (number - best) * this.direction > 0) this.numbers[group] = number;
      return;
    }
    const parts = toDateParts(value);
    if (!parts) return;
    const key = wallClockKey(parts);
    const best = this.dates[group];
    if (!best || (key - best.key) * this.direction > 0) this.dates[group] = {key, value};
  }
  result(group: number) {
    return this.numbers[group] ?? this.dates[group]?.value ?? null;
  }
}

function aggregateColumn(fn: AggregateFn, field: string | undefined): AggregateColumn {
  if (fn === 'count') return new CountColumn(field);
  if (field === undefined) throw new QueryError(`${fn}() needs a field`, {expected: 'field'});
  switch (fn) {
    case 'sum':
      return new SumColumn(field, false);
    case 'avg':
      return new SumColumn(field, true);
    case 'median':
      return new MedianColumn(field);
    case 'min':
      return new ExtremeColumn(field, -1);
    case 'max':
      return new ExtremeColumn(field, 1);
  }
}

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
