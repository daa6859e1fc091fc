/** The attributes of `odw-builder` (src/core/schema.ts). */
import {defineAttributes} from '../../core/schema.js';

export const builderAttributes = defineAttributes({
  /** A data address to load at start (a dataset, or a portal to search). */
  src: {kind: 'text'},
  /** The script the code to paste loads (default: the CDN build `open-data-widgets.js` the builder itself was loaded with); the iframe code shows the `embed.html` beside it. */
  scriptSrc: {kind: 'text'},
  /** Folder (URL) of the bundled outline files `regions.geojson`, `departements.geojson`, `communes-*.geojson` (default `data/`, relative to the page). */
  shapesBase: {kind: 'text'},
  /** Root of the data.gouv.fr tabular API, used for the CSV resources a udata catalogue has parsed (default `https://tabular-api.data.gouv.fr/api/`). */
  tabularApi: {kind: 'text'},
  /** Reads the state from the page's `#builder=…` at start and keeps it there. */
  urlSync: {kind: 'boolean', default: false},
  /** `fr` or `en`; inherited from the closest ancestor, then `<html lang>`; default `fr`. */
  lang: {kind: 'text'},
});
