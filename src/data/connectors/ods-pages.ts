/**
 * The Opendatasoft queries that take more than one `records` page (ods.ts, « Paging within the
 * API's bounds »): groups, and records past one page or past the `records` window. A module of its
 * own: the connector loads it for them, and it ships with what the widgets that group or page
 * share (rollup.config.mjs), so a key figure's page never downloads it.
 */
import {QueryError} from '../errors.js';
import type {FetchContext, FieldInfo, ResolvedSource, Row, Selection} from '../types.js';
import {odsAnswerRows} from './ods-answers.js';
import {init, records, RECORDS_MAX_LIMIT, RECORDS_MAX_WINDOW} from './ods-requests.js';
import {clauseParams, datasetPath, type OdsPlan} from './odsql.js';
import {buildUrl, toLatLon} from './util.js';

/** `records` bound of Explore v2.1 on groups. */
const GROUPS_MAX_WINDOW = 20_000;

/** The rows and total of a grouped query, or of records past one page's bounds. */
export async function fetchPages(
  source: ResolvedSource,
  plan: OdsPlan,
  ctx: FetchContext,
  {offset, limit}: {offset: number; limit: number | undefined},
): Promise<{rows: Row[]; total: number}> {
  if (plan.grouped) {
    if (limit !== undefined && offset + limit + 1 < GROUPS_MAX_WINDOW) {
      const body = await records(source, plan, ctx, {limit: limit + 1, offset});
      const all = odsAnswerRows(body.results ?? [], plan);
      return {rows: all.slice(0, limit), total: offset + all.length};
    }
    if (limit === undefined && offset + 1 < GROUPS_MAX_WINDOW) {
      // Every group: the whole `records` window first, one light request; the export only when
      // the window is full and more groups may follow.
      const window = GROUPS_MAX_WINDOW - 1 - offset;
      const body = await records(source, plan, ctx, {limit: window, offset});
      const all = odsAnswerRows(body.results ?? [], plan);
      if (all.length < window) return {rows: all, total: offset + all.length};
    }
    const all = odsAnswerRows(
      await exportJson(source, plan, ctx, limit === undefined ? undefined : offset + limit),
      plan,
    );
    return {rows: all.slice(offset), total: all.length};
  }

  if (limit === undefined) {
    const all = odsAnswerRows(await exportJson(source, plan, ctx, undefined), plan);
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
      return {rows: odsAnswerRows(body.results ?? [], plan).reverse(), total};
    }
  }
  const [count, exported] = await Promise.all([counting, exportJson(source, plan, ctx, offset + limit)]);
  return {rows: odsAnswerRows(exported, plan).slice(offset), total: count.total_count ?? exported.length};
}

async function exportJson(
  source: ResolvedSource,
  plan: OdsPlan,
  ctx: FetchContext,
  limit: number | undefined,
): Promise<Row[]> {
  const body = await ctx.fetchJson<unknown>(exportUrl(source, plan, limit), init(ctx));
  if (!Array.isArray(body))
    throw new QueryError('The export did not answer a list of records', {expected: 'array'});
  return body as Row[];
}

/** `exports/json`: every row of the plan, or its first `limit`. */
export function exportUrl(source: ResolvedSource, plan: OdsPlan, limit: number | undefined): string {
  const params = clauseParams(source, plan);
  if (limit !== undefined) params.push(['limit', String(limit)]);
  return buildUrl(source.base, `${datasetPath(source)}/exports/json`, params);
}

/**
 * Rewrites, in place, the geo points of `rows` as `{lat, lon}`: exports write `geo_point_2d`
 * values as `[lat, lon]`. Read under the fields of that type and the selections of them.
 */
export function readPoints(rows: Row[], fields: readonly FieldInfo[], select: readonly Selection[]): void {
  const points = new Set(fields.filter((field) => field.type === 'geo_point_2d').map((field) => field.name));
  const keys = [...points];
  for (const selection of select)
    if (selection.type === 'field' && points.has(selection.field)) keys.push(selection.as);
  for (const row of rows) for (const key of keys) if (key in row) row[key] = toLatLon(row[key]);
}
