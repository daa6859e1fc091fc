/**
 * The filters an `odw-filter` writes into its source, and reading them back (a filter restored
 * from the URL, or set by a script, shows in the control).
 */
import type {FieldInfo, Filter, Literal} from '../../data/types.js';
import {and} from '../../data/index.js';

export type ChoiceValue = string | number | boolean;

/** The literal of a choice in the field's type (facets answer numbers as text on Opendatasoft). */
export function literalOf(value: ChoiceValue, field: FieldInfo): Literal {
  if (field.type === 'int' || field.type === 'double') {
    const number = typeof value === 'number' ? value : Number(value);
    if (Number.isFinite(number)) return {type: 'number', value: number};
  }
  if (field.type === 'boolean') {
    if (value === true || value === 'true') return {type: 'boolean', value: true};
    if (value === false || value === 'false') return {type: 'boolean', value: false};
  }
  return {type: 'string', value: String(value)};
}

/** `field = v` for one value, `field in (…)` for several, nothing for none. */
export function choicesFilter(field: FieldInfo, values: readonly ChoiceValue[]): Filter | undefined {
  const literals = values.map((value) => literalOf(value, field));
  if (literals.length === 0) return undefined;
  if (literals.length === 1) return {type: 'compare', field: field.name, op: '=', value: literals[0]};
  return {type: 'in', field: field.name, values: literals};
}

/** The values a choice filter holds, as text (how choices are compared). */
export function readChoices(filter: Filter | undefined): string[] {
  if (!filter) return [];
  if (filter.type === 'compare' && filter.op === '=') return [String(filter.value.value)];
  if (filter.type === 'in') return filter.values.map((literal) => String(literal.value));
  return [];
}

export interface Bounds<T> {
  min?: T;
  max?: T;
}

/** `field >= min and field <= max`, either end optional. */
export function rangeFilter(field: string, bounds: Bounds<number>): Filter | undefined {
  const parts: Filter[] = [];
  if (bounds.min !== undefined)
    parts.push({type: 'compare', field, op: '>=', value: {type: 'number', value: bounds.min}});
  if (bounds.max !== undefined)
    parts.push({type: 'compare', field, op: '<=', value: {type: 'number', value: bounds.max}});
  return and(...parts);
}

/**
 * `field >= date'from' and field < date'day after to'`: the last day is included whole, also
 * for date-time fields.
 */
export function dateRangeFilter(field: string, bounds: Bounds<string>): Filter | undefined {
  const parts: Filter[] = [];
  if (bounds.min) parts.push({type: 'compare', field, op: '>=', value: {type: 'date', value: bounds.min}});
  if (bounds.max)
    parts.push({type: 'compare', field, op: '<', value: {type: 'date', value: shiftDay(bounds.max, 1)}});
  return and(...parts);
}

/** The bounds of a range filter written by `rangeFilter` or `dateRangeFilter`. */
export function readBounds(filter: Filter | undefined): Bounds<number | string> {
  const bounds: Bounds<number | string> = {};
  const parts = !filter ? [] : filter.type === 'and' ? filter.filters : [filter];
  for (const part of parts) {
    if (part.type !== 'compare') continue;
    const value = part.value.value;
    if (typeof value === 'boolean') continue;
    if (part.op === '>=' || part.op === '>') bounds.min = value;
    else if (part.op === '<=') bounds.max = value;
    else if (part.op === '<' && typeof value === 'string') bounds.max = shiftDay(value, -1);
    else if (part.op === '<') bounds.max = value;
  }
  return bounds;
}

/** `2025-12-31` plus `days` days, as `YYYY-MM-DD` (calendar arithmetic, no time zone). */
export function shiftDay(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return date.toISOString().slice(0, 10);
}
