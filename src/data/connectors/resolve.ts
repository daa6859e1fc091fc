/**
 * Recognises what a source URL points at from its SHAPE (path and query), never from its host:
 * the same software runs on many portals, and other software answers some of the same shapes.
 * Opendatasoft's shapes of today are read first, by ods-source.ts, then its v1 API's.
 */
import {QueryError} from '../errors.js';
import type {ApiFamily, ResolvedSource} from '../types.js';
import {
  absoluteUrl,
  add,
  compact,
  decode,
  odsApiRoot,
  odsParams,
  recogniseOds,
  type Match,
} from './ods-source.js';

const ACCEPTED_FORMS =
  'an Opendatasoft dataset page (…/explore/dataset/<id>/) or API URL (…/api/explore/v2.1/catalog/datasets/<id>…), ' +
  'a data.gouv.fr tabular-API URL (…/api/resources/<id>/data/) or resource URL (…/api/1/datasets/r/<id>), ' +
  'a CKAN datastore_search URL (…/api/3/action/datastore_search?resource_id=<id>), ' +
  'or a .csv, .json or .geojson file';

const FILE_FAMILIES: Record<string, ApiFamily> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  json: 'json',
  geojson: 'geojson',
};

/**
 * Where `url` points. `api` forces the family; the URL's shape then only supplies the API root
 * and the id. Relative URLs resolve against `document.baseURI`.
 * @throws QueryError `{expected: 'api-url', found: url}` when the URL is not a recognised form.
 */
export function resolveSource(url: string, api?: ApiFamily): ResolvedSource {
  const absolute = absoluteUrl(url);
  if (!absolute) throw unrecognised(url);
  const match = recognise(absolute);
  const family = api ?? match?.family;
  if (!family) throw unrecognised(url);

  if (family === 'csv' || family === 'json' || family === 'geojson') {
    // A file: the URL is what is downloaded, whatever API it also happens to be.
    const base = absolute.href;
    return compact({family, url, base, id: match?.family === family ? match.id : undefined});
  }
  if (!match?.id || match.prefix === undefined) throw unrecognised(url);
  const params = match.family === family ? match.params : undefined;
  return compact({family, url, base: apiRoot(family, match.prefix), id: match.id, params});
}

function apiRoot(family: 'ods' | 'tabular' | 'ckan', prefix: string): string {
  switch (family) {
    case 'ods':
      return odsApiRoot(prefix);
    case 'tabular':
      return `${prefix}/api/`;
    case 'ckan':
      return `${prefix}/api/3/action/`;
  }
}

function recognise(url: URL): Match | undefined {
  const path = url.pathname;
  const query = url.searchParams;
  const origin = url.origin;
  let m: RegExpExecArray | null;

  const ods = recogniseOds(url);
  if (ods) return ods;
  // Opendatasoft v1: /api/records/1.0/search/?dataset=<id>&refine.commune=… (also analyze, download)
  if ((m = /^(.*?)\/api\/records\/1\.0\/[a-z]+\/?$/.exec(path)) && query.get('dataset')) {
    return {family: 'ods', prefix: origin + m[1], id: query.get('dataset')!, params: odsParams(query, true)};
  }
  // Opendatasoft v1 dataset metadata: /api/datasets/1.0/<id>/
  if ((m = /^(.*?)\/api\/datasets\/1\.0\/([^/]+)\/?$/.exec(path)) && m[2] !== 'search') {
    return {family: 'ods', prefix: origin + m[1], id: decode(m[2])};
  }
  // data.gouv.fr tabular API: /api/resources/<rid>/data/?code__exact=45234 (also /profile/)
  if ((m = /^(.*?)\/api\/resources\/([^/]+)(?:\/.*)?$/.exec(path))) {
    return {family: 'tabular', prefix: origin + m[1], id: decode(m[2]), params: tabularParams(query)};
  }
  // data.gouv.fr stable download URL (/api/1/datasets/r/<rid>) or its page twin (/fr/datasets/r/<rid>).
  // Read as a CSV file: the URL's shape does not tell which host serves the tabular API for it
  // (and only some resources are in it), while the file itself can always be downloaded.
  if ((m = /^(.*?)(?:\/api\/1|\/[a-z]{2})?\/datasets\/r\/([^/]+)\/?$/.exec(path))) {
    return {family: 'csv', prefix: origin + m[1], id: decode(m[2])};
  }
  // CKAN actions: datastore_search?resource_id=…, datastore_search_sql?sql=… FROM "<id>", resource_show?id=…
  if ((m = /^(.*?)\/api\/(?:3\/)?action\/([a-z_]+)\/?$/.exec(path))) {
    const id = ckanResourceId(m[2], query);
    if (id) return {family: 'ckan', prefix: origin + m[1], id, params: ckanParams(m[2], query)};
  }
  // CKAN resource page: /dataset/<package>/resource/<rid>
  if ((m = /^(.*?)\/dataset\/[^/]+\/resource\/([^/]+)\/?$/.exec(path))) {
    return {family: 'ckan', prefix: origin + m[1], id: decode(m[2])};
  }
  // Files, by extension, by `format=` (…/download?format=csv), or by a trailing /exports/<fmt>.
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const format =
    query.get('format')?.toLowerCase() ?? /\/exports?\/([a-z]+)\/?$/i.exec(path)?.[1]?.toLowerCase();
  const family = (extension && FILE_FAMILIES[extension]) || (format && FILE_FAMILIES[format]);
  if (family) return {family};
  return undefined;
}

/** Tabular column operators (`<col>__<op>`) and `columns`; paging parameters are the connector's. */
function tabularParams(query: URLSearchParams): Record<string, string[]> | undefined {
  const params: Record<string, string[]> = {};
  for (const [name, value] of query)
    if (/.__[a-z_]+$/.test(name) && !/__sort$/.test(name)) add(params, name, value);
  return Object.keys(params).length ? params : undefined;
}

function ckanResourceId(action: string, query: URLSearchParams): string | undefined {
  if (action === 'datastore_search' || action === 'datastore_info')
    return query.get('resource_id') ?? query.get('id') ?? undefined;
  if (action === 'resource_show') return query.get('id') ?? undefined;
  if (action === 'datastore_search_sql') return /\bfrom\s+"([^"]+)"/i.exec(query.get('sql') ?? '')?.[1];
  return undefined;
}

function ckanParams(action: string, query: URLSearchParams): Record<string, string[]> | undefined {
  if (action !== 'datastore_search') return undefined;
  const params: Record<string, string[]> = {};
  for (const name of ['filters', 'q'] as const) {
    const value = query.get(name);
    if (value?.trim()) add(params, name, value);
  }
  return Object.keys(params).length ? params : undefined;
}

function unrecognised(url: string): QueryError {
  return new QueryError(`Unrecognised data URL "${url}": expected ${ACCEPTED_FORMS}`, {
    expected: 'api-url',
    found: url,
  });
}
