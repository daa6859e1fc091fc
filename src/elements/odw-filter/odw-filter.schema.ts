/** The attributes of `odw-filter` besides every data widget's (src/core/schema.ts). */
import {defineAttributes} from '../../core/schema.js';

export const FILTER_TYPES = ['select', 'checkboxes', 'search', 'range', 'date-range'] as const;

export const filterAttributes = defineAttributes({
  /** The control (default `select`). */
  type: {kind: 'text', values: FILTER_TYPES, default: 'select'},
  /** The field filtered. */
  field: {kind: 'text', required: true},
  /** The visible label (default: the field's label in the metadata). */
  label: {kind: 'text'},
  /** The grammatical gender of the label in French, for the « all » choice (« Toutes les communes »). */
  labelGender: {kind: 'text', values: ['f', 'm']},
  /** `select` only: several values can be chosen. */
  multiple: {kind: 'boolean', default: false},
  /** Order of the choices: most frequent first (default) or alphabetical. */
  sort: {kind: 'text', values: ['count', 'label'], default: 'count'},
  /** Most choices listed (default 100); chosen values are always listed. */
  limit: {kind: 'integer', default: 100},
  /** The key of the filter in the source (default: the element's `id`, else `field`). */
  key: {kind: 'text'},
});
