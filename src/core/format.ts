/**
 * French-first number and date formatting with `Intl`. Formatters are cached per language and
 * options (building one is costly); nothing here touches a global locale.
 *
 * The separators are those `Intl` gives: French groups thousands with U+202F (narrow no-break
 * space) and puts U+202F before `%`. Units are appended after U+00A0 so they never wrap alone.
 */
import type {Lang} from './i18n.js';

/**
 * - `integer`: rounded to a whole number, `116 344`.
 * - `decimal`: `12,5` (up to 2 decimals unless `decimals` is given).
 * - `compact`: `1,2 M`, `293,7 k` (1 decimal unless `decimals` is given).
 * - `percent`: the value is a ratio, 0.125 → `12,5 %` (1 decimal at most unless `decimals` is given).
 */
export type NumberFormat = 'integer' | 'decimal' | 'compact' | 'percent';

export interface NumberFormatOptions {
  /** Default: `integer` for whole numbers, `decimal` otherwise. */
  format?: NumberFormat;
  /** Exact number of decimals (ignored by `integer`). */
  decimals?: number;
  /** Appended after a no-break space: `293 673 hab.`. */
  unit?: string;
  /** Always show the sign (`+3,2 %`), for differences. */
  signed?: boolean;
}

const NO_BREAK_SPACE = '\u00a0';

/** The `Intl` locale of each UI language. */
const LOCALES: Record<Lang, string> = {fr: 'fr-FR', en: 'en'};

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormatter(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let formatter = numberFormats.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALES[lang], options);
    numberFormats.set(key, formatter);
  }
  return formatter;
}

function dateFormatter(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let formatter = dateFormats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[lang], options);
    dateFormats.set(key, formatter);
  }
  return formatter;
}

function clampDecimals(decimals: number | undefined): number | undefined {
  if (decimals === undefined || !Number.isFinite(decimals)) return undefined;
  return Math.min(20, Math.max(0, Math.round(decimals)));
}

function intlOptions(value: number, options: NumberFormatOptions): Intl.NumberFormatOptions {
  const format = options.format ?? (Number.isInteger(value) ? 'integer' : 'decimal');
  const decimals = clampDecimals(options.decimals);
  const fixed =
    decimals === undefined ? {} : {minimumFractionDigits: decimals, maximumFractionDigits: decimals};
  const sign: Intl.NumberFormatOptions = options.signed ? {signDisplay: 'exceptZero'} : {};
  switch (format) {
    case 'integer':
      return {maximumFractionDigits: 0, ...sign};
    case 'compact':
      return {notation: 'compact', maximumFractionDigits: 1, ...fixed, ...sign};
    case 'percent':
      return {style: 'percent', maximumFractionDigits: 1, ...fixed, ...sign};
    case 'decimal':
      return {maximumFractionDigits: 2, ...fixed, ...sign};
  }
}

/** `116344` → `116 344`; see `NumberFormat` for the styles. */
export function formatNumber(value: number, lang: Lang, options: NumberFormatOptions = {}): string {
  const text = numberFormatter(lang, intlOptions(value, options)).format(value);
  return options.unit ? `${text}${NO_BREAK_SPACE}${options.unit}` : text;
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

/** `3 mars 2026` / `March 3, 2026`; empty text for an invalid date. */
export function formatDate(value: Date | string | number, lang: Lang): string {
  const date = toDate(value);
  return date ? dateFormatter(lang, {dateStyle: 'long'}).format(date) : '';
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

/** Replaces the no-break spaces `Intl` puts in numbers by plain spaces (comparisons, copies). */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, ' ');
}
