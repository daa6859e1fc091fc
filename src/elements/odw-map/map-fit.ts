/** The initial view of the map: the projection fitted to the data. Part of the map engine. */
import {geoCentroid, geoMercator, type GeoPermissibleObjects, type GeoProjection} from 'd3-geo';
import type {MapData} from './map-types.js';

/** A single point, or points very close together, are not zoomed in further than this level. */
export const MAX_FIT_LEVEL = 15;
export const TILE_SIZE = 256;
const FIT_PADDING = 16;

/** The projection of the initial view: fitted to the data, or to `center` and `zoom` when given. */
export function fitProjection(
  data: MapData,
  options: {center?: [number, number]; zoom?: number},
  width: number,
  height: number,
): GeoProjection {
  const projection = geoMercator();
  const target = fitTarget(data);
  if (target) {
    projection.fitExtent(
      [
        [FIT_PADDING, FIT_PADDING],
        [width - FIT_PADDING, height - FIT_PADDING],
      ],
      target,
    );
  } else {
    // Nothing to fit: metropolitan France.
    projection
      .center([2.5, 46.6])
      .translate([width / 2, height / 2])
      .scale(levelScale(5));
  }
  // A single point (or points very close together) would be zoomed in without end.
  if (target && !(projection.scale() <= levelScale(MAX_FIT_LEVEL))) {
    projection.scale(levelScale(MAX_FIT_LEVEL)).translate([width / 2, height / 2]);
    centerOn(projection, geoCentroid(target), width, height);
  }
  const {center, zoom: level} = options;
  if (level !== undefined && Number.isFinite(level)) {
    const centre = projection.invert!([width / 2, height / 2])!;
    projection.scale(levelScale(level));
    centerOn(projection, centre, width, height);
  }
  if (center) centerOn(projection, center, width, height);
  return projection;
}

function fitTarget(data: MapData): GeoPermissibleObjects | undefined {
  if (data.mode === 'choropleth') {
    const withValues = data.areas.filter((area) => area.value !== null);
    const areas = withValues.length ? withValues : data.areas;
    return areas.length
      ? {type: 'FeatureCollection', features: areas.map((area) => area.feature)}
      : undefined;
  }
  if (data.mode === 'points' && data.points.length) {
    return {type: 'MultiPoint', coordinates: data.points.map((point) => [point.lon, point.lat])};
  }
  return undefined;
}

/** The projection scale of a web-map zoom level. */
function levelScale(level: number): number {
  return (TILE_SIZE * 2 ** level) / (2 * Math.PI);
}

function centerOn(
  projection: GeoProjection,
  [lon, lat]: [number, number],
  width: number,
  height: number,
): void {
  const [px, py] = projection([lon, lat]) ?? [width / 2, height / 2];
  const [tx, ty] = projection.translate();
  projection.translate([tx + width / 2 - px, ty + height / 2 - py]);
}
