/**
 * ISO 8601 dates as the expression language writes them (`date'2025-01-01'`,
 * `date'2025-01-01T10:00:00'`) and as datasets store them. How the engine compares and groups
 * them is in ../engine-dates.ts.
 */

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** False for a date alone (`2025-01-01`): it then stands for the whole day. */
  hasTime: boolean;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Reads `YYYY-MM-DD` with an optional time (`T` or a space, `HH:MM`, seconds, fraction, zone).
 * Answers undefined for anything else, including impossible dates (`2025-02-30`).
 */
export function parseIsoDate(text: string): DateParts | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 59))
    return undefined;
  const millisecond = Number((match[7] ?? '').slice(0, 3).padEnd(3, '0'));
  return {year, month, day, hour, minute, second, millisecond, hasTime: match[4] !== undefined};
}
