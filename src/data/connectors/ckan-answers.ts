/**
 * CKAN's answers and what they mean, without fetching: the action URLs, the `{success, result}`
 * envelope, a resource's fields and metadata, and rows as the query wants them (CKAN's internal
 * columns left out, `numeric` given as text read as numbers).
 */
import {QueryError} from '../errors.js';
import type {DatasetInfo, FieldInfo, FieldType, ResolvedSource, Row, Selection} from '../types.js';
import {buildUrl, fieldType, isRecord} from './util.js';

/** CKAN's internal columns, never shown. */
const INTERNAL = new Set(['_id', '_full_text']);

const CKAN_TYPES: Record<string, FieldType> = {
  int: 'int',
  int2: 'int',
  int4: 'int',
  int8: 'int',
  integer: 'int',
  bigint: 'int',
  smallint: 'int',
  numeric: 'double',
  float: 'double',
  float4: 'double',
  float8: 'double',
  double: 'double',
  real: 'double',
  text: 'text',
  varchar: 'text',
  char: 'text',
  date: 'date',
  time: 'text',
  timestamp: 'datetime',
  timestamptz: 'datetime',
  bool: 'boolean',
  boolean: 'boolean',
  json: 'json',
  jsonb: 'json',
};

/** `datastore_search` and `datastore_search_sql` results. */
export interface CkanSearch {
  fields?: Array<{id?: string; type?: string; info?: {label?: string; notes?: string}}>;
  records?: Row[];
  total?: number;
}

export interface CkanResource {
  name?: string;
  description?: string;
  package_id?: string;
  last_modified?: string | null;
  metadata_modified?: string | null;
}

export interface CkanPackage {
  name?: string;
  title?: string;
  notes?: string;
  organization?: {title?: string; name?: string} | null;
  license_title?: string;
  license_url?: string;
  metadata_modified?: string;
}

/** The URL of action `name` on the source's portal. */
export function actionUrl(source: ResolvedSource, name: string, params: Array<[string, string]>): string {
  return buildUrl(source.base, name, params);
}

/** The `result` of an action's answer; an answer without one is an error. */
export function actionResult<T>(name: string, body: unknown): T {
  if (!isRecord(body) || body.success === false || !isRecord(body.result)) {
    throw new QueryError(`CKAN's ${name} answered no result`, {expected: 'result'});
  }
  return body.result as T;
}

/** Fields from `datastore_search`, metadata from the resource and its package (either may be missing). */
export function ckanDatasetInfo(
  source: ResolvedSource,
  search: CkanSearch,
  resource: CkanResource | undefined,
  pkg: CkanPackage | undefined,
): DatasetInfo {
  const fields: FieldInfo[] = (search.fields ?? [])
    .filter((field) => field.id && !INTERNAL.has(field.id))
    .map((field) => {
      const out: FieldInfo = {
        name: field.id!,
        label: field.info?.label || field.id!,
        type: fieldType(field.type, CKAN_TYPES),
      };
      if (field.info?.notes) out.description = field.info.notes;
      return out;
    });
  const meta: DatasetInfo['meta'] = {};
  const title = pkg?.title || resource?.name;
  const description = resource?.description || pkg?.notes;
  const modified = resource?.last_modified || resource?.metadata_modified || pkg?.metadata_modified;
  if (title) meta.title = title;
  if (description) meta.description = description;
  if (pkg?.organization?.title) meta.publisher = pkg.organization.title;
  if (pkg?.license_title) meta.license = pkg.license_title;
  if (pkg?.license_url) meta.licenseUrl = pkg.license_url;
  if (modified) meta.modified = modified;
  if (typeof search.total === 'number') meta.recordsCount = search.total;
  if (resource?.package_id) {
    meta.pageUrl = `${portalRoot(source)}dataset/${encodeURIComponent(pkg?.name || resource.package_id)}/resource/${encodeURIComponent(resourceId(source))}`;
  }
  return {fields, meta};
}

/** The rows of `datastore_search` answers, typed, with the selected keys when there is a selection. */
export function searchAnswerRows(
  answers: readonly CkanSearch[],
  types: ReadonlyMap<string, FieldType>,
  select: readonly Selection[] = [],
): Row[] {
  return answers.flatMap((body) => body.records ?? []).map((row) => project(typed(row, types), select));
}

/** Whether an answer's column is one of CKAN's own. */
export function isInternal(key: string): boolean {
  return INTERNAL.has(key);
}

/** A copy of a row without CKAN's internal columns, numbers given as text read as numbers. */
function typed(row: Row, types: ReadonlyMap<string, FieldType>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row))
    if (!INTERNAL.has(key)) out[key] = typedValue(value, types.get(key));
  return out;
}

/** PostgreSQL `numeric` comes back as text from some CKAN versions. */
export function typedValue(value: unknown, type: FieldType | undefined): unknown {
  return type === 'int' || type === 'double' ? numeric(value) : value;
}

/** A number written as text, as a number; any other value unchanged. */
export function numeric(value: unknown): unknown {
  if (typeof value === 'string' && /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(value.trim()))
    return Number(value);
  return value;
}

function project(row: Row, select: readonly Selection[]): Row {
  if (select.length === 0) return row;
  const out: Row = {};
  for (const selection of select)
    if (selection.type === 'field') out[selection.as] = row[selection.field] ?? null;
  return out;
}

export function resourceId(source: ResolvedSource): string {
  if (!source.id)
    throw new QueryError('A CKAN source needs a resource id', {expected: 'api-url', found: source.url});
  return source.id;
}

/** The portal's root (`https://host/`), from the action root `https://host/api/3/action/`. */
function portalRoot(source: ResolvedSource): string {
  return source.base.replace(/api\/(?:3\/)?action\/$/, '');
}
