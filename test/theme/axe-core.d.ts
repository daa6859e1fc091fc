/** axe-core's browser build: importing it registers `window.axe`. */
declare module 'axe-core/axe.min.js';
