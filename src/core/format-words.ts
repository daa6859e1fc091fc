/**
 * Of the formatting (format.ts, which re-exports these), what only charts, tables and filters use:
 * month names, long dates written with them, codes written as they are. A module of its own, so
 * that a key figure's page never downloads it.
 */
import {isCodeField} from '../data/field-names.js';
import type {FieldInfo} from '../data/types.js';
import {toDate} from './date-format.js';
import type {Lang} from './lang.js';

/** Month names, for long dates here and for the chart's time axes. */
export const MONTHS: Record<Lang, readonly string[]> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/**
 * A number of a code field (`isCodeField`: SIRET, INSEE code, identifier…) as written,
 * `78012958100010`, never grouped as a quantity; undefined for a number of another field.
 */
export function formatCode(value: number, field: FieldInfo | undefined): string | undefined {
  return isCodeField(field) ? String(value) : undefined;
}

/** `3 mars 2026` / `March 3, 2026` (as `Intl`'s long date style); empty text for an invalid date. */
export function formatDate(value: Date | string | number, lang: Lang): string {
  const date = toDate(value);
  if (!date) return '';
  const [day, month, year] = [date.getDate(), MONTHS[lang][date.getMonth()], date.getFullYear()];
  return lang === 'fr' ? `${day} ${month} ${year}` : `${month} ${day}, ${year}`;
}

/** Replaces the no-break spaces `Intl` puts in numbers by plain spaces (comparisons, copies). */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, ' ');
}
