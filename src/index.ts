/**
 * Every element of open-data-widgets, registered, and the classes of their public events. For a
 * plain `<script type="module">` page or an app that wants them all. `open-data-widgets/<tag>.js`
 * registers one element only; `open-data-widgets/<tag>.class.js` gives its class without
 * registering anything (to extend it, or define it under another name).
 */
export * from './elements/odw-source/define.js';
export * from './elements/odw-kpi/define.js';
export * from './elements/odw-chart/define.js';
export * from './elements/odw-map/define.js';
export * from './elements/odw-table/define.js';
export * from './elements/odw-filter/define.js';
export * from './elements/odw-dashboard/define.js';
export {setStylesheetBase} from './core/linked-styles.js';
export {
  OdwErrorEvent,
  OdwFilterChangeEvent,
  OdwLoadEvent,
  OdwSelectEvent,
  type OdwErrorDetail,
  type OdwFilterChangeDetail,
  type OdwLoadDetail,
  type OdwSelectDetail,
} from './core/events.js';
export {OdwChartDrawnEvent} from './elements/odw-chart/chart-events.js';
