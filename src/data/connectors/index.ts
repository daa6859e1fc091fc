/** The connectors, one per API family, and what the rest of the library needs from them. */
import type {ApiFamily, Connector} from '../types.js';
import {odsConnector} from './ods.js';

export {resolveSource} from './resolve.js';
export type {FacetValues} from './util.js';

/**
 * Opendatasoft's connector, the API of the métropoles' portals, comes with the data layer and is
 * answered at once: a widget's request leaves in the update that asks for it, before the widget
 * renders its loading state. Each other family's is its own chunk, loaded on first use: a page
 * reading Opendatasoft never downloads the CKAN, tabular or file code.
 */
const CONNECTORS: Record<ApiFamily, () => Connector | Promise<Connector>> = {
  ods: () => odsConnector,
  tabular: () => import('./tabular.js').then((module) => module.tabularConnector),
  ckan: () => import('./ckan.js').then((module) => module.ckanConnector),
  csv: () => loadFileConnector('csvConnector'),
  json: () => loadFileConnector('jsonConnector'),
  geojson: () => loadFileConnector('geojsonConnector'),
};

/** A connector of files (file.js: CSV, JSON, GeoJSON), once that module has loaded. */
function loadFileConnector(name: 'csvConnector' | 'jsonConnector' | 'geojsonConnector'): Promise<Connector> {
  return import('./file.js').then((module) => module[name]);
}

/** The connector of an API family: Opendatasoft's itself, the others once their module has loaded. */
export function connectorFor(family: ApiFamily): Connector | Promise<Connector> {
  return CONNECTORS[family]();
}
