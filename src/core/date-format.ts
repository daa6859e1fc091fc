/**
 * Dates as the widgets write them, with `Intl`'s formatters cached per language and options
 * (format.ts re-exports them).
 */
import type {Lang} from './lang.js';

/** The `Intl` locale of each UI language. */
export const LOCALES: Record<Lang, string> = {fr: 'fr-FR', en: 'en'};

/** The `Intl` formatter of a language and options from `cache`, built once (building one is costly). */
export function cachedFormatter<Options, Formatter>(
  cache: Map<string, Formatter>,
  lang: Lang,
  options: Options,
  build: (locale: string, options: Options) => Formatter,
): Formatter {
  const key = `${lang}|${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = build(LOCALES[lang], options);
    cache.set(key, formatter);
  }
  return formatter;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The `Intl` date formatter of a language and options, built once. */
export function dateFormatter(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cachedFormatter(dateFormats, lang, options, (locale, opts) => new Intl.DateTimeFormat(locale, opts));
}

/** Short month names as `Intl` writes them with `month: 'short'`. */
const SHORT_MONTHS: Record<Lang, readonly string[]> = {
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/**
 * `19 déc. 2024` / `Dec 19, 2024`, as `Intl` writes `{day: 'numeric', month: 'short', year:
 * 'numeric'}`, without it: a page's first `Intl.DateTimeFormat` costs 60 to 115 ms before a
 * widget's footer shows (bench/RESULTS.md).
 */
export function formatShortDate(date: Date, lang: Lang): string {
  const [day, month, year] = [date.getDate(), SHORT_MONTHS[lang][date.getMonth()], date.getFullYear()];
  return lang === 'fr' ? `${day} ${month} ${year}` : `${month} ${day}, ${year}`;
}

/** Reads a date given as a `Date`, an epoch in milliseconds or ISO text; undefined if invalid. */
export function toDate(value: Date | string | number): Date | undefined {
  let date: Date;
  if (typeof value === 'string') {
    // A bare ISO date is a calendar day, not UTC midnight (which is the day before west of Greenwich).
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value);
  } else {
    date = new Date(value);
  }
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** `3 mars 2026 à 14:05` / `March 3, 2026 at 2:05 PM`; empty text for an invalid date. */
export function formatDateTime(value: Date | string | number, lang: Lang): string {
  const date = toDate(value);
  return date ? dateFormatter(lang, {dateStyle: 'long', timeStyle: 'short'}).format(date) : '';
}

/** `14:05` / `2:05 PM`; empty text for an invalid date. */
export function formatTime(value: Date | string | number, lang: Lang): string {
  const date = toDate(value);
  return date ? dateFormatter(lang, {timeStyle: 'short'}).format(date) : '';
}
