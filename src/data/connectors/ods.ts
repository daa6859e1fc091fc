/**
 * Opendatasoft Explore API v2.1. Everything a query asks is pushed to the server as ODSQL
 * (`select`, `where`, `group_by`, `order_by`); rows never come to the browser to be counted.
 *
 * Paging within the API's bounds:
 * - plain records: `records` when `limit` ≤ 100 and `offset + limit` < 10 000, one request;
 *   past that window, a sorted page near the end is read from `records` in the reverse order
 *   (`total - offset - limit` from the other end), its rows turned back; otherwise
 *   `exports/json` (no row bound; an `offset` there is held to the same window) with
 *   `limit = offset + limit`, the first `offset` rows dropped here; the total from a
 *   `records?limit=0` count;
 * - aggregates without `group_by`: one `records` request (one row);
 * - groups: `records` with `limit + 1` rows (the extra row only tells whether more groups exist)
 *   when `offset + limit + 1` < 20 000, else `exports/json`.
 *
 * `total`: records → the API's `total_count`. Groups → exact (`offset` + rows) when the answer is
 * complete; when more groups exist the API does not count them, so `total` is then a lower bound,
 * `offset + limit + 1` ("at least one more"), enough for a pager to offer a next page.
 */
import {QueryError} from '../errors.js';
import type {
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
  TimeUnit,
} from '../types.js';
import {
  buildUrl,
  type FacetValues,
  fieldType,
  geoPointKeys,
  htmlToText,
  isRecord,
  normalizeGeoPoints,
  normalizePeriods,
  simplifyFilter,
} from './util.js';

/** `records` bounds of Explore v2.1. */
const RECORDS_MAX_LIMIT = 100;
const RECORDS_MAX_WINDOW = 10_000;
const GROUPS_MAX_WINDOW = 20_000;

const ODS_TYPES: Record<string, FieldType> = {
  text: 'text',
  int: 'int',
  double: 'double',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  geo_point_2d: 'geo_point_2d',
  geo_shape: 'geo_shape',
  file: 'file',
  json: 'json',
};

/**
 * Words ODSQL reserves, its function names, and `type` (the reference's own example of a field
 * that needs backquotes): a field so named is written in backquotes.
 */
const KEYWORDS = new Set(
  (
    'and as asc avg by count date_format day dayofweek desc equi false group hour or limit lower max millisecond min ' +
    'minute month not null quarter range second select sum top true upper where year in is like to date geom now ' +
    'median percentile envelope include exclude length search startswith distance geometry bbox polygon ' +
    'within_distance week type distinct ifnull'
  ).split(' '),
);

/**
 * `date_format` patterns naming each time unit's period, completed to its ISO start by
 * `periodStart` (`2024-03` → `2024-03-01`). No quoted literal (`'T'`): a space separates the
 * hour. Weeks are ISO weeks: week-year `xxxx` and week `ww` (`2024-10` → Monday 2024-03-04).
 */
const TIME_FORMATS: Record<TimeUnit, string> = {
  year: 'yyyy',
  month: 'yyyy-MM',
  week: 'xxxx-ww',
  day: 'yyyy-MM-dd',
  hour: 'yyyy-MM-dd HH',
};

interface OdsDataset {
  dataset_id?: string;
  fields?: Array<{name?: string; label?: string; type?: string; description?: string | null}>;
  metas?: {default?: Record<string, unknown>};
}

interface OdsRecords {
  total_count?: number;
  results?: Row[];
}

interface OdsFacets {
  facets?: Array<{name?: string; facets?: Array<{name?: string; value?: string; count?: number}>}>;
}

export const odsConnector: Connector = {
  family: 'ods',
  info,
  query,
};

async function info(source: ResolvedSource, ctx: FetchContext): Promise<DatasetInfo> {
  const body = await ctx.fetchJson<OdsDataset | {dataset?: OdsDataset}>(
    buildUrl(source.base, `catalog/datasets/${encodeURIComponent(datasetId(source))}`),
    init(ctx),
  );
  // v2.1 answers the dataset itself; v2.0 wraps it in `dataset`.
  const dataset: OdsDataset = (
    'dataset' in body && isRecord(body.dataset) ? body.dataset : body
  ) as OdsDataset;
  const fields: FieldInfo[] = (dataset.fields ?? [])
    .filter((field) => typeof field.name === 'string')
    .map((field) => {
      const out: FieldInfo = {
        name: field.name!,
        label: field.label || field.name!,
        type: fieldType(field.type, ODS_TYPES),
      };
      if (field.description) out.description = htmlToText(field.description);
      return out;
    });
  const metas = dataset.metas?.default ?? {};
  const text = (key: string) =>
    typeof metas[key] === 'string' && metas[key] ? (metas[key] as string) : undefined;
  const meta: DatasetInfo['meta'] = {
    pageUrl: `${portalRoot(source)}explore/dataset/${encodeURIComponent(datasetId(source))}/`,
  };
  const title = text('title');
  const description = text('description');
  const publisher = text('publisher');
  const license = text('license');
  const licenseUrl = text('license_url');
  const modified = text('modified');
  if (title) meta.title = title;
  if (description) meta.description = htmlToText(description);
  if (publisher) meta.publisher = publisher;
  if (license) meta.license = license;
  if (licenseUrl) meta.licenseUrl = licenseUrl;
  if (modified) meta.modified = modified;
  if (typeof metas.records_count === 'number') meta.recordsCount = metas.records_count;
  return {fields, meta};
}

async function query(source: ResolvedSource, q: NormalizedQuery, ctx: FetchContext): Promise<QueryResult> {
  const [dataset, {rows, total}] = await Promise.all([info(source, ctx), fetchRows(source, q, ctx)]);
  normalizeGeoPoints(
    rows,
    geoPointKeys(
      dataset.fields,
      q.select.filter((selection) => selection.type === 'field'),
    ),
  );
  return {...dataset, rows, total};
}

/** The ODSQL clauses of a query, and how to turn the API's keys back into the query's. */
interface OdsPlan {
  select?: string;
  where?: string;
  groupBy?: string;
  orderBy?: string;
  /** `orderBy` with every direction flipped: the last records are the first ones in this order. */
  reverseOrderBy?: string;
  /** The query has `group_by` or aggregates: one row per group. */
  grouped: boolean;
  /** Key in the API's answer → key the query asked for. */
  renames: Map<string, string>;
  /** Selections of a group key under another name: [group key, selection key]. */
  copies: Array<[string, string]>;
  /** The filter can match no record (an empty `in`…): answered without asking the API. */
  matchesNothing: boolean;
}

/** Translates a query to ODSQL clauses. */
function planOdsQuery(q: NormalizedQuery, source?: ResolvedSource): OdsPlan {
  const grouped = q.groupBy.length > 0 || q.select.some((selection) => selection.type === 'aggregate');
  const renames = new Map<string, string>();
  const copies: Array<[string, string]> = [];
  const taken = new Set<string>([
    ...q.groupBy.map((key) => key.field),
    ...q.select.flatMap((selection) => (selection.field ? [selection.field] : [])),
  ]);
  const counters = new Map<string, number>();
  const alias = (stem: string) => {
    const index = counters.get(stem) ?? 0;
    counters.set(stem, index + 1);
    let name = `${stem}${index}`;
    while (taken.has(name)) name = `_${name}`;
    taken.add(name);
    return name;
  };

  // Group keys: a plain field keeps its name; a time unit becomes a labelled date_format.
  const groupParts: string[] = [];
  const groupKeyApi = new Map<string, string>();
  q.groupBy.forEach((key) => {
    if (key.timeunit) {
      const label = alias('g');
      groupParts.push(
        `date_format(${identifier(key.field)}, ${stringLiteral(TIME_FORMATS[key.timeunit])}) as ${label}`,
      );
      groupKeyApi.set(key.as, label);
      renames.set(label, key.as);
    } else {
      groupParts.push(identifier(key.field));
      groupKeyApi.set(key.as, key.field);
      if (key.field !== key.as) renames.set(key.field, key.as);
    }
  });

  const selectParts: string[] = [];
  const selectionApi = new Map<string, string>();
  q.select.forEach((selection) => {
    if (selection.type === 'aggregate') {
      const label = alias('a');
      selectParts.push(`${aggregateExpression(selection)} as ${label}`);
      selectionApi.set(selection.as, label);
      renames.set(label, selection.as);
      return;
    }
    const key = grouped ? groupKeyOf(q.groupBy, selection) : undefined;
    if (key) {
      // The group key already brings the value; select it again only under another name.
      if (key.as !== selection.as) copies.push([key.as, selection.as]);
      selectionApi.set(selection.as, orderableGroupKey(groupKeyApi.get(key.as)!));
      return;
    }
    if (selection.as === selection.field) {
      selectParts.push(identifier(selection.field));
      selectionApi.set(selection.as, identifier(selection.field));
    } else {
      const label = alias('f');
      selectParts.push(`${identifier(selection.field)} as ${label}`);
      selectionApi.set(selection.as, label);
      renames.set(label, selection.as);
    }
  });

  // Order keys may also be the canonical text of a selection or group key (`sum(population)`, `month(date)`).
  q.select.forEach((selection) => {
    const canonical =
      selection.type === 'aggregate' ? `${selection.fn}(${selection.field ?? ''})` : selection.field;
    if (!selectionApi.has(canonical)) selectionApi.set(canonical, selectionApi.get(selection.as)!);
  });
  q.groupBy.forEach((key) => {
    const canonical = key.timeunit ? `${key.timeunit}(${key.field})` : key.field;
    if (!groupKeyApi.has(canonical)) groupKeyApi.set(canonical, groupKeyApi.get(key.as)!);
  });

  const orderKeys = q.orderBy.map(
    (order) =>
      selectionApi.get(order.key) ??
      (groupKeyApi.has(order.key) ? orderableGroupKey(groupKeyApi.get(order.key)!) : undefined) ??
      expressionKey(order.key),
  );
  const orderParts = q.orderBy.map((order, index) => `${orderKeys[index]} ${order.direction}`);
  const reverseParts = q.orderBy.map(
    (order, index) => `${orderKeys[index]} ${order.direction === 'asc' ? 'desc' : 'asc'}`,
  );

  const filter = simplifyFilter(q.where);
  const plan: OdsPlan = {grouped, renames, copies, matchesNothing: filter === false};
  if (selectParts.length) plan.select = selectParts.join(', ');
  const where = filter === false ? undefined : odsWhere(filter, source);
  if (where) plan.where = where;
  if (groupParts.length) plan.groupBy = groupParts.join(', ');
  if (orderParts.length) {
    plan.orderBy = orderParts.join(', ');
    plan.reverseOrderBy = reverseParts.join(', ');
  }
  return plan;
}

/** The `where` parameter: the URL's own `where`/`q`, then the query's filter, all and-ed. */
function odsWhere(filter: Filter | true, source?: ResolvedSource): string | undefined {
  const parts = [
    ...(source?.params?.where ?? []),
    // `q` (full-text search on a page URL) becomes an ODSQL search query: a bare string literal.
    ...(source?.params?.q ?? []).map(stringLiteral),
  ];
  if (filter !== true) parts.push(odsqlFilter(filter));
  if (parts.length <= 1) return parts[0];
  return parts.map((part) => `(${part})`).join(' and ');
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

/** A group key as the API answers it: a label (`g0`) stays, a field name may need backquotes. */
function orderableGroupKey(apiKey: string): string {
  return /^_*g\d+$/.test(apiKey) ? apiKey : identifier(apiKey);
}

/** An order key that is no selection: an aggregate written out (`sum(population)`) or a field. */
function expressionKey(key: string): string {
  const match = /^(count|sum|avg|min|max|median)\(\s*([^()]*?)\s*\)$/.exec(key);
  if (!match) return identifier(key);
  const [, fn, field] = match;
  if (fn === 'count' && (field === '' || field === '*')) return 'count(*)';
  return `${fn}(${identifier(field)})`;
}

function aggregateExpression(selection: Extract<Selection, {type: 'aggregate'}>): string {
  if (selection.fn === 'count') return selection.field ? `count(${identifier(selection.field)})` : 'count(*)';
  if (!selection.field)
    throw new QueryError(`${selection.fn}() needs a field`, {expression: selection.as, expected: 'field'});
  return `${selection.fn}(${identifier(selection.field)})`;
}

/** A field name as ODSQL reads it: bare when a plain identifier, else in backquotes. */
export function identifier(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !KEYWORDS.has(name.toLowerCase())) return name;
  return '`' + name.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`';
}

/** A string literal: double quotes, with `\` and `"` escaped by a backslash. */
export function stringLiteral(value: string): string {
  return '"' + value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

/** Serialises a filter (free of constants: see `simplifyFilter`) to an ODSQL `where` expression. */
export function odsqlFilter(filter: Filter): string {
  switch (filter.type) {
    case 'and':
      return filter.filters.map(operand).join(' and ');
    case 'or':
      return filter.filters.map(operand).join(' or ');
    case 'not':
      if (filter.filter.type === 'null') return `${identifier(filter.filter.field)} is not null`;
      return `not (${odsqlFilter(filter.filter)})`;
    case 'null':
      return `${identifier(filter.field)} is null`;
    case 'in': {
      if (filter.values.every((value) => value.type === 'string' || value.type === 'number')) {
        return `${identifier(filter.field)} in (${filter.values.map(literal).join(', ')})`;
      }
      return filter.values.map((value) => `(${comparison(filter.field, '=', value)})`).join(' or ');
    }
    case 'compare':
      return comparison(filter.field, filter.op, filter.value);
  }
}

/** A sub-expression, parenthesised unless it is a single comparison. */
function operand(filter: Filter): string {
  const text = odsqlFilter(filter);
  return filter.type === 'compare' || filter.type === 'null' ? text : `(${text})`;
}

function comparison(fieldName: string, op: string, value: Literal): string {
  const field = identifier(fieldName);
  if (value.type === 'boolean') {
    // ODSQL tests booleans with `is true|false`; `!= true` keeps the `false` ones, like SQL.
    if (op === '=') return `${field} is ${value.value}`;
    if (op === '!=') return `${field} is ${!value.value}`;
    throw new QueryError(`A boolean cannot be compared with ${op}`, {
      expression: `${fieldName} ${op} ${value.value}`,
    });
  }
  return `${field} ${op} ${literal(value)}`;
}

function literal(value: Literal): string {
  switch (value.type) {
    case 'string':
      return stringLiteral(value.value);
    case 'number':
      if (!Number.isFinite(value.value))
        throw new QueryError(`Not a finite number: ${value.value}`, {found: String(value.value)});
      return String(value.value);
    case 'boolean':
      return String(value.value);
    case 'date':
      if (!/^[0-9][0-9T:.+\-Z/ ]*$/i.test(value.value))
        throw new QueryError(`Not a date: ${value.value}`, {found: value.value, expected: 'date'});
      return `date'${value.value}'`;
  }
}

async function fetchRows(
  source: ResolvedSource,
  q: NormalizedQuery,
  ctx: FetchContext,
): Promise<{rows: Row[]; total: number}> {
  const plan = planOdsQuery(q, source);
  // Rare (an empty `in` list): the engine is loaded only then, keeping it off Opendatasoft pages.
  if (plan.matchesNothing) return (await import('../engine.js')).runQuery([], q);
  const offset = Math.max(0, q.offset ?? 0);
  const limit = q.limit === undefined ? undefined : Math.max(0, q.limit);

  if (plan.grouped && q.groupBy.length === 0) {
    // Aggregates over the whole selection: one row.
    const body = await records(source, plan, ctx, {});
    const rows = finish(body.results ?? [], plan, q);
    return {rows: rows.slice(offset, limit === undefined ? undefined : offset + limit), total: 1};
  }

  if (plan.grouped) {
    if (limit !== undefined && offset + limit + 1 < GROUPS_MAX_WINDOW) {
      const body = await records(source, plan, ctx, {limit: limit + 1, offset});
      const all = finish(body.results ?? [], plan, q);
      return {rows: all.slice(0, limit), total: offset + all.length};
    }
    const all = finish(
      await exportJson(source, plan, ctx, limit === undefined ? undefined : offset + limit),
      plan,
      q,
    );
    return {rows: all.slice(offset), total: all.length};
  }

  if (limit !== undefined && limit <= RECORDS_MAX_LIMIT && offset + limit < RECORDS_MAX_WINDOW) {
    const body = await records(source, plan, ctx, {limit, offset});
    return {
      rows: finish(body.results ?? [], plan, q),
      total: body.total_count ?? offset + (body.results?.length ?? 0),
    };
  }
  if (limit === undefined) {
    const all = finish(await exportJson(source, plan, ctx, undefined), plan, q);
    return {rows: all.slice(offset), total: all.length};
  }
  const counting = records(source, {...plan, select: undefined, orderBy: undefined}, ctx, {limit: 0});
  if (plan.reverseOrderBy && limit <= RECORDS_MAX_LIMIT) {
    // Past the window, a page near the end is a page near the start of the reverse order.
    const total = (await counting).total_count ?? 0;
    const wanted = Math.max(0, Math.min(limit, total - offset));
    const reverseOffset = total - offset - wanted;
    if (wanted === 0) return {rows: [], total};
    if (reverseOffset + wanted < RECORDS_MAX_WINDOW) {
      const body = await records(source, {...plan, orderBy: plan.reverseOrderBy}, ctx, {
        limit: wanted,
        offset: reverseOffset,
      });
      return {rows: finish(body.results ?? [], plan, q).reverse(), total};
    }
  }
  const [count, exported] = await Promise.all([counting, exportJson(source, plan, ctx, offset + limit)]);
  return {rows: finish(exported, plan, q).slice(offset), total: count.total_count ?? exported.length};
}

/** Copies the API's rows (cached answers are shared) into the query's keys and value shapes. */
function finish(apiRows: readonly Row[], plan: OdsPlan, q: NormalizedQuery): Row[] {
  const rows = apiRows.map((apiRow) => {
    const row: Row = {};
    for (const [key, value] of Object.entries(apiRow)) row[plan.renames.get(key) ?? key] = value;
    for (const [from, to] of plan.copies) row[to] = row[from];
    return row;
  });
  normalizePeriods(rows, q.groupBy);
  return rows;
}

function commonParams(source: ResolvedSource, plan: Pick<OdsPlan, 'where'>): Array<[string, string]> {
  const params: Array<[string, string]> = [];
  if (plan.where) params.push(['where', plan.where]);
  for (const name of ['refine', 'exclude'] as const)
    for (const value of source.params?.[name] ?? []) params.push([name, value]);
  params.push(['lang', 'fr'], ['timezone', 'Europe/Paris']);
  return params;
}

function clauseParams(source: ResolvedSource, plan: OdsPlan): Array<[string, string]> {
  const params: Array<[string, string]> = [];
  if (plan.select) params.push(['select', plan.select]);
  params.push(...commonParams(source, plan));
  if (plan.groupBy) params.push(['group_by', plan.groupBy]);
  if (plan.orderBy) params.push(['order_by', plan.orderBy]);
  return params;
}

function records(
  source: ResolvedSource,
  plan: OdsPlan,
  ctx: FetchContext,
  page: {limit?: number; offset?: number},
): Promise<OdsRecords> {
  const params = clauseParams(source, plan);
  if (page.limit !== undefined) params.push(['limit', String(page.limit)]);
  if (page.offset) params.push(['offset', String(page.offset)]);
  return ctx.fetchJson<OdsRecords>(
    buildUrl(source.base, `${datasetPath(source)}/records`, params),
    init(ctx),
  );
}

async function exportJson(
  source: ResolvedSource,
  plan: OdsPlan,
  ctx: FetchContext,
  limit: number | undefined,
): Promise<Row[]> {
  const params = clauseParams(source, plan);
  if (limit !== undefined) params.push(['limit', String(limit)]);
  const body = await ctx.fetchJson<unknown>(
    buildUrl(source.base, `${datasetPath(source)}/exports/json`, params),
    init(ctx),
  );
  if (!Array.isArray(body))
    throw new QueryError('The export did not answer a list of records', {expected: 'array'});
  return body as Row[];
}

/**
 * Values of `fields` and their record counts, from the `facets` endpoint, under `where` and the
 * source's own filters. Values are the API's text (dates as `2024/03`…).
 */
export async function facets(
  source: ResolvedSource,
  fields: readonly string[],
  where: Filter | undefined,
  ctx: FetchContext,
): Promise<FacetValues[]> {
  if (fields.length === 0) return [];
  const params: Array<[string, string]> = fields.map((field) => ['facet', field]);
  const filter = simplifyFilter(where);
  if (filter === false) return fields.map((field) => ({field, values: []}));
  params.push(...commonParams(source, {where: odsWhere(filter, source)}));
  const body = await ctx.fetchJson<OdsFacets>(
    buildUrl(source.base, `${datasetPath(source)}/facets`, params),
    init(ctx),
  );
  const byName = new Map((body.facets ?? []).map((facet) => [facet.name, facet.facets ?? []]));
  return fields.map((field) => ({
    field,
    values: (byName.get(field) ?? [])
      .filter((entry) => entry.value !== undefined || entry.name !== undefined)
      .map((entry) => ({value: String(entry.value ?? entry.name), count: Number(entry.count ?? 0)})),
  }));
}

function datasetId(source: ResolvedSource): string {
  if (!source.id)
    throw new QueryError('An Opendatasoft source needs a dataset id', {
      expected: 'api-url',
      found: source.url,
    });
  return source.id;
}

function datasetPath(source: ResolvedSource): string {
  return `catalog/datasets/${encodeURIComponent(datasetId(source))}`;
}

/** The portal's root (`https://host/`), from the API root `https://host/api/explore/v2.1/`. */
function portalRoot(source: ResolvedSource): string {
  return source.base.replace(/api\/explore\/v2\.[01]\/$/, '');
}

function init(ctx: FetchContext): {headers: Record<string, string>} | undefined {
  return ctx.apiKey ? {headers: {Authorization: `Apikey ${ctx.apiKey}`}} : undefined;
}
