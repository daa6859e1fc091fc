/** The attributes of `odw-source` (src/core/schema.ts). */
import {API_FAMILIES} from '../../core/data-element.schema.js';
import {defineAttributes} from '../../core/schema.js';

export const URL_SYNC_MODES = ['query', 'hash'] as const;

export const sourceAttributes = defineAttributes({
  /** The dataset: an Opendatasoft page or API URL, a data.gouv.fr tabular-API or resource URL, a CKAN `datastore_search` URL, or a `.csv`, `.json`, `.geojson` file. */
  src: {kind: 'text', required: true},
  /** Forces the API family instead of recognising it from the URL. */
  api: {kind: 'text', values: API_FAMILIES},
  /** Base filter applied to every widget, in the expression language (`population > 10000 and code_departement = "45"`). */
  where: {kind: 'text'},
  /** Opendatasoft API key for a private dataset. */
  apiKey: {kind: 'text'},
  /** Seconds between two reloads of every bound widget (live data). */
  refresh: {kind: 'number'},
  /** Keeps the filters in force in the page URL (`query`, the default when present, or `hash`), one parameter per filter, `<source id>.<key>=<expression>`, updated with `history.replaceState`, read when the source is connected. */
  urlSync: {kind: 'text'},
  /** The bound widgets keep no copy of their data in the browser (see the widgets' `no-offline-copy`). */
  noOfflineCopy: {kind: 'boolean', default: false},
});
