/** The connectors, one per API family, and what the rest of the library needs from them. */
import type {ApiFamily, Connector, FetchContext, Filter, ResolvedSource} from '../types.js';
import type {FacetValues} from './util.js';
import {facets as odsFacets, odsConnector} from './ods.js';

export {resolveSource} from './resolve.js';
export type {FacetValues} from './util.js';

/**
 * Opendatasoft's connector, the API of the métropoles' portals, comes with the data layer: a
 * widget's first request leaves without waiting for one more module. Each other family's is its
 * own chunk, loaded on first use: a page reading Opendatasoft never downloads the CKAN, tabular or
 * file code.
 */
const CONNECTORS: Record<ApiFamily, () => Promise<Connector>> = {
  ods: () => Promise.resolve(odsConnector),
  tabular: () => import('./tabular.js').then((module) => module.tabularConnector),
  ckan: () => import('./ckan.js').then((module) => module.ckanConnector),
  csv: () => import('./file.js').then((module) => module.csvConnector),
  json: () => import('./file.js').then((module) => module.jsonConnector),
  geojson: () => import('./file.js').then((module) => module.geojsonConnector),
};

/** The connector of an API family. */
export function connectorFor(family: ApiFamily): Promise<Connector> {
  return CONNECTORS[family]();
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
