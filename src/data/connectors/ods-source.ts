/**
 * Opendatasoft's URL shapes of today (dataset pages, Explore v2.1 and v2.0), read by what the data
 * layer always loads: a widget on a portal of the métropoles resolves its source at once, and any
 * other URL, the v1 API's included, loads the reader of every shape (resolve.ts), which tries these
 * first. Recognised from the SHAPE (path and query), never the host.
 */
import type {ApiFamily, ResolvedSource} from '../types.js';

/** A shape match: the family it implies, where the site's path starts, the id, URL filters. */
export interface Match {
  family: ApiFamily;
  /** Origin + path before the API's own path (`https://host/portal`), for building the API root. */
  prefix?: string;
  id?: string;
  params?: Record<string, string[]>;
}

/**
 * The Opendatasoft source `url` points at, as `resolveSource` answers it (resolve.ts); `undefined`
 * when `api` names another family or the URL has none of Opendatasoft's shapes.
 */
export function resolveOdsSource(url: string, api?: ApiFamily): ResolvedSource | undefined {
  if (api !== undefined && api !== 'ods') return undefined;
  const absolute = absoluteUrl(url);
  const match = absolute && recogniseOds(absolute);
  if (!match?.id || match.prefix === undefined) return undefined;
  return compact({family: 'ods', url, base: odsApiRoot(match.prefix), id: match.id, params: match.params});
}

/** The root of Explore v2.1 on the site whose path starts at `prefix`. */
export function odsApiRoot(prefix: string): string {
  return `${prefix}/api/explore/v2.1/`;
}

/** The Opendatasoft shape of `url`, if it has one. */
export function recogniseOds(url: URL): Match | undefined {
  const path = url.pathname;
  const query = url.searchParams;
  const origin = url.origin;
  let m: RegExpExecArray | null;

  // Opendatasoft dataset page, any tab: /explore/dataset/<id>/table/?refine.commune=Orléans&q=parc
  if ((m = /^(.*?)\/explore\/dataset\/([^/]+)(?:\/.*)?$/.exec(path))) {
    return {family: 'ods', prefix: origin + m[1], id: decode(m[2]), params: odsParams(query, true)};
  }
  // Opendatasoft Explore v2.1 / v2.0: the dataset, /records, /exports/<fmt>, /facets…
  if ((m = /^(.*?)\/api\/(?:explore\/v2\.[01]|v2)\/catalog\/datasets\/([^/]+)(?:\/.*)?$/.exec(path))) {
    return {family: 'ods', prefix: origin + m[1], id: decode(m[2]), params: odsParams(query, false)};
  }
  // The v1 shapes, rare on a page, are read by resolve.ts.
  return undefined;
}

/**
 * The URL's filters as v2.1 `refine`/`exclude`/`where`/`q` lists: `refine=<field>:<v>`,
 * `exclude=…`, `where=…`, `q=…`, and in the page and v1 forms (`facets`) `refine.<field>=v` and
 * `exclude.<field>=v` too.
 */
export function odsParams(query: URLSearchParams, facets: boolean): Record<string, string[]> | undefined {
  const params: Record<string, string[]> = {};
  for (const [name, value] of query) {
    const facet = facets && /^(refine|exclude)\.(.+)$/.exec(name);
    if (facet) add(params, facet[1], `${facet[2]}:${value}`);
  }
  for (const name of ['refine', 'exclude', 'where', 'q']) {
    for (const value of query.getAll(name)) if (value.trim()) add(params, name, value);
  }
  return Object.keys(params).length ? params : undefined;
}

/** Appends `value` to the list of `name`. */
export function add(params: Record<string, string[]>, name: string, value: string): void {
  (params[name] ??= []).push(value);
}

/** A path segment percent-decoded, or as it is when it is not valid percent-encoding. */
export function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** `url` resolved against `document.baseURI`; `undefined` when it is no URL. */
export function absoluteUrl(url: string): URL | undefined {
  const base = typeof document !== 'undefined' ? document.baseURI : globalThis.location?.href;
  try {
    return new URL(url.trim(), base);
  } catch {
    return undefined;
  }
}

/** The source without its undefined fields. */
export function compact(source: ResolvedSource): ResolvedSource {
  const out: ResolvedSource = {family: source.family, url: source.url, base: source.base};
  if (source.id !== undefined) out.id = source.id;
  if (source.params !== undefined) out.params = source.params;
  return out;
}
