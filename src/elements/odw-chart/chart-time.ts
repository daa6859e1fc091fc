/** Periods of a time axis: read from the portal's values, stepped through, written in words. */
import type {TimeUnit} from '../../data/types.js';
import {dateFormatter} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import {chartText} from './odw-chart.messages.js';

/** `2024-03-01`, `2024-03-01T00:00:00`, `2024-03-01 14`, a year number → epoch ms read as UTC. */
export function periodTime(raw: unknown): number | undefined {
  if (typeof raw === 'number' && raw > 999 && raw < 10000) return Date.UTC(raw, 0, 1);
  if (typeof raw !== 'string') return undefined;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ](\d{2}))?(?::(\d{2}))?/.exec(raw.trim());
  if (!match) return undefined;
  const [, year, month = '01', day = '01', hour = '00', minute = '00'] = match;
  return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute));
}

/** The start of the period after `time`. */
export function nextPeriod(time: number, unit: TimeUnit): number {
  const date = new Date(time);
  switch (unit) {
    case 'year':
      return Date.UTC(date.getUTCFullYear() + 1, 0, 1);
    case 'month':
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    case 'week':
      return time + 7 * 86_400_000;
    case 'day':
      return time + 86_400_000;
    case 'hour':
      return time + 3_600_000;
  }
}

const PERIOD_FORMATS: Record<TimeUnit | 'date', Intl.DateTimeFormatOptions> = {
  year: {year: 'numeric'},
  month: {month: 'short', year: 'numeric'},
  week: {day: 'numeric', month: 'short', year: 'numeric'},
  day: {day: 'numeric', month: 'short', year: 'numeric'},
  hour: {day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit'},
  date: {day: 'numeric', month: 'short', year: 'numeric'},
};

export function formatPeriod(time: number, unit: TimeUnit | 'date', lang: Lang): string {
  const text = dateFormatter(lang, {...PERIOD_FORMATS[unit], timeZone: 'UTC'}).format(time);
  return unit === 'week' ? chartText(lang, 'chart.week', {date: text}) : text;
}
