// The oldest engines every widget must run in, in one place: the
// CDN build lowers its syntax to them, the syntax test parses every chunk against them, and the
// README's "Browser support" table states them.

/** esbuild targets of the floor. Safari 15 is also the floor of every iPhone still on iOS 15. */
export const BROWSER_FLOOR = ['safari15', 'ios15', 'firefox115', 'chrome120', 'edge120'];

/**
 * What the floor cannot parse although it is ES2022 (acorn's `ecmaVersion` below): Safari before
 * 16.4 rejects class static blocks and look-behind in regular expressions, and a file using either
 * does not load at all.
 */
export const FLOOR_ECMA_VERSION = 2022;

/**
 * What the floor's engines lack although its syntax lets a use through: a call to one of these
 * throws in Safari 15.0 to 15.3 (or Firefox ESR 115) and breaks the widget that makes it. Each is
 * kept out of our sources by the lint (eslint.config.mjs), looked for in every built file
 * (tools/api-floor.test.mjs), and removed from a page whose widgets must all still draw
 * (test/cdn/floor-apis.js). `guarded`: may be used after checking that it exists.
 */
export const MISSING_AT_FLOOR = [
  {api: 'Array.prototype.at', since: 'Safari 15.4'},
  {api: 'String.prototype.at', since: 'Safari 15.4'},
  {api: 'Array.prototype.findLast', since: 'Safari 15.4'},
  {api: 'Array.prototype.findLastIndex', since: 'Safari 15.4'},
  {api: 'Array.prototype.toSorted', since: 'Safari 16'},
  {api: 'Array.prototype.toReversed', since: 'Safari 16'},
  {api: 'Array.prototype.toSpliced', since: 'Safari 16'},
  {api: 'Array.fromAsync', since: 'Safari 16.4'},
  {api: 'String.prototype.isWellFormed', since: 'Safari 16.4, Firefox 119'},
  {api: 'Object.hasOwn', since: 'Safari 15.4'},
  {api: 'Object.groupBy', since: 'Safari 17.4, Firefox 119'},
  {api: 'Map.groupBy', since: 'Safari 17.4, Firefox 119'},
  {api: 'Promise.withResolvers', since: 'Safari 17.4, Firefox 121'},
  {api: 'structuredClone', since: 'Safari 15.4', guarded: true},
  {api: 'AbortSignal.timeout', since: 'Safari 16'},
  {api: 'AbortSignal.any', since: 'Safari 17.4, Firefox 124'},
  {api: 'AbortSignal.prototype.throwIfAborted', since: 'Safari 15.4'},
  {api: 'Crypto.prototype.randomUUID', since: 'Safari 15.4'},
  {api: 'URL.canParse', since: 'Safari 17'},
  {api: 'URL.parse', since: 'Safari 18, Firefox 126'},
  {api: 'HTMLElement.prototype.attachInternals', since: 'Safari 16.4'},
  {api: 'HTMLElement.prototype.showPopover', since: 'Safari 17, Firefox 125'},
  {api: 'OffscreenCanvas', since: 'Safari 16.4', guarded: true},
  {api: 'requestIdleCallback', since: 'not in Safari', guarded: true},
];
