/**
 * data.gouv.fr tabular API (`…/api/resources/<rid>/data/`): rows of a published CSV, 50 a page,
 * filtered by column operators. This file chooses the requests and sends them; what they say is
 * written in `tabular-plan.ts`, answers are read in `tabular-answers.ts`, error answers in
 * `api-errors.ts`.
 *
 * What goes to the server: the conjunctive part of `where` that the operators express exactly
 * (`=` exact, `<`… on numbers and dates, `in`, `not in`, `is [not] null`), one sort key, the
 * columns, and aggregates (`<col>__groupby`, `__count`, `__sum`, `__avg`, `__min`, `__max`)
 * where the resource allows them. What stays in the browser: the rest of the filter (`or`,
 * `!=` which the API answers with nulls too, text ranges…), several sort keys, time units,
 * `median`, and every aggregate of a resource whose aggregation the API refused (its 403
 * `Unauthorized parameters`, remembered per resource by the connector). Then the server-filtered rows are all
 * fetched (≤ 4 pages in flight) and the engine runs the whole query over them. `count()` alone
 * is always the filtered rows' `meta.total`: one request, refused aggregation or not.
 */
import {runQuery} from '../engine.js';
import {QueryError} from '../errors.js';
import type {
  Connector,
  DatasetInfo,
  FetchContext,
  NormalizedQuery,
  QueryResult,
  ResolvedSource,
  Row,
} from '../types.js';
import {isTabularAggregationRefusal, optional} from './api-errors.js';
import {
  checkedPage,
  groupRows,
  pageRows,
  tabularDatasetInfo,
  type TabularPage,
  type TabularProfile,
  type TabularResource,
} from './tabular-answers.js';
import {
  canonicalKey,
  columnsParam,
  dataUrl,
  planTabularFilter,
  profileUrl,
  resourceUrl,
  serverAggregation,
  serverSort,
  TABULAR_PAGE_SIZE,
  type ServerAggregation,
  type TabularPlan,
} from './tabular-plan.js';
import {mapConcurrent, MAX_BROWSER_ROWS, PAGES_IN_FLIGHT} from './browser-rows.js';

export class TabularConnector implements Connector {
  readonly family = 'tabular';

  /**
   * Resources (API root + id) whose aggregation the API refused: not asked again while this
   * connector lives (the page's, for the one `connectorFor` gives). `clear()` asks again.
   */
  readonly aggregationRefused = new Set<string>();

  /**
   * Fields from `profile/`; the update date and a link to the data.gouv.fr page from the
   * resource's own record when it answers. The udata catalogue (title, publisher, licence) lives
   * on another host, which a page never configured: it is not asked.
   */
  async info(source: ResolvedSource, ctx: FetchContext): Promise<DatasetInfo> {
    const [profile, resource] = await Promise.all([
      ctx.fetchJson<TabularProfile>(profileUrl(source)),
      optional(ctx.fetchJson<TabularResource>(resourceUrl(source))),
    ]);
    return tabularDatasetInfo(profile, resource);
  }

  async query(source: ResolvedSource, q: NormalizedQuery, ctx: FetchContext): Promise<QueryResult> {
    const dataset = await this.info(source, ctx);
    const plan = planTabularFilter(q.where, dataset.fields, source);
    if (plan.matchesNothing) return {...dataset, ...runQuery([], q)};
    const grouped = q.groupBy.length > 0 || q.select.some((selection) => selection.type === 'aggregate');

    if (grouped) {
      const aggregation = plan.exact ? serverAggregation(q) : undefined;
      const key = source.base + source.id;
      // A row count alone needs no aggregation parameter: `meta.total` answers it, refused or not.
      const countOnly = aggregation !== undefined && aggregation.params.length === 0;
      if (aggregation && (countOnly || !this.aggregationRefused.has(key))) {
        try {
          return {...dataset, ...(await aggregateOnServer(source, plan, aggregation, q, ctx))};
        } catch (error) {
          if (!isTabularAggregationRefusal(error)) throw error;
          this.aggregationRefused.add(key);
        }
      }
      return {...dataset, ...runQuery(await fetchAll(source, plan.filters, ctx), q)};
    }

    const sort = plan.exact ? serverSort(q) : undefined;
    if (sort !== undefined) return {...dataset, ...(await pageOnServer(source, plan, sort, q, ctx))};
    return {...dataset, ...runQuery(await fetchAll(source, plan.filters, ctx), q)};
  }
}

/** The connector of the page: one memory of refusals for every tabular widget. */
export const tabularConnector = new TabularConnector();

async function pageOnServer(
  source: ResolvedSource,
  plan: TabularPlan,
  sort: Array<[string, string]>,
  q: NormalizedQuery,
  ctx: FetchContext,
): Promise<{rows: Row[]; total: number}> {
  const offset = Math.max(0, q.offset ?? 0);
  const limit = q.limit === undefined ? undefined : Math.max(0, q.limit);
  const params: Array<[string, string]> = [...plan.filters, ...sort, ...columnsParam(q)];
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
  const start = offset - (firstPage - 1) * TABULAR_PAGE_SIZE;
  const rows = pageRows([first, ...rest], q.select).slice(
    start,
    limit === undefined ? undefined : start + limit,
  );
  return {rows, total};
}

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
  return pageRows([first, ...rest]);
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

async function fetchGroups(
  source: ResolvedSource,
  params: Array<[string, string]>,
  aggregation: ServerAggregation,
  ctx: FetchContext,
): Promise<Row[]> {
  const groups: Row[] = [];
  for (let n = 1; n <= MAX_BROWSER_ROWS / TABULAR_PAGE_SIZE; n++) {
    const body = await page(source, params, n, ctx);
    groups.push(...groupRows(body, aggregation));
    if (!body.links?.next || (body.data?.length ?? 0) < TABULAR_PAGE_SIZE) break;
  }
  return groups;
}

async function page(
  source: ResolvedSource,
  params: Array<[string, string]>,
  n: number,
  ctx: FetchContext,
  size = TABULAR_PAGE_SIZE,
): Promise<TabularPage> {
  return checkedPage(await ctx.fetchJson<unknown>(dataUrl(source, params, n, size)));
}

function range(from: number, to: number): number[] {
  return to < from ? [] : Array.from({length: to - from + 1}, (_, i) => from + i);
}
