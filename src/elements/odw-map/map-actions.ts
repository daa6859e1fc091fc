/**
 * The map's actions (src/core/figure-actions.ts): « Voir les données » shows the table of mapped
 * values under the map. The files are named after the map's title.
 */
import type {ReactiveElement} from 'lit';
import type {DisplayController} from '../../core/display-controller.js';
import {csvLines, fileNameOf, saveFile} from '../../core/export.js';
import {FigureActions} from '../../core/figure-actions.js';
import type {MapTable} from './map-table.js';
import {mapText} from './odw-map.messages.js';

/** What the actions act on: the map's values, its images, its name. */
export interface MapExports {
  /** The title, else what the map shows (the value or the colour field). */
  name(): string;
  csv(): string;
  svg(): string;
  png(): Promise<Blob | undefined>;
}

export class MapActions extends FigureActions {
  constructor(host: ReactiveElement & {title: string}, exports: MapExports, display: DisplayController) {
    const save = (file: Blob, extension: 'csv' | 'png' | 'svg'): void =>
      saveFile(file, `${fileNameOf(host.title, 'carte')}.${extension}`);
    super(host, {
      name: exports.name,
      unnamed: (lang) => ({actions: mapText(lang, 'map.actions'), data: mapText(lang, 'map.data')}),
      downloads: {
        csv: () => save(new Blob(['\ufeff', exports.csv()], {type: 'text/csv;charset=utf-8'}), 'csv'),
        png: async () => {
          const png = await exports.png();
          if (png) save(png, 'png');
        },
        svg: () => save(new Blob([exports.svg()], {type: 'image/svg+xml'}), 'svg'),
      },
      display,
    });
  }
}

/** The mapped values as CSV text (comma-separated, RFC 4180). */
export function tableCsv(table: MapTable): string {
  return csvLines([table.header, ...table.rows.map((row) => row.map((cell) => cell.raw))]);
}
