/**
 * CSV as French open data publishes it: `;`, `,`, tab or `|` (DGFiP « valeurs foncières »),
 * sniffed from the header line, a UTF-8 BOM, `#` comment lines before the header, CRLF, quoted
 * cells with doubled quotes and embedded newlines or delimiters, decimal commas (`12,5`),
 * thousands separated by a space, a no-break space (U+00A0) or a narrow one (U+202F)
 * (`116 344`), French dates (`01/03/2025`), compact timestamps (`202501010000`), and the word
 * `null` for missing values. Codes stay text as written: leading zeros, SIRET (14 digits),
 * digits under an identifier's name (`idBeneficiaire`, `code_insee`: see `field-names.ts`).
 *
 * Our own parser rather than d3-dsv: `dsvFormat(…)` builds, next to `parseRows`, a `parse` that
 * compiles a row converter with `new Function`, which would ship in the bundle and is forbidden
 * under a strict CSP; the parser is also a single pass with `indexOf` over the long unquoted runs.
 */
import {isDateName, isIdentifierName} from '../field-names.js';
import type {FieldInfo, FieldType, Row} from '../types.js';

export interface ParsedTable {
  fields: FieldInfo[];
  rows: Row[];
  /** A separator met in a file read as one column: the file's separator was not recognised. */
  unsplitSeparator?: string;
}

/** The separators sniffed, in order of preference when counts tie. */
const SEPARATORS = [';', '\t', ',', '|'];

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits delimited text into rows of cells. Quoted cells may hold the delimiter, newlines and
 * doubled quotes; an unterminated quote takes the rest of the text. Line ends: LF, CRLF or CR.
 */
export function parseRows(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  const separator = delimiter.charCodeAt(0);
  const length = text.length;
  let row: string[] = [];
  let i = 0;
  while (i < length) {
    let cell: string;
    if (text.charCodeAt(i) === QUOTE) {
      cell = '';
      let start = i + 1;
      for (;;) {
        const close = text.indexOf('"', start);
        if (close === -1) {
          cell += text.slice(start);
          i = length;
          break;
        }
        if (text.charCodeAt(close + 1) === QUOTE) {
          cell += text.slice(start, close + 1);
          start = close + 2;
          continue;
        }
        cell += text.slice(start, close);
        i = close + 1;
        break;
      }
      // Text after the closing quote (malformed, but seen) is kept rather than lost.
      const rest = i;
      while (i < length && !isCellEnd(text.charCodeAt(i), separator)) i++;
      if (i > rest) cell += text.slice(rest, i);
    } else {
      const start = i;
      while (i < length && !isCellEnd(text.charCodeAt(i), separator)) i++;
      cell = text.slice(start, i);
    }
    row.push(cell);
    if (i >= length) break;
    const code = text.charCodeAt(i);
    if (code === separator) {
      i++;
      if (i === length) row.push('');
      continue;
    }
    i += code === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (row.length) rows.push(row);
  return rows;
}

function isCellEnd(code: number, separator: number): boolean {
  return code === separator || code === LF || code === CR;
}

/** The delimiter used most in a header line, outside quotes: `;`, tab, `,` or `|` (`,` when none). */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((separator) => [separator, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  let most = 0;
  for (const [char, count] of counts) {
    if (count > most) {
      best = char;
      most = count;
    }
  }
  return best;
}

/** The text without its BOM and the `#` comment (and blank) lines before the header. */
function stripPreamble(text: string): string {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end);
    if (!(line.startsWith('#') || line.trim() === '') || end === -1) break;
    start = end + 1;
  }
  return text.slice(start);
}

/** Parses CSV text into typed rows and the fields found (types inferred per column). */
export function parseCsv(text: string): ParsedTable {
  const body = stripPreamble(text);
  const newline = body.search(/\r?\n|\r/);
  const delimiter = sniffDelimiter(newline === -1 ? body : body.slice(0, newline));
  const [header = [], ...records] = parseRows(body, delimiter).filter(
    (cells) => cells.length > 1 || cells[0].trim() !== '',
  );
  const names = uniqueNames(header);
  const columns = names.map((name, index) => inferColumn(name, records, index));
  const rows = records.map((cells) => {
    const row: Row = {};
    for (let index = 0; index < names.length; index++)
      row[names[index]] = columns[index].convert(cells[index]);
    return row;
  });
  const table: ParsedTable = {
    fields: names.map((name, index) => ({name, label: name, type: columns[index].type})),
    rows,
  };
  if (names.length === 1) {
    // One column while a separator occurs in the first lines: a header the sniffer could not read.
    const start = body.slice(0, 4096);
    const unsplit = SEPARATORS.find((separator) => start.includes(separator));
    if (unsplit) table.unsplitSeparator = unsplit;
  }
  return table;
}

/** Header cells trimmed; a blank one named `column_<n>`, a repeated one suffixed `_2`, `_3`… */
function uniqueNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((cell, index) => {
    const base = cell.trim() || `column_${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

/**
 * `stamp`: a Météo-France compact timestamp, `AAAAMMJJHHMN` or `AAAAMMJJHH` (`202501010000`);
 * `day`: eight digits that read as a date `AAAAMMJJ`, a date only under a date's name.
 * Both are whole numbers too: a column mixing them with other numbers is a number column.
 */
type Kind = 'int' | 'double' | 'date' | 'datetime' | 'boolean' | 'text' | 'stamp' | 'day';

const SPACES = /[ \u00a0\u202f]/g;
const INTEGER = /^[+-]?(?:\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)$/;
const DECIMAL = /^[+-]?(?:\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/;
const LEADING_ZERO = /^[+-]?0\d/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const BOOLEAN = /^(?:true|false|vrai|faux)$/i;
const COMPACT_STAMP = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;
const SIRET = /^\d{14}$/;

function isNullCell(cell: string | undefined): boolean {
  if (cell === undefined) return true;
  const trimmed = cell.trim();
  return trimmed === '' || trimmed === 'null' || trimmed === 'NULL';
}

/** What one non-null cell looks like. */
function kindOf(cell: string): Kind {
  const value = cell.trim();
  if (DECIMAL.test(value)) {
    // A leading zero (`01001`, `007`) marks a code, not a quantity.
    if (LEADING_ZERO.test(value)) return 'text';
    const stamp = COMPACT_STAMP.exec(value);
    if (stamp && validDate(`${stamp[1]}-${stamp[2]}-${stamp[3]}`) && validTime(stamp[4], stamp[5]))
      return 'stamp';
    const day = COMPACT_DAY.exec(value);
    if (day && validDate(`${day[1]}-${day[2]}-${day[3]}`)) return 'day';
    return INTEGER.test(value) ? 'int' : 'double';
  }
  if (ISO_DATE.test(value)) return validDate(value) ? 'date' : 'text';
  if (ISO_DATETIME.test(value)) return validDate(value.slice(0, 10)) ? 'datetime' : 'text';
  const french = FRENCH_DATE.exec(value);
  if (french) {
    const iso = `${french[3]}-${french[2].padStart(2, '0')}-${french[1].padStart(2, '0')}`;
    if (!validDate(iso)) return 'text';
    return french[4] === undefined ? 'date' : 'datetime';
  }
  if (BOOLEAN.test(value)) return 'boolean';
  return 'text';
}

function validTime(hours: string, minutes = '00'): boolean {
  return Number(hours) < 24 && Number(minutes) < 60;
}

function validDate(iso: string): boolean {
  const match = ISO_DATE.exec(iso);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The column's type (every non-null cell must fit it) and the cell → value conversion. */
function inferColumn(
  name: string,
  records: string[][],
  index: number,
): {type: FieldType; convert: (cell: string | undefined) => unknown} {
  const kinds = new Set<Kind>();
  let large = false;
  // Fourteen digits in every cell: SIRET numbers, whatever the column's name.
  let siret = true;
  for (const cells of records) {
    const cell = cells[index];
    if (isNullCell(cell)) continue;
    const kind = kindOf(cell!);
    kinds.add(kind);
    if (kind === 'text') break;
    if (kind === 'int' && !large) large = !Number.isSafeInteger(Number(cell!.replace(SPACES, '')));
    siret &&= SIRET.test(cell!.trim());
  }
  const only = (...allowed: Kind[]) => kinds.size > 0 && [...kinds].every((kind) => allowed.includes(kind));
  let type: FieldType = 'text';
  if ((siret || isIdentifierName(name)) && only('int', 'stamp', 'day')) type = 'text';
  else if (only('stamp')) return {type: 'datetime', convert: converter('datetime', compactIso)};
  else if (only('day') && isDateName(name)) return {type: 'date', convert: converter('date', compactIso)};
  else if (only('int', 'stamp', 'day')) type = large ? 'text' : 'int';
  else if (only('int', 'double', 'stamp', 'day')) type = 'double';
  else if (only('date')) type = 'date';
  else if (only('date', 'datetime')) type = 'datetime';
  else if (only('boolean')) type = 'boolean';
  return {type, convert: converter(type)};
}

function converter(
  type: FieldType,
  toIso: (value: string) => string = isoDate,
): (cell: string | undefined) => unknown {
  const nullable = (convert: (value: string) => unknown) => (cell: string | undefined) =>
    isNullCell(cell) ? null : convert(cell!.trim());
  switch (type) {
    case 'int':
      return nullable((value) => Number(value.replace(SPACES, '')));
    case 'double':
      return nullable((value) => Number(value.replace(SPACES, '').replace(',', '.')));
    case 'date':
    case 'datetime':
      return nullable(toIso);
    case 'boolean':
      return nullable((value) => /^(?:true|vrai)$/i.test(value));
    default:
      return (cell) => (isNullCell(cell) ? null : cell);
  }
}

/** ISO text of a compact date or timestamp: `20250101` → `2025-01-01`, `202501011430` → `…T14:30:00`. */
function compactIso(value: string): string {
  const date = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  if (value.length === 8) return date;
  return `${date}T${value.slice(8, 10)}:${value.slice(10, 12) || '00'}:00`;
}

/** ISO text of an ISO or French date (`01/03/2025` → `2025-03-01`, with a time → `…T14:30:00`). */
function isoDate(value: string): string {
  const french = FRENCH_DATE.exec(value);
  if (!french) return value;
  const date = `${french[3]}-${french[2].padStart(2, '0')}-${french[1].padStart(2, '0')}`;
  if (french[4] === undefined) return date;
  return `${date}T${french[4].padStart(2, '0')}:${french[5]}:${french[6] ?? '00'}`;
}
