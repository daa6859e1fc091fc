import {QueryError} from '../errors.js';

/**
 * What the parser wanted where an expression went wrong: `QueryError.details.expected`.
 * The i18n layer translates these codes; the set is closed.
 *
 * - `closing-paren` — a `)` (after a function argument, an `in` list, a parenthesised filter)
 * - `opening-paren` — a `(` (after `in`)
 * - `field` — a field name (also an alias after `as`, or a time unit call in group by)
 * - `value` — a literal: string, number, `true`/`false`, `date'…'` (or `null` after `is`)
 * - `operator` — a comparison operator, `in`, `not in` or `is` after a field
 * - `end` — nothing more: the filter was complete
 * - `string-end` — the closing quote of a string, backquoted name or date
 * - `aggregate` — a known function: count, sum, avg, min, max, median (also: a bare field used
 *   in a grouped query without being grouped)
 * - `comma` — a `,` between list items (select, group by, order by, `in` values)
 * - `date` — a valid ISO date inside `date'…'` (`2025-01-01`, `2025-01-01T10:00:00`)
 * - `expression` — something at all: the text is empty
 */
export type SyntaxExpected =
  | 'closing-paren'
  | 'opening-paren'
  | 'field'
  | 'value'
  | 'operator'
  | 'end'
  | 'string-end'
  | 'aggregate'
  | 'comma'
  | 'date'
  | 'expression';

const EXPECTED_TEXT: Record<SyntaxExpected, string> = {
  'closing-paren': 'closing parenthesis',
  'opening-paren': 'opening parenthesis',
  field: 'field name',
  value: 'value',
  operator: 'operator',
  end: 'end of expression',
  'string-end': 'closing quote',
  aggregate: 'aggregate function (count, sum, avg, min, max, median)',
  comma: 'comma',
  date: 'valid date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)',
  expression: 'expression',
};

/**
 * `sum(population: closing parenthesis expected, column 15`. `found` is the offending text,
 * absent at the end of the text; `wanted` overrides the English wording of `expected` when the
 * context says more (e.g. `null`).
 */
export function syntaxError(
  expression: string,
  column: number,
  expected: SyntaxExpected,
  found?: string,
  wanted = EXPECTED_TEXT[expected],
): QueryError {
  const foundText = found === undefined ? '' : `, found '${found}'`;
  return new QueryError(`${expression}: ${wanted} expected, column ${column}${foundText}`, {
    expression,
    column,
    expected,
    found,
  });
}
