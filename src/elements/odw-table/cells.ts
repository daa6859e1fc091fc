/** How one dataset value is shown in a table cell and written in a CSV file. */
import type {FieldInfo, FieldType, Row} from '../../data/types.js';
import {isCodeField} from '../../data/field-names.js';
import {formatCode, formatDate, formatDateTime, formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import {tableText} from './odw-table.messages.js';
import {csvLines} from '../../core/export.js';

/** A cell as text, or a link whose text is the value itself. */
export type Cell = {text: string; href?: undefined} | {text: string; href: string};

const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set(['int', 'double']);

/** A plain address: no space, no markup characters, one `@`, a dot in the domain. */
const EMAIL = /^[^\s@<>"'()[\]\\,;:]+@[^\s@<>"'()[\]\\,;:]+\.[^\s@<>"'()[\]\\,;:]+$/;

export function isNumeric(field: FieldInfo | undefined): boolean {
  return field !== undefined && NUMERIC_TYPES.has(field.type);
}

/**
 * The text of a value in `lang`: French numbers and dates, booleans in words, objects as JSON;
 * codes (see `formatCode`) as written.
 * Text that is a whole http(s) URL or e-mail address becomes a link; anything else stays text
 * (the value is never read as HTML: Lit writes it as a text node or an attribute value).
 */
export function formatCell(value: unknown, field: FieldInfo | undefined, lang: Lang): Cell {
  if (value === null || value === undefined || value === '') return {text: ''};
  const type = field?.type;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return {text: ''};
    const code = formatCode(value, field);
    if (code !== undefined) return {text: code};
    return {text: formatNumber(value, lang, {format: type === 'int' ? 'integer' : undefined})};
  }
  if (typeof value === 'boolean') return {text: tableText(lang, value ? 'table.yes' : 'table.no')};
  if (typeof value === 'string') {
    if (type === 'date') return {text: formatDate(value, lang) || value};
    if (type === 'datetime') return {text: formatDateTime(value, lang) || value};
    // A code sent as text (`01001` in a field typed int) stays as written.
    if (
      NUMERIC_TYPES.has(type!) &&
      !isCodeField(field) &&
      value.trim() !== '' &&
      Number.isFinite(Number(value))
    ) {
      return formatCell(Number(value), field, lang);
    }
    return linkOrText(value);
  }
  if (type === 'geo_point_2d' && isLatLon(value)) {
    return {
      text: `${formatNumber(value.lat, lang, {decimals: 5})} ; ${formatNumber(value.lon, lang, {decimals: 5})}`,
    };
  }
  return {text: JSON.stringify(value)};
}

function linkOrText(value: string): Cell {
  const text = value.trim();
  if (/^https?:\/\/\S+$/i.test(text)) {
    try {
      const url = new URL(text);
      if (url.protocol === 'http:' || url.protocol === 'https:') return {text: value, href: url.href};
    } catch {
      // Not a URL after all: shown as text.
    }
  }
  if (EMAIL.test(text)) return {text: value, href: `mailto:${text}`};
  return {text: value};
}

function isLatLon(value: unknown): value is {lat: number; lon: number} {
  const point = value as {lat?: unknown; lon?: unknown};
  return typeof point?.lat === 'number' && typeof point.lon === 'number';
}

/** Accents and case folded: « Orléans » and « orleans » compare equal. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether a row holds every word of `search` in one of `fields` (accents and case ignored). */
export function rowMatches(row: Row, fields: readonly string[], words: readonly string[]): boolean {
  const text = fields
    .map((name) => {
      const value = row[name];
      return value === null || value === undefined ? '' : foldText(String(value));
    })
    .join(' ');
  return words.every((word) => text.includes(word));
}

/** The folded words of a search text. */
export function searchWords(search: string): string[] {
  return foldText(search).split(/\s+/).filter(Boolean);
}

/**
 * RFC 4180 CSV (comma, CRLF, quotes doubled) with a UTF-8 byte-order mark so that spreadsheets
 * read the accents. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is
 * prefixed with `'`; numbers stay numbers.
 */
export function toCsv(rows: readonly Row[], columns: readonly string[]): string {
  return `\ufeff${csvLines([columns, ...rows.map((row) => columns.map((name) => row[name]))])}`;
}
