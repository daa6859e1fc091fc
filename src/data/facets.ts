/** `facets()`: the distinct values of fields, for filter controls (odw-filter, the builder). */
import {facets as sourceFacets} from './connectors/facets.js';
import {resolveSource, type FacetValues} from './connectors/index.js';
import {normalizeWhere, type DatasetInfoOptions} from './query.js';
import {createFetchContext} from './request.js';
import type {QueryOptions} from './types.js';

/** The options `facets()` reads: those of `datasetInfo()` and a `where` like `query()`'s. */
export type FacetsOptions = DatasetInfoOptions & Pick<QueryOptions, 'where'>;

/**
 * The distinct values of `fields` with their record counts under `where`, most frequent first:
 * what a filter control lists. Opendatasoft answers from its facets endpoint; the other APIs by
 * a grouped count.
 */
export async function facets(
  src: string,
  fields: readonly string[],
  options: FacetsOptions = {},
): Promise<FacetValues[]> {
  const where = normalizeWhere(options.where);
  const source = resolveSource(src, options.api);
  return sourceFacets(source, fields, where, createFetchContext(options));
}
