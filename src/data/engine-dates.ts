/**
 * Dates as the engine compares and groups them (engine-filter.ts, engine-aggregates.ts): by their
 * wall-clock time, in whole days.
 */
import type {DateParts} from './expression/dates.js';

const MS_PER_DAY = 86_400_000;

/** The parts a Date shows in the browser's time zone: what the reader sees as its date. */
export function localDateParts(date: Date): DateParts | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
    millisecond: date.getMilliseconds(),
    hasTime: true,
  };
}

/**
 * A number that orders date-times as they are written (wall-clock time; any zone offset is not
 * applied), so that filtering and time grouping agree on which day a value belongs to.
 */
export function wallClockKey(parts: DateParts): number {
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  date.setUTCHours(parts.hour, parts.minute, parts.second, parts.millisecond);
  return date.getTime();
}

/** `key` moved by whole days. */
export function addDays(key: number, days: number): number {
  return key + days * MS_PER_DAY;
}
