/** The map's downloads: its values as CSV, the map as PNG or SVG, named after its title. */
import {csvLines, fileNameOf, saveFile} from '../../core/export.js';
import type {MapTable} from './map-table.js';

/** The mapped values as CSV text (comma-separated, RFC 4180). */
export function tableCsv(table: MapTable): string {
  return csvLines([table.header, ...table.rows.map((row) => row.map((cell) => cell.raw))]);
}

export function saveCsv(csv: string, title: string | undefined): void {
  saveFile(new Blob(['\ufeff', csv], {type: 'text/csv;charset=utf-8'}), `${fileNameOf(title, 'carte')}.csv`);
}

export function saveSvg(svg: string, title: string | undefined): void {
  saveFile(new Blob([svg], {type: 'image/svg+xml'}), `${fileNameOf(title, 'carte')}.svg`);
}

export function savePng(png: Blob | undefined, title: string | undefined): void {
  if (png) saveFile(png, `${fileNameOf(title, 'carte')}.png`);
}
