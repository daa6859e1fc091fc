/**
 * The CDN entry (`dist/open-data-widgets.js`): registers every element lazily. Each `odw-*` tag
 * found in the page — now or later, in the document or in a widget's shadow root — loads its own
 * module, so a page with one key figure never downloads the chart, map or table code.
 */
import {observe, register} from './loader.js';

// Where `npm run build` writes the elements' stylesheets, for engines without constructable
// stylesheets under a strict CSP: STYLESHEET_BASE of src/core/linked-styles.ts, set here without
// importing it, so that this file needs no other chunk to run (and to report one that fails).
(globalThis as Record<symbol, string>)[Symbol.for('open-data-widgets.stylesheet-base')] = new URL(
  './styles/',
  import.meta.url,
).href;
register('odw-builder', () => import('./elements/odw-builder/define.js'));
observe(document);
