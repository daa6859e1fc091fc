/** The `query()` entry: parse the options, recognise the source, hand both to its connector. */
import {connectorFor} from './connectors/index.js';
import {resolveOdsSource} from './connectors/ods-source.js';
import {and, parseFilter, parseGroupBy, parseOrderBy, parseSelect} from './expression/index.js';
import {createFetchContext} from './request.js';
import type {
  ApiFamily,
  DatasetInfo,
  Filter,
  GroupKey,
  NormalizedQuery,
  Order,
  QueryOptions,
  QueryResult,
  ResolvedSource,
} from './types.js';

/** The options `datasetInfo()` reads. */
export type DatasetInfoOptions = Pick<
  QueryOptions,
  'api' | 'apiKey' | 'signal' | 'fresh' | 'timeout' | 'offlineCopy'
>;

/**
 * Turns `query()` options into the parsed query every connector translates: expression strings
 * are parsed (a blank string means "none"), several `where` are combined with `and`, missing
 * parts become empty lists. Throws `QueryError` on an expression that does not parse.
 */
export function normalizeQuery(options: QueryOptions = {}): NormalizedQuery {
  return normalizeWith(options, {parseGroupBy, parseOrderBy});
}

/** The readers of group keys and order keys (src/data/expression/key-parser.ts). */
interface KeyParsers {
  parseGroupBy(text: string): GroupKey[];
  parseOrderBy(text: string): Order[];
}

/** For a query without group keys or order as text, whose blank texts are never parsed. */
const BLANK_KEYS: KeyParsers = {parseGroupBy: () => [], parseOrderBy: () => []};

/** `normalizeQuery` with `keys` reading group keys and order given as text. */
function normalizeWith(options: QueryOptions, {parseGroupBy, parseOrderBy}: KeyParsers): NormalizedQuery {
  const {select, where, groupBy, orderBy, limit, offset} = options;
  const normalized: NormalizedQuery = {
    select: parsedList(select, parseSelect),
    where: normalizeWhere(where),
    groupBy: parsedList(groupBy, parseGroupBy),
    orderBy: parsedList(orderBy, parseOrderBy),
  };
  if (limit !== undefined) normalized.limit = limit;
  if (offset !== undefined) normalized.offset = offset;
  return normalized;
}

/**
 * Reads rows from an open-data source: an Opendatasoft, data.gouv.fr tabular or CKAN API URL, or
 * a CSV / JSON / GeoJSON file. The expressions are parsed before any request, so a wrong
 * expression rejects with `QueryError` without touching the network.
 *
 * @example
 * const {rows} = await query('https://data.orleans-metropole.fr/api/explore/v2.1/catalog/datasets/x/records', {
 *   select: 'sum(population)',
 *   where: 'epci = "Orléans Métropole"',
 * });
 * rows[0]['sum(population)'];
 */
export async function query(src: string, options: QueryOptions = {}): Promise<QueryResult> {
  // Group keys and order as text load their reader; a key figure's query has neither.
  const keys = [options.groupBy, options.orderBy].some((text) => typeof text === 'string' && text.trim())
    ? await import('./expression/key-parser.js')
    : BLANK_KEYS;
  const normalized = normalizeWith(options, keys);
  const source = resolveOdsSource(src, options.api) ?? (await resolveOtherSource(src, options.api));
  // No await on Opendatasoft's way to `fetch()`: the request leaves before the widget renders.
  const connector = connectorFor(source.family);
  return (connector instanceof Promise ? await connector : connector).query(
    source,
    normalized,
    createFetchContext(options),
  );
}

/** The fields (names, labels, types) and metadata (title, publisher, licence…) of a source. */
export async function datasetInfo(src: string, options: DatasetInfoOptions = {}): Promise<DatasetInfo> {
  const source = resolveOdsSource(src, options.api) ?? (await resolveOtherSource(src, options.api));
  return (await connectorFor(source.family)).info(source, createFetchContext(options));
}

/** `where` as one filter: texts parsed (a blank one is none), several joined with `and`. */
export function normalizeWhere(where: QueryOptions['where']): Filter | undefined {
  if (where === undefined) return undefined;
  const parts = Array.isArray(where) ? where : [where];
  return and(
    ...parts.map((part) =>
      typeof part === 'string' ? parseUnlessBlank(part, parseFilter, undefined) : part,
    ),
  );
}

/** A list given as text, parsed (a blank text is none), or as it is. */
function parsedList<T>(list: string | T[] | undefined, parse: (text: string) => T[]): T[] {
  return typeof list === 'string' ? parseUnlessBlank(list, parse, []) : (list ?? []);
}

function parseUnlessBlank<T, B>(text: string, parse: (text: string) => T, blank: B): T | B {
  return text.trim() === '' ? blank : parse(text);
}

/**
 * Where a URL that is no Opendatasoft one points: read once the reader of every URL shape
 * (src/data/connectors/resolve.ts) has loaded, which a page reading Opendatasoft never needs.
 */
async function resolveOtherSource(src: string, api: ApiFamily | undefined): Promise<ResolvedSource> {
  return (await import('./connectors/resolve.js')).resolveSource(src, api);
}
