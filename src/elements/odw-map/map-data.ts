/**
 * Turns query results into what the map draws: outlines joined to values and classed
 * (choropleth), or rows located and coloured (points). Part of the lazily loaded map engine.
 */
import type {Feature, FeatureCollection, GeoJsonObject, Geometry, Polygon, Position} from 'geojson';
import {geoArea, geoCentroid} from 'd3-geo';
import {
  interpolateViridis,
  schemeBlues,
  schemeBuGn,
  schemeBuPu,
  schemeGnBu,
  schemeGreens,
  schemeGreys,
  schemeOrRd,
  schemeOranges,
  schemePuBu,
  schemePuRd,
  schemePurples,
  schemeRdPu,
  schemeReds,
  schemeYlGn,
  schemeYlGnBu,
  schemeYlOrBr,
  schemeYlOrRd,
} from 'd3-scale-chromatic';
import {compareText} from '../../data/collation.js';
import type {FieldInfo, QueryResult, Row} from '../../data/types.js';
import {classBounds, classIndex, type ClassMethod} from './classify.js';
import type {
  ChoroplethData,
  LegendCategory,
  MapArea,
  MapPoint,
  PointsData,
  UnmatchedRow,
} from './map-types.js';

/** Sequential ColorBrewer schemes by lower-case name; each lists palettes of 3 to 9 colours. */
const SCHEMES: Record<string, ReadonlyArray<ReadonlyArray<string>>> = {
  blues: schemeBlues,
  greens: schemeGreens,
  greys: schemeGreys,
  oranges: schemeOranges,
  purples: schemePurples,
  reds: schemeReds,
  bugn: schemeBuGn,
  bupu: schemeBuPu,
  gnbu: schemeGnBu,
  orrd: schemeOrRd,
  pubu: schemePuBu,
  purd: schemePuRd,
  rdpu: schemeRdPu,
  ylgn: schemeYlGn,
  ylgnbu: schemeYlGnBu,
  ylorbr: schemeYlOrBr,
  ylorrd: schemeYlOrRd,
};

export const SCHEME_NAMES = [...Object.keys(SCHEMES), 'viridis'];

/** Drawn for outlines without a value, under a hatching so that colour is not the only cue. */
export const NO_DATA_COLOR = '#d9d9d9';

/** Points whose category is beyond the palette. */
const OTHER_COLOR = '#8c8c8c';

/**
 * `count` colours, lightest first: a named scheme (`blues`, `ylorrd`, `viridis`…) or a list of
 * CSS colours separated by commas (`#fee5d9,#a50f15`), used as given when it has `count`
 * colours, else sampled along it.
 */
export function schemeColors(scheme: string | undefined, count: number): string[] {
  const name = (scheme ?? '')
    .trim()
    .toLowerCase()
    .replace(/^scheme|^interpolate/, '');
  if (count <= 0) return [];
  if (name.includes(',')) {
    const list = (scheme ?? '')
      .split(',')
      .map((color) => color.trim())
      .filter(Boolean);
    if (list.length === count) return list;
    return Array.from(
      {length: count},
      (_, i) => list[Math.round((i * (list.length - 1)) / Math.max(1, count - 1))],
    );
  }
  if (name === 'viridis') {
    // Reversed so that, like the other schemes, the darkest colour is the largest value.
    return Array.from({length: count}, (_, i) =>
      interpolateViridis(1 - (count === 1 ? 0.5 : i / (count - 1))),
    );
  }
  const palettes = SCHEMES[name] ?? schemeBlues;
  if (count >= 3 && count <= 9) return [...palettes[count]];
  const nine = palettes[9];
  if (count < 3) return count === 1 ? [nine[6]] : [nine[3], nine[7]];
  return Array.from({length: count}, (_, i) => nine[Math.round((i * 8) / (count - 1))]);
}

/** Reads a GeoJSON text, or a TopoJSON one (its first object, or `objectName`), as features. */
export async function parseShapes(text: string, objectName?: string): Promise<FeatureCollection> {
  const json = JSON.parse(text) as GeoJsonObject & {objects?: Record<string, unknown>};
  if ((json.type as string) === 'Topology') {
    // topojson-client is only downloaded by the pages that give TopoJSON.
    const {feature} = await import('topojson-client');
    const objects = json.objects ?? {};
    const name = objectName && objectName in objects ? objectName : Object.keys(objects)[0];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- topojson-client's overloads need its own Topology type
    const result = feature(json as any, objects[name] as any) as Feature | FeatureCollection;
    return rewindAll(
      result.type === 'FeatureCollection' ? result : {type: 'FeatureCollection', features: [result]},
    );
  }
  if (json.type === 'FeatureCollection') return rewindAll(json as FeatureCollection);
  if (json.type === 'Feature') return rewindAll({type: 'FeatureCollection', features: [json as Feature]});
  return rewindAll({
    type: 'FeatureCollection',
    features: [{type: 'Feature', geometry: json as Geometry, properties: {}}],
  });
}

function rewindAll(collection: FeatureCollection): FeatureCollection {
  for (const feature of collection.features) if (feature.geometry) rewind(feature.geometry);
  return collection;
}

/**
 * A copy of a GeoJSON value to rewind without touching the dataset's own. GeoJSON is plain JSON;
 * `structuredClone` would leave out Safari 15.0 to 15.3.
 */
export function copyGeometry<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Turns polygons wound the GeoJSON way (RFC 7946: exterior rings counter-clockwise) into the
 * order d3-geo reads (clockwise), in place; otherwise d3 fills the whole globe but the polygon.
 */
export function rewind(geometry: Geometry): Geometry {
  const fix = (rings: Position[][]) => {
    const polygon: Polygon = {type: 'Polygon', coordinates: rings};
    if (geoArea(polygon) > 2 * Math.PI) for (const ring of rings) ring.reverse();
  };
  if (geometry.type === 'Polygon') fix(geometry.coordinates);
  else if (geometry.type === 'MultiPolygon') geometry.coordinates.forEach(fix);
  else if (geometry.type === 'GeometryCollection') geometry.geometries.forEach(rewind);
  return geometry;
}

/** The label property of outlines: as asked, else a usual name property. */
function labelProperty(features: Feature[], asked?: string): string | undefined {
  if (asked) return asked;
  const properties = features[0]?.properties ?? {};
  return ['nom', 'name', 'NOM', 'NAME', 'libelle', 'label', 'nom_com', 'nom_dep'].find(
    (name) => name in properties,
  );
}

export interface ChoroplethInput {
  result: QueryResult;
  shapes: FeatureCollection;
  shapesKey: string;
  shapesLabel?: string;
  /** The data field naming each area (`label`), over the outlines' own names. */
  labelField?: string;
  keyField: string;
  /** Key of the value in result rows (`sum(population)`). */
  valueKey: string;
  method: ClassMethod;
  classCount: number;
  scheme?: string;
  onlyMatched: boolean;
}

export function prepareChoropleth(input: ChoroplethInput): ChoroplethData {
  const {result, shapes, shapesKey, keyField, valueKey} = input;
  const rowsByKey = new Map<string, Row>();
  for (const row of result.rows) {
    const key = keyText(row[keyField]);
    if (key !== '') rowsByKey.set(key, row);
  }
  const labelKey = labelProperty(shapes.features, input.shapesLabel);
  const areas: MapArea[] = [];
  const seen = new Set<string>();
  for (const feature of shapes.features) {
    if (!feature.geometry) continue;
    const key = keyText(feature.properties?.[shapesKey]);
    const row = rowsByKey.get(key);
    if (row) seen.add(key);
    const name =
      (input.labelField && row ? keyText(row[input.labelField]) : '') ||
      (labelKey ? keyText(feature.properties?.[labelKey]) : '');
    areas.push({
      key,
      name: name || key,
      value: row ? toNumber(row[valueKey]) : null,
      classIndex: -1,
      color: NO_DATA_COLOR,
      feature,
      row,
    });
  }
  const unmatched: UnmatchedRow[] = [...rowsByKey]
    .filter(([key]) => !seen.has(key))
    .map(([key, row]) => ({key, row, value: toNumber(row[valueKey])}));

  const withValue = areas.filter((area) => area.value !== null);
  const bounds = classBounds(
    withValue.map((area) => area.value!),
    input.method,
    input.classCount,
  );
  const colors = schemeColors(input.scheme, Math.max(0, bounds.length - 1));
  const classes = colors.map((color, i) => ({from: bounds[i], to: bounds[i + 1], color, count: 0}));
  for (const area of withValue) {
    area.classIndex = classIndex(area.value!, bounds);
    if (area.classIndex >= 0) {
      area.color = classes[area.classIndex].color;
      classes[area.classIndex].count++;
    }
  }
  const noValue = areas.filter((area) => area.value === null);
  // Outlines without value that outnumber the others are a wider outline file than the data (the
  // Loiret around a métropole), drawn quietly on purpose: not a join to warn about.
  const strayOutlines = noValue.length > 0 && !input.onlyMatched && noValue.length <= withValue.length;
  if (unmatched.length || strayOutlines) {
    const sample = (keys: string[]) => keys.slice(0, 20).join(', ') + (keys.length > 20 ? ', …' : '');
    const parts = [];
    if (unmatched.length)
      parts.push(`${unmatched.length} data key(s) match no outline: ${sample(unmatched.map((u) => u.key))}`);
    // With only-matched, hiding them is what the page asked for: the summary still counts them.
    if (strayOutlines)
      parts.push(`${noValue.length} outline(s) have no value: ${sample(noValue.map((a) => a.key))}`);
    console.warn(`odw-map: ${parts.join('; ')} (join ${shapesKey} ↔ ${keyField}).`);
  }
  return {
    mode: 'choropleth',
    areas: input.onlyMatched ? withValue : areas,
    noValue,
    unmatched,
    classes,
    keyField,
    fields: result.fields,
  };
}

export interface PointsInput {
  result: QueryResult;
  /** Fields named by `lat` and `lon`. */
  latField?: string;
  lonField?: string;
  /** A field holding a point or a geometry; found from the field types when absent. */
  geoField?: string;
  colorField?: string;
  sizeField?: string;
  labelField?: string;
  popupFields: string[];
  palette: string[];
  defaultColor: string;
}

/** The field holding coordinates: a `geo_point_2d`, else a `geo_shape`, else a `geometry` key. */
export function findGeoField(fields: FieldInfo[], rows: Row[]): string | undefined {
  return (
    fields.find((field) => field.type === 'geo_point_2d')?.name ??
    fields.find((field) => field.type === 'geo_shape')?.name ??
    (rows.some((row) => row.geometry && typeof row.geometry === 'object') ? 'geometry' : undefined)
  );
}

/** `[lon, lat]` of a point value: `{lat, lon}`, an Opendatasoft `[lat, lon]`, a GeoJSON geometry or feature. */
export function pointOf(value: unknown): [number, number] | undefined {
  if (!value || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    // Opendatasoft writes geo_point_2d as [lat, lon].
    const [lat, lon] = value.map(Number);
    return valid(lon, lat);
  }
  const object = value as Record<string, unknown>;
  if ('lat' in object && ('lon' in object || 'lng' in object)) {
    return valid(Number(object.lon ?? object.lng), Number(object.lat));
  }
  if (object.type === 'Feature') return pointOf(object.geometry);
  if (object.type === 'Point' && Array.isArray(object.coordinates)) {
    const [lon, lat] = (object.coordinates as unknown[]).map(Number);
    return valid(lon, lat);
  }
  if (object.type === 'MultiPoint' && Array.isArray(object.coordinates) && object.coordinates.length === 1) {
    const [lon, lat] = (object.coordinates[0] as unknown[]).map(Number);
    return valid(lon, lat);
  }
  if (typeof object.type === 'string' && ('coordinates' in object || 'geometries' in object)) {
    const [lon, lat] = geoCentroid(rewind(copyGeometry(object) as unknown as Geometry));
    return valid(lon, lat);
  }
  return undefined;
}

function valid(lon: number, lat: number): [number, number] | undefined {
  return Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
    ? [lon, lat]
    : undefined;
}

export function preparePoints(input: PointsInput): PointsData | undefined {
  const {result, colorField, sizeField} = input;
  const byLatLon = Boolean(input.latField && input.lonField);
  const geoField = byLatLon ? undefined : (input.geoField ?? findGeoField(result.fields, result.rows));
  if (!byLatLon && !geoField) return undefined;
  const textFields = result.fields.filter((field) => field.type === 'text').map((field) => field.name);
  const labelField =
    input.labelField ??
    textFields.find((name) => /^(nom|name|libelle|titre|title|label)/i.test(name)) ??
    input.popupFields.find((name) => textFields.includes(name)) ??
    textFields[0];

  const counts = new Map<string, number>();
  if (colorField) {
    for (const row of result.rows) {
      const category = keyText(row[colorField]);
      counts.set(category, (counts.get(category) ?? 0) + 1);
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  const palette = input.palette.length ? input.palette : [input.defaultColor];
  // The last colour names « Autres » when there are more categories than colours.
  const named = ranked.length > palette.length ? palette.length - 1 : ranked.length;
  const colorOf = new Map(ranked.slice(0, named).map(([category], i) => [category, palette[i]]));
  const categories: LegendCategory[] = ranked
    .slice(0, named)
    .map(([label, count], i) => ({label, count, color: palette[i]}));
  if (ranked.length > named) {
    categories.push({
      label: '',
      other: true,
      color: OTHER_COLOR,
      count: ranked.slice(named).reduce((sum, [, count]) => sum + count, 0),
    });
  }

  const sizes = sizeField ? result.rows.map((row) => toNumber(row[sizeField]) ?? 0) : [];
  const maxSize = Math.max(0, ...sizes.map(Math.abs));
  const points: MapPoint[] = [];
  let skipped = 0;
  result.rows.forEach((row, i) => {
    const location = byLatLon
      ? valid(coordinate(row[input.lonField!]), coordinate(row[input.latField!]))
      : pointOf(row[geoField!]);
    if (!location) {
      skipped++;
      return;
    }
    const category = colorField ? keyText(row[colorField]) : undefined;
    const size = sizeField ? sizes[i] : undefined;
    points.push({
      lon: location[0],
      lat: location[1],
      label: labelField ? keyText(row[labelField]) : '',
      category,
      color: category === undefined ? input.defaultColor : (colorOf.get(category) ?? OTHER_COLOR),
      size,
      radius: size === undefined || maxSize === 0 ? 5 : 3 + Math.sqrt(Math.abs(size) / maxSize) * 13,
      row,
    });
  });
  return {
    mode: 'points',
    points,
    categories,
    skipped,
    labelField,
    colorField,
    sizeField,
    fields: result.fields,
    total: result.total,
  };
}

/** A number from a number or numeric text; NaN for anything else (`null` is not 0). */
function coordinate(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
}

/** A key or label as text: `"45234"`, `12` → `"12"`; nothing → `""`. */
export function keyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value).trim();
}

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return null;
}
