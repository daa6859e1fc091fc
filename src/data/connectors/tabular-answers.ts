/**
 * The data.gouv.fr tabular API's answers and what they mean, without fetching: a resource's
 * columns (from `profile/`) and metadata, pages of rows, and pages of aggregated groups.
 */
import {QueryError} from '../errors.js';
import type {DatasetInfo, FieldInfo, FieldType, Row, Selection} from '../types.js';
import type {ServerAggregation} from './tabular-plan.js';
import {fieldType, isRecord} from './util.js';

const PROFILE_TYPES: Record<string, FieldType> = {
  int: 'int',
  float: 'double',
  string: 'text',
  str: 'text',
  bool: 'boolean',
  date: 'date',
  datetime: 'datetime',
  json: 'json',
};

export interface TabularPage {
  data?: Row[];
  links?: {next?: string | null};
  meta?: {page?: number; page_size?: number; total?: number};
}

export interface TabularResource {
  created_at?: string;
  url?: string;
}

export interface TabularProfile {
  profile?: {
    header?: string[];
    columns?: Record<string, {python_type?: string; format?: string}>;
    total_lines?: number;
  };
}

/**
 * Fields from `profile/` (types detected by csv-detective); the update date and a link to the
 * data.gouv.fr page from the resource's own record when there is one.
 */
export function tabularDatasetInfo(body: TabularProfile, resource: TabularResource | undefined): DatasetInfo {
  const profile = body.profile ?? {};
  const columns = profile.columns ?? {};
  const names = profile.header?.length ? profile.header : Object.keys(columns);
  const fields: FieldInfo[] = names
    .filter((name) => name !== '__id')
    .map((name) => ({name, label: name, type: fieldType(columns[name]?.python_type, PROFILE_TYPES)}));
  const meta: DatasetInfo['meta'] = {};
  if (typeof profile.total_lines === 'number') meta.recordsCount = profile.total_lines;
  if (typeof resource?.created_at === 'string') meta.modified = resource.created_at;
  // The stable download URL …/api/1/datasets/r/<rid> has a page twin …/fr/datasets/r/<rid>.
  const page =
    typeof resource?.url === 'string' ? /^(.*)\/api\/1\/datasets\/r\/([^/?#]+)\/?$/.exec(resource.url) : null;
  if (page) meta.pageUrl = `${page[1]}/fr/datasets/r/${page[2]}`;
  return {fields, meta};
}

/** A `data/` answer, checked: rows must be a list when present. */
export function checkedPage(body: unknown): TabularPage {
  if (!isRecord(body) || (body.data !== undefined && !Array.isArray(body.data))) {
    throw new QueryError('The tabular API answered no rows', {expected: 'data'});
  }
  return body as TabularPage;
}

/** The rows of `data/` pages, without the API's `__id`, with the selected keys when there is a selection. */
export function pageRows(pages: readonly TabularPage[], select: readonly Selection[] = []): Row[] {
  return pages.flatMap((body) => body.data ?? []).map((row) => project(row, select));
}

/** The groups of an aggregated `data/` page, under the query's keys. */
export function groupRows(body: TabularPage, aggregation: ServerAggregation): Row[] {
  return (body.data ?? []).map((apiRow) => {
    const row: Row = {};
    for (const [from, to] of aggregation.outputs) row[to] = apiRow[from] ?? null;
    return row;
  });
}

function project(row: Row, select: readonly Selection[]): Row {
  if (select.length === 0) {
    const {__id: _id, ...rest} = row;
    return rest;
  }
  const out: Row = {};
  for (const selection of select)
    if (selection.type === 'field') out[selection.as] = row[selection.field] ?? null;
  return out;
}
