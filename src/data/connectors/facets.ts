/**
 * The distinct values of fields and their record counts, for filter controls: Opendatasoft's
 * `facets` endpoint, or a grouped count through the family's connector.
 */
import type {FetchContext, Filter, ResolvedSource} from '../types.js';
import {connectorFor} from './index.js';
import {facetValues, type OdsFacets} from './ods-answers.js';
import {init} from './ods-requests.js';
import {facetsUrl} from './odsql.js';
import {type FacetValues, simplifyFilter} from './util.js';

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
