/** What the map shows around its drawing: the zoom buttons, the hint over it, the credits under it. */
import {html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import type {PointsData} from './map-types.js';
import {mapText} from './odw-map.messages.js';

/** The Plan IGN of the Géoplateforme: the basemap of points maps unless `tiles` says otherwise. */
export const PLAN_IGN = {
  url: 'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
  attribution: '© IGN – Géoplateforme, Plan IGN',
  link: 'https://geoservices.ign.fr/',
};

/**
 * Basemaps known by name. A page may point `ign` elsewhere (the demos and tests point it at the
 * emulator's offline tiles, tools/portal/tiles.mjs).
 */
export const TILE_PRESETS: Record<string, {url: string; attribution: string; link: string}> = {
  ign: PLAN_IGN,
  osm: {
    url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    attribution: '© les contributeurs d’OpenStreetMap',
    link: 'https://www.openstreetmap.org/copyright',
  },
};

export interface Basemap {
  url: string;
  attribution?: string;
  link?: string;
}

/**
 * `tiles`: a preset's name or a URL template (with `attribution`); `none` for no basemap. Without
 * it, points get the Plan IGN and choropleths none.
 */
export function resolveTiles(
  tiles: string | undefined,
  attribution: string | undefined,
  points: boolean,
): Basemap | undefined {
  const text = tiles?.trim() || (points ? 'ign' : '');
  if (!text || text.toLowerCase() === 'none') return undefined;
  return TILE_PRESETS[text.toLowerCase()] ?? {url: text, attribution: attribution?.trim() || undefined};
}

/**
 * The zoom buttons over the map's corner: in, out, and back to the initial view (the keys +, − and
 * 0 do the same on the map).
 */
export function zoomControls(
  lang: Lang,
  label: string,
  {zoomBy, reset}: {zoomBy: (factor: number) => void; reset: () => void},
): TemplateResult {
  const button = (label: string, action: () => void, icon: TemplateResult) =>
    html`<button type="button" aria-label=${label} title=${label} @click=${action}>${icon}</button>`;
  return html`<div class="zoom" part="zoom" role="group" aria-label=${label}>
    ${button(mapText(lang, 'map.zoom-in'), () => zoomBy(2), plusIcon)}
    ${button(mapText(lang, 'map.zoom-out'), () => zoomBy(0.5), minusIcon)}
    ${button(mapText(lang, 'map.reset'), reset, resetIcon)}
  </div>`;
}

const plusIcon = html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
  <path d="M8 3v10M3 8h10" stroke="currentColor" stroke-width="2" />
</svg>`;
const minusIcon = html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
  <path d="M3 8h10" stroke="currentColor" stroke-width="2" />
</svg>`;
/** Four corners closing in: the whole map in view. */
const resetIcon = html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
  <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" fill="none" stroke="currentColor" stroke-width="2" />
</svg>`;

/** How long the hint of how to move the map stays, in milliseconds. */
const HINT_DURATION = 1500;

/** The hint over the map after a wheel without Ctrl or a one-finger drag, for a moment. */
export class MapHintController implements ReactiveController {
  current?: 'wheel' | 'touch';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  show(hint: 'wheel' | 'touch'): void {
    this.current = hint;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.current = undefined;
      this.host.requestUpdate();
    }, HINT_DURATION);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }
}

/**
 * The strip under the map: the notice of a failed basemap, then the credits. Below the drawing
 * rather than over it, so that no mark, cluster count or label hides under them, and side by side
 * or stacked as the width allows, never over each other.
 */
export function credits(
  lang: Lang,
  {tiles, shapesCredit, tilesFailed}: {tiles?: Basemap; shapesCredit?: string; tilesFailed: boolean},
): TemplateResult | typeof nothing {
  const credit = tiles?.attribution
    ? tiles.link
      ? html`<a href=${tiles.link}>${tiles.attribution}</a>`
      : tiles.attribution
    : nothing;
  if (!tilesFailed && !tiles?.attribution && !shapesCredit) return nothing;
  return html`<div class="credits">
    ${tilesFailed ? html`<p class="notice" role="status">${mapText(lang, 'map.tiles-failed')}</p>` : nothing}
    ${
      tiles?.attribution || shapesCredit
        ? html`<p class="attribution">
            ${shapesCredit ?? nothing}${shapesCredit && tiles?.attribution ? ' · ' : nothing}${credit}
          </p>`
        : nothing
    }
  </div>`;
}

/** The hint of how to move the map, over its middle for a moment. */
export function hintOverlay(lang: Lang, hint?: 'wheel' | 'touch'): TemplateResult | typeof nothing {
  return hint
    ? html`<p class="overlay hint" aria-hidden="true">${mapText(lang, `map.${hint}-hint`)}</p>`
    : nothing;
}

/** « 20 000 points sur 137 611 … » when the map read part of the records. */
export function partialText(data: PointsData, lang: Lang): string {
  return mapText(lang, 'map.partial', {
    shown: formatNumber(data.readOnly ?? data.total, lang),
    total: formatNumber(data.total, lang),
  });
}
