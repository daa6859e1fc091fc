/**
 * A query as one CKAN `datastore_search_sql` statement, and its answer as rows, without fetching.
 * Identifiers in double quotes, strings in single quotes doubled, numbers written by us: no text
 * of the query reaches the SQL unquoted.
 */
import {QueryError} from '../errors.js';
import type {
  AggregateFn,
  CompareOp,
  FieldType,
  Filter,
  GroupKey,
  Literal,
  NormalizedQuery,
  ResolvedSource,
  Row,
  Selection,
} from '../types.js';
import {isInternal, numeric, resourceId, typedValue} from './ckan-answers.js';
import {groupKeyOf} from './util.js';
import {normalizePeriods} from './periods.js';

/** A query as `datastore_search_sql` statements, and how to read the answer (exported for tests). */
export interface CkanSqlPlan {
  sql: string;
  /** Counts what `total` counts when the page may not hold everything: `COUNT(*)`, or one row per group. */
  countSql: string;
  /** Alias in the answer → key the query asked for. */
  renames: Map<string, string>;
  /** Selections of a group key under another name: [group key, selection key]. */
  copies: Array<[string, string]>;
  /** Output keys of aggregates (numbers in text are read as numbers). */
  aggregateKeys: string[];
  grouped: boolean;
}

export function planCkanSql(source: ResolvedSource, q: NormalizedQuery): CkanSqlPlan {
  const table = sqlIdentifier(resourceId(source));
  const grouped = q.groupBy.length > 0 || q.select.some((selection) => selection.type === 'aggregate');
  const renames = new Map<string, string>();
  const copies: Array<[string, string]> = [];
  const aggregateKeys: string[] = [];
  const orderable = new Map<string, string>();

  const groupExpressions: string[] = [];
  const columns: string[] = [];
  q.groupBy.forEach((key, index) => {
    const expression = key.timeunit ? truncation(key) : sqlIdentifier(key.field);
    const alias = `g${index}`;
    groupExpressions.push(expression);
    columns.push(`${expression} AS ${sqlIdentifier(alias)}`);
    renames.set(alias, key.as);
    orderable.set(key.as, sqlIdentifier(alias));
    orderable.set(key.timeunit ? `${key.timeunit}(${key.field})` : key.field, sqlIdentifier(alias));
  });
  q.select.forEach((selection, index) => {
    if (selection.type === 'aggregate') {
      const alias = `a${index}`;
      columns.push(`${aggregate(selection)} AS ${sqlIdentifier(alias)}`);
      renames.set(alias, selection.as);
      aggregateKeys.push(selection.as);
      orderable.set(selection.as, sqlIdentifier(alias));
      orderable.set(`${selection.fn}(${selection.field ?? ''})`, sqlIdentifier(alias));
      return;
    }
    const key = grouped ? groupKeyOf(q.groupBy, selection) : undefined;
    if (key) {
      if (key.as !== selection.as) copies.push([key.as, selection.as]);
      orderable.set(selection.as, orderable.get(key.as)!);
      return;
    }
    const alias = `f${index}`;
    columns.push(`${sqlIdentifier(selection.field)} AS ${sqlIdentifier(alias)}`);
    renames.set(alias, selection.as);
    orderable.set(selection.as, sqlIdentifier(alias));
  });

  const where = q.where ? ` WHERE ${sqlFilter(q.where)}` : '';
  const fullText = (source.params?.q ?? []).map(
    (text) => `"_full_text" @@ plainto_tsquery(${sqlString(text)})`,
  );
  const condition = fullText.length
    ? where
      ? `${where} AND ${fullText.join(' AND ')}`
      : ` WHERE ${fullText.join(' AND ')}`
    : where;
  const groupBy = groupExpressions.length ? ` GROUP BY ${groupExpressions.join(', ')}` : '';
  const orderBy = q.orderBy.length
    ? ` ORDER BY ${q.orderBy
        .map(
          (order) =>
            `${orderable.get(order.key) ?? orderExpression(order.key)} ${order.direction.toUpperCase()} NULLS LAST`,
        )
        .join(', ')}`
    : '';
  const limit = q.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(q.limit))}`;
  const offset = q.offset ? ` OFFSET ${Math.max(0, Math.floor(q.offset))}` : '';
  const select = columns.length ? columns.join(', ') : '*';

  const sql = `SELECT ${select} FROM ${table}${condition}${groupBy}${orderBy}${limit}${offset}`;
  // Groups are counted by listing their keys (one row each): no subquery, which not every SQL front accepts.
  const countSql = groupBy
    ? `SELECT ${groupExpressions.map((expression, index) => `${expression} AS ${sqlIdentifier(`g${index}`)}`).join(', ')} FROM ${table}${condition}${groupBy}`
    : `SELECT COUNT(*) AS "n" FROM ${table}${condition}`;
  return {sql, countSql, renames, copies, aggregateKeys, grouped};
}

/** The rows of a `datastore_search_sql` answer under the query's keys, typed as the resource's fields. */
export function sqlAnswerRows(
  plan: CkanSqlPlan,
  q: NormalizedQuery,
  records: readonly Row[],
  types: ReadonlyMap<string, FieldType>,
): Row[] {
  const rows = records.map((apiRow) => {
    const row: Row = {};
    for (const [key, value] of Object.entries(apiRow)) {
      if (isInternal(key)) continue;
      const name = plan.renames.get(key) ?? key;
      row[name] = plan.renames.has(key) ? value : typedValue(value, types.get(key));
    }
    for (const [from, to] of plan.copies) row[to] = row[from];
    for (const key of plan.aggregateKeys) row[key] = numeric(row[key]);
    for (const selection of q.select)
      if (selection.type === 'field' && !plan.grouped)
        row[selection.as] = typedValue(row[selection.as], types.get(selection.field));
    for (const key of q.groupBy)
      if (!key.timeunit) row[key.as] = typedValue(row[key.as], types.get(key.field));
    return row;
  });
  normalizePeriods(rows, q.groupBy);
  return rows;
}

/**
 * The total of the query when its page of `rows` tells it (one row of aggregates, or a page that
 * is not full); undefined when `countSql` must be asked.
 */
export function knownTotal(plan: CkanSqlPlan, q: NormalizedQuery, rows: readonly Row[]): number | undefined {
  if (plan.grouped && q.groupBy.length === 0) return 1;
  const offset = Math.max(0, q.offset ?? 0);
  const complete =
    q.limit === undefined
      ? rows.length > 0 || offset === 0
      : rows.length < q.limit && (rows.length > 0 || offset === 0);
  return complete ? offset + rows.length : undefined;
}

/** The total from the answer to `countSql`: one row per group, or the `COUNT(*)`. */
export function countedTotal(q: NormalizedQuery, count: readonly Row[], rows: readonly Row[]): number {
  const total = q.groupBy.length ? count.length : Number(count[0]?.n ?? 0);
  return Math.max(total, Math.max(0, q.offset ?? 0) + rows.length);
}

/** A time unit as `date_trunc` (PostgreSQL answers the period start; a text column fails, and the browser takes over). */
function truncation(key: GroupKey): string {
  return `date_trunc(${sqlString(key.timeunit!)}, ${sqlIdentifier(key.field)})`;
}

function aggregate(selection: Extract<Selection, {type: 'aggregate'}>): string {
  if (selection.fn === 'count')
    return selection.field ? `COUNT(${sqlIdentifier(selection.field)})` : 'COUNT(*)';
  if (!selection.field)
    throw new QueryError(`${selection.fn}() needs a field`, {expression: selection.as, expected: 'field'});
  const field = sqlIdentifier(selection.field);
  if (selection.fn === 'median') return `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${field})`;
  return `${selection.fn.toUpperCase()}(${field})`;
}

/** An order key that is no output column: an aggregate written out, or a field. */
function orderExpression(key: string): string {
  const call = /^(count|sum|avg|min|max|median)\((.*)\)$/.exec(key);
  if (!call) return sqlIdentifier(key);
  const [, fn, field] = call;
  return aggregate(
    field
      ? {type: 'aggregate', fn: fn as AggregateFn, field, as: key}
      : {type: 'aggregate', fn: 'count', as: key},
  );
}

/** A double-quoted SQL identifier (`"` doubled). */
export function sqlIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A single-quoted SQL string (`'` doubled). */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A filter (free of constants: see `simplifyFilter`) as a SQL condition. */
export function sqlFilter(filter: Filter): string {
  switch (filter.type) {
    case 'and':
      return filter.filters.map((part) => `(${sqlFilter(part)})`).join(' AND ');
    case 'or':
      return filter.filters.map((part) => `(${sqlFilter(part)})`).join(' OR ');
    case 'not':
      return `NOT (${sqlFilter(filter.filter)})`;
    case 'null':
      return `${sqlIdentifier(filter.field)} IS NULL`;
    case 'in': {
      if (filter.values.some((value) => value.type === 'date')) {
        return filter.values.map((value) => `(${sqlCompare(filter.field, '=', value)})`).join(' OR ');
      }
      return `${sqlIdentifier(filter.field)} IN (${filter.values.map(sqlLiteral).join(', ')})`;
    }
    case 'compare':
      return sqlCompare(filter.field, filter.op, filter.value);
  }
}

/**
 * A comparison. A date literal without a time stands for its whole day (as in the engine):
 * `= date'2025-03-05'` is `>= '2025-03-05' AND < '2025-03-06'`. Dates are plain string literals,
 * which PostgreSQL reads as dates against a date column and which order as text otherwise.
 */
function sqlCompare(field: string, op: CompareOp, value: Literal): string {
  const column = sqlIdentifier(field);
  const sqlOp = op === '!=' ? '<>' : op;
  if (value.type !== 'date') return `${column} ${sqlOp} ${sqlLiteral(value)}`;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.value);
  if (!day) {
    if (!/^\d{4}-\d{2}-\d{2}[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?$/.test(value.value)) {
      throw new QueryError(`Not a date: ${value.value}`, {found: value.value, expected: 'date'});
    }
    return `${column} ${sqlOp} ${sqlString(value.value)}`;
  }
  const start = sqlString(value.value);
  const next = sqlString(nextDay(Number(day[1]), Number(day[2]), Number(day[3])));
  switch (op) {
    case '=':
      return `${column} >= ${start} AND ${column} < ${next}`;
    case '!=':
      return `(${column} < ${start} OR ${column} >= ${next})`;
    case '<':
      return `${column} < ${start}`;
    case '<=':
      return `${column} < ${next}`;
    case '>':
      return `${column} >= ${next}`;
    case '>=':
      return `${column} >= ${start}`;
  }
}

function nextDay(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day + 1));
  return date.toISOString().slice(0, 10);
}

function sqlLiteral(value: Literal): string {
  switch (value.type) {
    case 'string':
    case 'date':
      return sqlString(value.value);
    case 'number':
      if (!Number.isFinite(value.value))
        throw new QueryError(`Not a finite number: ${value.value}`, {found: String(value.value)});
      return String(value.value);
    case 'boolean':
      return value.value ? 'TRUE' : 'FALSE';
  }
}
