/**
 * French-first number and date formatting; nothing here touches a global locale.
 *
 * Figures and long dates, which every widget writes as soon as its data arrives, are written here
 * (fixed decimals, grouped thousands) and with month names rather than `Intl`: a page's first
 * `Intl.NumberFormat` or `DateTimeFormat` costs tens of milliseconds of start-up (more on a slow
 * phone), spent before the first widget shows. `Intl` writes what needs its data (compact notation,
 * times), its formatters cached per language and options.
 *
 * They read as `Intl` writes them: French groups thousands with U+202F (narrow no-break space) and
 * puts U+00A0 before `%`; halves round away from zero. Units are appended after U+00A0 so they
 * never wrap alone.
 */
import type {FormatLocaleDefinition} from 'd3-format';
import {cachedFormatter} from './date-format.js';
import type {Lang} from './lang.js';

export {dateFormatter, formatDateTime, formatShortDate, formatTime, toDate} from './date-format.js';
// What only charts, tables and filters use, in a module a key figure's page never downloads.
export {MONTHS, formatCode, formatDate, normalizeSpaces} from './format-words.js';

/**
 * - `integer`: rounded to a whole number, `116 344`.
 * - `decimal`: `12,5` (up to 2 decimals unless `decimals` is given).
 * - `compact`: `1,2 M`, `293,7 k` (1 decimal unless `decimals` is given).
 * - `percent`: the value is a ratio, 0.125 → `12,5 %` (1 decimal at most unless `decimals` is given).
 */
export type NumberFormat = 'integer' | 'decimal' | 'compact' | 'percent';

export interface NumberFormatOptions {
  /**
   * Default: `integer` for whole numbers; otherwise `decimal` with adaptive precision: a value
   * below 0,1 keeps its first 3 significant digits (`0,000384`), so that it never reads « 0 ».
   */
  format?: NumberFormat;
  /** Exact number of decimals (ignored by `integer`). */
  decimals?: number;
  /** Appended after a no-break space: `293 673 hab.`. */
  unit?: string;
  /** Always show the sign (`+3,2 %`), for differences. */
  signed?: boolean;
}

const NO_BREAK_SPACE = '\u00a0';

/**
 * How each language writes a figure: here, and on the chart's axes where Vega formats with
 * d3-format (src/elements/odw-chart/chart-locale.ts), so that a figure reads the same in a chart,
 * its summary and its table.
 */
export const NUMBER_LOCALES: Record<Lang, FormatLocaleDefinition> = {
  fr: {
    decimal: ',',
    thousands: '\u202f',
    grouping: [3],
    currency: ['', '\u00a0€'],
    percent: '\u00a0%',
    minus: '-',
  },
  en: {decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''], minus: '-'},
};

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormatter(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cachedFormatter(numberFormats, lang, options, (locale, opts) => new Intl.NumberFormat(locale, opts));
}

function clampDecimals(decimals: number | undefined): number | undefined {
  if (decimals === undefined || !Number.isFinite(decimals)) return undefined;
  return Math.min(20, Math.max(0, Math.round(decimals)));
}

/**
 * `value` × 10^`power` computed on its decimal writing (`0.285e2` is 28.5), where multiplying
 * the binary value gives 28.499999999999996.
 */
function shiftDecimal(value: number, power: number): number {
  const text = String(value);
  return text.includes('e') ? value * 10 ** power : Number(`${text}e${power}`);
}

/**
 * Rounds half away from zero as the number is written (0.285 → 0.29), as `Intl` does; `toFixed`
 * alone rounds the binary value (0.28499… → 0.28).
 */
function roundWritten(value: number, decimals: number): number {
  const rounded = Math.round(shiftDecimal(Math.abs(value), decimals));
  return Math.sign(value) * shiftDecimal(rounded, -decimals);
}

/** Significant digits kept of a small value. */
const SMALL_VALUE_DIGITS = 3;

/**
 * Decimals of a figure written without `decimals`: 2, or for a value below 0.1 as many as show
 * its first significant digits (0.000384 → 6), at most 20.
 */
function adaptiveDecimals(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude === 0 || magnitude >= 0.1) return 2;
  const leadingZeros = -Math.floor(Math.log10(magnitude)) - 1;
  return Math.min(20, leadingZeros + SMALL_VALUE_DIGITS);
}

function compact(value: number, lang: Lang, options: NumberFormatOptions): string {
  const decimals = clampDecimals(options.decimals);
  const fixed =
    decimals === undefined ? {} : {minimumFractionDigits: decimals, maximumFractionDigits: decimals};
  const sign: Intl.NumberFormatOptions = options.signed ? {signDisplay: 'exceptZero'} : {};
  return numberFormatter(lang, {notation: 'compact', maximumFractionDigits: 1, ...fixed, ...sign}).format(
    value,
  );
}

function written(value: number, lang: Lang, options: NumberFormatOptions): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : `${value < 0 ? '-' : ''}∞`;
  const format = options.format ?? (Number.isInteger(value) ? 'integer' : 'decimal');
  const adaptive = options.format === undefined;
  if (format === 'compact') return compact(value, lang, options);
  const fixed = format === 'integer' ? 0 : clampDecimals(options.decimals);
  const decimals = fixed ?? (format === 'percent' ? 1 : adaptive ? adaptiveDecimals(value) : 2);
  const percent = format === 'percent';
  const rounded = roundWritten(percent ? shiftDecimal(value, 2) : value, decimals);
  // Trailing zeros dropped: at most so many decimals, unless exactly `decimals` were asked for.
  const text = fixedText(rounded, decimals, fixed === undefined, NUMBER_LOCALES[lang]);
  // A sign only on what does not round to zero, as `Intl`'s `exceptZero`.
  const signed = options.signed && rounded > 0 ? `+${text}` : text;
  return percent ? `${signed}${NUMBER_LOCALES[lang].percent ?? '%'}` : signed;
}

/**
 * `value` with `decimals` decimals and its thousands grouped, as d3-format's `,.2f` (`,.2~f` with
 * `trim`) writes it: a minus sign only on what is not written as zero.
 */
function fixedText(value: number, decimals: number, trim: boolean, locale: FormatLocaleDefinition): string {
  let digits = Math.abs(value).toFixed(decimals);
  // From 1e21 up `toFixed` writes an exponent, left as it is.
  if (trim && /^\d+\.\d+$/.test(digits)) digits = digits.replace(/\.?0+$/, '');
  const [, whole, rest] = /^(\d*)(.*)$/.exec(digits)!;
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, locale.thousands ?? '');
  const negative = value < 0 && Number(digits) !== 0;
  const fraction = rest.startsWith('.') ? `${locale.decimal ?? '.'}${rest.slice(1)}` : rest;
  return `${negative ? (locale.minus ?? '-') : ''}${grouped}${fraction}`;
}

/** `116344` → `116 344`; see `NumberFormat` for the styles. */
export function formatNumber(value: number, lang: Lang, options: NumberFormatOptions = {}): string {
  const text = written(value, lang, options);
  return options.unit ? `${text}${NO_BREAK_SPACE}${options.unit}` : text;
}
