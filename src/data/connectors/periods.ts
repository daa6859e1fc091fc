/**
 * Time-unit group values as the GroupKey contract wants them, whatever partial text a server
 * answered. Only a query grouped by a time unit needs it: the Opendatasoft reader loads it then
 * (ods.ts), keeping it off a key figure's page.
 */
import type {GroupKey, Row, TimeUnit} from '../types.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Monday of ISO week `week` of ISO week-year `year`, as `YYYY-MM-DD`. */
function isoWeekStart(year: number, week: number): string {
  // 4 January is always in week 1; step back to its Monday, then forward whole weeks.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(
    jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (week - 1) * 7 * 86_400_000,
  );
  return `${monday.getUTCFullYear()}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`;
}

/**
 * The group value of a time unit as the GroupKey contract wants it: the ISO text of the period
 * start (`2025-03-01` for March 2025, `2025-03-01T14:00:00` for an hour), from whatever partial
 * text a server answered (`2025`, `2025-03`, `2025-W09`, `2025-03-01T14`, a full date-time…).
 * Unrecognised values are returned unchanged rather than guessed.
 */
function periodStart(value: unknown, unit: TimeUnit): unknown {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  // A week named by its ISO week-year and number: `2024-W10`, or `2024-10` when the unit says week.
  const week = (unit === 'week' ? /^(\d{4})-W?(\d{1,2})$/ : /^(\d{4})-W(\d{1,2})$/).exec(text);
  if (week) return isoWeekStart(Number(week[1]), Number(week[2]));
  const parts =
    /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2})(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(
      text,
    );
  if (!parts) return value;
  const [, y, m = '1', d = '1', h = '0'] = parts;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  switch (unit) {
    case 'year':
      return `${y}-01-01`;
    case 'month':
      return `${y}-${pad(month)}-01`;
    case 'week': {
      const date = new Date(Date.UTC(year, month - 1, day));
      const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000);
      return `${monday.getUTCFullYear()}-${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`;
    }
    case 'day':
      return `${y}-${pad(month)}-${pad(day)}`;
    case 'hour':
      return `${y}-${pad(month)}-${pad(day)}T${pad(Number(h))}:00:00`;
  }
}

/** Rewrites, in place, the values of time-unit group keys to their period start. */
export function normalizePeriods(rows: Row[], groupBy: readonly GroupKey[]): void {
  const timed = groupBy.filter((key) => key.timeunit);
  if (!timed.length) return;
  for (const row of rows) for (const key of timed) row[key.as] = periodStart(row[key.as], key.timeunit!);
}
