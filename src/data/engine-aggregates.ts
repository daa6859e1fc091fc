/**
 * The browser-side engine's group keys (a date's period under a time unit) and aggregates
 * (count, sum, avg, median, min, max), for engine.ts.
 */
import {QueryError} from './errors.js';
import {addDays, wallClockKey} from './engine-dates.js';
import {isNull, toDateParts, toNumber} from './engine-filter.js';
import type {AggregateFn, GroupKey, Row, TimeUnit} from './types.js';

// --- time units ------------------------------------------------------------------------------

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** The start of the period holding a date, as ISO text (`2025-03-03`, `2025-03-05T14:00:00`). */
function truncate(value: unknown, unit: TimeUnit): string | null {
  const parts = toDateParts(value);
  if (!parts) return null;
  const year = pad(parts.year, 4);
  switch (unit) {
    case 'year':
      return `${year}-01-01`;
    case 'month':
      return `${year}-${pad(parts.month)}-01`;
    case 'day':
      return `${year}-${pad(parts.month)}-${pad(parts.day)}`;
    case 'hour':
      return `${year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:00:00`;
    case 'week': {
      // ISO weeks start on Monday; getUTCDay counts from Sunday = 0.
      const day = new Date(wallClockKey({...parts, hour: 0, minute: 0, second: 0, millisecond: 0}));
      const monday = new Date(addDays(day.getTime(), -((day.getUTCDay() + 6) % 7)));
      return `${pad(monday.getUTCFullYear(), 4)}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`;
    }
  }
}

export function groupValue(row: Row, key: GroupKey): unknown {
  const value = row[key.field];
  if (key.timeunit) return truncate(value, key.timeunit);
  return isNull(value) ? null : value;
}

// --- aggregates ------------------------------------------------------------------------------

/** Decimal places of a number as written, to undo binary rounding in sums (0.1 + 0.2). */
function decimalPlaces(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(value);
  const point = text.indexOf('.');
  return text.includes('e') || point < 0 ? Infinity : text.length - point - 1;
}

function numberOf(row: Row, field: string): number | undefined {
  const value = row[field];
  return isNull(value) ? undefined : toNumber(value);
}

/**
 * One aggregate over every group, its state kept in arrays indexed by group number: one pass
 * over the rows allocates nothing per row.
 */
export interface AggregateColumn {
  /** Adds a group (numbered from 0 in order). */
  open(): void;
  add(group: number, row: Row): void;
  result(group: number): unknown;
}

class CountColumn implements AggregateColumn {
  private readonly counts: number[] = [];
  constructor(private readonly field: string | undefined) {}
  open() {
    this.counts.push(0);
  }
  add(group: number, row: Row) {
    if (this.field === undefined || !isNull(row[this.field])) this.counts[group] += 1;
  }
  result(group: number) {
    return this.counts[group];
  }
}

class SumColumn implements AggregateColumn {
  private readonly totals: number[] = [];
  private readonly counts: number[] = [];
  private readonly decimals: number[] = [];
  constructor(
    private readonly field: string,
    private readonly average: boolean,
  ) {}
  open() {
    this.totals.push(0);
    this.counts.push(0);
    this.decimals.push(0);
  }
  add(group: number, row: Row) {
    const number = numberOf(row, this.field);
    if (number === undefined) return;
    this.totals[group] += number;
    this.counts[group] += 1;
    if (!Number.isInteger(number) && this.decimals[group] !== Infinity) {
      this.decimals[group] = Math.max(this.decimals[group], decimalPlaces(number));
    }
  }
  result(group: number) {
    const count = this.counts[group];
    if (count === 0) return null;
    const decimals = this.decimals[group];
    const total = this.totals[group];
    const sum = decimals > 0 && decimals <= 15 ? Number(total.toFixed(decimals)) : total;
    return this.average ? sum / count : sum;
  }
}

class MedianColumn implements AggregateColumn {
  private readonly values: number[][] = [];
  constructor(private readonly field: string) {}
  open() {
    this.values.push([]);
  }
  add(group: number, row: Row) {
    const number = numberOf(row, this.field);
    if (number !== undefined) this.values[group].push(number);
  }
  result(group: number) {
    const values = this.values[group];
    if (values.length === 0) return null;
    const sorted = Float64Array.from(values).sort();
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}

/** min/max of numbers; of ISO dates (answered as written) when the field holds no number. */
class ExtremeColumn implements AggregateColumn {
  private readonly numbers: Array<number | undefined> = [];
  private readonly dates: Array<{key: number; value: unknown} | undefined> = [];
  constructor(
    private readonly field: string,
    private readonly direction: 1 | -1,
  ) {}
  open() {
    this.numbers.push(undefined);
    this.dates.push(undefined);
  }
  add(group: number, row: Row) {
    const value = row[this.field];
    if (isNull(value)) return;
    const number = toNumber(value);
    if (number !== undefined) {
      const best = this.numbers[group];
      if (best === undefined || (number - best) * this.direction > 0) this.numbers[group] = number;
      return;
    }
    const parts = toDateParts(value);
    if (!parts) return;
    const key = wallClockKey(parts);
    const best = this.dates[group];
    if (!best || (key - best.key) * this.direction > 0) this.dates[group] = {key, value};
  }
  result(group: number) {
    return this.numbers[group] ?? this.dates[group]?.value ?? null;
  }
}

export function aggregateColumn(fn: AggregateFn, field: string | undefined): AggregateColumn {
  if (fn === 'count') return new CountColumn(field);
  if (field === undefined) throw new QueryError(`${fn}() needs a field`, {expected: 'field'});
  switch (fn) {
    case 'sum':
      return new SumColumn(field, false);
    case 'avg':
      return new SumColumn(field, true);
    case 'median':
      return new MedianColumn(field);
    case 'min':
      return new ExtremeColumn(field, -1);
    case 'max':
      return new ExtremeColumn(field, 1);
  }
}
