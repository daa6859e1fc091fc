/**
 * The raster basemap under the map: tiles laid out by d3-tile for the current view, a missing
 * tile leaving a gap and nothing else. Part of the lazily loaded map engine.
 */
import {tile} from 'd3-tile';
import type {GeoProjection} from 'd3-geo';
import type {ZoomTransform} from 'd3-zoom';
import {svgElement} from './svg.js';

export class TileLayer {
  readonly element: SVGGElement = svgElement('g', {class: 'tiles'});
  private readonly images = new Map<string, SVGImageElement>();
  private readonly failed = new Set<string>();
  private errorReported = false;

  /** `onError`: called once, at the first tile that fails to load. */
  constructor(private readonly onError: () => void) {}

  reset(): void {
    this.element.replaceChildren();
    this.images.clear();
    this.failed.clear();
    this.errorReported = false;
  }

  /** Lays the tiles of `template` (`{z}`, `{x}`, `{y}`) covering a `width` × `height` view. */
  render(
    template: string | undefined,
    projection: GeoProjection,
    {x, y, k}: ZoomTransform,
    width: number,
    height: number,
  ): void {
    if (!template) return;
    const [tx, ty] = projection.translate();
    const tiles = tile()
      .size([width, height])
      .scale(projection.scale() * 2 * Math.PI * k)
      .translate([x + tx * k, y + ty * k])();
    const keep = new Set<string>();
    const [offsetX, offsetY] = tiles.translate;
    const size = tiles.scale;
    for (const [column, row, level] of tiles) {
      const key = `${level}/${column}/${row}`;
      if (this.failed.has(key)) continue;
      keep.add(key);
      const image = this.images.get(key) ?? this.createImage(key, tileUrl(template, column, row, level));
      // Half a pixel more hides the seams between tiles.
      image.setAttribute('x', String((column + offsetX) * size));
      image.setAttribute('y', String((row + offsetY) * size));
      image.setAttribute('width', String(size + 0.5));
      image.setAttribute('height', String(size + 0.5));
    }
    for (const [key, image] of this.images) {
      if (!keep.has(key)) {
        image.remove();
        this.images.delete(key);
      }
    }
  }

  private createImage(key: string, href: string): SVGImageElement {
    const image = svgElement('image', {href, preserveAspectRatio: 'none'});
    image.addEventListener('error', () => {
      this.failed.add(key);
      this.images.delete(key);
      image.remove();
      if (!this.errorReported) {
        this.errorReported = true;
        this.onError();
      }
    });
    this.images.set(key, image);
    this.element.append(image);
    return image;
  }
}

function tileUrl(template: string, x: number, y: number, z: number): string {
  return template.replace(/\{z\}/g, String(z)).replace(/\{x\}/g, String(x)).replace(/\{y\}/g, String(y));
}
