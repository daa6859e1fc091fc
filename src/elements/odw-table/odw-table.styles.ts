import {css} from 'lit';

export const tableStyles = css`
  .search {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem var(--_odw-spacing-small);
    margin-bottom: var(--_odw-spacing-small);
  }
  .search label {
    font-weight: 600;
  }
  .search input {
    flex: 1 1 12rem;
    /* Not the input's own width (20 characters) as a minimum: it overflowed at 320 px. */
    min-width: 0;
    min-height: 2.25rem;
    padding: 0.25rem 0.5rem;
    font: inherit;
    color: var(--_odw-text-color);
    background: var(--_odw-background);
    border: 1px solid var(--_odw-muted-color);
    border-radius: var(--_odw-radius);
  }

  /* Scrolls both ways: header row and first column stay in view (small screens too). */
  .scroller {
    overflow: auto;
    max-height: var(--odw-table-max-height, 32rem);
    border: 1px solid var(--_odw-border-color);
    border-radius: var(--_odw-radius);
  }
  .scroller:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_odw-focus-color);
    outline-offset: 2px;
  }
  table {
    width: 100%;
    border-collapse: separate;
    border-spacing: 0;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.375rem 0.625rem;
    text-align: start;
    vertical-align: top;
    max-width: var(--odw-table-cell-max-width, 28rem);
    /* Text wraps between words only: a word is never split. A table that cannot fit its column
       so becomes cards (table-layout.ts); 'anywhere' used to squeeze every column to one letter
       a line. */
    overflow-wrap: normal;
    hyphens: manual;
    border-bottom: 1px solid var(--_odw-border-color);
    background: var(--_odw-background);
  }
  tbody th {
    font-weight: 600;
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 2;
    padding: 0;
    background: var(--_odw-surface);
    vertical-align: bottom;
  }
  thead th:first-child,
  tbody th {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    border-inline-end: 1px solid var(--_odw-border-color);
  }
  thead th:first-child {
    z-index: 3;
  }
  .num {
    text-align: end;
  }
  /* Figures and codes (INSEE codes, postcodes, SIRET) are never wrapped; headers wrap between words. */
  tbody .num,
  tbody .code {
    white-space: nowrap;
  }
  .sort {
    display: flex;
    align-items: flex-end;
    justify-content: space-between;
    gap: 0.375rem;
    width: 100%;
    padding: 0.5rem 0.625rem;
    font: inherit;
    font-weight: 700;
    text-align: start;
    color: var(--_odw-text-color);
    background: transparent;
    border: 0;
    cursor: pointer;
  }
  .num .sort {
    flex-direction: row-reverse;
    text-align: end;
  }
  .sort:hover span:first-child {
    text-decoration: underline;
  }
  .sort:focus-visible {
    outline: 2px solid var(--_odw-focus-color);
    outline-offset: -2px;
  }
  .arrow {
    color: var(--_odw-muted-color);
    font-size: 0.8em;
  }
  .arrow.active {
    color: var(--_odw-accent);
  }
  td.empty {
    color: var(--_odw-muted-color);
  }
  [data-layout='cards']:not([data-measuring]) {
    max-height: none;
    overflow: visible;
    border: 0;
    border-radius: 0;
  }
  [data-layout='cards']:not([data-measuring]) :is(table, thead, tbody, tr, th, td) {
    display: block;
    position: static;
    max-width: none;
  }
  [data-layout='cards']:not([data-measuring]) thead tr {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin-bottom: var(--_odw-spacing-small);
  }
  [data-layout='cards']:not([data-measuring]) thead th {
    /* A header word wider than the card (320 px, text at 200 %) breaks rather than overflows. */
    min-width: 0;
    max-width: 100%;
    overflow-wrap: break-word;
    border: 1px solid var(--_odw-border-color);
    border-radius: var(--_odw-radius);
  }
  [data-layout='cards']:not([data-measuring]) .sort > span:first-child {
    min-width: 0;
  }
  [data-layout='cards']:not([data-measuring]) .sort {
    flex-direction: row;
    padding: 0.25rem 0.5rem;
    font-size: var(--_odw-font-size-small);
    text-align: start;
  }
  [data-layout='cards']:not([data-measuring]) tbody tr {
    margin-bottom: var(--_odw-spacing-small);
    border: 1px solid var(--_odw-border-color);
    border-radius: var(--_odw-radius);
    overflow: hidden;
  }
  [data-layout='cards']:not([data-measuring]) :is(tbody th, tbody td) {
    /* The value at the end of the label's line, or at the end of its own line when it wraps. */
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0 0.75rem;
    border-inline-end: 0;
    text-align: end;
  }
  [data-layout='cards']:not([data-measuring]) tbody tr > :last-child {
    border-bottom: 0;
  }
  [data-layout='cards']:not([data-measuring]) tbody th {
    background: var(--_odw-surface);
  }
  /* The column's label; its empty alternative text keeps screen readers, which hear the column
     header already, from reading it twice (the first declaration for engines without it). */
  [data-layout='cards']:not([data-measuring]) :is(tbody th, tbody td)[data-label]::before {
    content: attr(data-label);
    content: attr(data-label) / '';
    flex: 0 1 auto;
    margin-inline-end: auto;
    font-weight: 600;
    text-align: start;
    white-space: normal;
  }
  [data-layout='cards']:not([data-measuring]) :is(tbody .num, tbody .code) {
    white-space: nowrap;
  }
  /* A value too long for the label's line goes under it, wrapped between words there; only a
     word longer than the whole card (a URL) may break inside. */
  [data-layout='cards']:not([data-measuring]) :is(tbody th, tbody td) {
    overflow-wrap: anywhere;
  }

  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_odw-spacing-small);
    margin-top: var(--_odw-spacing-small);
    font-size: var(--_odw-font-size-small);
  }
  .range {
    margin: 0;
    color: var(--_odw-muted-color);
  }
  .pages {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
  }
  .page-number {
    padding: 0 0.25rem;
  }
  .page {
    min-width: 2.25rem;
    min-height: 2.25rem;
    padding: 0.25rem 0.625rem;
    font: inherit;
    font-size: var(--_odw-font-size-small);
    color: var(--_odw-accent);
    background: var(--_odw-background);
    border: 1px solid currentColor;
    border-radius: var(--_odw-radius);
    cursor: pointer;
  }
  .page:disabled {
    color: var(--_odw-muted-color);
    cursor: default;
  }
  /* Under the title when it does not go on its line (actions-menu-placement.ts). */
  .frame-actions {
    margin-bottom: var(--_odw-spacing-small);
  }
  .widget[data-actions='inline'] .frame-actions {
    margin-bottom: 0;
  }

  @media (forced-colors: active) {
    .scroller,
    .page {
      border-color: CanvasText;
    }
    .arrow.active {
      color: Highlight;
    }
  }

  /* On paper: every row the table holds, header repeated on each page, no controls. */
  @media print {
    .search,
    .pages {
      display: none;
    }
    .scroller {
      overflow: visible;
      max-height: none;
    }
    thead th,
    thead th:first-child,
    tbody th {
      position: static;
    }
    /* No scrolling on paper: a column is as wide as its longest word, never one letter wide. */
    th,
    td {
      overflow-wrap: break-word;
    }
    th.num {
      white-space: normal;
    }
    .sort {
      cursor: auto;
    }
    tr {
      break-inside: avoid;
    }
  }
`;
