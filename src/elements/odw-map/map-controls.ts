/** What the map shows around its drawing: the toolbar, the credits and notices over it, the hints. */
import {html, nothing, type TemplateResult} from 'lit';
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

export interface ToolbarActions {
  zoomBy(factor: number): void;
  reset(): void;
  csv(): void;
  image(format: 'png' | 'svg'): void;
  fullscreenToggle: unknown;
}

export function toolbar(lang: Lang, label: string, actions: ToolbarActions): TemplateResult {
  return html`<div class="toolbar" part="actions" role="toolbar" aria-label=${label}>
    <button
      type="button"
      aria-label=${mapText(lang, 'map.zoom-in')}
      title=${mapText(lang, 'map.zoom-in')}
      @click=${() => actions.zoomBy(2)}
    >
      +
    </button>
    <button
      type="button"
      aria-label=${mapText(lang, 'map.zoom-out')}
      title=${mapText(lang, 'map.zoom-out')}
      @click=${() => actions.zoomBy(0.5)}
    >
      −
    </button>
    <button type="button" @click=${() => actions.reset()}>${mapText(lang, 'map.reset')}</button>
    <span class="separator"></span>
    <button type="button" @click=${() => actions.csv()}>${mapText(lang, 'map.download-csv')}</button>
    <button type="button" @click=${() => actions.image('png')}>${mapText(lang, 'map.download-png')}</button>
    <button type="button" @click=${() => actions.image('svg')}>${mapText(lang, 'map.download-svg')}</button>
    ${actions.fullscreenToggle}
  </div>`;
}

/** The credits over the map, the notice of a failed basemap, and the hint of how to move the map. */
export function overlays(
  lang: Lang,
  {
    tiles,
    shapesCredit,
    tilesFailed,
    hint,
  }: {tiles?: Basemap; shapesCredit?: string; tilesFailed: boolean; hint?: 'wheel' | 'touch'},
): TemplateResult {
  const credit = tiles?.attribution
    ? tiles.link
      ? html`<a href=${tiles.link}>${tiles.attribution}</a>`
      : tiles.attribution
    : nothing;
  return html`${
    tiles?.attribution || shapesCredit
      ? html`<p class="overlay attribution">
          ${shapesCredit ?? nothing}${shapesCredit && tiles?.attribution ? ' · ' : nothing}${credit}
        </p>`
      : nothing
  }
  ${tilesFailed ? html`<p class="overlay notice" role="status">${mapText(lang, 'map.tiles-failed')}</p>` : nothing}
  ${hint ? html`<p class="overlay hint" aria-hidden="true">${mapText(lang, `map.${hint}-hint`)}</p>` : nothing}`;
}

/** « 20 000 points sur 137 611 … » when the map read part of the records. */
export function partialText(data: PointsData, lang: Lang): string {
  return mapText(lang, 'map.partial', {
    shown: formatNumber(data.readOnly ?? data.total, lang),
    total: formatNumber(data.total, lang),
  });
}
