/** Filters back to text, in the expression language. */

import type {Filter, Literal} from '../types.js';
import {FILTER_KEYWORDS, isPlainName} from './parser.js';

function formatName(name: string): string {
  return isPlainName(name) && !FILTER_KEYWORDS.has(name.toLowerCase())
    ? name
    : `\`${name.replace(/[\\`]/g, '\\$&')}\``;
}

function formatLiteral(literal: Literal): string {
  switch (literal.type) {
    case 'string':
      return `"${literal.value.replace(/[\\"]/g, '\\$&')}"`;
    case 'number':
      if (!Number.isFinite(literal.value)) {
        throw new TypeError(`${literal.value} cannot be written in an expression`);
      }
      return String(literal.value);
    case 'boolean':
      return String(literal.value);
    case 'date':
      return `date'${literal.value.replace(/[\\']/g, '\\$&')}'`;
  }
}

function formatValues(values: Literal[]): string {
  if (values.length === 0) throw new TypeError('an empty `in` list cannot be written');
  return `(${values.map(formatLiteral).join(', ')})`;
}

/** A one-operand `and`/`or` is its operand. */
function unwrap(filter: Filter): Filter {
  return (filter.type === 'and' || filter.type === 'or') && filter.filters.length === 1
    ? unwrap(filter.filters[0])
    : filter;
}

function formatOperands(filters: Filter[], joiner: 'and' | 'or'): string {
  if (filters.length === 0) throw new TypeError(`an empty \`${joiner}\` cannot be written`);
  // `and` binds tighter than `or`: only an `or` inside an `and` needs parentheses.
  return filters
    .map(unwrap)
    .map((filter) =>
      filter.type === 'or' || (filter.type === 'and' && joiner === 'and')
        ? `(${formatFilter(filter)})`
        : formatFilter(filter),
    )
    .join(` ${joiner} `);
}

/**
 * The canonical text of a filter, in the expression language: `parseFilter(formatFilter(f))`
 * gives back `f` (up to the flattening of nested `and`/`or`). Strings are double-quoted with
 * `\"`/`\\` escapes; field names that are not plain identifiers, or are keywords, are backquoted.
 * Used for cache keys and to show filters. Throws a TypeError for a filter the language cannot
 * write: an empty `and`/`or`/`in`, a non-finite number.
 */
export function formatFilter(filter: Filter): string {
  switch (filter.type) {
    case 'compare':
      return `${formatName(filter.field)} ${filter.op} ${formatLiteral(filter.value)}`;
    case 'in':
      return `${formatName(filter.field)} in ${formatValues(filter.values)}`;
    case 'null':
      return `${formatName(filter.field)} is null`;
    case 'not': {
      const inner = unwrap(filter.filter);
      if (inner.type === 'null') return `${formatName(inner.field)} is not null`;
      if (inner.type === 'in') {
        return `${formatName(inner.field)} not in ${formatValues(inner.values)}`;
      }
      const operand = formatFilter(inner);
      return inner.type === 'and' || inner.type === 'or' ? `not (${operand})` : `not ${operand}`;
    }
    case 'and':
      return formatOperands(filter.filters, 'and');
    case 'or':
      return formatOperands(filter.filters, 'or');
  }
}
