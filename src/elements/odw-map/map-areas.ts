/**
 * The outlines of a choropleth in SVG: one focusable path per area, « pas de donnée » hatched,
 * the classes too light for the map's background outlined. Part of the lazily loaded map engine.
 */
import {geoPath, type GeoProjection} from 'd3-geo';
import type {ZoomTransform} from 'd3-zoom';
import {quietNoData, type ChoroplethData, type MapArea} from './map-types.js';
import type {Mark} from './map-focus.js';
import {svgElement} from './svg.js';
import {tooLight} from './contrast.js';

/** What the view's options give the areas. */
export interface AreaStyle {
  /** Between areas: the background of the theme. */
  stroke: string;
  noData: string;
  /** Behind the areas: what a class must stand out from, by 3:1. */
  background?: string;
  /** Around an area whose colour does not reach 3:1 against `background`. */
  outline?: string;
  selectedKey?: string;
  /** `only-matched`: the outlines without value are not drawn. */
  onlyMatched?: boolean;
  describe(area: MapArea): string;
}

export class AreaLayer {
  readonly element: SVGGElement = svgElement('g', {class: 'areas'});
  /** The pattern of « pas de donnée »: told apart by a texture, not by its grey alone. */
  readonly hatch: SVGPatternElement;
  private readonly hatchFill: SVGRectElement;
  private readonly hatchLine: SVGLineElement;
  private readonly areaOf = new WeakMap<Element, MapArea>();
  private centroids: Array<{element: SVGPathElement; area: MapArea; x: number; y: number}> = [];

  constructor() {
    this.hatch = svgElement('pattern', {
      id: 'odw-map-no-data',
      patternUnits: 'userSpaceOnUse',
      width: '6',
      height: '6',
    });
    this.hatchFill = svgElement('rect', {width: '6', height: '6'});
    this.hatchLine = svgElement('line', {x1: '0', y1: '0', x2: '0', y2: '6', 'stroke-width': '2'});
    this.hatch.append(this.hatchFill, this.hatchLine);
  }

  draw(data: ChoroplethData | undefined, projection: GeoProjection, style: AreaStyle): void {
    this.element.replaceChildren();
    this.centroids = [];
    if (!data) return;
    const path = geoPath(projection);
    this.hatchFill.setAttribute('fill', style.noData);
    this.hatchLine.setAttribute('stroke', style.stroke);
    const quiet = !style.onlyMatched && quietNoData(data);
    this.hatchLine.setAttribute('stroke-width', quiet ? '1' : '2');
    const outlines: SVGPathElement[] = [];
    for (const area of data.areas) {
      const d = path(area.feature) ?? '';
      const element = svgElement('path', {
        class: area.value === null ? `area no-data${quiet ? ' quiet' : ''}` : 'area',
        d,
        fill: area.value === null ? 'url(#odw-map-no-data)' : area.color,
        stroke: style.stroke,
        'stroke-width': '0.8',
        'vector-effect': 'non-scaling-stroke',
        'stroke-linejoin': 'round',
        role: 'button',
        tabindex: '-1',
        'aria-label': style.describe(area),
        'data-key': area.key,
      });
      if (style.selectedKey !== undefined && area.key === style.selectedKey) {
        element.classList.add('selected');
        element.setAttribute('aria-pressed', 'true');
      }
      this.areaOf.set(element, area);
      const [x, y] = path.centroid(area.feature);
      this.centroids.push({element, area, x, y});
      this.element.append(element);
      if (area.value !== null && style.outline !== undefined && tooLight(area.color, style.background)) {
        outlines.push(
          svgElement('path', {
            class: 'outline',
            d,
            fill: 'none',
            stroke: style.outline,
            'stroke-width': '1',
            'vector-effect': 'non-scaling-stroke',
            'stroke-linejoin': 'round',
            'aria-hidden': 'true',
            'data-key': area.key,
          }),
        );
      }
    }
    // Over every area, the outlines of the classes too light for the background are never covered
    // by a neighbour's stroke.
    this.element.append(...outlines);
    // The selected area is drawn last so its outline is not covered by its neighbours.
    const selected = this.element.querySelector('.selected');
    if (selected) this.element.append(selected);
  }

  /** Moves the areas with the view; the hatching keeps its size on screen at every zoom. */
  position({x, y, k}: ZoomTransform): void {
    this.element.setAttribute('transform', this.transformText({x, y, k}));
    this.hatch.setAttribute('patternTransform', `scale(${1 / k}) rotate(45)`);
  }

  transformText({x, y, k}: {x: number; y: number; k: number}): string {
    return `translate(${x},${y}) scale(${k})`;
  }

  area(element: Element): MapArea | undefined {
    return this.areaOf.get(element);
  }

  /** Every area as a mark, placed at its centroid on screen. */
  marks(transform: ZoomTransform): Mark[] {
    return this.centroids.map(({element, area, x, y}) => {
      const [sx, sy] = transform.apply([x, y]);
      return {id: `a${area.key}`, element, x: sx, y: sy, value: area.value, name: area.name};
    });
  }
}
