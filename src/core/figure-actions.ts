/**
 * The actions of a widget that draws a figure, a chart or a map: « Voir les données », which shows
 * the figure's data table under it, and the menu (actions-menu-view.ts) with the CSV, PNG and SVG
 * downloads, full screen and the dataset page. The widget says what it is called and how it
 * downloads; the rest is the same on every figure.
 */
import type {ReactiveElement, TemplateResult} from 'lit';
import {ActionsMenuController} from './actions-menu.js';
import {renderActions, renderDataRegion, standardItems} from './actions-menu-view.js';
import type {DisplayController} from './display-controller.js';
import type {Lang} from './lang.js';
import {safeLinkUrl} from './url.js';
import type {DatasetMeta} from '../data/types.js';

/** The figure's downloads; each saves its file. */
export interface FigureDownloads {
  csv(): void;
  png(): Promise<void>;
  svg(): void | Promise<void>;
}

export interface FigureActionsOptions {
  /** What the figure is called, in the menu button's and the data region's names. */
  name(): string;
  /** The menu button's and the data region's names when the figure has no name. */
  unnamed(lang: Lang): {actions: string; data: string};
  downloads: FigureDownloads;
  display: DisplayController;
}

export class FigureActions {
  /** Whether « Voir les données » shows the table. */
  showTable = false;
  private readonly menu: ActionsMenuController;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: FigureActionsOptions,
  ) {
    this.menu = new ActionsMenuController(host);
  }

  /** The row of actions, on the title's line where it fits. */
  render(lang: Lang, meta: DatasetMeta | undefined): TemplateResult {
    const {downloads, display} = this.options;
    return renderActions(this.menu, {
      lang,
      name: this.options.name(),
      unnamed: this.options.unnamed(lang).actions,
      dataToggle: {open: this.showTable, controls: 'data-table', toggle: () => this.toggleTable()},
      items: standardItems(lang, {
        csv: () => downloads.csv(),
        png: () => void downloads.png(),
        svg: () => void downloads.svg(),
        fullscreen: {active: display.fullscreen, toggle: () => void display.toggleFullscreen()},
        datasetPage: safeLinkUrl(meta?.pageUrl),
      }),
    });
  }

  /** The region « Voir les données » opens, holding `table` while it is open. */
  renderTable(lang: Lang, table: () => TemplateResult): TemplateResult {
    return renderDataRegion(lang, {
      id: 'data-table',
      open: this.showTable,
      name: this.options.name(),
      unnamed: this.options.unnamed(lang).data,
      content: table,
    });
  }

  private toggleTable(): void {
    this.showTable = !this.showTable;
    this.host.requestUpdate();
  }
}
