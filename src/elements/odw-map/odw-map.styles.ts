import {css} from 'lit';
import {darkDrawingPrintedLight, paletteStyles} from '../../core/theme.js';

// The categorical palette's tokens come first: only the widgets that draw with it carry them.
export const mapStyles = css`
  ${paletteStyles}
  .map-widget {
    display: flex;
    flex-direction: column;
    gap: var(--_odw-spacing-small);
  }
  .popup button {
    font: inherit;
    font-size: var(--_odw-font-size-small);
    color: var(--_odw-text-color);
    background: var(--_odw-surface);
    border: 1px solid var(--_odw-muted-color);
    border-radius: var(--_odw-radius);
    padding: 0.25rem 0.5rem;
    min-width: 2rem;
    min-height: 2rem;
    cursor: pointer;
  }
  /* The zoom buttons, in a column over the map's top corner, in the theme's accent. */
  .zoom {
    position: absolute;
    z-index: 1;
    top: 0.5rem;
    inset-inline-start: 0.5rem;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .zoom button {
    display: grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    padding: 0;
    color: var(--_odw-accent);
    background: var(--_odw-background);
    border: 1px solid currentColor;
    border-radius: calc(var(--_odw-radius) / 2);
    cursor: pointer;
  }
  .zoom svg {
    width: 1rem;
    height: 1rem;
  }
  button:focus-visible,
  .map:focus-visible {
    outline: 3px solid var(--_odw-focus-color);
    outline-offset: 2px;
  }
  .frame {
    position: relative;
  }
  .map {
    position: relative;
    height: var(--odw-map-height, 400px);
    overflow: hidden;
    background: var(--odw-map-background, var(--_odw-surface));
    border-radius: var(--_odw-radius);
    /* One finger scrolls the page; two fingers pinch and pan the map (d3-zoom). */
    touch-action: pan-x pan-y;
    cursor: grab;
  }
  .map-widget.fullscreen .map {
    height: max(240px, calc(100vh - 12rem));
  }
  :host(:fullscreen) {
    background: var(--_odw-background);
    overflow: auto;
  }
  .map svg,
  .map canvas {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }
  .map canvas {
    pointer-events: none;
  }
  .area,
  .point,
  .cluster {
    cursor: pointer;
  }
  .area:hover {
    stroke: var(--_odw-text-color);
    stroke-width: 1.5;
  }
  .area.selected {
    stroke: var(--_odw-text-color);
    stroke-width: 2.5;
  }
  .area:focus,
  .point:focus,
  .cluster:focus {
    outline: none;
  }
  /* The focused mark's ring (map-focus.ts): a halo of the background under the focus colour, so
     that one of the two reaches 3:1 against any neighbour. */
  .focus-ring,
  .areas .outline {
    pointer-events: none;
  }
  .area:focus-visible {
    stroke: var(--_odw-focus-color);
    stroke-width: 3;
  }
  .point:focus-visible circle,
  .cluster:focus-visible circle {
    stroke: var(--_odw-focus-color);
    stroke-width: 3;
  }
  .focus-ring .halo {
    stroke: var(--_odw-background);
    stroke-width: 7;
  }
  .focus-ring .ring {
    stroke: var(--_odw-focus-color);
    stroke-width: 3;
  }
  .search {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    font-size: var(--_odw-font-size-small);
  }
  .search input {
    font: inherit;
    flex: 1 1 10rem;
    min-width: 0;
    max-width: 20rem;
    min-height: 2rem;
    padding: 0.25rem 0.5rem;
    color: var(--_odw-text-color);
    background: var(--_odw-background);
    border: 1px solid var(--_odw-muted-color);
    border-radius: var(--_odw-radius);
  }
  .search input:focus-visible {
    outline: 3px solid var(--_odw-focus-color);
    outline-offset: 2px;
  }
  .search [role='listbox'] {
    position: absolute;
    z-index: 2;
    top: 100%;
    right: 0;
    left: 0;
    max-width: 28rem;
    margin: 0.125rem 0 0;
    padding: 0.25rem 0;
    list-style: none;
    background: var(--_odw-background);
    border: 1px solid var(--_odw-border-color);
    border-radius: var(--_odw-radius);
    box-shadow: 0 2px 8px rgb(0 0 0 / 25%);
  }
  .search [role='listbox'][hidden] {
    display: none;
  }
  .search [role='option'] {
    padding: 0.375rem 0.75rem;
    cursor: pointer;
  }
  .search [role='option'][aria-selected='true'],
  .search [role='option']:hover {
    background: var(--_odw-surface);
    outline: 2px solid var(--_odw-focus-color);
    outline-offset: -2px;
  }
  .popup:focus {
    outline: none;
  }
  .popup:focus-visible {
    outline: 3px solid var(--_odw-focus-color);
    outline-offset: 2px;
  }
  .overlay {
    position: absolute;
    font-size: var(--_odw-font-size-small);
    background: var(--_odw-background);
    color: var(--_odw-text-color);
    padding: 0.125rem 0.375rem;
    pointer-events: none;
  }
  /* The strip under the map: the basemap's notice at the start, the credits at the end, stacked
     when one line cannot hold both. */
  .credits {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--_odw-spacing-small);
    margin-top: 0.125rem;
    font-size: var(--_odw-font-size-small);
  }
  .credits p {
    margin: 0;
  }
  .attribution {
    color: var(--_odw-muted-color);
  }
  .attribution a {
    color: var(--_odw-accent);
  }
  .hint {
    left: 50%;
    top: 50%;
    transform: translate(-50%, -50%);
    padding: 0.5rem 0.75rem;
    border-radius: var(--_odw-radius);
  }
  .notice {
    color: var(--_odw-warning-color);
  }
  /* The warning look of the stale-data notice (core/data-element.styles.ts), above the map. */
  .partial {
    margin: 0;
    padding: var(--_odw-spacing-small);
    font-size: var(--_odw-font-size-small);
    color: var(--_odw-warning-color);
    background: var(--_odw-warning-surface);
    border-inline-start: 4px solid var(--_odw-warning-color);
  }
  .popup {
    position: absolute;
    z-index: 1;
    /* Its own width, not what is left between the point and the map's right edge. */
    width: max-content;
    max-width: min(20rem, 80%);
    padding: 0.5rem 2.25rem 0.5rem 0.75rem;
    background: var(--_odw-background);
    color: var(--_odw-text-color);
    border: 1px solid var(--_odw-border-color);
    border-radius: var(--_odw-radius);
    box-shadow: 0 2px 8px rgb(0 0 0 / 25%);
    transform: translate(-50%, calc(-100% - 10px));
    overflow-wrap: anywhere;
  }
  .popup .close {
    position: absolute;
    top: 0.25rem;
    right: 0.25rem;
  }
  .popup dl {
    margin: 0;
  }
  .popup dt {
    font-weight: 600;
    font-size: var(--_odw-font-size-small);
    color: var(--_odw-muted-color);
  }
  .popup dd {
    margin: 0 0 0.25rem;
  }
  .popup .popup-title {
    margin: 0 0 0.25rem;
    font-weight: 700;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_odw-font-size-small);
  }
  .legend-title {
    font-weight: 600;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }
  .swatch {
    display: inline-block;
    width: 1rem;
    height: 1rem;
    border: 1px solid var(--_odw-border-color);
    border-radius: 2px;
    forced-color-adjust: none;
  }
  .swatch.round {
    border-radius: 50%;
  }
  /* A class too light (or too dark) for the map's background: outlined, as its areas are. */
  .swatch.outlined {
    border-color: var(--_odw-muted-color);
  }
  /* « Pas de donnée »: a hatching of the theme's muted colour, on the map and in the legend. */
  .map,
  .legend {
    --_odw-map-no-data: var(--odw-map-no-data-color, var(--_odw-skeleton-color));
  }
  /* Engines without color-mix() (Safari < 16.2) keep the opaque overlay and the skeleton grey:
     a color-mix() they cannot compute would leave the overlay bare and the hatching black. */
  @supports (color: color-mix(in srgb, red 50%, blue)) {
    .overlay {
      background: color-mix(in srgb, var(--_odw-background) 85%, transparent);
    }
    .map,
    .legend {
      --_odw-map-no-data: var(
        --odw-map-no-data-color,
        color-mix(in srgb, var(--_odw-muted-color) 40%, var(--_odw-background))
      );
    }
  }
  #odw-map-no-data rect {
    fill: var(--_odw-map-no-data);
  }
  #odw-map-no-data line {
    stroke: var(--_odw-background);
  }
  /* Outnumbering the areas with a value, those without are drawn quietly (map-types.ts). */
  .area.no-data.quiet,
  .swatch.no-data.quiet {
    opacity: 0.55;
  }
  .swatch.no-data {
    background: repeating-linear-gradient(
      45deg,
      var(--_odw-map-no-data) 0 3px,
      var(--_odw-background) 3px 5px
    );
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: var(--_odw-font-size-small);
  }
  th,
  td {
    text-align: left;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_odw-border-color);
  }
  td.number {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .note {
    font-size: var(--_odw-font-size-small);
    color: var(--_odw-muted-color);
    margin: 0.25rem 0 0;
  }
  .status {
    margin: 0;
  }

  /* On paper: the outlines and legend in their colours, the open data table whole, no buttons. */
  @media print {
    .zoom,
    .search,
    .popup,
    .hint {
      display: none;
    }
    .map {
      break-inside: avoid;
    }
    .map,
    .swatch {
      print-color-adjust: exact;
    }
  }
  ${darkDrawingPrintedLight('.map svg')}
`;
