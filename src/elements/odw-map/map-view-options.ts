/** What the element gives the map view: its settings, words and callbacks. */
import type {MapArea, MapTarget} from './map-types.js';
import {NO_DATA_COLOR} from './map-data.js';
import type {PointStyle} from './map-points.js';

export interface MapViewOptions extends Omit<PointStyle, 'stroke' | 'cluster' | 'clusterText'> {
  /** Tile URL template with `{z}`, `{x}`, `{y}`. */
  tiles?: string;
  /** `[lon, lat]` at the centre of the initial view. */
  center?: [number, number];
  /** Initial zoom level (0 = the whole world in 256 pixels). */
  zoom?: number;
  cluster: boolean;
  renderer?: 'svg' | 'canvas';
  /** `only-matched`: the outlines without value are not drawn. */
  onlyMatched?: boolean;
  /** Key of the area or point currently used as a filter, highlighted. */
  selectedKey?: string;
  describeArea(area: MapArea): string;
  /** The name of the group of marks: which map, which areas or points. */
  marksLabel: string;
  /** `markId`: the mark activated, to give the focus back to (see `focusMark`). */
  onActivate(target: MapTarget, at: [number, number], markId: string): void;
  onViewChange(): void;
  onTileError(): void;
  onWheelWithoutCtrl(): void;
  /** One finger moved on the map: the page scrolls, the map does not pan (two fingers do). */
  onOneFingerDrag?(): void;
  /** Colours taken from the theme: outlines, clusters, « pas de donnée ». */
  colors?: MapColors;
}

export interface MapColors {
  /** Between areas and around points: the background of the theme. */
  stroke: string;
  cluster: string;
  clusterText: string;
  noData: string;
  /** Behind the areas, and the outline of the areas whose colour does not stand out from it. */
  background?: string;
  outline?: string;
}

export const DEFAULT_COLORS: MapColors = {
  stroke: '#ffffff',
  cluster: '#1f5fa8',
  clusterText: '#ffffff',
  noData: NO_DATA_COLOR,
};
