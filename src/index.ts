/**
 * Every element of open-data-widgets, registered. For a plain `<script type="module">` page or an
 * app that wants them all; import `open-data-widgets/<tag>.js` for one element only.
 */
export * from './elements/odw-source/define.js';
export * from './elements/odw-kpi/define.js';
