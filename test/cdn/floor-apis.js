// An engine with only what Safari 15.0 has: what the floor lacks (MISSING_AT_FLOOR,
// tools/browser-floor.mjs) and constructable stylesheets (Safari < 16.4) are removed before the
// CDN build runs. A module script, executed in the page's order: before the build's own.
import {MISSING_AT_FLOOR} from '../../tools/browser-floor.mjs';

for (const {api} of MISSING_AT_FLOOR) {
  const path = api.split('.');
  const name = path.pop();
  const owner = path.reduce((object, key) => object?.[key], globalThis);
  if (owner) delete owner[name];
}
delete Document.prototype.adoptedStyleSheets;
delete ShadowRoot.prototype.adoptedStyleSheets;
delete CSSStyleSheet.prototype.replace;
delete CSSStyleSheet.prototype.replaceSync;
