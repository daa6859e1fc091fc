/**
 * What the connector tests share to write queries and sources: a query from its parts, literals,
 * the filter most of them use, and a source of any family.
 */
import type {ApiFamily, Filter, NormalizedQuery, ResolvedSource} from '../src/data/types.js';

/** The Explore v2.1 root of the Opendatasoft connector's tests. */
export const ODS_BASE = 'https://data.example.fr/api/explore/v2.1/';
/** Its dataset `pop`, read at `/records`. */
export const ODS_POP: ResolvedSource = {
  family: 'ods',
  url: `${ODS_BASE}catalog/datasets/pop/records`,
  base: ODS_BASE,
  id: 'pop',
};

/** A normalized query: nothing selected, grouped or sorted, but the `parts` given. */
export function q(parts: Partial<NormalizedQuery>): NormalizedQuery {
  return {select: [], groupBy: [], orderBy: [], ...parts};
}

export const str = (value: string) => ({type: 'string' as const, value});
export const num = (value: number) => ({type: 'number' as const, value});

/** `epci = "Orléans Métropole"`. */
export const ORLEANS: Filter = {type: 'compare', field: 'epci', op: '=', value: str('Orléans Métropole')};

/** A source of `family` on the API root `base`, read at `path`, with the URL's own parameters. */
export function apiSource(
  family: ApiFamily,
  base: string,
  path: string,
  id: string,
  params?: Record<string, string[]>,
): ResolvedSource {
  return {family, url: `${base}${path}`, base, id, ...(params ? {params} : {})};
}
