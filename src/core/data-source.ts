/**
 * What a widget needs of the `odw-source` it is bound to. Core depends on this interface, not on
 * the element's class (src/elements/odw-source/odw-source.ts implements it).
 */
import type {ApiFamily, Filter} from '../data/types.js';

export interface DataSource extends HTMLElement {
  readonly src?: string;
  readonly api?: ApiFamily;
  readonly apiKey?: string;
  /** The source's base filter, in the expression language. */
  readonly where?: string;
  readonly noOfflineCopy: boolean;
  /** Increases at every change that alters what the bound widgets query. */
  readonly revision: number;
  /** The base `where` and every filter in force (throws a `QueryError` when `where` does not parse). */
  readonly filter: Filter | undefined;
  /** The base `where` and every filter in force but the one under `key`. */
  filterExcept(key: string): Filter | undefined;
  getFilter(key: string): Filter | undefined;
  setFilter(key: string, filter: Filter | undefined): void;
}

/** The tag of the element that implements `DataSource`. */
export const DATA_SOURCE_TAG = 'odw-source';

/** Whether `element` is an upgraded data source (its class is defined and it is an instance). */
export function isDataSource(element: Element | null): element is DataSource {
  const definition = customElements.get(DATA_SOURCE_TAG);
  return Boolean(element && definition && element instanceof definition);
}
