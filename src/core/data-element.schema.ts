/** The attributes every data widget has (src/core/schema.ts says how a schema is used). */
import {defineAttributes} from './schema.js';

export const API_FAMILIES = ['ods', 'tabular', 'ckan', 'csv', 'json', 'geojson'] as const;
export const THEMES = ['light', 'dark', 'auto', 'dsfr'] as const;
export const LANGUAGES = ['fr', 'en'] as const;

export const dataElementAttributes = defineAttributes({
  /** The `id` of an `odw-source` (same document or shadow root). */
  source: {kind: 'text'},
  /** A one-off dataset URL, when no `source` is given. */
  src: {kind: 'text'},
  /** Forces the API family instead of recognising it from the URL. */
  api: {kind: 'text', values: API_FAMILIES},
  /** Opendatasoft API key for a private `src`. */
  apiKey: {kind: 'text', reflect: false},
  /** An extra filter for this widget only (expression language). */
  where: {kind: 'text'},
  /** Seconds between two reloads of fresh data; a failed reload keeps the last data with a notice. */
  refresh: {kind: 'number'},
  /** The heading shown above the widget (part `title`); no native tooltip. */
  title: {kind: 'text'},
  /** The level of that heading for assistive technologies. */
  headingLevel: {kind: 'integer', default: 3, reflect: false},
  /** A text alternative read by screen readers, not shown. */
  description: {kind: 'text'},
  /** `fr` or `en`; inherited from the closest ancestor, then `<html lang>`; default `fr`. */
  lang: {kind: 'text', values: LANGUAGES},
  /** Colours and fonts; without it, the widget follows the page (light page, light widget). */
  theme: {kind: 'text', values: THEMES},
  /** Hides the attribution footer. */
  noAttribution: {kind: 'boolean', default: false},
  /** Keeps no copy of the data in the browser; without it the last good data is kept (30 days) and shown, dated, when the portal cannot be reached at page load. */
  noOfflineCopy: {kind: 'boolean', default: false},
});
