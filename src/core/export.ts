/** What the widgets' download actions share: CSV writing and saving a file. */

/**
 * One RFC 4180 cell: empty for no value, objects as JSON, quoted when needed. Text that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Comma-separated lines ending in CRLF. */
export function csvLines(rows: ReadonlyArray<readonly unknown[]>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** « Population 2025 » → `population-2025`: a download's name without accents or spaces; `fallback` when nothing is left. */
export function fileNameOf(title: string | undefined, fallback: string): string {
  const base = (title?.trim() || fallback)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return base || fallback;
}

/** Offers `blob` as a download named `name`. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
