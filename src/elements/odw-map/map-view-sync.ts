/**
 * The drawn map's life in the element: created with the first data once the engine has loaded,
 * handed every new data (fitted again only for a different map), redrawn in a new language, and
 * repainted when the theme changes.
 */
import type {Lang} from '../../core/lang.js';
import {recolourPoints} from './map-options.js';
import type {MapEngine} from './map-query.js';
import type {ChoroplethData, PointsData} from './map-types.js';
import type {MapViewOptions} from './map-view-options.js';

type MapView = InstanceType<MapEngine['MapView']>;

export interface ViewInput {
  data: ChoroplethData | PointsData;
  options: MapViewOptions;
  /** What makes it another map (mode, shapes, centre, zoom, basemap…): that one is fitted again. */
  key: string;
  lang: Lang;
  /** The theme's palette (empty before the theme can be read) and the colour of uncategorised points. */
  palette: string[];
  fallbackColor: string;
}

export class MapViewSync {
  engine?: MapEngine;
  view?: MapView;
  private data?: ChoroplethData | PointsData;
  private key?: string;
  private lang?: Lang;

  constructor(private readonly surface: HTMLElement) {}

  /**
   * Creates the view on the first data, then hands it every new data; true when it was fitted
   * again (what a popup pointed at has moved). `input` is read only when there is something to draw.
   */
  sync(input: () => ViewInput | undefined): boolean {
    if (!this.engine || !this.surface.isConnected) return false;
    const next = input();
    if (!next) return false;
    const {data, options, key, lang} = next;
    this.view ??= new this.engine.MapView(this.surface, options);
    // The marks' accessible names are written when drawn: a new language redraws them.
    if (data === this.data && lang === this.lang) return false;
    if (data !== this.data && data.mode === 'points' && next.palette.length) {
      recolourPoints(data, next.palette, next.fallbackColor);
    }
    // Data changed under the same map (a refresh, a filter): keep where the user looks; a
    // different map is fitted again.
    const refit = key !== this.key;
    this.view.setData(data, options, refit);
    this.data = data;
    this.key = key;
    this.lang = lang;
    return refit;
  }

  /**
   * Paints the drawn data in the colours of the current theme: the palette of the points and
   * their legend, the outlines and clusters; the view and the data stay as they are.
   */
  recolour(input: ViewInput): void {
    if (!this.view) return;
    if (input.data.mode === 'points') recolourPoints(input.data, input.palette, input.fallbackColor);
    // The legend's swatches follow the theme by themselves (CSS variables).
    this.view.restyle(input.options);
  }
}
