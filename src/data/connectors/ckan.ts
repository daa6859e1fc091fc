/**
 * CKAN DataStore (`…/api/3/action/`): which requests a query takes, and sending them. What each
 * request says is written in `ckan-search.ts` (`datastore_search`) and `ckan-sql.ts`
 * (`datastore_search_sql`); answers are read in `ckan-answers.ts`, error answers in `api-errors.ts`.
 *
 * - Plain rows under a conjunction of `=` / `in` → `datastore_search` (`filters` JSON, `sort`,
 *   `fields`, `limit`/`offset`; pages of 1 000, ≤ 4 in flight, when more are wanted).
 * - Aggregates, groups, time units and any other filter → `datastore_search_sql`. `total` comes
 *   from a `COUNT(*)` only when the page is full.
 * - When the portal has SQL search off (CKAN's default) or refuses it, which the connector
 *   remembers per portal (`sqlRefused`), or the SQL answer is a 4xx for this query, the rows the
 *   `filters` can narrow are fetched with `datastore_search` and the engine runs the whole query
 *   in the browser. A field the resource lacks is named before that.
 * - `count()` alone under `=` filters is `datastore_search`'s `total` (`limit=0`): one request.
 */
import {and} from '../expression/index.js';
import {runQuery} from '../engine.js';
import {QueryError} from '../errors.js';
import type {
  Connector,
  DatasetInfo,
  FetchContext,
  FieldType,
  NormalizedQuery,
  QueryResult,
  ResolvedSource,
  Row,
} from '../types.js';
import {isClientFailure, isCkanSqlOff, optional} from './api-errors.js';
import {
  actionResult,
  actionUrl,
  ckanDatasetInfo,
  resourceId,
  searchAnswerRows,
  type CkanPackage,
  type CkanResource,
  type CkanSearch,
} from './ckan-answers.js';
import {
  CKAN_PAGE_SIZE,
  isRowCount,
  nextPageStarts,
  pageParams,
  rowParams,
  searchFilters,
  searchParams,
  urlFilters,
} from './ckan-search.js';
import {countedTotal, knownTotal, planCkanSql, sqlAnswerRows} from './ckan-sql.js';
import {checkFields, mapConcurrent, MAX_BROWSER_ROWS, PAGES_IN_FLIGHT, unknownField} from './browser-rows.js';
import {simplifyFilter} from './util.js';

export class CkanConnector implements Connector {
  readonly family = 'ckan';

  /**
   * Portals (action roots) that refused `datastore_search_sql`: not asked again while this
   * connector lives (the page's, for the one `connectorFor` gives). `clear()` asks again.
   */
  readonly sqlRefused = new Set<string>();

  async info(source: ResolvedSource, ctx: FetchContext): Promise<DatasetInfo> {
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
    return ckanDatasetInfo(source, search, resource, pkg);
  }

  async query(source: ResolvedSource, q: NormalizedQuery, ctx: FetchContext): Promise<QueryResult> {
    const dataset = await this.info(source, ctx);
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
      const {total = 0} = await search(
        source,
        [...searchParams(source, filters.filters), ['limit', '0']],
        ctx,
      );
      const row = Object.fromEntries(full.select.map((selection) => [selection.as, total]));
      return {
        ...dataset,
        ...runQuery([row], {select: [], groupBy: [], orderBy: [], limit: q.limit, offset: q.offset}),
      };
    }
    // SQL has no equivalent of datastore_search's full-text `q`: with one, the rows come from
    // datastore_search and the engine does the rest, rather than a result that ignores the search.
    const fullText = (source.params?.q ?? []).length > 0;
    if (!fullText && !this.sqlRefused.has(source.base)) {
      try {
        return {...dataset, ...(await sqlRows(source, full, types, ctx))};
      } catch (error) {
        if (isCkanSqlOff(error)) this.sqlRefused.add(source.base);
        // A failure naming a field the resource lacks is the API's answer to the user, in its words.
        else if (!isClientFailure(error) || unknownField(dataset.fields, full) !== undefined) throw error;
      }
    }
    // Without SQL the browser computes the query: a field the resource lacks is named, not read as null.
    checkFields(dataset.fields, full);
    const rows = searchAnswerRows(await searchAll(source, filters.filters, ctx), types);
    return {...dataset, ...runQuery(rows, full)};
  }
}

/** The connector of the page: one memory of refusals for every CKAN widget. */
export const ckanConnector = new CkanConnector();

/** Rows `[offset, offset + limit)` of a query of plain rows, from the pages holding them. */
async function searchRows(
  source: ResolvedSource,
  q: NormalizedQuery,
  filters: Record<string, unknown> | undefined,
  types: ReadonlyMap<string, FieldType>,
  ctx: FetchContext,
): Promise<{rows: Row[]; total: number}> {
  const params = [...searchParams(source, filters), ...rowParams(q)];
  const offset = Math.max(0, q.offset ?? 0);
  const limit = q.limit === undefined ? undefined : Math.max(0, q.limit);
  const size = limit !== undefined && limit <= CKAN_PAGE_SIZE ? limit : CKAN_PAGE_SIZE;
  const first = await search(source, [...params, ...pageParams(size, offset)], ctx);
  const total = first.total ?? 0;
  const end = Math.min(total, limit === undefined ? total : offset + limit);
  const rest = await mapConcurrent(nextPageStarts(offset, size, end), PAGES_IN_FLIGHT, (start) =>
    search(source, [...params, ...pageParams(Math.min(CKAN_PAGE_SIZE, end - start), start)], ctx),
  );
  return {rows: searchAnswerRows([first, ...rest], types, q.select).slice(0, limit), total};
}

/** Every answer page of the rows `filters` let through (the browser filters the rest). */
async function searchAll(
  source: ResolvedSource,
  filters: Record<string, unknown> | undefined,
  ctx: FetchContext,
): Promise<CkanSearch[]> {
  const params = searchParams(source, filters);
  const first = await search(source, [...params, ...pageParams(CKAN_PAGE_SIZE, 0)], ctx);
  const total = first.total ?? 0;
  if (total > MAX_BROWSER_ROWS) {
    throw new QueryError(
      `This query needs ${total} rows computed in the browser (at most ${MAX_BROWSER_ROWS}): the portal refuses SQL; filter with = or in`,
      {apiMessage: `${total} rows`},
    );
  }
  const rest = await mapConcurrent(nextPageStarts(0, CKAN_PAGE_SIZE, total), PAGES_IN_FLIGHT, (start) =>
    search(source, [...params, ...pageParams(CKAN_PAGE_SIZE, start)], ctx),
  );
  return [first, ...rest];
}

/** The query's page from `datastore_search_sql`, and its total (a second statement when the page is full). */
async function sqlRows(
  source: ResolvedSource,
  q: NormalizedQuery,
  types: ReadonlyMap<string, FieldType>,
  ctx: FetchContext,
): Promise<{rows: Row[]; total: number}> {
  const plan = planCkanSql(source, q);
  const body = await action<CkanSearch>(source, 'datastore_search_sql', [['sql', plan.sql]], ctx);
  const rows = sqlAnswerRows(plan, q, body.records ?? [], types);
  const total = knownTotal(plan, q, rows);
  if (total !== undefined) return {rows, total};
  const count = await action<CkanSearch>(source, 'datastore_search_sql', [['sql', plan.countSql]], ctx);
  return {rows, total: countedTotal(q, count.records ?? [], rows)};
}

function search(
  source: ResolvedSource,
  params: Array<[string, string]>,
  ctx: FetchContext,
): Promise<CkanSearch> {
  return action<CkanSearch>(source, 'datastore_search', params, ctx);
}

async function action<T>(
  source: ResolvedSource,
  name: string,
  params: Array<[string, string]>,
  ctx: FetchContext,
): Promise<T> {
  return actionResult<T>(name, await ctx.fetchJson<unknown>(actionUrl(source, name, params)));
}
