/**
 * The map's actions (src/core/actions-menu-view.ts): « Voir les données », which shows the table of
 * mapped values under the map, and the menu with the CSV, PNG and SVG downloads, full screen and
 * the dataset page. The files are named after the map's title.
 */
import type {ReactiveElement, TemplateResult} from 'lit';
import {ActionsMenuController} from '../../core/actions-menu.js';
import {renderActions, renderDataRegion, standardItems} from '../../core/actions-menu-view.js';
import type {DisplayController} from '../../core/display-controller.js';
import {csvLines, fileNameOf, saveFile} from '../../core/export.js';
import type {Lang} from '../../core/lang.js';
import {safeLinkUrl} from '../../core/url.js';
import type {DatasetMeta} from '../../data/types.js';
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

export class MapActions {
  /** Whether « Voir les données » shows the table. */
  showTable = false;
  private readonly menu: ActionsMenuController;

  constructor(
    private readonly host: ReactiveElement & {title: string},
    private readonly exports: MapExports,
    private readonly display: DisplayController,
  ) {
    this.menu = new ActionsMenuController(host);
  }

  /** The row of actions, on the title's line where it fits. */
  render(lang: Lang, meta: DatasetMeta | undefined): TemplateResult {
    return renderActions(this.menu, {
      lang,
      name: this.exports.name(),
      unnamed: mapText(lang, 'map.actions'),
      dataToggle: {open: this.showTable, controls: 'data-table', toggle: () => this.toggleTable()},
      items: standardItems(lang, {
        csv: () =>
          this.save(new Blob(['\ufeff', this.exports.csv()], {type: 'text/csv;charset=utf-8'}), 'csv'),
        png: async () => {
          const png = await this.exports.png();
          if (png) this.save(png, 'png');
        },
        svg: () => this.save(new Blob([this.exports.svg()], {type: 'image/svg+xml'}), 'svg'),
        fullscreen: {active: this.display.fullscreen, toggle: () => void this.display.toggleFullscreen()},
        datasetPage: safeLinkUrl(meta?.pageUrl),
      }),
    });
  }

  /** The region « Voir les données » opens, holding `table` while it is open. */
  renderTable(lang: Lang, table: () => TemplateResult): TemplateResult {
    return renderDataRegion(lang, {
      id: 'data-table',
      open: this.showTable,
      name: this.exports.name(),
      unnamed: mapText(lang, 'map.data'),
      content: table,
    });
  }

  private toggleTable(): void {
    this.showTable = !this.showTable;
    this.host.requestUpdate();
  }

  private save(file: Blob, extension: 'csv' | 'png' | 'svg'): void {
    saveFile(file, `${fileNameOf(this.host.title, 'carte')}.${extension}`);
  }
}

/** The mapped values as CSV text (comma-separated, RFC 4180). */
export function tableCsv(table: MapTable): string {
  return csvLines([table.header, ...table.rows.map((row) => row.map((cell) => cell.raw))]);
}
