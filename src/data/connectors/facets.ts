/**
 * The distinct values of fields and their record counts, for filter controls: Opendatasoft's
 * `facets` endpoint, or a grouped count through the family's connector.
 */
import type {FetchContext, Filter, ResolvedSource} from '../types.js';
import {connectorFor} from './index.js';
import {init} from './ods-requests.js';
import {commonParams, datasetPath, odsWhere} from './odsql.js';
import {buildUrl, type FacetValues, simplifyFilter} from './util.js';

export interface OdsFacets {
  facets?: Array<{name?: string; facets?: Array<{name?: string; value?: string; count?: number}>}>;
}

/**
 * The values of `fields` and their record counts under `where` (and the source's own filters),
 * for filter controls. Opendatasoft answers from its `facets` endpoint (values as its text);
 * the other families by a `count()` grouped by each field, on the server where the API can,
 * values as the data holds them. Null values are left out.
 */
export async function facets(
  source: ResolvedSource,
  fields: readonly string[],
  where: Filter | undefined,
  ctx: FetchContext,
): Promise<FacetValues[]> {
  if (source.family === 'ods') return odsFacets(source, fields, where, ctx);
  const connector = await connectorFor(source.family);
  return Promise.all(
    fields.map(async (field) => {
      const {rows} = await connector.query(
        source,
        {
          select: [{type: 'aggregate', fn: 'count', as: 'count'}],
          where,
          groupBy: [{field, as: 'value'}],
          orderBy: [{key: 'count', direction: 'desc'}],
        },
        ctx,
      );
      const values: FacetValues['values'] = [];
      for (const row of rows) {
        const value = row.value;
        if (
          typeof value === 'string' ? value !== '' : typeof value === 'number' || typeof value === 'boolean'
        ) {
          values.push({value: value as string | number | boolean, count: Number(row.count)});
        }
      }
      return {field, values};
    }),
  );
}

/**
 * Values of `fields` and their record counts, from the `facets` endpoint, under `where` and the
 * source's own filters. Values are the API's text (dates as `2024/03`…).
 */
async function odsFacets(
  source: ResolvedSource,
  fields: readonly string[],
  where: Filter | undefined,
  ctx: FetchContext,
): Promise<FacetValues[]> {
  if (fields.length === 0) return [];
  const filter = simplifyFilter(where);
  if (filter === false) return fields.map((field) => ({field, values: []}));
  return facetValues(fields, await ctx.fetchJson<OdsFacets>(facetsUrl(source, fields, filter), init(ctx)));
}

/** `facets` of `fields` under `where` (free of constants: see `simplifyFilter`) and the source's own filters. */
export function facetsUrl(source: ResolvedSource, fields: readonly string[], where: Filter | true): string {
  const params: Array<[string, string]> = fields.map((field) => ['facet', field]);
  params.push(...commonParams(source, {where: odsWhere(where, source)}));
  return buildUrl(source.base, `${datasetPath(source)}/facets`, params);
}

/** The values and counts of each of `fields` in a `facets` answer, as the API's text (dates as `2024/03`…). */
export function facetValues(fields: readonly string[], body: OdsFacets): FacetValues[] {
  const byName = new Map((body.facets ?? []).map((facet) => [facet.name, facet.facets ?? []]));
  return fields.map((field) => ({
    field,
    values: (byName.get(field) ?? [])
      .filter((entry) => entry.value !== undefined || entry.name !== undefined)
      .map((entry) => ({value: String(entry.value ?? entry.name), count: Number(entry.count ?? 0)})),
  }));
}
