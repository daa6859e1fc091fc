/** What the element hands the map view: settings, colours of the theme, words of the marks. */
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import type {MapColors, MapViewOptions} from './map-view-options.js';
import type {ChoroplethData, PointsData} from './map-types.js';
import {clusterCount, clusterPlace, describeArea, describePoint, fieldLabel} from './map-text.js';
import {sizeSelection} from './map-query.js';
import {mapText} from './odw-map.messages.js';

/** The grey under the hatching of « pas de donnée » (the engine's, which loads later). */
const NO_DATA_FALLBACK = '#d9d9d9';

export interface ViewSettings {
  lang: Lang;
  data?: ChoroplethData | PointsData;
  size?: string;
  /** `lat,lon`. */
  center?: string;
  zoom?: number;
  noCluster: boolean;
  renderer?: string;
  tiles?: string;
  selectedKey?: string;
  onlyMatched: boolean;
  marksLabel: string;
  colors: MapColors;
}

type Callbacks = Pick<
  MapViewOptions,
  'onActivate' | 'onViewChange' | 'onTileError' | 'onWheelWithoutCtrl' | 'onOneFingerDrag'
>;

export function viewOptions(settings: ViewSettings, callbacks: Callbacks): MapViewOptions {
  const {lang, data} = settings;
  const size = sizeSelection(settings.size);
  const [lat, lon] = (settings.center ?? '').split(',').map((part) => Number(part.trim()));
  const centered = (settings.center ?? '').includes(',') && Number.isFinite(lat) && Number.isFinite(lon);
  return {
    ...callbacks,
    tiles: settings.tiles,
    center: centered ? [lon, lat] : undefined,
    zoom: Number.isFinite(settings.zoom) ? settings.zoom : undefined,
    cluster: !settings.noCluster,
    renderer: settings.renderer === 'svg' || settings.renderer === 'canvas' ? settings.renderer : undefined,
    selectedKey: settings.selectedKey,
    onlyMatched: settings.onlyMatched,
    marksLabel: settings.marksLabel,
    describeArea: (area) => describeArea(area, data as ChoroplethData, lang),
    describePoint: (point) => describePoint(point, data as PointsData, lang),
    describeCluster: ({count, value, points, quarter}) => {
      const place = clusterPlace(points, quarter, lang);
      if (value === undefined || !size?.fn || data?.mode !== 'points') {
        return mapText(lang, 'map.cluster', {count: formatNumber(count, lang), place});
      }
      const label = mapText(lang, 'map.aggregate', {
        field: fieldLabel(data.fields, size.field),
        fn: mapText(lang, `map.fn.${size.fn}`),
      });
      return mapText(lang, 'map.cluster-value', {
        count: formatNumber(count, lang),
        place,
        label,
        value: formatNumber(value, lang),
      });
    },
    clusterCount: (count) => clusterCount(count, lang),
    clusterAggregate: size?.fn,
    colors: settings.colors,
  };
}

/**
 * The colours of the map's own marks, from the theme (`token`: a `--_odw-*` value); `background`
 * behind the areas, against which light classes are outlined.
 */
export function themeColors(token: (name: string) => string, background: string | undefined): MapColors {
  if (matchMedia('(forced-colors: active)').matches) {
    return {stroke: 'Canvas', cluster: 'CanvasText', clusterText: 'Canvas', noData: 'GrayText'};
  }
  return {
    stroke: token('background') || '#ffffff',
    cluster: token('accent') || '#1f5fa8',
    clusterText: token('background') || '#ffffff',
    noData: NO_DATA_FALLBACK,
    background,
    outline: token('muted-color') || '#59636e',
  };
}

/** A `--_odw-*` value of the theme as `el` computes it (`name` without the prefix). */
export function themeToken(el: Element, name: string): string {
  return getComputedStyle(el).getPropertyValue(`--_odw-${name}`).trim();
}

/** The theme's categorical palette, `--odw-palette-1…8`, as `el` computes it. */
export function themePalette(el: Element): string[] {
  return Array.from({length: 8}, (_, i) => themeToken(el, `palette-${i + 1}`)).filter(Boolean);
}

/** Gives the points and their categories the colours of `palette` (the theme changed). */
export function recolourPoints(data: PointsData, palette: string[], fallback: string): void {
  const colorOf = new Map<string, string>();
  data.categories.forEach((category, i) => {
    if (!category.other) category.color = palette[i] ?? category.color;
    colorOf.set(category.label, category.color);
  });
  for (const point of data.points) {
    point.color = point.category === undefined ? fallback : (colorOf.get(point.category) ?? point.color);
  }
}
