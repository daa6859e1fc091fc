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
