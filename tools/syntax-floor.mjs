// Whether a built file parses in every engine of the floor (tools/browser-floor.mjs).
import {parse} from 'acorn';
import {simple} from 'acorn-walk';
import {FLOOR_ECMA_VERSION} from './browser-floor.mjs';

const lookBehind = /\(\?<[=!]/;

/**
 * The places in `code` that an engine of the floor cannot parse, as `line:column what` strings;
 * empty when it parses everywhere.
 */
export function syntaxAboveFloor(code) {
  let program;
  try {
    program = parse(code, {ecmaVersion: FLOOR_ECMA_VERSION, sourceType: 'module', locations: true});
  } catch (error) {
    return [
      `${error.loc?.line}:${error.loc?.column} syntax newer than ES${FLOOR_ECMA_VERSION}: ${error.message}`,
    ];
  }
  const found = [];
  const at = (node, what) => found.push(`${node.loc.start.line}:${node.loc.start.column} ${what}`);
  simple(program, {
    StaticBlock: (node) => at(node, 'class static block (Safari < 16.4)'),
    Literal(node) {
      if (node.regex && lookBehind.test(node.regex.pattern))
        at(node, `look-behind in /${node.regex.pattern}/ (Safari < 16.4)`);
    },
  });
  return found;
}
