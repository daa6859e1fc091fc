// An engine with only what Safari 15.0 has: what the floor lacks (MISSING_AT_FLOOR,
// tools/browser-floor.mjs) is removed before the CDN build runs, as are constructable stylesheets
// (test/cdn/no-constructable-stylesheets.js, run before by the page). A module script, executed in
// the page's order: before the build's own.
import {MISSING_AT_FLOOR} from '../../tools/browser-floor.mjs';

for (const {api} of MISSING_AT_FLOOR) {
  const path = api.split('.');
  const name = path.pop();
  const owner = path.reduce((object, key) => object?.[key], globalThis);
  if (owner) delete owner[name];
}
