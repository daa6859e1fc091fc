import {css, unsafeCSS} from 'lit';
import {MAX_COLUMNS} from './dashboard-config.js';

const counts = Array.from({length: MAX_COLUMNS}, (_, index) => index + 1);

/** `columns="3"` → 3 grid columns: attribute selectors, so no inline style is ever needed (CSP). */
const columnRules = unsafeCSS(
  counts.map((count) => `:host([columns='${count}']) { --_odw-dashboard-columns: ${count}; }`).join('\n'),
);

/** `span="2"` on a child: two columns, never more than the grid has (at narrow widths too). */
const spanRules = unsafeCSS(
  counts
    .slice(1)
    .map(
      (count) =>
        `::slotted([span='${count}']), .generated > [span='${count}'] { grid-column: span min(${count}, var(--_columns)); }`,
    )
    .join('\n'),
);

export const dashboardStyles = css`
  :host {
    /* The grid adapts to the room the dashboard has, not to the window: it may sit in a sidebar. */
    container: odw-dashboard / inline-size;
    --_odw-dashboard-columns: 3;
  }
  ${columnRules}

  .dashboard {
    display: flex;
    flex-direction: column;
    gap: var(--odw-dashboard-gap, var(--_odw-spacing));
    /* At most 5 % of the screen, as the widgets' own (src/core/data-element.styles.ts). */
    padding: var(--odw-dashboard-padding, min(var(--_odw-spacing), 5vw));
    background: var(--odw-dashboard-background, var(--_odw-surface));
    border-radius: var(--_odw-radius);
  }
  .header {
    display: flex;
    flex-direction: column;
    gap: var(--_odw-spacing-small);
  }
  .header:empty {
    display: none;
  }
  .title {
    margin: 0;
    font-size: var(--odw-dashboard-title-font-size, 1.5rem);
    font-weight: 700;
    line-height: 1.25;
    overflow-wrap: break-word;
  }
  .description {
    margin: 0;
    color: var(--_odw-muted-color);
  }

  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: var(--odw-dashboard-gap, var(--_odw-spacing));
  }
  /* A dashboard without filters: no empty « Filtres » group for a screen reader, no gap on the page. */
  .filters[hidden] {
    display: none;
  }

  .params {
    display: flex;
    flex-wrap: wrap;
    gap: var(--odw-dashboard-gap, var(--_odw-spacing));
  }

  .param {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-weight: 600;
    max-width: 100%;
  }

  .param select {
    font: inherit;
    font-weight: normal;
    min-width: min(100%, 14rem);
    /* A select is as wide as its longest option; at 320 px with text at 200 % it must still fit. */
    max-width: 100%;
    min-height: 2.75rem;
    padding: 0.25rem 0.5rem;
    color: inherit;
    background: var(--odw-background, transparent);
    border: 1px solid var(--odw-border-color, currentColor);
    border-radius: var(--odw-radius, 4px);
  }

  .param select:focus-visible {
    outline: 2px solid var(--odw-focus-color, currentColor);
    outline-offset: 2px;
  }

  /*
   * What the page put in the tag for browsers that cannot run it (a link, a sentence) gives way to
   * the dashboard once it reads its configuration; its widget children stay.
   */
  .grid.configured ::slotted(:not(odw-kpi, odw-chart, odw-map, odw-table, odw-filter, odw-source, script)) {
    display: none;
  }

  .grid {
    --_columns: var(--_odw-dashboard-columns);
    display: grid;
    grid-template-columns: repeat(var(--_columns), minmax(0, 1fr));
    gap: var(--odw-dashboard-gap, var(--_odw-spacing));
    align-items: stretch;
  }
  .generated {
    display: contents;
  }
  ${spanRules}
  ::slotted([span='full']),
  .generated > [span='full'],
  /* A source shows only to say, for all its widgets, that their data failed: across the grid. */
  ::slotted(odw-source),
  .generated > odw-source {
    grid-column: 1 / -1;
  }
  @container odw-dashboard (max-width: 45rem) {
    .grid {
      --_columns: min(2, var(--_odw-dashboard-columns));
    }
  }
  @container odw-dashboard (max-width: 30rem) {
    .grid {
      --_columns: 1;
    }
  }
  /* Without container queries (Safari < 16), the window's width decides: right on a phone, where
     it matters most, and at worst one column too many for a dashboard in a desktop sidebar. */
  @supports not (container-type: inline-size) {
    @media (max-width: 45rem) {
      .grid {
        --_columns: min(2, var(--_odw-dashboard-columns));
      }
    }
    @media (max-width: 30rem) {
      .grid {
        --_columns: 1;
      }
    }
  }

  .status {
    margin: 0;
    padding: var(--_odw-spacing-small) var(--_odw-spacing);
    border-radius: var(--_odw-radius);
  }
  .status.error {
    /* A long configuration URL in the message wraps instead of widening a phone's page. */
    overflow-wrap: anywhere;
    color: var(--_odw-error-color);
    background: var(--_odw-error-surface);
    border: 1px solid var(--_odw-error-color);
  }
  .status ul {
    margin: var(--_odw-spacing-small) 0 0;
    padding-left: 1.25rem;
  }
  .problem {
    overflow-wrap: anywhere;
  }
  .loading {
    color: var(--_odw-muted-color);
  }

  /* The source its widgets share, cited once: one compact line under the grid. */
  .footer {
    font-size: var(--_odw-font-size-small);
    color: var(--_odw-muted-color);
  }
  .footer p {
    margin: 0;
  }
  .footer a {
    color: var(--_odw-accent);
  }
  .footer a:focus-visible {
    outline: 2px solid var(--_odw-focus-color);
    outline-offset: 2px;
  }
`;
