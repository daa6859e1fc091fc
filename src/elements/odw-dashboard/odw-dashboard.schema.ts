/** The attributes of `odw-dashboard` (src/core/schema.ts). */
import {API_FAMILIES, LANGUAGES, THEMES} from '../../core/data-element.schema.js';
import {defineAttributes} from '../../core/schema.js';

export const dashboardAttributes = defineAttributes({
  /** Columns of the grid (1 to 12, default 3); fewer when the dashboard is narrow (at most 2 under 45rem, 1 under 30rem). */
  columns: {kind: 'integer'},
  /** The visible heading (part `title`); no native tooltip. */
  title: {kind: 'text'},
  /** The level of that heading for assistive technologies. */
  headingLevel: {kind: 'integer', default: 2, reflect: false},
  /** A visible introduction under the heading. */
  description: {kind: 'text'},
  /** URL of a JSON configuration (fetched without cookies). */
  config: {kind: 'text'},
  /** Values of the configuration's `params`, in URL-query syntax (`commune=45234&annee=2025`); the page URL's query (`?commune=45234`) wins over it. */
  params: {kind: 'text'},
  /** The `id` of an `odw-source`: the default source of the children. */
  source: {kind: 'text'},
  /** A dataset URL: the dashboard makes the default source from it. */
  src: {kind: 'text'},
  /** Forces the API family of `src`. */
  api: {kind: 'text', values: API_FAMILIES},
  /** Opendatasoft API key for a private `src`. */
  apiKey: {kind: 'text', reflect: false},
  /** The base filter of the default source made from `src`. */
  where: {kind: 'text'},
  /** Seconds between two reloads of the default source made from `src`. */
  refresh: {kind: 'number'},
  /** Keeps the filters of that source in the page URL (`query` or `hash`). */
  urlSync: {kind: 'text'},
  /** The dashboard's look, passed to children without `theme`. */
  theme: {kind: 'text', values: THEMES},
  /** Keeps no copy of its configuration or its widgets' data in the browser (see the widgets' `no-offline-copy`). */
  noOfflineCopy: {kind: 'boolean', default: false},
  /** `fr` or `en`; inherited by the children; default from the page. */
  lang: {kind: 'text', values: LANGUAGES},
});
