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
    /* Long text wraps between words, and a word breaks only when it alone is wider than the cell's
       limit. ('anywhere' also let a narrow table squeeze every column to one letter a line: the
       table now scrolls sideways in its region instead, first column fixed.) */
    overflow-wrap: break-word;
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
    align-items: center;
    gap: 0.25rem;
  }
  .page-number {
    padding: 0 0.25rem;
  }
  .page,
  .action {
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
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_odw-spacing-small);
    margin-top: var(--_odw-spacing-small);
  }
  a.action {
    display: inline-flex;
    align-items: center;
    text-decoration: none;
  }
  a.action:hover,
  button.action:hover {
    text-decoration: underline;
  }

  @media (forced-colors: active) {
    .scroller,
    .page,
    .action {
      border-color: CanvasText;
    }
    .arrow.active {
      color: Highlight;
    }
  }

  /* On paper: every row the table holds, header repeated on each page, no controls. */
  @media print {
    .search,
    .pages,
    .actions {
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
