/** What the map engine prepares from the data and the element draws around the map. */
import type {Feature} from 'geojson';
import type {FieldInfo, Row} from '../../data/types.js';

/** One outline of a choropleth, with its value when a data row matched it. */
export interface MapArea {
  key: string;
  name: string;
  /** `null`: no data row has this key (« pas de donnée »). */
  value: number | null;
  /** Index in `ChoroplethData.classes`, or -1 without a value. */
  classIndex: number;
  color: string;
  feature: Feature;
  row?: Row;
}

/** A data row whose key matches no outline. */
export interface UnmatchedRow {
  key: string;
  value: number | null;
  row: Row;
}

export interface LegendClass {
  from: number;
  to: number;
  color: string;
  /** How many areas fall in the class. */
  count: number;
}

export interface ChoroplethData {
  mode: 'choropleth';
  /** Outlines to draw (those without a value excluded with `only-matched`). */
  areas: MapArea[];
  /** Outlines without a value, drawn or not. */
  noValue: MapArea[];
  unmatched: UnmatchedRow[];
  classes: LegendClass[];
  keyField: string;
  fields: FieldInfo[];
}

export interface MapPoint {
  lon: number;
  lat: number;
  label: string;
  color: string;
  /** The value of the `color` field, as text. */
  category?: string;
  /** Radius in pixels. */
  radius: number;
  size?: number;
  row: Row;
}

export interface LegendCategory {
  label: string;
  color: string;
  count: number;
  /** « Autres »: the categories beyond the palette, in one grey. */
  other?: boolean;
}

export interface PointsData {
  mode: 'points';
  points: MapPoint[];
  categories: LegendCategory[];
  /** Rows without usable coordinates. */
  skipped: number;
  /** The field of `label` / the first text field: names points in the table and for screen readers. */
  labelField?: string;
  colorField?: string;
  sizeField?: string;
  fields: FieldInfo[];
  total: number;
  /**
   * The records read when the map read fewer than the source holds (`limit`, 20 000 by default):
   * the map says « 20 000 points sur 137 611 » rather than showing part of them silently.
   */
  readOnly?: number;
}

/**
 * The map cannot be drawn as configured: `no-geo`, the data has no coordinates and no `shapes`
 * was given; `no-join`, a choropleth lacks `shapes-key` or `key`; `bad-mode`, `mode` is neither
 * `points` nor `choropleth` (`value` holds it).
 */
export interface InvalidMapData {
  mode: 'invalid';
  problem: 'no-geo' | 'no-join' | 'bad-mode';
  value?: string;
}

/**
 * Outlines without a value outnumber those with one (304 communes of the Loiret around the 22 of
 * the métropole): they are drawn quietly, so that the areas with values stand out.
 */
export function quietNoData(data: ChoroplethData): boolean {
  return data.noValue.length > data.areas.length - data.noValue.length;
}

export type MapData = ChoroplethData | PointsData | InvalidMapData;

/** What the user activated on the map (click, Enter or Space). */
export type MapTarget = {kind: 'area'; area: MapArea} | {kind: 'point'; point: MapPoint};
