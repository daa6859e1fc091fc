/** The attributes of `odw-table` besides every data widget's (src/core/schema.ts). */
import {defineAttributes} from '../../core/schema.js';

export const tableAttributes = defineAttributes({
  /** The fields shown, comma-separated (`commune,population`); default every field but shapes and JSON. Labels and types come from the dataset's metadata. */
  columns: {kind: 'text'},
  /** The initial order: a field, or `-field` for descending (`-population`). Clicking a header sorts by that column (ascending, then descending). */
  sort: {kind: 'text'},
  /** Rows per page. */
  pageSize: {kind: 'integer', default: 20},
  /** Shows a search box (see above for what it searches). */
  search: {kind: 'boolean', default: false},
});
