/**
 * Every element of open-data-widgets, registered. For a plain `<script type="module">` page or an
 * app that wants them all; import `open-data-widgets/<tag>.js` for one element only.
 */
export * from './elements/odw-source/define.js';
export * from './elements/odw-kpi/define.js';
export * from './elements/odw-chart/define.js';
export * from './elements/odw-map/define.js';
export * from './elements/odw-table/define.js';
export * from './elements/odw-filter/define.js';
export * from './elements/odw-dashboard/define.js';
export {setStylesheetBase} from './core/linked-styles.js';
