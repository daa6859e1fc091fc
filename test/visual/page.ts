/** The elements of test/visual/page.html, where the visual tests draw widgets at a chosen width. */
import '../../src/index.js';
import '../../src/elements/odw-builder/define.js';
