/**
 * The table's page navigation: the range of rows shown (read once, by a status naming the table)
 * and, with more than one page, the first, previous, next and last page buttons.
 */
import {html, nothing, type TemplateResult} from 'lit';
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/lang.js';
import {tableText} from './odw-table.messages.js';

export interface PagerState {
  /** Rows of the whole result. */
  total: number;
  /** Index of the first row of the page. */
  offset: number;
  /** Rows on the page. */
  count: number;
  pageSize: number;
}

export function renderPager(
  state: PagerState,
  name: string,
  lang: Lang,
  go: (page: number) => void,
  /** Whether the status says the range (not when the page's live region has just said it). */
  speaks = true,
): TemplateResult {
  const size = state.pageSize;
  const pages = Math.max(1, Math.ceil(state.total / size));
  const page = Math.floor(state.offset / size) + 1;
  const button = (
    label: string,
    symbol: string,
    target: number,
    disabled: boolean,
    kind: 'first' | 'previous' | 'next' | 'last',
  ) =>
    html`<button
      type="button"
      class="page page-${kind} ${kind === 'first' || kind === 'previous' ? 'page-back' : 'page-forward'}"
      aria-label=${label}
      ?disabled=${disabled}
      @click=${() => go(Math.min(pages, Math.max(1, target)))}
    >
      <span aria-hidden="true">${symbol}</span>
    </button>`;
  const range = rowsRange({total: state.total, offset: state.offset, rows: {length: state.count}}, lang);
  // The visible range is read once, by the status that names the table it belongs to.
  return html`<nav class="pager" part="pager" aria-label=${tableText(lang, 'table.pager', {name})}>
    <p class="range" aria-hidden="true">${range}</p>
    <p class="visually-hidden" role="status">
      ${speaks ? tableText(lang, 'table.rows-named', {name, range}) : nothing}
    </p>
    ${
      pages > 1
        ? html`<div class="pages">
            ${button(tableText(lang, 'table.first'), '«', 1, page <= 1, 'first')}
            ${button(tableText(lang, 'table.previous'), '‹', page - 1, page <= 1, 'previous')}
            <span class="page-number"
              >${tableText(lang, 'table.page', {page: formatNumber(page, lang), pages: formatNumber(pages, lang)})}</span
            >
            ${button(tableText(lang, 'table.next'), '›', page + 1, page >= pages, 'next')}
            ${button(tableText(lang, 'table.last'), '»', pages, page >= pages, 'last')}
          </div>`
        : nothing
    }
  </nav>`;
}

/** « Lignes 1 à 5 sur 5 115 »: the rows shown of the whole result. */
export function rowsRange(page: {total: number; offset: number; rows: {length: number}}, lang: Lang): string {
  const count = page.rows.length;
  const number = (value: number) => formatNumber(value, lang);
  return tableText(lang, 'table.rows', {
    from: number(count ? page.offset + 1 : 0),
    to: number(page.offset + count),
    total: number(page.total),
  });
}
