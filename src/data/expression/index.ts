/**
 * The expression language of the README ("Expressions"): one small language for filters
 * (`where`), selections, group by and order by, parsed into the AST of `../types.ts`.
 *
 * Every parse error is a `QueryError` whose `details` are
 * `{expression, column, expected, found}`: `column` is 1-based and points where the problem is
 * (one past the last character when something is missing at the end, the opening quote of an
 * unclosed string), `expected` is a {@link SyntaxExpected} code, `found` the offending text
 * (absent at the end of the text).
 */

import type {Filter, Selection} from '../types.js';
import {parseSelect} from './parser.js';

export {parseFilter, parseSelect, type SyntaxExpected} from './parser.js';
export {formatFilter} from './format.js';
export {parseGroupBy, parseOrderBy} from './key-parser.js';

/** The first selection of `text` (a key figure's or a map's `value`), or `count()` when it has none. */
export function firstSelection(text: string): Selection {
  const [selection] = parseSelect(text);
  return selection ?? {type: 'aggregate', fn: 'count', as: 'count()'};
}

/**
 * The conjunction of the given filters: undefined ones are dropped, nested `and`s flattened.
 * One filter left is answered as is; none gives undefined (no condition).
 */
export function and(...filters: Array<Filter | undefined>): Filter | undefined {
  const operands: Filter[] = [];
  const add = (filter: Filter | undefined) => {
    if (filter?.type === 'and') filter.filters.forEach(add);
    else if (filter) operands.push(filter);
  };
  filters.forEach(add);
  if (operands.length === 0) return undefined;
  return operands.length === 1 ? operands[0] : {type: 'and', filters: operands};
}
