/**
 * Searching a portal's catalogue: an Opendatasoft portal (`catalog/datasets` with a full-text
 * `where`) or a udata portal such as data.gouv.fr (`/api/1/datasets/?q=`). Answers the datasets
 * with the URLs `query()` accepts, through the same request layer (dedupe, cache, abort, typed
 * errors) as every other read.
 */
import {FormatError, HttpError, NetworkError, QueryError} from './errors.js';
import {createFetchContext} from './request.js';
import {htmlToText} from './connectors/util.js';
import type {ApiFamily} from './types.js';

/** The catalogue software a portal runs. */
export type CatalogFamily = 'ods' | 'udata';

/** Something of a dataset a widget can read: its `src` (and `api` when the URL does not tell). */
export interface CatalogSource {
  title: string;
  /** `csv`, `json`, `api`… as the portal names it. */
  format: string;
  src: string;
  api?: ApiFamily;
}

export interface CatalogDataset {
  id: string;
  title: string;
  /** Plain text (HTML descriptions are reduced to their text). */
  description?: string;
  publisher?: string;
  license?: string;
  /** ISO 8601 date-time of the last update. */
  modified?: string;
  recordsCount?: number;
  pageUrl?: string;
  /** What can be read; empty when the dataset has nothing the widgets can read. */
  sources: CatalogSource[];
}

export interface CatalogResult {
  family: CatalogFamily;
  /** The portal's root, as used to build the API URLs. */
  portal: string;
  total: number;
  datasets: CatalogDataset[];
}

export interface CatalogOptions {
  /** Words to look for; blank lists the catalogue. */
  text?: string;
  /** Most datasets answered (default 20, at most 100). */
  limit?: number;
  signal?: AbortSignal;
  /**
   * Root of a data.gouv.fr-style tabular API (`https://tabular-api.data.gouv.fr/api/`): a udata
   * resource the portal has parsed is then read through it (server-side paging) instead of as a file.
   */
  tabularApi?: string;
}

/**
 * Searches the catalogue of the portal `url` points at: its home page, any page or API URL of it.
 * The catalogue software is recognised by asking: Opendatasoft first, then udata. A udata dataset
 * page (`…/fr/datasets/<slug>/`) answers that one dataset.
 * @throws QueryError `{expected: 'portal-url', found: url}` when neither answers; the typed error
 *   of the request otherwise (quota, server error, abort…).
 */
export async function searchCatalog(url: string, options: CatalogOptions = {}): Promise<CatalogResult> {
  const portal = portalRoot(url);
  const limit = Math.max(1, Math.min(100, Math.trunc(options.limit ?? 20)));
  const ctx = createFetchContext({signal: options.signal});
  const text = searchWords(options.text ?? '');
  // A udata dataset page or API URL (`/fr/datasets/<slug>/`): that dataset, with its resources.
  const slug = udataSlug(url);
  if (slug) {
    try {
      return await udataDataset(portal, slug, ctx, options.tabularApi);
    } catch (error) {
      if (!isNotThisSoftware(error)) throw error;
    }
  }
  const failures: unknown[] = [];
  for (const family of ['ods', 'udata'] as const) {
    try {
      return family === 'ods'
        ? await searchOds(portal, text, limit, ctx)
        : await searchUdata(portal, text, limit, ctx, options.tabularApi);
    } catch (error) {
      if (!isNotThisSoftware(error)) throw error;
      failures.push(error);
    }
  }
  // Unreachable both times: say so rather than blame the address.
  if (failures.every((failure) => failure instanceof NetworkError)) throw failures[0];
  throw new QueryError(`No Opendatasoft or udata catalogue answers at "${url}"`, {
    expected: 'portal-url',
    found: url,
  });
}

/**
 * The root of the portal a URL belongs to: what precedes `/api/`, `/explore/`, `/fr/datasets`…,
 * or the URL without query and trailing slash.
 */
export function portalRoot(url: string): string {
  let absolute: URL;
  try {
    absolute = new URL(url.trim(), document.baseURI);
  } catch {
    throw new QueryError(`Not a URL: "${url}"`, {expected: 'portal-url', found: url});
  }
  if (absolute.protocol !== 'http:' && absolute.protocol !== 'https:') {
    throw new QueryError(`Not a web address: "${url}"`, {expected: 'portal-url', found: url});
  }
  const path = absolute.pathname.replace(
    /\/(?:api|explore|pages|[a-z]{2}\/(?:datasets|organizations|reuses)|datasets)(?:\/.*)?$/,
    '',
  );
  return absolute.origin + path.replace(/\/+$/, '');
}

/** Words only: quotes and backslashes would end the ODSQL string they are put in. */
function searchWords(text: string): string {
  return text.replace(/["\\]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A 404, an HTML page, another JSON or an unreachable host: the portal does not run this software. */
function isNotThisSoftware(error: unknown): boolean {
  if (error instanceof HttpError) return error.status === 404 || error.status === 405;
  if (error instanceof QueryError) return error.details.expected === 'portal-url';
  return error instanceof FormatError || (error instanceof NetworkError && !error.timedOut);
}

type Context = ReturnType<typeof createFetchContext>;

interface OdsCatalogAnswer {
  total_count?: number;
  results?: Array<{
    dataset_id?: string;
    metas?: {default?: Record<string, unknown>};
  }>;
}

async function searchOds(portal: string, text: string, limit: number, ctx: Context): Promise<CatalogResult> {
  const params = new URLSearchParams({limit: String(limit)});
  if (text) params.set('where', `search("${text}")`);
  const api = `${portal}/api/explore/v2.1/catalog/datasets`;
  const answer = await ctx.fetchJson<OdsCatalogAnswer>(`${api}?${params}`);
  if (!Array.isArray(answer?.results)) throw formatError(api);
  const datasets: CatalogDataset[] = [];
  for (const result of answer.results) {
    const id = result.dataset_id;
    if (typeof id !== 'string') continue;
    const metas = result.metas?.default ?? {};
    datasets.push(
      compact({
        id,
        title: stringOf(metas.title) ?? id,
        description: plainText(stringOf(metas.description)),
        publisher: stringOf(metas.publisher),
        license: stringOf(metas.license),
        modified: stringOf(metas.modified),
        recordsCount: typeof metas.records_count === 'number' ? metas.records_count : undefined,
        pageUrl: `${portal}/explore/dataset/${encodeURIComponent(id)}/`,
        sources: [
          {
            title: stringOf(metas.title) ?? id,
            format: 'api',
            src: `${api}/${encodeURIComponent(id)}/records`,
          },
        ],
      }),
    );
  }
  return {family: 'ods', portal, total: answer.total_count ?? datasets.length, datasets};
}

interface UdataResource {
  id?: string;
  title?: string;
  format?: string;
  url?: string;
  latest?: string;
  extras?: Record<string, unknown>;
}

interface UdataDataset {
  id?: string;
  slug?: string;
  title?: string;
  description?: string;
  organization?: {name?: string} | null;
  owner?: {first_name?: string; last_name?: string} | null;
  license?: string;
  last_modified?: string;
  last_update?: string;
  page?: string;
  resources?: UdataResource[];
}

const FILE_FORMATS: Record<string, ApiFamily> = {csv: 'csv', json: 'json', geojson: 'geojson'};

/** The slug or id in a udata dataset URL: `/fr/datasets/<slug>/`, `/api/1/datasets/<slug>/`. */
function udataSlug(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url.trim(), document.baseURI).pathname;
  } catch {
    return undefined;
  }
  const match = /\/(?:[a-z]{2}|api\/1)\/datasets\/([^/]+)\/?$/.exec(path);
  return match && match[1] !== 'r' ? decodeURIComponent(match[1]) : undefined;
}

async function udataDataset(
  portal: string,
  slug: string,
  ctx: Context,
  tabularApi: string | undefined,
): Promise<CatalogResult> {
  const api = `${portal}/api/1/datasets/${encodeURIComponent(slug)}/`;
  const dataset = await ctx.fetchJson<UdataDataset>(api);
  if (typeof dataset?.id !== 'string') throw formatError(api);
  return {family: 'udata', portal, total: 1, datasets: [udataEntry(dataset, tabularApi)]};
}

function udataEntry(dataset: UdataDataset, tabularApi: string | undefined): CatalogDataset {
  return compact({
    id: dataset.slug ?? dataset.id!,
    title: dataset.title ?? dataset.id!,
    description: plainText(dataset.description),
    publisher:
      dataset.organization?.name ??
      ([dataset.owner?.first_name, dataset.owner?.last_name].filter(Boolean).join(' ') || undefined),
    license: dataset.license,
    modified: dataset.last_update ?? dataset.last_modified,
    pageUrl: dataset.page,
    sources: (dataset.resources ?? []).flatMap((resource) => udataSource(resource, tabularApi)),
  });
}

async function searchUdata(
  portal: string,
  text: string,
  limit: number,
  ctx: Context,
  tabularApi: string | undefined,
): Promise<CatalogResult> {
  const params = new URLSearchParams({page_size: String(limit)});
  if (text) params.set('q', text);
  const api = `${portal}/api/1/datasets/`;
  const answer = await ctx.fetchJson<{data?: UdataDataset[]; total?: number}>(`${api}?${params}`);
  if (!Array.isArray(answer?.data)) throw formatError(api);
  const datasets = answer.data
    .filter((dataset) => typeof dataset.id === 'string')
    .map((dataset) => udataEntry(dataset, tabularApi));
  return {family: 'udata', portal, total: answer.total ?? datasets.length, datasets};
}

function udataSource(resource: UdataResource, tabularApi: string | undefined): CatalogSource[] {
  const format = (resource.format ?? '').toLowerCase();
  const family = FILE_FORMATS[format];
  const url = resource.latest ?? resource.url;
  if (!family || !url || !resource.id) return [];
  const title = resource.title ?? resource.id;
  const parsed = Boolean(resource.extras?.['analysis:parsing:finished_at']);
  if (parsed && tabularApi) {
    const root = tabularApi.endsWith('/') ? tabularApi : `${tabularApi}/`;
    return [{title, format, src: `${root}resources/${encodeURIComponent(resource.id)}/data/`}];
  }
  // A stable download URL is read as CSV unless told otherwise (see resolve.ts).
  return [family === 'csv' ? {title, format, src: url} : {title, format, src: url, api: family}];
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** The text of an HTML description on one line (to be inserted as text). */
function plainText(html: string | undefined): string | undefined {
  return html ? htmlToText(html).replace(/\s+/g, ' ') || undefined : undefined;
}

function formatError(url: string): Error {
  return new QueryError(`Not a catalogue answer: ${url}`, {expected: 'portal-url', found: url}, url);
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
