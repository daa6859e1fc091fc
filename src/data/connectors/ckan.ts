/**
 * CKAN DataStore (`…/api/3/action/`).
 *
 * - Plain rows under a conjunction of `=` / `in` → `datastore_search` (`filters` JSON, `sort`,
 *   `fields`, `limit`/`offset`; pages of 1 000, ≤ 4 in flight, when more are wanted).
 * - Aggregates, groups, time units and any other filter → `datastore_search_sql`: identifiers in
 *   double quotes, strings in single quotes doubled, numbers written by us; no text of the query
 *   reaches the SQL unquoted. `total` comes from a `COUNT(*)` only when the page is full.
 * - When the portal has SQL search off (CKAN's default: a 400 whose body is the bare JSON string
 *   `"Bad request - Action name not known: datastore_search_sql"`) or refuses it (403
 *   `Authorization Error`), which is remembered per portal, or the SQL answer is a 4xx for this
 *   query, the rows the `filters` can narrow are fetched with `datastore_search` and the engine
 *   runs the whole query in the browser. A field the resource lacks is named before that.
 * - `count()` alone under `=` filters is `datastore_search`'s `total` (`limit=0`): one request.
 */
import {runQuery} from '../engine.js';
import {HttpError, QueryError} from '../errors.js';
import type {
  AggregateFn,
  CompareOp,
  Connector,
  DatasetInfo,
  FetchContext,
  FieldInfo,
  FieldType,
  Filter,
  GroupKey,
  Literal,
  NormalizedQuery,
  QueryResult,
  ResolvedSource,
  Row,
  Selection,
} from '../types.js';
import {
  buildUrl,
  checkFields,
  conjunction,
  conjuncts,
  fieldType,
  isRecord,
  mapConcurrent,
  normalizePeriods,
  simplifyFilter,
  unknownField,
} from './util.js';

/** Rows per `datastore_search` request when paging. */
const CKAN_PAGE_SIZE = 1000;
const PAGES_IN_FLIGHT = 4;
/** Rows the browser accepts to download to compute a query itself. */
const MAX_BROWSER_ROWS = 100_000;

/** Portals (action roots) that refused `datastore_search_sql`: not asked again. */
const sqlRefused = new Set<string>();

/** CKAN's internal columns, never shown. */
const INTERNAL = new Set(['_id', '_full_text']);

const CKAN_TYPES: Record<string, FieldType> = {
  int: 'int',
  int2: 'int',
  int4: 'int',
  int8: 'int',
  integer: 'int',
  bigint: 'int',
  smallint: 'int',
  numeric: 'double',
  float: 'double',
  float4: 'double',
  float8: 'double',
  double: 'double',
  real: 'double',
  text: 'text',
  varchar: 'text',
  char: 'text',
  date: 'date',
  time: 'text',
  timestamp: 'datetime',
  timestamptz: 'datetime',
  bool: 'boolean',
  boolean: 'boolean',
  json: 'json',
  jsonb: 'json',
};

interface CkanAnswer<T> {
  success?: boolean;
  result?: T;
}

interface CkanSearch {
  fields?: Array<{id?: string; type?: string; info?: {label?: string; notes?: string}}>;
  records?: Row[];
  total?: number;
}

interface CkanResource {
  name?: string;
  description?: string;
  package_id?: string;
  last_modified?: string | null;
  metadata_modified?: string | null;
}

interface CkanPackage {
  name?: string;
  title?: string;
  notes?: string;
  organization?: {title?: string; name?: string} | null;
  license_title?: string;
  license_url?: string;
  metadata_modified?: string;
}

export const ckanConnector: Connector = {
  family: 'ckan',
  info,
  query,
};

async function info(source: ResolvedSource, ctx: FetchContext): Promise<DatasetInfo> {
  const id = resourceId(source);
  const [search, resource] = await Promise.all([
    action<CkanSearch>(
      source,
      'datastore_search',
      [
        ['resource_id', id],
        ['limit', '0'],
      ],
      ctx,
    ),
    optional(action<CkanResource>(source, 'resource_show', [['id', id]], ctx)),
  ]);
  const pkg = resource?.package_id
    ? await optional(action<CkanPackage>(source, 'package_show', [['id', resource.package_id]], ctx))
    : undefined;

  const fields: FieldInfo[] = (search.fields ?? [])
    .filter((field) => field.id && !INTERNAL.has(field.id))
    .map((field) => {
      const out: FieldInfo = {
        name: field.id!,
        label: field.info?.label || field.id!,
        type: fieldType(field.type, CKAN_TYPES),
      };
      if (field.info?.notes) out.description = field.info.notes;
      return out;
    });
  const meta: DatasetInfo['meta'] = {};
  const title = pkg?.title || resource?.name;
  const description = resource?.description || pkg?.notes;
  const modified = resource?.last_modified || resource?.metadata_modified || pkg?.metadata_modified;
  if (title) meta.title = title;
  if (description) meta.description = description;
  if (pkg?.organization?.title) meta.publisher = pkg.organization.title;
  if (pkg?.license_title) meta.license = pkg.license_title;
  if (pkg?.license_url) meta.licenseUrl = pkg.license_url;
  if (modified) meta.modified = modified;
  if (typeof search.total === 'number') meta.recordsCount = search.total;
  if (resource?.package_id) {
    meta.pageUrl = `${portalRoot(source)}dataset/${encodeURIComponent(pkg?.name || resource.package_id)}/resource/${encodeURIComponent(id)}`;
  }
  return {fields, meta};
}

/** Metadata that only enriches the answer: its absence (404, 403…) is not an error. */
async function optional<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof HttpError || error instanceof QueryError) return undefined;
    throw error;
  }
}

async function query(source: ResolvedSource, q: NormalizedQuery, ctx: FetchContext): Promise<QueryResult> {
  const dataset = await info(source, ctx);
  const types = new Map(dataset.fields.map((field) => [field.name, field.type]));
  const where = simplifyFilter(and(urlFilters(source), q.where));
  const full: NormalizedQuery = {...q, where: typeof where === 'boolean' ? undefined : where};
  if (where === false) return {...dataset, ...runQuery([], full)};

  const grouped = q.groupBy.length > 0 || q.select.some((selection) => selection.type === 'aggregate');
  const filters = searchFilters(full.where);
  if (!grouped && filters.exact) {
    return {...dataset, ...(await searchRows(source, full, filters.filters, types, ctx))};
  }
  if (filters.exact && isRowCount(full)) {
    // `count()` under `=` filters is datastore_search's `total`: one request, SQL on or off.
    const {total = 0} = await search(source, [...searchParams(source, filters.filters), ['limit', '0']], ctx);
    const row = Object.fromEntries(full.select.map((selection) => [selection.as, total]));
    return {
      ...dataset,
      ...runQuery([row], {select: [], groupBy: [], orderBy: [], limit: q.limit, offset: q.offset}),
    };
  }
  // SQL has no equivalent of datastore_search's full-text `q`: with one, the rows come from
  // datastore_search and the engine does the rest, rather than a result that ignores the search.
  const fullText = (source.params?.q ?? []).length > 0;
  if (!fullText && !sqlRefused.has(source.base)) {
    try {
      return {...dataset, ...(await sqlRows(source, full, types, ctx))};
    } catch (error) {
      if (isSqlOff(error)) sqlRefused.add(source.base);
      // A failure naming a field the resource lacks is the API's answer to the user, in its words.
      else if (!isQueryFailure(error) || unknownField(dataset.fields, full) !== undefined) throw error;
    }
  }
  // Without SQL the browser computes the query: a field the resource lacks is named, not read as null.
  checkFields(dataset.fields, full);
  const rows = (await searchAll(source, filters.filters, ctx)).map((row) => typed(row, types));
  return {...dataset, ...runQuery(rows, full)};
}

/**
 * The portal has SQL search off or refuses it, told by status and body: a 400 whose body is the
 * bare string naming `datastore_search_sql` as an unknown action (CKAN's default,
 * `ckan.datastore.sqlsearch.enabled = false`), or a 403 `Authorization Error`.
 */
function isSqlOff(error: unknown): boolean {
  if (!(error instanceof HttpError || error instanceof QueryError) || !error.answer) return false;
  const {status, body} = error.answer;
  if (status === 400 && typeof body === 'string')
    return /Action name not known: datastore_search_sql/.test(body);
  return (
    status === 403 && isRecord(body) && isRecord(body.error) && body.error.__type === 'Authorization Error'
  );
}

/** A 4xx the SQL answered for this query (a function a column type lacks…): the browser computes it. */
function isQueryFailure(error: unknown): boolean {
  const status = error instanceof HttpError || error instanceof QueryError ? error.answer?.status : undefined;
  return status !== undefined && status >= 400 && status < 500;
}

/** Whether the query only counts rows: `count()` without a field, no group. */
function isRowCount(q: NormalizedQuery): boolean {
  return (
    q.groupBy.length === 0 &&
    q.select.length > 0 &&
    q.select.every(
      (selection) => selection.type === 'aggregate' && selection.fn === 'count' && !selection.field,
    )
  );
}

/** The URL's own `filters` JSON (`{"ville": "Dijon", "code": ["21", "45"]}`) as a filter. */
function urlFilters(source: ResolvedSource): Filter | undefined {
  const parts: Filter[] = [];
  for (const text of source.params?.filters ?? []) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new QueryError('The URL\'s "filters" parameter is not JSON', {found: text, expected: 'json'});
    }
    if (!isRecord(parsed)) continue;
    for (const [field, value] of Object.entries(parsed)) {
      const values = (Array.isArray(value) ? value : [value]).map(jsonLiteral);
      parts.push(
        values.length === 1
          ? {type: 'compare', field, op: '=', value: values[0]}
          : {type: 'in', field, values},
      );
    }
  }
  return conjunction(parts);
}

function jsonLiteral(value: unknown): Literal {
  if (typeof value === 'number') return {type: 'number', value};
  if (typeof value === 'boolean') return {type: 'boolean', value};
  return {type: 'string', value: String(value)};
}

function and(...filters: Array<Filter | undefined>): Filter | undefined {
  return conjunction(filters.flatMap(conjuncts));
}

/** `datastore_search` filters for the `=`/`in` conjuncts of a filter; `exact` when that is all of it. */
export function searchFilters(where: Filter | undefined): {
  filters: Record<string, unknown> | undefined;
  exact: boolean;
} {
  const filters: Record<string, unknown[]> = {};
  let exact = true;
  for (const part of conjuncts(where)) {
    const equality =
      part.type === 'compare' && part.op === '='
        ? {field: part.field, values: [part.value]}
        : part.type === 'in'
          ? {field: part.field, values: part.values}
          : undefined;
    // Dates need the day semantics of SQL; '' is null to the engine but a value to `filters`.
    if (
      !equality ||
      equality.values.some((value) => value.type === 'date' || value.value === '') ||
      filters[equality.field]
    ) {
      exact = false;
      continue;
    }
    filters[equality.field] = equality.values.map((value) => value.value);
  }
  const entries = Object.entries(filters);
  if (entries.length === 0) return {filters: undefined, exact};
  return {
    filters: Object.fromEntries(
      entries.map(([field, values]) => [field, values.length === 1 ? values[0] : values]),
    ),
    exact,
  };
}

async function searchRows(
  source: ResolvedSource,
  q: NormalizedQuery,
  filters: Record<string, unknown> | undefined,
  types: ReadonlyMap<string, FieldType>,
  ctx: FetchContext,
): Promise<{rows: Row[]; total: number}> {
  const params = searchParams(source, filters);
  const fields = q.select.map((selection) => (selection.type === 'field' ? selection.field : ''));
  if (fields.length && fields.every((field) => field && !field.includes(',')))
    params.push(['fields', [...new Set(fields)].join(',')]);
  if (q.orderBy.length) {
    const fieldOf = (key: string) => q.select.find((s) => s.type === 'field' && s.as === key)?.field ?? key;
    params.push([
      'sort',
      q.orderBy.map((order) => `${sqlIdentifier(fieldOf(order.key))} ${order.direction}`).join(', '),
    ]);
  }
  const offset = Math.max(0, q.offset ?? 0);
  const limit = q.limit === undefined ? undefined : Math.max(0, q.limit);
  const size = limit !== undefined && limit <= CKAN_PAGE_SIZE ? limit : CKAN_PAGE_SIZE;
  const first = await search(source, [...params, ['limit', String(size)], ['offset', String(offset)]], ctx);
  const total = first.total ?? 0;
  const end = Math.min(total, limit === undefined ? total : offset + limit);
  const starts: number[] = [];
  for (let start = offset + size; size > 0 && start < end; start += CKAN_PAGE_SIZE) starts.push(start);
  const rest = await mapConcurrent(starts, PAGES_IN_FLIGHT, (start) =>
    search(
      source,
      [...params, ['limit', String(Math.min(CKAN_PAGE_SIZE, end - start))], ['offset', String(start)]],
      ctx,
    ),
  );
  const rows = [first, ...rest]
    .flatMap((body) => body.records ?? [])
    .slice(0, limit)
    .map((row) => project(typed(row, types), q.select));
  return {rows, total};
}

/** Every row `filters` let through (the browser filters the rest). */
async function searchAll(
  source: ResolvedSource,
  filters: Record<string, unknown> | undefined,
  ctx: FetchContext,
): Promise<Row[]> {
  const params = searchParams(source, filters);
  const first = await search(source, [...params, ['limit', String(CKAN_PAGE_SIZE)], ['offset', '0']], ctx);
  const total = first.total ?? 0;
  if (total > MAX_BROWSER_ROWS) {
    throw new QueryError(
      `This query needs ${total} rows computed in the browser (at most ${MAX_BROWSER_ROWS}): the portal refuses SQL; filter with = or in`,
      {apiMessage: `${total} rows`},
    );
  }
  const starts: number[] = [];
  for (let start = CKAN_PAGE_SIZE; start < total; start += CKAN_PAGE_SIZE) starts.push(start);
  const rest = await mapConcurrent(starts, PAGES_IN_FLIGHT, (start) =>
    search(source, [...params, ['limit', String(CKAN_PAGE_SIZE)], ['offset', String(start)]], ctx),
  );
  return [first, ...rest].flatMap((body) => body.records ?? []);
}

function searchParams(
  source: ResolvedSource,
  filters: Record<string, unknown> | undefined,
): Array<[string, string]> {
  const params: Array<[string, string]> = [['resource_id', resourceId(source)]];
  if (filters) params.push(['filters', JSON.stringify(filters)]);
  for (const text of source.params?.q ?? []) params.push(['q', text]);
  return params;
}

async function search(
  source: ResolvedSource,
  params: Array<[string, string]>,
  ctx: FetchContext,
): Promise<CkanSearch> {
  return action<CkanSearch>(source, 'datastore_search', params, ctx);
}

// --- SQL ---------------------------------------------------------------------------------------

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

async function sqlRows(
  source: ResolvedSource,
  q: NormalizedQuery,
  types: ReadonlyMap<string, FieldType>,
  ctx: FetchContext,
): Promise<{rows: Row[]; total: number}> {
  const plan = planCkanSql(source, q);
  const body = await action<CkanSearch>(source, 'datastore_search_sql', [['sql', plan.sql]], ctx);
  const rows = (body.records ?? []).map((apiRow) => {
    const row: Row = {};
    for (const [key, value] of Object.entries(apiRow)) {
      if (INTERNAL.has(key)) continue;
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
  if (plan.grouped && q.groupBy.length === 0) return {rows, total: 1};
  const offset = Math.max(0, q.offset ?? 0);
  const complete =
    q.limit === undefined
      ? rows.length > 0 || offset === 0
      : rows.length < q.limit && (rows.length > 0 || offset === 0);
  if (complete) return {rows, total: offset + rows.length};
  const count = await action<CkanSearch>(source, 'datastore_search_sql', [['sql', plan.countSql]], ctx);
  const total = q.groupBy.length ? (count.records?.length ?? 0) : Number(count.records?.[0]?.n ?? 0);
  return {rows, total: Math.max(total, offset + rows.length)};
}

function groupKeyOf(
  groupBy: readonly GroupKey[],
  selection: Extract<Selection, {type: 'field'}>,
): GroupKey | undefined {
  return (
    groupBy.find((key) => key.as === selection.as && key.field === selection.field) ??
    groupBy.find((key) => !key.timeunit && key.field === selection.field)
  );
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

// --- values ------------------------------------------------------------------------------------

/** A copy of a row without CKAN's internal columns, numbers given as text read as numbers. */
function typed(row: Row, types: ReadonlyMap<string, FieldType>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row))
    if (!INTERNAL.has(key)) out[key] = typedValue(value, types.get(key));
  return out;
}

/** PostgreSQL `numeric` comes back as text from some CKAN versions. */
function typedValue(value: unknown, type: FieldType | undefined): unknown {
  return type === 'int' || type === 'double' ? numeric(value) : value;
}

function numeric(value: unknown): unknown {
  if (typeof value === 'string' && /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(value.trim()))
    return Number(value);
  return value;
}

function project(row: Row, select: readonly Selection[]): Row {
  if (select.length === 0) return row;
  const out: Row = {};
  for (const selection of select)
    if (selection.type === 'field') out[selection.as] = row[selection.field] ?? null;
  return out;
}

// --- requests ----------------------------------------------------------------------------------

async function action<T>(
  source: ResolvedSource,
  name: string,
  params: Array<[string, string]>,
  ctx: FetchContext,
): Promise<T> {
  const body = await ctx.fetchJson<CkanAnswer<T>>(buildUrl(source.base, name, params));
  if (!isRecord(body) || body.success === false || !isRecord(body.result)) {
    throw new QueryError(`CKAN's ${name} answered no result`, {expected: 'result'});
  }
  return body.result as T;
}

function resourceId(source: ResolvedSource): string {
  if (!source.id)
    throw new QueryError('A CKAN source needs a resource id', {expected: 'api-url', found: source.url});
  return source.id;
}

/** The portal's root (`https://host/`), from the action root `https://host/api/3/action/`. */
function portalRoot(source: ResolvedSource): string {
  return source.base.replace(/api\/(?:3\/)?action\/$/, '');
}
