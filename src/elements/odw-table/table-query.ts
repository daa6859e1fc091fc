/**
 * What the table asks the portal for: one page of rows (or all of them, for the CSV) under the
 * columns, order and search in force. Opendatasoft and CKAN search full text on the server (their
 * `q`); CSV, JSON and GeoJSON files are searched here, over the text columns shown; the data.gouv.fr
 * tabular API cannot search.
 */
import {parseOrderBy, resolveSource} from '../../data/index.js';
import {isPlainName} from '../../data/expression/parser.js';
import type {ApiFamily, FieldInfo, QueryOptions, QueryResult, Row, Selection} from '../../data/types.js';
import type {DataTarget, LoadOptions} from '../../core/data-element.js';
import {isNumeric, rowMatches, searchWords} from './cells.js';
// The Opendatasoft connector plans this widget's grouped and paged queries without an import to wait for.
import '../../data/connectors/ods-paging-ready.js';

/** Families whose API searches full text; the table passes the text as the URL's `q`. */
const FULL_TEXT_FAMILIES: ReadonlySet<ApiFamily> = new Set(['ods', 'ckan']);
/** Families read from a whole file: the browser searches the rows it already holds. */
const FILE_FAMILIES: ReadonlySet<ApiFamily> = new Set(['csv', 'json', 'geojson']);
/** Field types not shown unless `columns` names them (shapes and raw JSON are unreadable in a cell). */
const HIDDEN_TYPES = new Set(['geo_shape', 'json', 'file']);

export type RunQuery = (
  target: DataTarget,
  request: Omit<QueryOptions, 'signal' | 'fresh' | 'api' | 'apiKey'>,
  options: LoadOptions,
) => Promise<QueryResult>;

export interface RowsRequest {
  /** The `columns` attribute. */
  columns?: string;
  /** The order in force, as `sort` writes it. */
  sort?: string;
  /** The search text, when the table has a search box. */
  search?: string;
  limit?: number;
  offset?: number;
}

export interface TableRows {
  columns: FieldInfo[];
  rows: Row[];
  total: number;
  result: QueryResult;
}

export function familyOf(target: DataTarget): ApiFamily | undefined {
  try {
    return resolveSource(target.src, target.api).family;
  } catch {
    return undefined;
  }
}

/** Whether the target's API (or file) can be searched. */
export function canSearch(target: DataTarget | undefined): boolean {
  const family = target ? familyOf(target) : undefined;
  return family !== undefined && (FULL_TEXT_FAMILIES.has(family) || FILE_FAMILIES.has(family));
}

/** The rows of one page (or all of them without `limit`) under the search and order in force. */
export async function fetchRows(
  runQuery: RunQuery,
  target: DataTarget,
  request: RowsRequest,
  options: LoadOptions,
): Promise<TableRows> {
  const names = (request.columns ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const select: Selection[] = names.map((name) => ({type: 'field', field: name, as: name}));
  const query = {select, orderBy: request.sort ? parseOrderBy(request.sort) : []};
  const text = request.search ?? '';
  const words = searchWords(text);
  const family = familyOf(target);
  const page = {limit: request.limit, offset: request.offset};
  if (words.length && family && FILE_FAMILIES.has(family)) {
    // The file is in memory already: every row is searched, then the page is cut here.
    const result = await runQuery(target, query, options);
    const columns = columnsOf(result, names);
    const textFields = columns.filter((column) => !isNumeric(column)).map((column) => column.name);
    const matching = result.rows.filter((row) => rowMatches(row, textFields, words));
    const start = page.offset ?? 0;
    const rows = matching.slice(start, page.limit === undefined ? undefined : start + page.limit);
    return {columns, rows, total: matching.length, result};
  }
  let searched = target;
  if (words.length && family && FULL_TEXT_FAMILIES.has(family)) {
    const url = new URL(target.src);
    url.searchParams.append('q', text.trim());
    searched = {...target, src: url.href};
  }
  const result = await runQuery(searched, {...query, ...page}, options);
  return {columns: columnsOf(result, names), rows: result.rows, total: result.total, result};
}

/** The columns of a result: those named, in that order, else every readable field. */
function columnsOf(result: QueryResult, names: readonly string[]): FieldInfo[] {
  const byName = new Map(result.fields.map((field) => [field.name, field]));
  if (names.length) {
    return names.map((name) => byName.get(name) ?? {name, label: name, type: guessType(result.rows, name)});
  }
  const fields = result.fields.filter((field) => !HIDDEN_TYPES.has(field.type));
  if (fields.length) return fields;
  const first = result.rows[0];
  return first
    ? Object.keys(first).map((name) => ({name, label: name, type: guessType(result.rows, name)}))
    : [];
}

function guessType(rows: readonly Row[], name: string): FieldInfo['type'] {
  const value = rows.find((row) => row[name] !== null && row[name] !== undefined)?.[name];
  return typeof value === 'number' ? 'double' : 'text';
}

/** A field name as the expression language reads it in `sort` (backquoted when not plain). */
export function formatFieldName(name: string): string {
  return isPlainName(name) ? name : `\`${name.replace(/[\\`]/g, '\\$&')}\``;
}
