/**
 * The map engine: d3-geo, d3-zoom, d3-tile and supercluster. `odw-map` loads this module with a
 * dynamic `import()`, so a page without a map never downloads it.
 */
import type {Feature, FeatureCollection, Geometry} from 'geojson';
import {resolveSource} from '../../data/connectors/index.js';
import {query} from '../../data/query.js';
import type {OfflineCopyOptions} from '../../data/offline-copy.js';
import {createFetchContext} from '../../data/request.js';
import type {ApiFamily} from '../../data/types.js';
import {copyGeometry, parseShapes, rewind} from './map-data.js';

export {prepareChoropleth, preparePoints, schemeColors, NO_DATA_COLOR} from './map-data.js';
export {MapView} from './map-view.js';
export {CANVAS_THRESHOLD} from './map-points.js';
export {svgElement} from './svg.js';
export type {MapViewOptions} from './map-view-options.js';

/** Most outlines read from an API. */
const MAX_SHAPES = 20_000;

/** API families whose records may carry outlines in a `geo_shape` field. */
const SHAPE_APIS: readonly ApiFamily[] = ['ods', 'tabular', 'ckan'];

/**
 * Outlines from a GeoJSON or TopoJSON URL, or from the `geo_shape` field of an API's records
 * (an Opendatasoft dataset of communes…), through the data layer: requests shared with the other
 * maps of the page, cached, retried, aborted with the widget.
 */
export async function loadShapes(
  url: string,
  options: {
    signal: AbortSignal;
    fresh: boolean;
    objectName?: string;
    api?: ApiFamily;
    offlineCopy?: OfflineCopyOptions;
  },
): Promise<FeatureCollection> {
  if (SHAPE_APIS.includes(options.api ?? familyOf(url) ?? 'geojson')) {
    const {rows, fields} = await query(url, {
      limit: MAX_SHAPES,
      api: options.api,
      signal: options.signal,
      fresh: options.fresh,
      offlineCopy: options.offlineCopy,
    });
    const shapeField = fields.find((field) => field.type === 'geo_shape')?.name ?? 'geometry';
    const features = rows.flatMap((row): Feature[] => {
      const geometry = geometryOf(row[shapeField]);
      if (!geometry) return [];
      const properties = {...row};
      delete properties[shapeField];
      return [{type: 'Feature', geometry: rewind(copyGeometry(geometry)), properties}];
    });
    return {type: 'FeatureCollection', features};
  }
  const {signal, fresh, offlineCopy} = options;
  const text = await createFetchContext({signal, fresh, offlineCopy}).fetchText(url);
  return parseShapes(text, options.objectName);
}

/** The API family of a URL, or undefined for a plain file the data layer does not recognise. */
function familyOf(url: string): ApiFamily | undefined {
  try {
    return resolveSource(url).family;
  } catch {
    return undefined;
  }
}

/** A geometry from a `geo_shape` value: a GeoJSON feature, a geometry, or either as JSON text. */
function geometryOf(value: unknown): Geometry | undefined {
  let shape = value;
  if (typeof shape === 'string') {
    try {
      shape = JSON.parse(shape);
    } catch {
      return undefined;
    }
  }
  if (!shape || typeof shape !== 'object') return undefined;
  const object = shape as {type?: unknown; geometry?: unknown};
  if (object.type === 'Feature') return geometryOf(object.geometry);
  return typeof object.type === 'string' ? (shape as Geometry) : undefined;
}
