/**
 * Group keys and order keys of the expression language (README, "Expressions"). A module of its
 * own: the data layer loads it with the first query that groups or sorts by text (src/data/query.ts),
 * and it ships with what the widgets that group or sort share (rollup.config.mjs), so a key
 * figure's page never downloads it.
 */
import type {GroupKey, Order, TimeUnit} from '../types.js';
import {AGGREGATE_FNS, Parser, canonicalCall} from './parser.js';

const TIME_UNITS: readonly TimeUnit[] = ['year', 'month', 'week', 'day', 'hour'];

class KeyParser extends Parser {
  groupKey(): GroupKey {
    if (this.isCall()) {
      const unit = this.callName(
        TIME_UNITS,
        'field',
        'field name or time unit (year, month, week, day, hour)',
      );
      const field = this.listField();
      this.expectPunct(')', 'closing-paren');
      return {field, timeunit: unit, as: this.alias() ?? canonicalCall(unit, field)};
    }
    const field = this.listField();
    return {field, as: this.alias() ?? field};
  }

  order(): Order {
    const sign = this.peek();
    const signed = this.isPunct(sign, '-') || this.isPunct(sign, '+');
    if (signed) this.next();
    let key: string;
    if (this.isCall()) {
      const fn = this.callName<string>(
        [...AGGREGATE_FNS, ...TIME_UNITS],
        'aggregate',
        'aggregate function or time unit (count, sum, avg, min, max, median, year, month, week, day, hour)',
      );
      key = canonicalCall(fn, this.callArgument(fn));
    } else {
      key = this.listField();
    }
    let direction: Order['direction'] = this.isPunct(sign, '-') ? 'desc' : 'asc';
    const word = this.peek();
    if (!signed && (this.isWord(word, 'asc') || this.isWord(word, 'desc'))) {
      this.next();
      direction = word.value.toLowerCase() as Order['direction'];
    }
    return {key, direction};
  }
}

/**
 * `region, year(date) as année`: fields, or a date field truncated by `year`, `month`, `week`,
 * `day` or `hour`, each with an optional `as alias` (default: the field, or `year(date)`).
 * Blank text gives `[]`.
 *
 * @throws QueryError with `details.expected` one of the {@link SyntaxExpected} codes.
 */
export function parseGroupBy(text: string): GroupKey[] {
  const parser = new KeyParser(text);
  return parser.list(() => parser.groupKey());
}

/**
 * `-population, commune`, `commune desc`, `-sum(population)`: fields or calls (aggregates and
 * time units, keyed by their canonical text), descending with a leading `-` or a trailing
 * `desc`, ascending by default (`+`, `asc`). Blank text gives `[]`.
 *
 * @throws QueryError with `details.expected` one of the {@link SyntaxExpected} codes.
 */
export function parseOrderBy(text: string): Order[] {
  const parser = new KeyParser(text);
  return parser.list(() => parser.order());
}
