import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {state} from 'lit/decorators.js';
import {parseOrderBy} from '../../data/index.js';
import type {FieldInfo, Row} from '../../data/types.js';
import {OdwDataElement, type DataTarget, type LoadOptions, type Loaded} from '../../core/data-element.js';
import {t, type Lang} from '../../core/i18n.js';
import {safeLinkUrl} from '../../core/url.js';
import {ActionsMenuController} from '../../core/actions-menu.js';
import {renderActions, standardItems} from '../../core/actions-menu-view.js';
import {actionsMenuStyles} from '../../core/actions-menu.styles.js';
import {formatCell, isNumeric, toCsv} from './cells.js';
import {tableStyles} from './odw-table.styles.js';
import {fileNameOf, saveFile} from '../../core/export.js';
import {canSearch, fetchRows, formatFieldName, type RowsRequest} from './table-query.js';
import {renderPager, rowsRange} from './table-pager.js';
import {isCodeField} from '../../data/field-names.js';
import {FocusKeeper} from './focus-keeper.js';
import {TableLayoutController} from './table-layout.js';
import {applyDefaults, propertiesOf, type AttributeValues} from '../../core/schema.js';
import {tableAttributes} from './odw-table.schema.js';
import {tableText} from './odw-table.messages.js';

/** What an `odw-table` shows: one page of rows and where it sits in the whole result. */
export interface TableData {
  /** The columns shown, in order, with their labels and types. */
  columns: FieldInfo[];
  rows: Row[];
  /** Rows of the whole (filtered, searched) result. */
  total: number;
  /** Index of the first row of the page in the whole result. */
  offset: number;
  pageUrl?: string;
  datasetTitle?: string;
}

const SEARCH_DELAY = 300;
/** A code as written in a text field (INSEE code `2A004`, postcode, SIRET): kept on one line. */
const CODE = /^(?=.*\d)[\dA-Z.-]+$/;
const DEFAULT_PAGE_SIZE = 20;

// The fields are typed from the attribute schema (src/core/schema.ts).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface OdwTable extends AttributeValues<typeof tableAttributes> {}

/**
 * A sortable, paginated, searchable table of a dataset's records. Paging is done by the API
 * (`limit` / `offset`; beyond Opendatasoft's window the data layer switches to its exports), so
 * 100 000 rows stay smooth: only one page is ever in the page.
 *
 * Search (`search`): Opendatasoft and CKAN search full text on the server (the text is their `q`
 * parameter); CSV, JSON and GeoJSON files are searched in the browser over the text columns shown
 * (accents and case ignored); the data.gouv.fr tabular API has no full-text search, so no box is
 * shown there.
 *
 * Keyboard: every column header is a sort button (Tab, or ←/→/Home/End between headers), the
 * scrolling area is focusable (arrows scroll it), the pager is buttons, the actions a menu button
 * (src/core/actions-menu.ts) on the title's line.
 * Focus stays in the widget when the control that had it goes or is disabled (« Dernière page »
 * on the last page: « Page précédente »; « Réessayer »: the table).
 *
 * Narrow screens: when the table cannot fit its column without splitting a word (measured, see
 * table-layout.ts), each row becomes a card of « label : value » lines, the headers a row of sort
 * buttons; the table stays a table for assistive technologies. Codes and numbers never wrap;
 * numbers are right-aligned in tabular figures.
 *
 * @summary A sortable, paginated, searchable table with CSV export.
 *
 *
 * @fires {OdwLoadEvent} odw-load - A page loaded; `detail`: `{rows, total}` (the page's rows).
 * @fires {OdwErrorEvent} odw-error - Loading failed; `detail.error` is a typed error of the data layer.
 *
 * @csspart base - The frame around everything.
 * @csspart title - The heading.
 * @csspart description - The text alternative, visually hidden.
 * @csspart body - The table, or the loading and error states.
 * @csspart search - The search box.
 * @csspart scroller - The scrolling area around the table.
 * @csspart table - The `<table>`.
 * @csspart pager - The page navigation.
 * @csspart actions - The actions menu: the CSV download and the dataset page.
 * @csspart status - The error and stale messages.
 * @csspart retry - The « Réessayer » button.
 * @csspart footer - The attribution: dataset, publisher, licence, last update.
 *
 * @cssprop --odw-table-max-height - Height beyond which the table scrolls under its sticky header (default 32rem).
 * @cssprop --odw-table-cell-max-width - Width beyond which long text wraps (default 28rem).
 * @cssprop --odw-font-family - Font stack.
 * @cssprop --odw-font-size - Base font size.
 * @cssprop --odw-font-size-small - Pager, footer and notices.
 * @cssprop --odw-text-color - Text.
 * @cssprop --odw-muted-color - Secondary text.
 * @cssprop --odw-background - Background of the widget and the cells.
 * @cssprop --odw-surface - Background of the header row.
 * @cssprop --odw-border-color - Borders.
 * @cssprop --odw-accent - Links and buttons.
 * @cssprop --odw-focus-color - Focus ring.
 * @cssprop --odw-radius - Corner radius.
 * @cssprop --odw-spacing - Padding of the widget.
 * @cssprop --odw-spacing-small - Gaps inside the widget.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class OdwTable extends OdwDataElement<TableData> {
  static override styles = [...OdwDataElement.styles, actionsMenuStyles, tableStyles];

  static override properties = propertiesOf(tableAttributes);

  /** The page shown, from 1. Back to 1 whenever the rows change (filter, sort, search). */
  @state() page = 1;

  /** The order in force: `sort`, then the last header clicked. */
  @state() private activeSort?: string;

  /** The applied search text (the box's text, after a pause in typing). */
  @state() private searchText = '';

  private searchTimer?: ReturnType<typeof setTimeout>;
  private readonly actionsMenu = new ActionsMenuController(this);
  private viewKey?: string;
  private lastTarget?: DataTarget;

  constructor() {
    super();
    applyDefaults(this, tableAttributes);
    new TableLayoutController(this);
    new FocusKeeper(this, (lost) => [
      // A pager button disabled at either end: the nearest one the other way; the pager gone: the table.
      ...(lost.matches('.page-back') ? ['.page-next', '.page-last'] : []),
      ...(lost.matches('.page-forward') ? ['.page-previous', '.page-first'] : []),
      '.scroller[tabindex]',
      'thead button.sort',
      '[part~=retry]',
    ]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  /** The whole result (every page) under the filters, search and order in force, as CSV text. */
  async exportCsv(): Promise<string> {
    const target = this.lastTarget;
    if (!target) throw new Error('The table has not loaded yet');
    const {columns, rows} = await fetchRows(this.runQuery.bind(this), target, this.rowsRequest(), {
      signal: new AbortController().signal,
      fresh: false,
    });
    return toCsv(
      rows,
      columns.map((column) => column.name),
    );
  }

  /** Downloads the whole filtered result as a CSV file. */
  async downloadCsv(): Promise<void> {
    const text = await this.exportCsv();
    saveFile(new Blob([text], {type: 'text/csv;charset=utf-8'}), `${fileNameOf(this.title, 'donnees')}.csv`);
  }

  protected override queryDependencies(): readonly unknown[] {
    return [this.columns, this.activeSort, this.pageSize, this.page, this.searchText];
  }

  protected override keepsDataWhileLoading(): boolean {
    return true;
  }

  /** A new filter shows its first page: set before the new query starts, in the filter's event. */
  protected override sourceFilterChanged(): void {
    this.page = 1;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sort')) this.activeSort = this.sort?.trim() || undefined;
    super.willUpdate(changed);
    // A new filter, order or search shows its first page.
    const viewKey = JSON.stringify([
      this.sourceElement?.revision,
      this.source,
      this.src,
      this.where,
      this.columns,
      this.activeSort,
      this.pageSize,
      this.searchText,
    ]);
    if (this.viewKey !== undefined && viewKey !== this.viewKey) this.page = 1;
    this.viewKey = viewKey;
  }

  protected override async load(target: DataTarget, options: LoadOptions): Promise<Loaded<TableData>> {
    this.lastTarget = target;
    const size = this.effectivePageSize;
    const offset = (Math.max(1, Math.round(this.page)) - 1) * size;
    const {columns, rows, total, result} = await fetchRows(
      this.runQuery.bind(this),
      target,
      {...this.rowsRequest(), limit: size, offset},
      options,
    );
    return {
      data: {
        columns,
        rows,
        total,
        offset,
        pageUrl: safeLinkUrl(result.meta.pageUrl),
        datasetTitle: result.meta.title,
      },
      result: {...result, rows, total},
    };
  }

  protected override isEmpty(): boolean {
    // The search box and headers stay; the table says « Aucune donnée » in its body.
    return false;
  }

  protected override renderData(data: TableData, lang: Lang): TemplateResult {
    const name = this.tableName(data, lang);
    // Laid out as cards by CSS where it does not fit (table-layout.ts sets `data-layout` and the
    // region's `tabindex`). The explicit roles keep it a table for assistive technologies that
    // read a table laid out as blocks as plain text.
    return html`
      ${renderActions(this.actionsMenu, {
        lang,
        name,
        unnamed: name,
        items: standardItems(lang, {csv: () => void this.downloadCsv(), datasetPage: data.pageUrl}),
      })}
      ${this.search && canSearch(this.lastTarget) ? this.renderSearch(name, lang) : nothing}
      <div class="scroller" part="scroller" tabindex="0" role="region" aria-labelledby="caption">
        <table part="table" role="table">
          <caption id="caption" class="visually-hidden">
            ${name}
          </caption>
          <thead role="rowgroup" @keydown=${this.onHeaderKeydown}>
            <tr role="row">
              ${data.columns.map((column) => this.renderHeader(column))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${
              data.rows.length === 0
                ? html`<tr role="row">
                    <td class="empty" role="cell" colspan=${Math.max(1, data.columns.length)}>
                      ${t(lang, 'empty')}
                    </td>
                  </tr>`
                : data.rows.map((row) => this.renderRow(row, data.columns, lang))
            }
          </tbody>
        </table>
      </div>
      ${renderPager(
        {total: data.total, offset: data.offset, count: data.rows.length, pageSize: this.effectivePageSize},
        name,
        lang,
        (page) => (this.page = page),
        !this.lastLoadAnnounced,
      )}
    `;
  }

  /** After a filter, the page's live region names the table and its rows (src/core/announcer.ts). */
  protected override announcement(data: TableData, lang: Lang): string {
    return tableText(lang, 'table.rows-named', {
      name: this.tableName(data, lang),
      range: rowsRange(data, lang),
    });
  }

  /** What the table is called in its caption, region, pager and announcements. */
  private tableName(data: TableData, lang: Lang): string {
    return this.title?.trim() || data.datasetTitle?.trim() || tableText(lang, 'table.unnamed');
  }

  private get effectivePageSize(): number {
    const size = Math.round(Number(this.pageSize));
    return size >= 1 ? Math.min(size, 1000) : DEFAULT_PAGE_SIZE;
  }

  /** The columns, order and search in force. */
  private rowsRequest(): RowsRequest {
    return {columns: this.columns, sort: this.activeSort, search: this.search ? this.searchText : undefined};
  }

  private renderSearch(name: string, lang: Lang): TemplateResult {
    return html`<div class="search" part="search">
      <label for="search">${tableText(lang, 'table.search')}</label>
      <input
        id="search"
        type="search"
        autocomplete="off"
        aria-label=${tableText(lang, 'table.search-named', {name})}
        .value=${this.searchText}
        @input=${this.onSearchInput}
      />
    </div>`;
  }

  private onSearchInput(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.searchText = text;
    }, SEARCH_DELAY);
  }

  private renderHeader(column: FieldInfo): TemplateResult {
    const [order] = this.activeSort ? parseOrderBy(this.activeSort) : [];
    const sorted = order?.key === column.name ? order.direction : undefined;
    const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
    const arrow = sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕';
    return html`<th
      scope="col"
      role="columnheader"
      class=${isNumeric(column) ? 'num' : ''}
      aria-sort=${ariaSort ?? nothing}
    >
      <button
        type="button"
        class="sort"
        data-field=${column.name}
        @click=${() => this.toggleSort(column.name)}
      >
        <span>${column.label || column.name}</span
        ><span class="arrow ${sorted ? 'active' : ''}" aria-hidden="true">${arrow}</span>
      </button>
    </th>`;
  }

  private toggleSort(field: string): void {
    const [order] = this.activeSort ? parseOrderBy(this.activeSort) : [];
    const ascending = order?.key === field && order.direction === 'asc';
    this.activeSort = `${ascending ? '-' : ''}${formatFieldName(field)}`;
  }

  private onHeaderKeydown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('thead button.sort')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const next = {ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: buttons.length - 1}[event.key];
    if (next === undefined || !buttons[next]) return;
    event.preventDefault();
    buttons[next].focus();
  }

  private renderRow(row: Row, columns: readonly FieldInfo[], lang: Lang): TemplateResult {
    return html`<tr role="row">
      ${columns.map((column, index) => {
        const cell = formatCell(row[column.name], column, lang);
        const content = cell.href ? html`<a href=${cell.href}>${cell.text}</a>` : cell.text;
        // A card shows the column's label before each value (CSS, from data-label).
        const label = column.label || column.name;
        const kind = isNumeric(column) ? 'num' : isCodeField(column) && CODE.test(cell.text) ? 'code' : '';
        return index === 0
          ? html`<th scope="row" role="rowheader" class=${kind} data-label=${label}>${content}</th>`
          : html`<td role="cell" class=${kind} data-label=${label}>${content}</td>`;
      })}
    </tr>`;
  }
}
