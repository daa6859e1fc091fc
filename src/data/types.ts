/**
 * The query model shared by the expression parser, the connectors, the browser-side engine and
 * the elements. Every connector receives a `NormalizedQuery` and answers a `QueryResult`.
 */

import type {OfflineCopyOptions} from './offline-copy.js';

/** API families the data layer speaks; `api="…"` on an element forces one. */
export type ApiFamily = 'ods' | 'tabular' | 'ckan' | 'csv' | 'json' | 'geojson';

/** Field types, named as Opendatasoft names them (the other APIs are mapped onto these). */
export type FieldType =
  | 'text'
  | 'int'
  | 'double'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'geo_point_2d'
  | 'geo_shape'
  | 'file'
  | 'json';

export interface FieldInfo {
  name: string;
  /** Human label from the metadata; falls back to the name. */
  label: string;
  type: FieldType;
  description?: string;
}

export interface DatasetMeta {
  title?: string;
  description?: string;
  publisher?: string;
  license?: string;
  licenseUrl?: string;
  /** ISO 8601 date-time of the last update. */
  modified?: string;
  /** The human page of the dataset (not the API). */
  pageUrl?: string;
  recordsCount?: number;
}

export interface DatasetInfo {
  fields: FieldInfo[];
  meta: DatasetMeta;
}

export type Row = Record<string, unknown>;

export interface QueryResult extends DatasetInfo {
  rows: Row[];
  /** Records matching the filter (ungrouped) or number of groups (grouped). */
  total: number;
}

// ---------------------------------------------------------------------------------------------
// Expressions (the language of the README, "Expressions"), as parsed.

export type Literal =
  | {type: 'string'; value: string}
  | {type: 'number'; value: number}
  | {type: 'boolean'; value: boolean}
  /** `date'2025-01-01'`; value is the ISO text as written. */
  | {type: 'date'; value: string};

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Filter =
  | {type: 'compare'; field: string; op: CompareOp; value: Literal}
  | {type: 'in'; field: string; values: Literal[]}
  | {type: 'null'; field: string}
  | {type: 'and'; filters: Filter[]}
  | {type: 'or'; filters: Filter[]}
  | {type: 'not'; filter: Filter};

export type AggregateFn = 'count' | 'sum' | 'avg' | 'min' | 'max' | 'median';

export type Selection =
  /** A bare field: the value itself. */
  | {type: 'field'; field: string; as: string}
  /**
   * An aggregate. `field` is absent for `count()`. `as` defaults to the canonical text of the
   * expression (`sum(population)`, `count()`), so widgets read `row['sum(population)']`.
   */
  | {type: 'aggregate'; fn: AggregateFn; field?: string; as: string};

export type TimeUnit = 'year' | 'month' | 'week' | 'day' | 'hour';

export interface GroupKey {
  field: string;
  /** Truncate a date field; the group value is then an ISO date-time string of the period start. */
  timeunit?: TimeUnit;
  /** Key in result rows: the field name, or `year(date)` style text with a time unit. */
  as: string;
}

export interface Order {
  /** A selection alias (`sum(population)`) or a field name. */
  key: string;
  direction: 'asc' | 'desc';
}

/** A query once parsed: what every connector translates. */
export interface NormalizedQuery {
  /** Empty means every field of the records. */
  select: Selection[];
  /** Conjunction of all the filters in force (source filters, widget `where`…); undefined = all. */
  where?: Filter;
  groupBy: GroupKey[];
  orderBy: Order[];
  limit?: number;
  offset?: number;
}

/** What `query()` accepts: expression strings or already-parsed parts. */
export interface QueryOptions {
  select?: string | Selection[];
  where?: string | Filter | Array<string | Filter | undefined>;
  groupBy?: string | GroupKey[];
  orderBy?: string | Order[];
  limit?: number;
  offset?: number;
  signal?: AbortSignal;
  /** Force the API family instead of recognising it from the URL. */
  api?: ApiFamily;
  /** Opendatasoft API key, sent as `Authorization: Apikey <key>`. */
  apiKey?: string;
  /** Bypass the cache and revalidate (used by `refresh`). */
  fresh?: boolean;
  /** Milliseconds before a request is abandoned with a NetworkError; default 15 000. */
  timeout?: number;
  /** Called as each request leaves (or is answered from the cache): work can wait for it. */
  onSend?: () => void;
  /** Keep good answers in the browser and answer from them when the portal is unreachable (offline-copy.ts). */
  offlineCopy?: OfflineCopyOptions;
}

/** Where a source URL points, once recognised. */
export interface ResolvedSource {
  family: ApiFamily;
  /** The original URL. */
  url: string;
  /** API root the connector builds on (e.g. `https://host/api/explore/v2.1/`, a CKAN action base). */
  base: string;
  /** Dataset or resource id where the family has one. */
  id?: string;
  /** Filters carried by the URL itself (ODS `refine`/`q`, tabular operators, CKAN `filters`). */
  params?: Record<string, string[]>;
}

/** What a connector is given to talk to the network. */
export interface FetchContext {
  signal?: AbortSignal;
  apiKey?: string;
  fresh?: boolean;
  timeout?: number;
  /** GET a URL, answer parsed JSON; throws the typed errors of `errors.ts`. Deduped and cached. */
  fetchJson<T = unknown>(url: string, init?: {headers?: Record<string, string>}): Promise<T>;
  /** GET a URL, answer its text (files). Deduped and cached. */
  fetchText(url: string, init?: {headers?: Record<string, string>}): Promise<string>;
  /**
   * Like `fetchText`, with the `Content-Type` too, so a file connector can tell an HTML error page
   * from the file it expected. Shares `fetchText`'s dedupe and cache. Optional: test doubles may omit it.
   */
  fetchFile?(url: string, init?: {headers?: Record<string, string>}): Promise<FetchedText>;
}

/** A text body and its `Content-Type` header (empty string when the server sent none). */
export interface FetchedText {
  text: string;
  contentType: string;
}

export interface Connector {
  readonly family: ApiFamily;
  info(source: ResolvedSource, ctx: FetchContext): Promise<DatasetInfo>;
  query(source: ResolvedSource, q: NormalizedQuery, ctx: FetchContext): Promise<QueryResult>;
}
