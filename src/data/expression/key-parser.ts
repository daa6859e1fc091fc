/**
 * Group keys and order keys of the expression language (README, "Expressions"). A module of its
 * own: the data layer loads it with the first query that groups or sorts by text (src/data/query.ts),
 * and it ships with what the widgets that group or sort share (rollup.config.mjs), so a key
 * figure's page never downloads it.
 */
import type {GroupKey, Order, TimeUnit} from '../types.js';
import {AGGREGATE_FNS, canonicalCall, parser, type Parser} from './parser.js';

const TIME_UNITS: readonly TimeUnit[] = ['year', 'month', 'week', 'day', 'hour'];

function groupKey(reader: Parser): GroupKey {
  if (reader.isCall()) {
    const unit = reader.callName(
      TIME_UNITS,
      'field',
      'field name or time unit (year, month, week, day, hour)',
    );
    const field = reader.field();
    reader.expect(')', 'closing-paren');
    return {field, timeunit: unit, as: reader.alias() ?? canonicalCall(unit, field)};
  }
  const field = reader.field();
  return {field, as: reader.alias() ?? field};
}

function order(reader: Parser): Order {
  const sign = reader.peek();
  const signed = reader.isPunct(sign, '-') || reader.isPunct(sign, '+');
  if (signed) reader.next();
  let key: string;
  if (reader.isCall()) {
    const fn = reader.callName<string>(
      [...AGGREGATE_FNS, ...TIME_UNITS],
      'aggregate',
      'aggregate function or time unit (count, sum, avg, min, max, median, year, month, week, day, hour)',
    );
    key = canonicalCall(fn, reader.callArgument(fn));
  } else {
    key = reader.field();
  }
  let direction: Order['direction'] = reader.isPunct(sign, '-') ? 'desc' : 'asc';
  const word = reader.peek();
  if (!signed && (reader.isWord(word, 'asc') || reader.isWord(word, 'desc'))) {
    reader.next();
    direction = word.value.toLowerCase() as Order['direction'];
  }
  return {key, direction};
}

/**
 * `region, year(date) as année`: fields, or a date field truncated by `year`, `month`, `week`,
 * `day` or `hour`, each with an optional `as alias` (default: the field, or `year(date)`).
 * Blank text gives `[]`.
 *
 * @throws QueryError with `details.expected` one of the {@link SyntaxExpected} codes.
 */
export function parseGroupBy(text: string): GroupKey[] {
  const reader = parser(text);
  return reader.list(() => groupKey(reader));
}

/**
 * `-population, commune`, `commune desc`, `-sum(population)`: fields or calls (aggregates and
 * time units, keyed by their canonical text), descending with a leading `-` or a trailing
 * `desc`, ascending by default (`+`, `asc`). Blank text gives `[]`.
 *
 * @throws QueryError with `details.expected` one of the {@link SyntaxExpected} codes.
 */
export function parseOrderBy(text: string): Order[] {
  const reader = parser(text);
  return reader.list(() => order(reader));
}
