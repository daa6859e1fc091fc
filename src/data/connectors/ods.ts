/**
 * Opendatasoft Explore API v2.1: which requests a query takes, and sending them. Everything a
 * query asks is pushed to the server as ODSQL (written in `odsql.ts`, with the URLs, group keys
 * and order in `ods-plan.ts`); rows never come to the browser to be counted. Answers are read in
 * `ods-answers.ts`.
 *
 * Paging within the API's bounds (all but the first two cases in `ods-pages.ts`, which a key
 * figure's page never downloads):
 * - aggregates without `group_by`: one `records` request (one row);
 * - plain records: `records` when `limit` ≤ 100 and `offset + limit` < 10 000, one request;
 *   past that window, a sorted page near the end is read from `records` in the reverse order
 *   (`total - offset - limit` from the other end), its rows turned back; otherwise
 *   `exports/json` (no row bound; an `offset` there is held to the same window) with
 *   `limit = offset + limit`, the first `offset` rows dropped here; the total from a
 *   `records?limit=0` count;
 * - groups: `records` with `limit + 1` rows (the extra row only tells whether more groups exist)
 *   when `offset + limit + 1` < 20 000; without a limit, `records` with the whole window
 *   (`offset + limit` < 20 000), complete when it is not full; else `exports/json`.
 *
 * `total`: records → the API's `total_count`. Groups → exact (`offset` + rows) when the answer is
 * complete; when more groups exist the API does not count them, so `total` is then a lower bound,
 * `offset + limit + 1` ("at least one more"), enough for a pager to offer a next page.
 */
import type {
  Connector,
  DatasetInfo,
  FetchContext,
  NormalizedQuery,
  QueryResult,
  ResolvedSource,
  Row,
} from '../types.js';
import {odsAnswerRows, odsDatasetInfo} from './ods-answers.js';
import type {fetchPages, readPoints} from './ods-pages.js';
import type {planOdsQuery} from './ods-plan.js';
import {init, records, RECORDS_MAX_LIMIT, RECORDS_MAX_WINDOW} from './ods-requests.js';
import {datasetUrl, planOdsSelection} from './odsql.js';

/**
 * The planning of group keys and order (ods-plan.ts), and the paging past one page with the
 * reading of the geo points exports write (ods-pages.ts).
 */
export interface OdsPaging {
  planOdsQuery: typeof planOdsQuery;
  fetchPages: typeof fetchPages;
  readPoints: typeof readPoints;
}

/**
 * Set by the widgets that group and page (src/data/connectors/ods-paging-ready.ts), or loaded by
 * the first query that needs it: a query of those widgets sends its requests without waiting for an
 * import, which waits for the main thread (a first render, a layout) before it resolves.
 */
let paging: OdsPaging | undefined;

/** Hands the connector the paging modules, already loaded by the widget that imports them. */
export function providePaging(modules: OdsPaging): void {
  paging = modules;
}

async function loadPaging(): Promise<OdsPaging> {
  const [{planOdsQuery}, {fetchPages, readPoints}] = await Promise.all([
    import('./ods-plan.js'),
    import('./ods-pages.js'),
  ]);
  return (paging ??= {planOdsQuery, fetchPages, readPoints});
}

export const odsConnector: Connector = {
  family: 'ods',
  info,
  query,
};

async function info(source: ResolvedSource, ctx: FetchContext): Promise<DatasetInfo> {
  return odsDatasetInfo(source, await ctx.fetchJson<unknown>(datasetUrl(source), init(ctx)));
}

async function query(source: ResolvedSource, q: NormalizedQuery, ctx: FetchContext): Promise<QueryResult> {
  // The records first: their answer takes longer than the dataset's, and the page's first `fetch()`
  // costs the main thread a few milliseconds.
  const [{rows, total, pages}, dataset] = await Promise.all([fetchRows(source, q, ctx), info(source, ctx)]);
  // Periods are rare on a page's first draw (never a key figure's): their reading loads with them.
  if (q.groupBy.some((key) => key.timeunit)) (await import('./periods.js')).normalizePeriods(rows, q.groupBy);
  // Only exports write geo points as `[lat, lon]`; one `records` page answers them as `{lat, lon}`.
  pages?.readPoints(rows, dataset.fields, q.select);
  return {...dataset, rows, total};
}

async function fetchRows(
  source: ResolvedSource,
  q: NormalizedQuery,
  ctx: FetchContext,
): Promise<{rows: Row[]; total: number; pages?: OdsPaging}> {
  // Group keys and order are planned by a module a key figure's page never downloads (ods-plan.ts).
  const grouping = q.groupBy.length || q.orderBy.length ? (paging ?? (await loadPaging())) : undefined;
  const plan = grouping ? grouping.planOdsQuery(q, source) : planOdsSelection(q, source);
  // Rare (an empty `in` list): the engine is loaded only then, keeping it off Opendatasoft pages.
  if (plan.matchesNothing) return (await import('../engine.js')).runQuery([], q);
  const offset = Math.max(0, q.offset ?? 0);
  const limit = q.limit === undefined ? undefined : Math.max(0, q.limit);

  if (plan.grouped && q.groupBy.length === 0) {
    // Aggregates over the whole selection: one row.
    const body = await records(source, plan, ctx, {});
    const rows = odsAnswerRows(body.results ?? [], plan);
    return {rows: rows.slice(offset, limit === undefined ? undefined : offset + limit), total: 1};
  }
  if (
    !plan.grouped &&
    limit !== undefined &&
    limit <= RECORDS_MAX_LIMIT &&
    offset + limit < RECORDS_MAX_WINDOW
  ) {
    const body = await records(source, plan, ctx, {limit, offset});
    return {
      rows: odsAnswerRows(body.results ?? [], plan),
      total: body.total_count ?? offset + (body.results?.length ?? 0),
    };
  }
  const pages = paging ?? (await loadPaging());
  return {...(await pages.fetchPages(source, plan, ctx, {offset, limit})), pages};
}
