/**
 * data.gouv.fr tabular API (`…/api/resources/<rid>/data/`): rows of a published CSV, 50 a page,
 * filtered by column operators.
 *
 * What goes to the server: the conjunctive part of `where` that the operators express exactly
 * (`=` exact, `<`… on numbers and dates, `in`, `not in`, `is [not] null`), one sort key, the
 * columns, and aggregates (`<col>__groupby`, `__count`, `__sum`, `__avg`, `__min`, `__max`)
 * where the resource allows them. What stays in the browser: the rest of the filter (`or`,
 * `!=` which the API answers with nulls too, text ranges…), several sort keys, time units,
 * `median`, and every aggregate of a resource whose aggregation the API refused (its 403
 * `Unauthorized parameters`, remembered per resource). Then the server-filtered rows are all
 * fetched (≤ 4 pages in flight) and the engine runs the whole query over them. `count()` alone
 * is always the filtered rows' `meta.total`: one request, refused aggregation or not.
 */
import {runQuery} from '../engine.js';
import {HttpError, QueryError} from '../errors.js';
import type {
  Connector,
  DatasetInfo,
  FetchContext,
  FieldInfo,
  FieldType,
  Filter,
  Literal,
  NormalizedQuery,
  QueryResult,
  ResolvedSource,
  Row,
  Selection,
} from '../types.js';
import {buildUrl, conjuncts, fieldType, isRecord, mapConcurrent, simplifyFilter} from './util.js';

/** The API's largest page. */
const TABULAR_PAGE_SIZE = 50;
/** Pages requested at once. */
const PAGES_IN_FLIGHT = 4;
/** Rows the browser accepts to download to compute a query itself (2 000 pages). */
const MAX_BROWSER_ROWS = 100_000;

/** Resources (API root + id) whose aggregation the API refused: not asked again. */
const aggregationRefused = new Set<string>();

const PROFILE_TYPES: Record<string, FieldType> = {
  int: 'int',
  float: 'double',
  string: 'text',
  str: 'text',
  bool: 'boolean',
  date: 'date',
  datetime: 'datetime',
  json: 'json',
};

interface TabularPage {
  data?: Row[];
  links?: {next?: string | null};
  meta?: {page?: number; page_size?: number; total?: number};
}

interface TabularResource {
  created_at?: string;
  url?: string;
}

interface TabularProfile {
  profile?: {
    header?: string[];
    columns?: Record<string, {python_type?: string; format?: string}>;
    total_lines?: number;
  };
}

export const tabularConnector: Connector = {
  family: 'tabular',
  info,
  query,
};

/**
 * Fields from `profile/` (types detected by csv-detective); the update date and a link to the
 * data.gouv.fr page from the resource's own record when it answers. The udata catalogue (title,
 * publisher, licence) lives on another host, which a page never configured: it is not asked.
 */
async function info(source: ResolvedSource, ctx: FetchContext): Promise<DatasetInfo> {
  const [body, resource] = await Promise.all([
    ctx.fetchJson<TabularProfile>(buildUrl(source.base, `${resourcePath(source)}/profile/`)),
    ctx
      .fetchJson<TabularResource>(buildUrl(source.base, `${resourcePath(source)}/`))
      .catch((error: unknown) => {
        if (error instanceof HttpError || error instanceof QueryError) return undefined;
        throw error;
      }),
  ]);
  const profile = body.profile ?? {};
  const columns = profile.columns ?? {};
  const names = profile.header?.length ? profile.header : Object.keys(columns);
  const fields: FieldInfo[] = names
    .filter((name) => name !== '__id')
    .map((name) => ({name, label: name, type: fieldType(columns[name]?.python_type, PROFILE_TYPES)}));
  const meta: DatasetInfo['meta'] = {};
  if (typeof profile.total_lines === 'number') meta.recordsCount = profile.total_lines;
  if (typeof resource?.created_at === 'string') meta.modified = resource.created_at;
  // The stable download URL …/api/1/datasets/r/<rid> has a page twin …/fr/datasets/r/<rid>.
  const page =
    typeof resource?.url === 'string' ? /^(.*)\/api\/1\/datasets\/r\/([^/?#]+)\/?$/.exec(resource.url) : null;
  if (page) meta.pageUrl = `${page[1]}/fr/datasets/r/${page[2]}`;
  return {fields, meta};
}

/** How a query splits between the API and the browser. */
export interface TabularPlan {
  /** Operators the API applies: `[name, value]` (empty value: a bare flag such as `c__isnull`). */
  filters: Array<[string, string]>;
  /** The server filters are exactly the query's filter: no re-filtering needed here. */
  exact: boolean;
  /** The filter can match no row: nothing is fetched. */
  matchesNothing: boolean;
}

/** Splits `where` into the API's operators and what the browser must re-check (exported for tests). */
export function planTabularFilter(
  where: Filter | undefined,
  fields: readonly FieldInfo[],
  source?: ResolvedSource,
): TabularPlan {
  const types = new Map(fields.map((field) => [field.name, field.type]));
  const filters: Array<[string, string]> = [];
  for (const [name, values] of Object.entries(source?.params ?? {}))
    for (const value of values) filters.push([name, value]);
  const simplified = simplifyFilter(where);
  if (simplified === false) return {filters, exact: true, matchesNothing: true};
  let exact = true;
  for (const part of simplified === true ? [] : conjuncts(simplified)) {
    const translated = operator(part, types);
    if (!translated) {
      exact = false;
      continue;
    }
    filters.push(translated.param);
    exact &&= translated.exact;
  }
  return {filters, exact, matchesNothing: false};
}

/** One conjunct as a column operator; `exact: false` when the API's answer is a superset. */
function operator(
  filter: Filter,
  types: ReadonlyMap<string, FieldType>,
): {param: [string, string]; exact: boolean} | undefined {
  switch (filter.type) {
    case 'null':
      return {param: [`${filter.field}__isnull`, ''], exact: true};
    case 'compare': {
      const value = operand(filter.value, types.get(filter.field), filter.op !== '=' && filter.op !== '!=');
      if (value === undefined) return undefined;
      // `differs` is SQL's IS DISTINCT FROM: it keeps the nulls, which `!=` leaves out.
      return {param: [`${filter.field}__${COMPARE_OPERATORS[filter.op]}`, value], exact: filter.op !== '!='};
    }
    case 'in': {
      const values = listOperand(filter.values, types.get(filter.field));
      return values === undefined ? undefined : {param: [`${filter.field}__in`, values], exact: true};
    }
    case 'not': {
      const inner = filter.filter;
      if (inner.type === 'null') return {param: [`${inner.field}__isnotnull`, ''], exact: true};
      if (inner.type === 'in') {
        const values = listOperand(inner.values, types.get(inner.field));
        return values === undefined ? undefined : {param: [`${inner.field}__notin`, values], exact: true};
      }
      if (inner.type === 'compare' && inner.op === '=') {
        const value = operand(inner.value, types.get(inner.field), false);
        return value === undefined ? undefined : {param: [`${inner.field}__differs`, value], exact: false};
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

const COMPARE_OPERATORS = {
  '=': 'exact',
  '!=': 'differs',
  '<': 'strictly_less',
  '<=': 'less',
  '>': 'strictly_greater',
  '>=': 'greater',
} as const;

/**
 * A literal as operator text, or undefined when the API would not answer what the browser
 * would: an empty string (null for the engine), a date against a column not typed as a date,
 * a text range (the database's collation is not the engine's).
 */
function operand(literal: Literal, type: FieldType | undefined, range: boolean): string | undefined {
  switch (literal.type) {
    case 'string':
      return literal.value === '' || range ? undefined : literal.value;
    case 'number':
      return Number.isFinite(literal.value) ? String(literal.value) : undefined;
    case 'boolean':
      return range ? undefined : String(literal.value);
    case 'date':
      return type === 'date' || type === 'datetime' ? literal.value : undefined;
  }
}

/** `a,b,c` for `__in`; undefined when a value would break the list (commas, quotes, parentheses). */
function listOperand(values: readonly Literal[], type: FieldType | undefined): string | undefined {
  const texts: string[] = [];
  for (const value of values) {
    const text = operand(value, type, false);
    if (text === undefined || /[,"()]/.test(text)) return undefined;
    texts.push(text);
  }
  return texts.join(',');
}

async function query(source: ResolvedSource, q: NormalizedQuery, ctx: FetchContext): Promise<QueryResult> {
  const dataset = await info(source, ctx);
  const plan = planTabularFilter(q.where, dataset.fields, source);
  if (plan.matchesNothing) return {...dataset, ...runQuery([], q)};
  const grouped = q.groupBy.length > 0 || q.select.some((selection) => selection.type === 'aggregate');

  if (grouped) {
    const aggregation = plan.exact ? serverAggregation(q) : undefined;
    const key = source.base + source.id;
    // A row count alone needs no aggregation parameter: `meta.total` answers it, refused or not.
    const countOnly = aggregation !== undefined && aggregation.params.length === 0;
    if (aggregation && (countOnly || !aggregationRefused.has(key))) {
      try {
        return {...dataset, ...(await aggregateOnServer(source, plan, aggregation, q, ctx))};
      } catch (error) {
        if (!isAggregationRefusal(error)) throw error;
        aggregationRefused.add(key);
      }
    }
    return {...dataset, ...runQuery(await fetchAll(source, plan.filters, ctx), q)};
  }

  const sort = plan.exact ? serverSort(q) : undefined;
  if (sort !== undefined) return {...dataset, ...(await pageOnServer(source, plan, sort, q, ctx))};
  return {...dataset, ...runQuery(await fetchAll(source, plan.filters, ctx), q)};
}

/**
 * The API's refusal of aggregation for a resource (api-tabular's default): a 403 whose
 * `errors[]` says `Unauthorized parameters` or that aggregation parameters are not allowed. Any
 * other error (a 400 for an unknown column…) is the query's own and reaches the user.
 */
function isAggregationRefusal(error: unknown): boolean {
  if (!(error instanceof HttpError) || error.status !== 403 || !isRecord(error.answer?.body)) return false;
  const errors = error.answer.body.errors;
  return (
    Array.isArray(errors) &&
    errors.some(
      (entry) =>
        isRecord(entry) &&
        (entry.title === 'Unauthorized parameters' ||
          (typeof entry.detail === 'string' && /^Aggregation parameters .* not allowed/.test(entry.detail))),
    )
  );
}

/** The sort the API can do (none, or one field key), or undefined when the browser must sort. */
function serverSort(q: NormalizedQuery): Array<[string, string]> | undefined {
  if (q.orderBy.length === 0) return [];
  if (q.orderBy.length > 1) return undefined;
  const [order] = q.orderBy;
  const selection = q.select.find(
    (s): s is Extract<Selection, {type: 'field'}> => s.type === 'field' && s.as === order.key,
  );
  return [[`${selection?.field ?? order.key}__sort`, order.direction]];
}

/** Rows `[offset, offset + limit)` of the server-filtered, server-sorted rows: only the pages holding them. */
async function pageOnServer(
  source: ResolvedSource,
  plan: TabularPlan,
  sort: Array<[string, string]>,
  q: NormalizedQuery,
  ctx: FetchContext,
): Promise<{rows: Row[]; total: number}> {
  const offset = Math.max(0, q.offset ?? 0);
  const limit = q.limit === undefined ? undefined : Math.max(0, q.limit);
  const fields = q.select.map((selection) => (selection.type === 'field' ? selection.field : undefined));
  const columns =
    fields.length && fields.every((field) => field !== undefined && !field.includes(','))
      ? [...new Set(fields)].join(',')
      : undefined;
  const params: Array<[string, string]> = [...plan.filters, ...sort];
  if (columns) params.push(['columns', columns]);
  if (limit === 0) {
    const first = await page(source, params, 1, ctx);
    return {rows: [], total: first.meta?.total ?? 0};
  }
  const firstPage = Math.floor(offset / TABULAR_PAGE_SIZE) + 1;
  const first = await page(source, params, firstPage, ctx);
  const total = first.meta?.total ?? 0;
  const end = Math.min(total, limit === undefined ? total : offset + limit);
  const lastPage = Math.max(firstPage, Math.ceil(end / TABULAR_PAGE_SIZE));
  const rest = await mapConcurrent(range(firstPage + 1, lastPage), PAGES_IN_FLIGHT, (n) =>
    page(source, params, n, ctx),
  );
  const fetched = [first, ...rest].flatMap((body) => body.data ?? []);
  const start = offset - (firstPage - 1) * TABULAR_PAGE_SIZE;
  const rows = fetched
    .slice(start, limit === undefined ? undefined : start + limit)
    .map((row) => project(row, q.select));
  return {rows, total};
}

/** Every row the server filters let through, all pages. */
async function fetchAll(
  source: ResolvedSource,
  filters: Array<[string, string]>,
  ctx: FetchContext,
): Promise<Row[]> {
  const first = await page(source, filters, 1, ctx);
  const total = first.meta?.total ?? first.data?.length ?? 0;
  if (total > MAX_BROWSER_ROWS) {
    throw new QueryError(
      `This query needs ${total} rows computed in the browser (at most ${MAX_BROWSER_ROWS}): add a filter the API can apply (=, <, >, in, is null)`,
      {apiMessage: `${total} rows`},
    );
  }
  const pages = Math.ceil(total / TABULAR_PAGE_SIZE);
  const rest = await mapConcurrent(range(2, pages), PAGES_IN_FLIGHT, (n) => page(source, filters, n, ctx));
  return [first, ...rest].flatMap((body) => body.data ?? []).map((row) => project(row, []));
}

/** A query's aggregates as API operators. */
interface ServerAggregation {
  params: Array<[string, string]>;
  /** API key (`population__sum`, `epci`) → the query's keys. */
  outputs: Array<[string, string]>;
  /** Keys of `count()` without group by: the number of filtered rows, read from a data page's total. */
  rowCounts: string[];
}

/**
 * The aggregation the API can compute, or undefined: group keys must be plain columns (no time
 * unit), aggregates count/sum/avg/min/max of a column. `count()` is the filtered rows' total
 * without group by; with one, it counts the first group key's values (the null group's count is
 * then 0, not its rows: the API counts values of a column, not rows).
 */
function serverAggregation(q: NormalizedQuery): ServerAggregation | undefined {
  if (q.groupBy.some((key) => key.timeunit)) return undefined;
  const params: Array<[string, string]> = [];
  const outputs: Array<[string, string]> = [];
  const rowCounts: string[] = [];
  for (const key of q.groupBy) {
    params.push([`${key.field}__groupby`, '']);
    outputs.push([key.field, key.as]);
  }
  for (const selection of q.select) {
    if (selection.type === 'field') {
      const key = q.groupBy.find((k) => k.field === selection.field);
      if (!key) return undefined;
      outputs.push([key.field, selection.as]);
      continue;
    }
    if (selection.fn === 'median') return undefined;
    if (selection.fn === 'count' && !selection.field && q.groupBy.length === 0) {
      rowCounts.push(selection.as);
      continue;
    }
    const field = selection.field ?? q.groupBy[0].field;
    const name = `${field}__${selection.fn}`;
    if (!params.some(([param]) => param === name)) params.push([name, '']);
    outputs.push([name, selection.as]);
  }
  return {params, outputs, rowCounts};
}

async function aggregateOnServer(
  source: ResolvedSource,
  plan: TabularPlan,
  aggregation: ServerAggregation,
  q: NormalizedQuery,
  ctx: FetchContext,
): Promise<{rows: Row[]; total: number}> {
  const [groups, rowCount] = await Promise.all([
    aggregation.params.length
      ? fetchGroups(source, [...plan.filters, ...aggregation.params], aggregation, ctx)
      : [{} as Row],
    aggregation.rowCounts.length
      ? page(source, plan.filters, 1, ctx, 1).then((body) => body.meta?.total ?? 0)
      : 0,
  ]);
  for (const row of groups) for (const key of aggregation.rowCounts) row[key] = rowCount;
  if (q.groupBy.length === 0 && groups.length === 0) return runQuery([], q);
  // The API neither sorts nor pages groups: the engine does, on the output keys.
  const outputKeys = new Set([...aggregation.outputs.map(([, to]) => to), ...aggregation.rowCounts]);
  const orderBy = q.orderBy.map((order) => ({
    ...order,
    key: outputKeys.has(order.key) ? order.key : canonicalKey(order.key, q),
  }));
  return runQuery(groups, {select: [], groupBy: [], orderBy, limit: q.limit, offset: q.offset});
}

/** Every group, page after page: aggregated answers carry no total, so `links.next` says when to stop. */
async function fetchGroups(
  source: ResolvedSource,
  params: Array<[string, string]>,
  aggregation: ServerAggregation,
  ctx: FetchContext,
): Promise<Row[]> {
  const groups: Row[] = [];
  for (let n = 1; n <= MAX_BROWSER_ROWS / TABULAR_PAGE_SIZE; n++) {
    const body = await page(source, params, n, ctx);
    for (const apiRow of body.data ?? []) {
      const row: Row = {};
      for (const [from, to] of aggregation.outputs) row[to] = apiRow[from] ?? null;
      groups.push(row);
    }
    if (!body.links?.next || (body.data?.length ?? 0) < TABULAR_PAGE_SIZE) break;
  }
  return groups;
}

/** The output key of an order key written as a selection's canonical text (`sum(population)`). */
function canonicalKey(key: string, q: NormalizedQuery): string {
  const selection = q.select.find(
    (s) => (s.type === 'aggregate' ? `${s.fn}(${s.field ?? ''})` : s.field) === key,
  );
  const group = q.groupBy.find((k) => k.field === key);
  return selection?.as ?? group?.as ?? key;
}

function page(
  source: ResolvedSource,
  params: Array<[string, string]>,
  n: number,
  ctx: FetchContext,
  size = TABULAR_PAGE_SIZE,
): Promise<TabularPage> {
  const url = buildUrl(source.base, `${resourcePath(source)}/data/`, [
    ...params,
    ['page', String(n)],
    ['page_size', String(size)],
  ]);
  return ctx.fetchJson<TabularPage>(url).then((body) => {
    if (!isRecord(body) || (body.data !== undefined && !Array.isArray(body.data))) {
      throw new QueryError('The tabular API answered no rows', {expected: 'data'});
    }
    return body;
  });
}

/** A copy of an API row without the API's own `__id`, with the selected keys when there is a selection. */
function project(row: Row, select: readonly Selection[]): Row {
  if (select.length === 0) {
    const {__id: _id, ...rest} = row;
    return rest;
  }
  const out: Row = {};
  for (const selection of select)
    if (selection.type === 'field') out[selection.as] = row[selection.field] ?? null;
  return out;
}

function range(from: number, to: number): number[] {
  return to < from ? [] : Array.from({length: to - from + 1}, (_, i) => from + i);
}

function resourcePath(source: ResolvedSource): string {
  if (!source.id)
    throw new QueryError('A tabular-API source needs a resource id', {
      expected: 'api-url',
      found: source.url,
    });
  return `resources/${encodeURIComponent(source.id)}`;
}
