import {css} from 'lit';
import {darkDrawingPrintedLight, paletteStyles} from '../../core/theme.js';

// The categorical palette's tokens come first: only the widgets that draw with it carry them.
export const chartStyles = css`
  ${paletteStyles}
  .chart {
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_odw-spacing-small);
    min-width: 0;
  }
  button {
    font: inherit;
    font-size: var(--_odw-font-size-small);
    color: var(--_odw-accent);
    background: var(--_odw-background);
    border: 1px solid currentColor;
    border-radius: calc(var(--_odw-radius) / 2);
    padding: 0.25rem 0.5rem;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--_odw-focus-color);
    outline-offset: 2px;
  }
  .plot {
    position: relative;
    width: 100%;
    min-width: 0;
  }
  .vega {
    width: 100%;
    overflow: hidden;
  }
  .vega svg {
    display: block;
    max-width: 100%;
  }
  /* Sizes in rem: the drawing's text follows the reader's text size (chartFontSize in odw-chart.ts). */
  .chart-svg {
    font-family: var(--_odw-font-family);
    font-size: 0.75rem;
    /* Forced colours are drawn with system colours, patterns and dashes (chart-draw.ts). */
    forced-color-adjust: none;
  }
  .chart-svg [data-i] {
    cursor: pointer;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
    font-size: var(--_odw-font-size);
  }
  .legend-title {
    font-weight: 600;
  }
  .legend ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .legend button {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    font-size: inherit;
    color: var(--_odw-text-color);
    /* A toggle told by its swatch and text, as the table's column headers by their text. */
    border: none;
    padding: 0.125rem 0.25rem;
  }
  .legend button[aria-pressed='false'] {
    color: var(--_odw-muted-color);
    text-decoration: line-through;
  }
  .legend button[aria-pressed='false'] .swatch {
    opacity: 0.25;
  }
  .swatch {
    flex: none;
    width: 0.875em;
    height: 0.875em;
  }
  .points {
    position: absolute;
    inset: 0;
    pointer-events: none;
    border-radius: calc(var(--_odw-radius) / 2);
  }
  .points:focus-visible {
    outline: 3px solid var(--_odw-focus-color);
    outline-offset: 2px;
  }
  .points [role='option'] {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .tooltip {
    position: absolute;
    z-index: 1;
    max-width: 18rem;
    padding: 0.25rem 0.5rem;
    font-size: var(--_odw-font-size-small);
    color: var(--_odw-text-color);
    background: var(--_odw-background);
    border: 1px solid var(--_odw-border-color);
    border-radius: calc(var(--_odw-radius) / 2);
    pointer-events: none;
    overflow-wrap: anywhere;
  }
  .tooltip[hidden] {
    display: none;
  }
  table {
    border-collapse: collapse;
    font-size: var(--_odw-font-size-small);
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.25rem;
  }
  th,
  td {
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_odw-border-color);
    text-align: start;
  }
  td.number {
    text-align: end;
  }
  :host(:fullscreen) {
    overflow: auto;
    background: var(--_odw-background);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
  @media (forced-colors: active) {
    .points:focus-visible {
      outline-color: Highlight;
    }
    .tooltip {
      border-color: CanvasText;
    }
    .legend button[aria-pressed='false'] .swatch {
      opacity: 1;
    }
  }

  /* On paper: the chart across the page width (the actions and data table: core/actions-menu.styles.ts). */
  @media print {
    .points,
    .tooltip,
    .focus-ring {
      display: none;
    }
    /* The legend prints as a list of names, without its buttons. */
    .legend button {
      display: contents;
    }
    .legend button[aria-pressed='false'] {
      display: none;
    }
    .plot {
      break-inside: avoid;
    }
    .vega {
      overflow: visible;
    }
    .vega svg {
      width: 100%;
      height: auto;
    }
  }
  ${darkDrawingPrintedLight('.vega')}
`;
