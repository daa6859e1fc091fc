/** The map's downloads: its values as CSV, the map as PNG or SVG, named after its title. */
import {csvLines, saveFile} from '../../core/export.js';
import type {MapTable} from './map-table.js';

/** The mapped values as CSV text (comma-separated, RFC 4180). */
export function tableCsv(table: MapTable): string {
  return csvLines([table.header, ...table.rows.map((row) => row.map((cell) => cell.raw))]);
}

export function saveCsv(csv: string, title: string | undefined): void {
  saveFile(new Blob(['\ufeff', csv], {type: 'text/csv;charset=utf-8'}), `${fileName(title)}.csv`);
}

export function saveSvg(svg: string, title: string | undefined): void {
  saveFile(new Blob([svg], {type: 'image/svg+xml'}), `${fileName(title)}.svg`);
}

export function savePng(png: Blob | undefined, title: string | undefined): void {
  if (png) saveFile(png, `${fileName(title)}.png`);
}

/** « Population 2025 » → `population-2025`; `carte` without a title. */
function fileName(title: string | undefined): string {
  const base = (title?.trim() || 'carte')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return base || 'carte';
}
