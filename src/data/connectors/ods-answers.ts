/**
 * Opendatasoft's answers and what they mean, without fetching: a dataset's fields and metadata
 * (v2.1 and v2.0), records as the query's rows. Facets are read in facets.ts.
 */
import type {DatasetInfo, DatasetMeta, FieldInfo, FieldType, ResolvedSource, Row} from '../types.js';
import {datasetId, type OdsPlan} from './odsql.js';
import {fieldType, htmlToText, isRecord} from './util.js';

/** Opendatasoft's field types, which are the ones the data layer names (any other reads as `text`). */
const ODS_TYPES = Object.fromEntries(
  'text int double date datetime boolean geo_point_2d geo_shape file json'
    .split(' ')
    .map((type) => [type, type]),
) as Record<string, FieldType>;

/** The texts of the metadata (`metas.default`) and their names in `DatasetMeta`; descriptions are HTML. */
const META_TEXTS = [
  ['title', 'title'],
  ['description', 'description'],
  ['publisher', 'publisher'],
  ['license', 'license'],
  ['licenseUrl', 'license_url'],
  ['modified', 'modified'],
] as const;

interface OdsDataset {
  dataset_id?: string;
  fields?: Array<{name?: string; label?: string; type?: string; description?: string | null}>;
  metas?: {default?: Record<string, unknown>};
}

export interface OdsRecords {
  total_count?: number;
  results?: Row[];
}

/**
 * What each answer of `catalog/datasets/<id>` was read as. Cached answers are shared (request.ts):
 * a widget that queries again reads the same answer, whose HTML descriptions took 1 to 6 ms to turn
 * into text, once.
 */
const readAnswers = new WeakMap<object, DatasetInfo>();

/**
 * Fields and metadata from `catalog/datasets/<id>`; descriptions are HTML, kept as text. The result
 * is shared by every reader of the same answer: treat it as read-only.
 */
export function odsDatasetInfo(source: ResolvedSource, body: unknown): DatasetInfo {
  const pageUrl = `${portalRoot(source)}explore/dataset/${encodeURIComponent(datasetId(source))}/`;
  const known = isRecord(body) ? readAnswers.get(body) : undefined;
  if (known?.meta.pageUrl === pageUrl) return known;
  const info = readDatasetInfo(body, pageUrl);
  if (isRecord(body)) readAnswers.set(body, info);
  return info;
}

function readDatasetInfo(body: unknown, pageUrl: string): DatasetInfo {
  // v2.1 answers the dataset itself; v2.0 wraps it in `dataset`.
  const dataset = (
    isRecord(body) && isRecord(body.dataset) ? body.dataset : isRecord(body) ? body : {}
  ) as OdsDataset;
  const fields: FieldInfo[] = (dataset.fields ?? [])
    .filter((field) => typeof field.name === 'string')
    .map((field) => {
      const out: FieldInfo = {
        name: field.name!,
        label: field.label || field.name!,
        type: fieldType(field.type, ODS_TYPES),
      };
      if (field.description) out.description = htmlToText(field.description);
      return out;
    });
  const metas = dataset.metas?.default ?? {};
  const meta: DatasetMeta = {pageUrl};
  for (const [name, key] of META_TEXTS) {
    const value = metas[key];
    if (typeof value === 'string' && value) meta[name] = name === 'description' ? htmlToText(value) : value;
  }
  if (typeof metas.records_count === 'number') meta.recordsCount = metas.records_count;
  return {fields, meta};
}

/**
 * Copies the API's rows (cached answers are shared) into the query's keys. Time-unit group values
 * are still the API's text: ods.ts turns them into period starts (periods.ts).
 */
export function odsAnswerRows(apiRows: readonly Row[], plan: OdsPlan): Row[] {
  return apiRows.map((apiRow) => {
    const row: Row = {};
    for (const [key, value] of Object.entries(apiRow)) row[plan.renames.get(key) ?? key] = value;
    for (const [from, to] of plan.copies) row[to] = row[from];
    return row;
  });
}

/** The portal's root (`https://host/`), from the API root `https://host/api/explore/v2.1/`. */
function portalRoot(source: ResolvedSource): string {
  return source.base.replace(/api\/explore\/v2\.[01]\/$/, '');
}
