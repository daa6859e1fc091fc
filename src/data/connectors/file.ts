/**
 * Files read whole in the browser: CSV, JSON (an array of objects, or one wrapped in
 * `results`/`records`/`data`) and GeoJSON FeatureCollections. A file is fetched through the
 * request layer (shared and cached), parsed once per URL and content (so five widgets on one
 * 2 MB file parse it once), then every query runs in the engine.
 */
import {runQuery} from '../engine.js';
import {FormatError, QueryError} from '../errors.js';
import type {
  ApiFamily,
  Connector,
  DatasetInfo,
  FetchContext,
  FieldInfo,
  FieldType,
  NormalizedQuery,
  QueryResult,
  ResolvedSource,
  Row,
} from '../types.js';
import {parseCsv, type ParsedTable} from './csv.js';
import {checkFields, fileTitle, unknownField} from './browser-rows.js';
import {isRecord, toLatLon} from './util.js';

/**
 * Parsed files, by family and URL, with the text each came from (to notice a changed file); the
 * 16 most recently parsed are kept. One lives as long as the connectors sharing it: the page's
 * (`parsedFiles`), for the three of this module; `clear()` parses everything again.
 */
export class ParsedFiles {
  readonly #tables = new Map<string, {text: string; table: ParsedTable}>();

  constructor(readonly capacity = 16) {}

  /** The table parsed from exactly `text` under `key`, if still kept. */
  get(key: string, text: string): ParsedTable | undefined {
    const kept = this.#tables.get(key);
    // The request layer answers the very same string while its cache holds it: compared by identity first.
    return kept && kept.text === text ? kept.table : undefined;
  }

  set(key: string, text: string, table: ParsedTable): void {
    this.#tables.delete(key);
    this.#tables.set(key, {text, table});
    if (this.#tables.size > this.capacity) this.#tables.delete(this.#tables.keys().next().value!);
  }

  clear(): void {
    this.#tables.clear();
  }
}

/** The parsed files of the page's file connectors. */
export const parsedFiles = new ParsedFiles();

/** A connector reading whole files of one family with `parse`, keeping what it parsed in `parsed`. */
export function fileConnector(
  family: ApiFamily,
  parse: (text: string, url: string) => ParsedTable,
  parsed: ParsedFiles = parsedFiles,
): Connector {
  const load = async (source: ResolvedSource, ctx: FetchContext): Promise<ParsedTable> => {
    const url = source.base;
    const text = await fetchBody(url, ctx);
    const key = `${family} ${url}`;
    const kept = parsed.get(key, text);
    if (kept) return kept;
    const table = parse(text, url);
    parsed.set(key, text, table);
    return table;
  };
  const describe = (source: ResolvedSource, table: ParsedTable): DatasetInfo => {
    const meta: DatasetInfo['meta'] = {pageUrl: source.base, recordsCount: table.rows.length};
    const title = fileTitle(source.base);
    if (title) meta.title = title;
    return {fields: table.fields, meta};
  };
  return {
    family,
    async info(source, ctx) {
      return describe(source, await load(source, ctx));
    },
    async query(source, q, ctx): Promise<QueryResult> {
      const table = await load(source, ctx);
      checkFileFields(table, q);
      return {...describe(source, table), ...runQuery(table.rows, q)};
    },
  };
}

/**
 * A field the query names but the file does not hold is an error (see `checkFields`); in a file
 * read as one column, the cause is the separator, which the error names instead of the field.
 * A file without any field (an empty JSON array) is not checked.
 */
function checkFileFields(table: ParsedTable, q: NormalizedQuery): void {
  if (!table.fields.length) return;
  const separator = table.unsplitSeparator;
  if (separator !== undefined && unknownField(table.fields, q) !== undefined) {
    throw new QueryError(`The file reads as one column, yet "${separator}" occurs in it`, {
      found: separator,
      expected: 'separator',
    });
  }
  checkFields(table.fields, q);
}

/** The file's text; an HTML page (a portal's error or login page served with 200) is refused. */
async function fetchBody(url: string, ctx: FetchContext): Promise<string> {
  const fetched = ctx.fetchFile
    ? await ctx.fetchFile(url)
    : {text: await ctx.fetchText(url), contentType: ''};
  if (
    /text\/html/i.test(fetched.contentType) ||
    /^\s*<(?:!doctype\s+html|html[\s>])/i.test(fetched.text.slice(0, 200))
  ) {
    throw new FormatError('Expected a data file, got an HTML page', url);
  }
  return fetched.text;
}

function parseJsonText(text: string, url: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (cause) {
    throw new FormatError('The file is not valid JSON', url, {cause});
  }
}

/** JSON records: an array of objects, or `{results|records|data: [...]}`; a FeatureCollection too. */
export function parseJsonFile(text: string, url = ''): ParsedTable {
  const body = parseJsonText(text, url);
  if (isRecord(body) && body.type === 'FeatureCollection') return featureTable(body, url);
  const list = Array.isArray(body)
    ? body
    : isRecord(body)
      ? [body.results, body.records, body.data].find(Array.isArray)
      : undefined;
  if (!list)
    throw new FormatError('Expected a JSON array of records (or {results|records|data: [...]})', url);
  const rows = list.map((item): Row => (isRecord(item) ? {...item} : {value: item}));
  return tableOf(rows);
}

/**
 * GeoJSON: one row per feature, its properties plus `geometry` (type `geo_shape`) and, for a
 * point (or a one-point MultiPoint), `geo_point_2d` as `{lat, lon}`; an Opendatasoft export's
 * own `geo_point_2d` property (`[lat, lon]`) is read as such.
 */
export function parseGeoJsonFile(text: string, url = ''): ParsedTable {
  const body = parseJsonText(text, url);
  if (!isRecord(body) || (body.type !== 'FeatureCollection' && body.type !== 'Feature')) {
    throw new FormatError('Expected a GeoJSON FeatureCollection', url);
  }
  return featureTable(body.type === 'Feature' ? {type: 'FeatureCollection', features: [body]} : body, url);
}

function featureTable(collection: Record<string, unknown>, url: string): ParsedTable {
  if (!Array.isArray(collection.features))
    throw new FormatError('The FeatureCollection has no features list', url);
  const rows = collection.features.filter(isRecord).map((feature): Row => {
    const row: Row = isRecord(feature.properties) ? {...feature.properties} : {};
    const geometry = isRecord(feature.geometry) ? feature.geometry : null;
    row.geometry = geometry;
    const point = pointOf(geometry);
    if (row.geo_point_2d !== undefined) row.geo_point_2d = toLatLon(row.geo_point_2d);
    else if (point) row.geo_point_2d = point;
    return row;
  });
  return tableOf(rows, {geometry: 'geo_shape'});
}

function pointOf(geometry: Record<string, unknown> | null): {lat: number; lon: number} | undefined {
  if (!geometry || !Array.isArray(geometry.coordinates)) return undefined;
  const coordinates: unknown[] =
    geometry.type === 'Point'
      ? geometry.coordinates
      : geometry.type === 'MultiPoint' &&
          geometry.coordinates.length === 1 &&
          Array.isArray(geometry.coordinates[0])
        ? (geometry.coordinates[0] as unknown[])
        : [];
  const [lon, lat] = coordinates;
  return typeof lon === 'number' && typeof lat === 'number' ? {lat, lon} : undefined;
}

/** Fields in order of first appearance, typed from the values (`known` types win). */
function tableOf(rows: Row[], known: Record<string, FieldType> = {}): ParsedTable {
  const names: string[] = [];
  const values = new Map<string, unknown[]>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      let list = values.get(name);
      if (!list) {
        list = [];
        values.set(name, list);
        names.push(name);
      }
      if (value !== null && value !== undefined) list.push(value);
    }
  }
  for (const row of rows) {
    if (Array.isArray(row.geo_point_2d)) row.geo_point_2d = toLatLon(row.geo_point_2d);
  }
  const fields: FieldInfo[] = names.map((name) => ({
    name,
    label: name,
    type: known[name] ?? (name === 'geo_point_2d' ? 'geo_point_2d' : valueType(values.get(name)!)),
  }));
  return {fields, rows};
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** A JSON field's type from its non-null values; text when they disagree. Strings stay strings. */
function valueType(values: unknown[]): FieldType {
  if (values.length === 0) return 'text';
  if (values.every((value) => typeof value === 'number')) {
    return values.every((value) => Number.isInteger(value)) ? 'int' : 'double';
  }
  if (values.every((value) => typeof value === 'boolean')) return 'boolean';
  if (values.every((value) => typeof value === 'string')) {
    if (values.every((value) => ISO_DATE.test(value as string))) return 'date';
    if (values.every((value) => ISO_DATE.test(value as string) || ISO_DATETIME.test(value as string)))
      return 'datetime';
    return 'text';
  }
  if (
    values.every((value) => isRecord(value) && typeof value.lat === 'number' && typeof value.lon === 'number')
  )
    return 'geo_point_2d';
  if (
    values.every(
      (value) =>
        isRecord(value) &&
        typeof value.type === 'string' &&
        ('coordinates' in value || 'geometries' in value || 'geometry' in value),
    )
  ) {
    return 'geo_shape';
  }
  if (values.every((value) => typeof value === 'object')) return 'json';
  return 'text';
}

export const csvConnector = fileConnector('csv', (text) => parseCsv(text));
export const jsonConnector = fileConnector('json', parseJsonFile);
export const geojsonConnector = fileConnector('geojson', parseGeoJsonFile);
