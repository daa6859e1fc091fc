import {css} from 'lit';

/**
 * The look of the actions row (actions-menu-view.ts), the same on a chart, a map and a table: the
 * theme's accent on the widget's background; the row on the title's line when
 * actions-menu-placement.ts says it fits, under it otherwise.
 */
export const actionsMenuStyles = css`
  .widget {
    position: relative;
  }
  .frame-actions {
    position: relative;
    z-index: 4;
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.25rem;
    width: fit-content;
    max-width: 100%;
    margin-inline-start: auto;
  }
  /* Beside the row, a word of the title never breaks: one that does not fit overflows, and the
     row goes under the title (actions-menu-placement.ts). */
  .widget[data-actions='inline'] > .title {
    min-height: var(--_odw-actions-height);
    padding-inline-end: calc(var(--_odw-actions-width) + var(--_odw-spacing-small));
    overflow-wrap: normal;
  }
  .widget[data-actions='inline'] .frame-actions {
    position: absolute;
    width: max-content;
    top: var(--_odw-spacing);
    inset-inline-end: var(--_odw-spacing);
    margin: 0;
  }
  .menu-anchor {
    position: relative;
  }
  .toggle-table,
  .menu-button {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-height: 2rem;
    margin: 0;
    padding: 0.25rem 0.5rem;
    font: inherit;
    font-size: var(--_odw-font-size-small);
    line-height: 1.2;
    white-space: nowrap;
    color: var(--_odw-accent);
    background: var(--_odw-background);
    border: 1px solid currentColor;
    border-radius: calc(var(--_odw-radius) / 2);
    cursor: pointer;
  }
  /* « Voir les données » wraps on two lines rather than overflowing a narrow card. */
  .toggle-table {
    max-width: 100%;
    white-space: normal;
    text-align: start;
  }
  /* Three dots: a square button. */
  .menu-button {
    justify-content: center;
    min-width: 2rem;
    padding-inline: 0.25rem;
  }
  .toggle-table:hover,
  .menu-button:hover,
  .menu-button[aria-expanded='true'] {
    text-decoration: underline;
  }
  .icon {
    flex: none;
    width: 1em;
    height: 1em;
    fill: currentColor;
  }
  .toggle-table[aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }
  .menu {
    position: absolute;
    top: calc(100% + 0.25rem);
    inset-inline-end: 0;
    display: flex;
    flex-direction: column;
    width: max-content;
    max-width: min(20rem, calc(100vw - 2rem));
    padding: 0.25rem 0;
    background: var(--_odw-background);
    border: 1px solid var(--_odw-border-color);
    border-radius: var(--_odw-radius);
    box-shadow: 0 2px 8px rgb(0 0 0 / 25%);
  }
  .menu[hidden] {
    display: none;
  }
  .menu [role='menuitem'] {
    display: block;
    padding: 0.5rem 0.75rem;
    font: inherit;
    font-size: var(--_odw-font-size-small);
    line-height: 1.3;
    text-align: start;
    text-decoration: none;
    color: var(--_odw-text-color);
    background: transparent;
    border: 0;
    cursor: pointer;
  }
  .menu [role='menuitem']:hover,
  .menu [role='menuitem']:focus {
    color: var(--_odw-background);
    background: var(--_odw-accent);
    outline: none;
  }
  .toggle-table:focus-visible,
  .menu-button:focus-visible,
  .data-table:focus-visible {
    outline: 3px solid var(--_odw-focus-color);
    outline-offset: 2px;
  }
  .data-table {
    overflow: auto;
    max-height: 24rem;
  }
  .data-table[hidden] {
    display: none;
  }

  @media (forced-colors: active) {
    .toggle-table,
    .menu-button,
    .menu {
      border-color: ButtonText;
    }
    .menu [role='menuitem']:hover,
    .menu [role='menuitem']:focus {
      color: HighlightText;
      background: Highlight;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .chevron {
      transition: transform 0.15s;
    }
  }
  /* On paper: no buttons; an open data table prints whole. */
  @media print {
    .frame-actions {
      display: none;
    }
    .widget[data-actions='inline'] > .title {
      min-height: 0;
      padding-inline-end: 0;
    }
    .data-table {
      overflow: visible;
      max-height: none;
    }
  }
`;
