/**
 * Imported for its effect by the widgets that group or page (chart, table, map, filter): the
 * Opendatasoft connector gets its planning and paging from their own chunk, so that their first
 * request, and each one after a filter changes, leaves in the update that asks for it (ods.ts).
 */
import {fetchPages, readPoints} from './ods-pages.js';
import {planOdsQuery} from './ods-plan.js';
import {providePaging} from './ods.js';

providePaging({planOdsQuery, fetchPages, readPoints});
