/**
 * The chart's actions (src/core/actions-menu-view.ts): « Voir les données », which shows the data
 * table under the chart, and the menu with the CSV, PNG and SVG downloads, full screen and the
 * dataset page.
 */
import type {ReactiveElement, TemplateResult} from 'lit';
import {ActionsMenuController} from '../../core/actions-menu.js';
import {renderActions, renderDataRegion, standardItems} from '../../core/actions-menu-view.js';
import type {DisplayController} from '../../core/display-controller.js';
import type {Lang} from '../../core/lang.js';
import {safeLinkUrl} from '../../core/url.js';
import type {DatasetMeta} from '../../data/types.js';
import {chartText} from './odw-chart.messages.js';

export interface ChartDownloads {
  csv(): void;
  png(): Promise<void>;
  svg(): Promise<void>;
}

export class ChartActions {
  /** Whether « Voir les données » shows the table. */
  showTable = false;
  private readonly menu: ActionsMenuController;

  constructor(
    private readonly host: ReactiveElement & {title: string},
    private readonly downloads: ChartDownloads,
    private readonly display: DisplayController,
  ) {
    this.menu = new ActionsMenuController(host);
  }

  /** The row of actions, on the title's line where it fits. */
  render(lang: Lang, meta: DatasetMeta | undefined): TemplateResult {
    return renderActions(this.menu, {
      lang,
      name: this.host.title,
      unnamed: chartText(lang, 'chart.actions'),
      dataToggle: {open: this.showTable, controls: 'data-table', toggle: () => this.toggleTable()},
      items: standardItems(lang, {
        csv: () => this.downloads.csv(),
        png: () => void this.downloads.png(),
        svg: () => void this.downloads.svg(),
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
      name: this.host.title,
      unnamed: chartText(lang, 'chart.data'),
      content: table,
    });
  }

  private toggleTable(): void {
    this.showTable = !this.showTable;
    this.host.requestUpdate();
  }
}
