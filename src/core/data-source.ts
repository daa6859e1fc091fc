/**
 * What a widget needs of the `odw-source` it is bound to. Core depends on this interface, not on
 * the element's class (src/elements/odw-source/odw-source.ts implements it).
 */
import type {ApiFamily, DatasetMeta, Filter} from '../data/types.js';

/**
 * What a bound widget tells its source after each render, so that the source speaks once for all
 * of them: one alert when its data cannot be loaded, one notice when old data is shown, and the
 * dataset's description for a dashboard that cites the source once (src/core/source-binding-controller.ts).
 */
export interface WidgetReport {
  /** The dataset's description, from the widget's last answer. */
  meta?: DatasetMeta;
  /** The widget's load failed in a way trying again may fix, and it has nothing to show. */
  error?: unknown;
  /** The widget shows data of that time: its copy kept offline (`offline`) or its last good answer. */
  stale?: {since: Date; offline: boolean};
  /** Gives the widget the focus (its body): where « Réessayer » leaves the focus. */
  focus: () => void;
}

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
  /** The dataset's description, from the last answer a bound widget got. */
  readonly meta?: DatasetMeta;
  /** A bound widget's state after its render; `undefined` when it leaves the source. */
  report(widget: Element, report: WidgetReport | undefined): void;
  /** `container` (a dashboard) cites this source for the widgets inside it; `false` stops. */
  cite(container: Element, cites: boolean): void;
  /** Whether an element around `widget` (a dashboard) cites this source, so the widget does not. */
  citedAround(widget: Element): boolean;
}

/** The tag of the element that implements `DataSource`. */
export const DATA_SOURCE_TAG = 'odw-source';

/** Whether `element` is an upgraded data source (its class is defined and it is an instance). */
export function isDataSource(element: Element | null): element is DataSource {
  const definition = customElements.get(DATA_SOURCE_TAG);
  return Boolean(element && definition && element instanceof definition);
}
