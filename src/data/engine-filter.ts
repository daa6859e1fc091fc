/**
 * The browser-side engine's reading of values and filters (engine.ts runs the queries).
 *
 * Filter semantics (SQL-like, so that browser and server answers agree):
 * - Null: null, undefined, '' and NaN are null. `is null` is true for them; every comparison
 *   (`=`, `!=`, `<`…, `in`) with a null value is unknown, and filters use SQL three-valued
 *   logic: `not` of unknown is unknown, a row matches only when the filter is true. So
 *   `not (x = 1)` and `x not in (…)` both leave out rows where x is null.
 * - Numbers: a number and a numeric string (`"12.5"`) compare numerically. Two strings compare
 *   exactly (`=`) or by code points (`<`), never numerically, so codes like `"01001"` stay text.
 *   Values that cannot be compared are unequal (`!=` is true) and unordered (`<` is unknown).
 * - Booleans: true/false, the strings `"true"`/`"false"` and the numbers 1/0.
 * - Dates: ISO strings (`2025-03-05`, `2025-03-05T14:30:00`, with `T` or a space) and Date
 *   values compare chronologically as the wall-clock time they spell: a zone offset in the text
 *   is not applied (`…T00:30:00+01:00` is on 5 March), a Date is read in the browser's zone.
 *   A date literal without a time stands for its whole day: `= date'2025-03-05'` matches any
 *   time that day, `<` is before that day, `>` after it, `<=`/`>=` include it. A literal with a
 *   time is an instant. A string literal compared with a Date value is read as a date.
 */

import {addDays, localDateParts, wallClockKey} from './engine-dates.js';
import {parseIsoDate, type DateParts} from './expression/dates.js';
import type {CompareOp, Filter, Literal, Row} from './types.js';

// --- values ----------------------------------------------------------------------------------

export function isNull(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (typeof value === 'number' && Number.isNaN(value))
  );
}

const NUMERIC = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/** A finite number from a number or a numeric string; undefined otherwise. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    return NUMERIC.test(text) ? Number(text) : undefined;
  }
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}

export function toDateParts(value: unknown): DateParts | undefined {
  if (typeof value === 'string') return parseIsoDate(value.trim());
  if (value instanceof Date) return localDateParts(value);
  return undefined;
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    return text === 'true' ? true : text === 'false' ? false : undefined;
  }
  return undefined;
}

function sign(difference: number): number {
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** -1, 0, 1 as the row value is below, equal to or above the literal; undefined: incomparable. */
function compareToLiteral(value: unknown, literal: Literal): number | undefined {
  switch (literal.type) {
    case 'number': {
      const number = toNumber(value);
      return number === undefined ? undefined : sign(number - literal.value);
    }
    case 'string': {
      if (typeof value === 'string') {
        return value === literal.value ? 0 : value < literal.value ? -1 : 1;
      }
      const number = typeof value === 'number' ? value : undefined;
      const other = toNumber(literal.value);
      if (number !== undefined && other !== undefined) return sign(number - other);
      if (value instanceof Date) return compareToLiteral(value, {type: 'date', value: literal.value});
      if (typeof value === 'boolean') return String(value) === literal.value ? 0 : undefined;
      return undefined;
    }
    case 'boolean': {
      const bool = toBoolean(value);
      return bool === undefined ? undefined : sign(Number(bool) - Number(literal.value));
    }
    case 'date': {
      const parts = toDateParts(value);
      const bound = parseIsoDate(literal.value);
      if (!parts || !bound) return undefined;
      const key = wallClockKey(parts);
      const start = wallClockKey(bound);
      // A day literal covers [start, next day); an instant covers its millisecond.
      const end = bound.hasTime ? start + 1 : addDays(start, 1);
      return key < start ? -1 : key >= end ? 1 : 0;
    }
  }
}

/** true, false, or undefined for SQL's unknown. */
type Truth = boolean | undefined;

function compareTruth(value: unknown, op: CompareOp, literal: Literal): Truth {
  if (isNull(value)) return undefined;
  const order = compareToLiteral(value, literal);
  if (order === undefined) return op === '=' ? false : op === '!=' ? true : undefined;
  switch (op) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

function evaluate(filter: Filter, row: Row): Truth {
  switch (filter.type) {
    case 'compare':
      return compareTruth(row[filter.field], filter.op, filter.value);
    case 'in': {
      const value = row[filter.field];
      if (isNull(value)) return undefined;
      return filter.values.some((literal) => compareTruth(value, '=', literal));
    }
    case 'null':
      return isNull(row[filter.field]);
    case 'not': {
      const truth = evaluate(filter.filter, row);
      return truth === undefined ? undefined : !truth;
    }
    case 'and': {
      let result: Truth = true;
      for (const operand of filter.filters) {
        const truth = evaluate(operand, row);
        if (truth === false) return false;
        if (truth === undefined) result = undefined;
      }
      return result;
    }
    case 'or': {
      let result: Truth = false;
      for (const operand of filter.filters) {
        const truth = evaluate(operand, row);
        if (truth === true) return true;
        if (truth === undefined) result = undefined;
      }
      return result;
    }
  }
}

/** Whether a row passes a filter (undefined: every row does). See the module for semantics. */
export function matches(filter: Filter | undefined, row: Row): boolean {
  return filter === undefined || evaluate(filter, row) === true;
}
