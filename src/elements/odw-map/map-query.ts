/**
 * What the map asks of the portal: the values per key of a choropleth with its outlines, or the
 * points (one per record, or one per location with an aggregate `size`), its own filter left out.
 */
import {datasetInfo} from '../../data/index.js';
import {FormatError} from '../../data/errors.js';
import type {ApiFamily, FieldInfo, QueryOptions, QueryResult} from '../../data/types.js';
import type {DataTarget, LoadOptions, Loaded} from '../../core/data-element.js';
import type {Lang} from '../../core/i18n.js';
import {isDataSource} from '../../core/data-source.js';
import type {ClassMethod} from './classify.js';
import type {MapData} from './map-types.js';
import {firstSelection, splitFields, valueLabel} from './map-text.js';
// The Opendatasoft connector plans this widget's grouped and paged queries without an import to wait for.
import '../../data/connectors/ods-paging-ready.js';

export type MapEngine = typeof import('./map-engine.js');

/** Most records a map reads (points, or values of a field). */
const MAX_ROWS = 20_000;
/** Kept here rather than imported: the classification code belongs to the lazily loaded engine. */
const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'jenks'];

/** The attributes of `odw-map` that decide its query. */
export interface MapSettings {
  mode?: string;
  shapes?: string;
  shapesObject?: string;
  shapesKey?: string;
  shapesLabel?: string;
  key?: string;
  value?: string;
  scheme?: string;
  classes?: string;
  classCount?: number;
  onlyMatched: boolean;
  lat?: string;
  lon?: string;
  color?: string;
  size?: string;
  label?: string;
  popup?: string;
  limit?: number;
}

/** Every setting that changes what the map asks the portal for: the data reloads when one changes. */
export function queryDependencies(settings: MapSettings): unknown[] {
  return [
    resolvedMode(settings),
    settings.shapes,
    settings.shapesObject,
    settings.shapesKey,
    settings.shapesLabel,
    settings.key,
    settings.value,
    settings.scheme,
    settings.classes,
    settings.classCount,
    settings.onlyMatched,
    settings.lat,
    settings.lon,
    settings.color,
    settings.size,
    settings.label,
    settings.popup,
    settings.limit,
  ];
}

/** What the element lends the planner: its query runner, language, palette and place in the page. */
export interface MapQueryContext {
  runQuery(
    target: DataTarget,
    query: Omit<QueryOptions, 'signal' | 'fresh' | 'api' | 'apiKey'>,
    options: LoadOptions,
  ): Promise<QueryResult>;
  lang: Lang;
  palette: string[];
  defaultColor: string;
  /** Where `shapes` may name an `odw-source` by its `id`. */
  root: Node;
}

export function resolvedMode(settings: MapSettings): 'points' | 'choropleth' {
  if (settings.mode === 'points' || settings.mode === 'choropleth') return settings.mode;
  return settings.shapes?.trim() ? 'choropleth' : 'points';
}

const EMPTY = {rows: [], total: 0, fields: [], meta: {}};

/** Reads what the map draws; `engine` is set once the map engine has loaded. */
export async function loadMap(
  settings: MapSettings,
  context: MapQueryContext,
  target: DataTarget,
  options: LoadOptions,
): Promise<Loaded<MapData> & {engine?: MapEngine}> {
  const enginePromise = import('./map-engine.js');
  if (settings.mode && settings.mode !== 'points' && settings.mode !== 'choropleth') {
    return {data: {mode: 'invalid', problem: 'bad-mode', value: settings.mode}, result: EMPTY};
  }
  if (resolvedMode(settings) === 'choropleth') {
    const shapes = settings.shapes?.trim();
    const key = settings.key?.trim();
    const shapesKey = settings.shapesKey?.trim();
    if (!shapes || !key || !shapesKey) {
      return {data: {mode: 'invalid', problem: shapes ? 'no-join' : 'no-geo'}, result: EMPTY};
    }
    const selection = firstSelection(settings.value?.trim() || 'count()');
    // The data's own name of each area, read with its key (one name per key).
    const label = settings.label?.trim() || undefined;
    const shapesSource = sourceOfShapes(shapes, context.root);
    const shapesUrl = new URL(shapesSource.src, document.baseURI).href;
    const [engine, result, features] = await Promise.all([
      enginePromise,
      context.runQuery(
        target,
        selection.type === 'aggregate'
          ? {select: [selection], groupBy: label ? `${key}, ${label}` : key}
          : {
              select: [
                {type: 'field', field: key, as: key},
                ...(label ? [{type: 'field' as const, field: label, as: label}] : []),
                selection,
              ],
              limit: MAX_ROWS,
            },
        options,
      ),
      enginePromise.then((engine) =>
        engine
          .loadShapes(shapesUrl, {...options, objectName: settings.shapesObject, api: shapesSource.api})
          .catch((error: unknown) => {
            throw error instanceof SyntaxError
              ? new FormatError('Expected GeoJSON or TopoJSON', shapesUrl)
              : error;
          }),
      ),
    ]);
    const method = CLASS_METHODS.includes(settings.classes as ClassMethod)
      ? (settings.classes as ClassMethod)
      : 'quantile';
    const data = engine.prepareChoropleth({
      result,
      shapes: features,
      shapesKey,
      shapesLabel: settings.shapesLabel?.trim() || undefined,
      labelField: label,
      keyField: key,
      valueKey: selection.as,
      method,
      classCount: Number.isFinite(settings.classCount) && settings.classCount! > 0 ? settings.classCount! : 5,
      scheme: settings.scheme,
      onlyMatched: settings.onlyMatched,
    });
    return {data, result, engine};
  }
  const limit = Number.isFinite(settings.limit) && settings.limit! > 0 ? settings.limit : MAX_ROWS;
  const [engine, grouped] = await Promise.all([
    enginePromise,
    loadGroupedPoints(settings, context, target, limit, options),
  ]);
  const result = grouped?.result ?? (await context.runQuery(target, {limit}, options));
  const data = engine.preparePoints({
    result,
    latField: settings.lat?.trim() || undefined,
    lonField: settings.lon?.trim() || undefined,
    geoField: grouped?.geoField,
    colorField: settings.color?.trim() || undefined,
    sizeField: grouped?.sizeField ?? sizeSelection(settings.size)?.field,
    labelField: settings.label?.trim() || undefined,
    popupFields: splitFields(settings.popup),
    palette: context.palette,
    defaultColor: context.defaultColor,
  });
  // Groups have no exact count (see the connectors' `total`): only records read one by one are compared.
  if (data && !grouped && result.total > result.rows.length) data.readOnly = result.rows.length;
  return {data: data ?? {mode: 'invalid', problem: 'no-geo'}, result, engine};
}

/**
 * `size="sum(capacite)"`: one point per location, sized by the aggregate the portal computes
 * for it (`group_by` the geo field, or `lat` and `lon`; with `color` and `label`, by them too).
 * Undefined, and the records are read one by one, when `size` is a field or the data has no
 * point field to group on.
 */
async function loadGroupedPoints(
  settings: MapSettings,
  context: MapQueryContext,
  target: DataTarget,
  limit: number | undefined,
  options: LoadOptions,
): Promise<{result: QueryResult; geoField?: string; sizeField: string} | undefined> {
  const text = settings.size?.trim();
  const selection = text ? firstSelection(text) : undefined;
  if (selection?.type !== 'aggregate' || !selection.field) return undefined;
  const lat = settings.lat?.trim();
  const lon = settings.lon?.trim();
  let geoField: string | undefined;
  let fields: FieldInfo[] = [];
  if (!(lat && lon)) {
    const info = await datasetInfo(target.src, {
      api: target.api,
      apiKey: target.apiKey,
      signal: options.signal,
      fresh: options.fresh,
      offlineCopy: options.offlineCopy,
    });
    fields = info.fields;
    geoField = info.fields.find((field) => field.type === 'geo_point_2d')?.name;
    if (!geoField) return undefined;
  }
  const keys = [
    ...(geoField ? [geoField] : [lat!, lon!]),
    settings.color?.trim(),
    settings.label?.trim(),
  ].filter((name, i, all): name is string => Boolean(name) && all.indexOf(name) === i);
  const result = await context.runQuery(
    target,
    {select: [selection], groupBy: keys.join(', '), limit},
    options,
  );
  // The aggregate is named in words (« Capacité (somme) ») in the table, popups and legend.
  const known = fields.length ? fields : result.fields;
  const label = valueLabel(selection, known, context.lang);
  const merged = [
    ...known.filter((field) => field.name !== selection.as),
    {name: selection.as, label, type: 'double' as const},
  ];
  for (const field of result.fields) if (!merged.some((m) => m.name === field.name)) merged.push(field);
  return {result: {...result, fields: merged}, geoField, sizeField: selection.as};
}

/** `shapes` names a file or API URL, or the `id` of an `odw-source` holding the outlines. */
function sourceOfShapes(shapes: string, root: Node): {src: string; api?: ApiFamily} {
  const named = /^[\w-]+$/.test(shapes)
    ? ((root instanceof ShadowRoot || root instanceof Document ? root.getElementById(shapes) : null) ??
      document.getElementById(shapes))
    : null;
  if (isDataSource(named) && named.src?.trim()) return {src: named.src.trim(), api: named.api};
  return {src: shapes};
}

/**
 * `size` read as a field (`capacite`) or an aggregate of one (`sum(capacite)`): points are sized
 * by the field, clusters announce the aggregate of their points. `median` is not additive: it
 * is announced as the mean.
 */
export function sizeSelection(
  size: string | undefined,
): {field: string; fn?: 'sum' | 'avg' | 'min' | 'max'} | undefined {
  const text = size?.trim();
  if (!text) return undefined;
  const selection = firstSelection(text);
  if (!selection.field) return undefined;
  if (selection.type === 'field') return {field: selection.field};
  const fn = selection.fn === 'median' ? 'avg' : selection.fn;
  return {field: selection.field, fn: fn === 'count' ? undefined : fn};
}
