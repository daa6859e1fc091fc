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
import {parseFilterText, parseSelectText} from './parser.js';

export type {SyntaxExpected} from './parser.js';
export {formatFilter} from './format.js';
export {parseGroupBy, parseOrderBy} from './key-parser.js';

/**
 * A `where` expression: `population >= 2000 and (epci = "Orléans Métropole" or code in ("45", "21"))`.
 * Comparisons `= != <> < <= > >=` (also `literal op field`), `in (…)`, `not in (…)`,
 * `is null`, `is not null`, `and`, `or`, `not`, parentheses (precedence: not > and > or).
 * Literals: `"text"` or `'text'` (escapes `\"`, `\'`, `\\`), numbers (`-3`, `12.5`, `1e3`),
 * `true`/`false`, `date'2025-01-01'` / `date'2025-01-01T10:00:00'`. Field names: identifiers
 * (letters with accents, digits, `_`) or backquoted `` `any name` ``. Keywords ignore case.
 * Empty text is an error (expected `expression`).
 *
 * @throws QueryError with `details.expected` one of the {@link SyntaxExpected} codes.
 */
export function parseFilter(text: string): Filter {
  return parseFilterText(text);
}

/**
 * `count(), sum(population) as total, commune`: aggregates `count()` (also `count(*)`, or
 * `count(f)`: values of f that are not null), `sum`, `avg`, `min`, `max`, `median` of a field,
 * or bare fields; each with an optional `as alias`. The default alias is the canonical text
 * (`sum(population)`, `count()`: lowercase, no spaces, no backquotes) or the field name.
 * Blank text gives `[]` (every field).
 *
 * @throws QueryError with `details.expected` one of the {@link SyntaxExpected} codes;
 *   `aggregate` for an unknown function.
 */
export function parseSelect(text: string): Selection[] {
  return parseSelectText(text);
}

/** The first selection of `text` (a key figure's or a map's `value`), or `count()` when it has none. */
export function firstSelection(text: string): Selection {
  const [selection] = parseSelectText(text);
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
