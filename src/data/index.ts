/**
 * `open-data-widgets/data`: the data layer without any element. Read Opendatasoft, data.gouv.fr
 * tabular and CKAN APIs, or CSV / JSON / GeoJSON files, with one query model:
 *
 * ```js
 * import {query} from 'open-data-widgets/data';
 * const {rows, total, fields, meta} = await query(url, {select: 'sum(population)', where: 'epci = "Orléans Métropole"'});
 * ```
 *
 * Identical concurrent requests are sent once, answers are cached for the page, requests can be
 * aborted (`signal`), time out and are retried on network failures, 5xx and short 429s. Every
 * failure is one of the error classes below.
 */

/** Read rows, the fields and metadata of a source, or the distinct values of fields. */
export {query, datasetInfo, normalizeQuery} from './query.js';
export type {DatasetInfoOptions} from './query.js';
export {facets} from './facets.js';
export type {FacetsOptions} from './facets.js';

/** The expression language: parse `where`, `select`, `groupBy`, `orderBy` texts; combine and print filters. */
export {
  parseFilter,
  parseSelect,
  firstSelection,
  parseGroupBy,
  parseOrderBy,
  formatFilter,
  and,
} from './expression/index.js';

/** Which API family a URL belongs to, its API base and dataset id. */
export {resolveSource} from './connectors/index.js';
export type {FacetValues} from './connectors/index.js';

/** Empty the answer cache; tune retries, backoff, timeout and cache bounds. */
export {clearCache, requestSettings} from './request.js';

/** Typed failures: check `instanceof` or `error.code`. */
export {DataError, NetworkError, HttpError, QuotaError, QueryError, FormatError} from './errors.js';
export type {ApiAnswer, DataErrorCode} from './errors.js';

/** The query model and the shape of results. */
export type {
  ApiFamily,
  FieldType,
  FieldInfo,
  DatasetMeta,
  DatasetInfo,
  Row,
  QueryResult,
  QueryOptions,
  NormalizedQuery,
  ResolvedSource,
  Literal,
  CompareOp,
  Filter,
  AggregateFn,
  Selection,
  TimeUnit,
  GroupKey,
  Order,
} from './types.js';
