/**
 * The points of a points map: clustered with supercluster when they overlap, drawn in SVG
 * (focusable) or, when many, on a canvas under transparent focusable SVG marks. Part of the
 * lazily loaded map engine.
 */
import type {GeoProjection} from 'd3-geo';
import type {ZoomTransform} from 'd3-zoom';
import Supercluster, {type ClusterProperties, type PointFeature as ClusterPoint} from 'supercluster';
import type {MapPoint, PointsData} from './map-types.js';
import type {Mark} from './map-focus.js';
import {svgElement} from './svg.js';

/** Above this number of points, they are drawn on a canvas. */
export const CANVAS_THRESHOLD = 400;
/** Deepest zoom level (as web maps count them) the map goes to. */
export const MAX_LEVEL = 19;
/** Largest radius of a cluster, in pixels. */
const MAX_CLUSTER_RADIUS = 22;
/** Where a cluster is in the view: a ninth of it. */
export type Quarter = 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w' | 'nw' | 'c';

export interface PointStyle {
  stroke: string;
  cluster: string;
  clusterText: string;
  describePoint(point: MapPoint): string;
  /** `value`: the `clusterAggregate` of the cluster's sizes, when there is one. */
  describeCluster(cluster: {count: number; value?: number; points: MapPoint[]; quarter: Quarter}): string;
  /** The count written on a cluster (« 7 k »). */
  clusterCount(count: number): string;
  clusterAggregate?: 'sum' | 'avg' | 'min' | 'max';
}

export interface DrawnItem {
  x: number;
  y: number;
  r: number;
  point?: MapPoint;
  /** Index of `point` in the data. */
  index?: number;
  clusterId?: number;
  count?: number;
  /** The cluster's aggregate of point sizes. */
  value?: number;
}

/** What a cluster accumulates of its points' sizes. */
interface SizeTotals {
  index: number;
  sum: number;
  min: number;
  max: number;
  sized: number;
}

type PointFeature = ClusterPoint<{index: number}>;
type ClusterIndex = Supercluster<{index: number}, SizeTotals>;

/** The view the points are drawn in. */
export interface PointView {
  projection: GeoProjection;
  transform: ZoomTransform;
  width: number;
  height: number;
  zoomLevel: number;
}

export class PointLayer {
  readonly element: SVGGElement = svgElement('g', {class: 'points'});
  canvas?: HTMLCanvasElement;
  drawn: DrawnItem[] = [];
  private data?: PointsData;
  private clusterIndex?: ClusterIndex;
  private projected: Array<[number, number]> = [];
  private readonly elements = new Map<string, SVGGElement>();
  private readonly itemOf = new WeakMap<Element, DrawnItem>();
  private viewSize = {width: 0, height: 0};

  setData(data: PointsData | undefined, cluster: boolean): void {
    this.data = data;
    this.clusterIndex = data && cluster ? buildIndex(data) : undefined;
  }

  /** The canvas the points are drawn on when there are many of them, added to `host`. */
  useCanvas(enabled: boolean, host: HTMLElement): void {
    if (enabled && !this.canvas) {
      this.canvas = document.createElement('canvas');
      this.canvas.className = 'map-canvas';
      this.canvas.setAttribute('aria-hidden', 'true');
      host.append(this.canvas);
    } else if (!enabled && this.canvas) {
      this.canvas.remove();
      this.canvas = undefined;
    }
  }

  project(projection: GeoProjection): void {
    this.projected = this.data?.points.map((point) => projection([point.lon, point.lat]) ?? [NaN, NaN]) ?? [];
    this.clear();
  }

  /** Removes the SVG marks, to be drawn again (new colours or positions). */
  clear(): void {
    for (const element of this.elements.values()) element.remove();
    this.elements.clear();
  }

  render(view: PointView, style: PointStyle): void {
    const data = this.data;
    if (!data) return;
    this.viewSize = {width: view.width, height: view.height};
    this.drawn = this.visibleItems(data, view, style);
    if (!this.canvas) {
      this.renderMarks(false, style);
      return;
    }
    this.paintCanvas(view.width, style);
    // Over the canvas, transparent SVG marks make the points and clusters in view focusable and
    // announced, as long as there are few enough of them.
    this.renderMarks(true, style, this.drawn.length > CANVAS_THRESHOLD);
  }

  item(element: Element): DrawnItem | undefined {
    return this.itemOf.get(element);
  }

  /** The item drawn under `[px, py]` (pixels from the map's top left corner), nearest first. */
  itemAt(px: number, py: number): DrawnItem | undefined {
    let best: DrawnItem | undefined;
    let bestDistance = Infinity;
    for (const item of this.drawn) {
      const distance = Math.hypot(item.x - px, item.y - py);
      if (distance <= item.r + 3 && distance < bestDistance) {
        best = item;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** The zoom level at which `clusterId` splits. */
  expansionLevel(clusterId: number): number {
    return Math.min(MAX_LEVEL, this.clusterIndex!.getClusterExpansionZoom(clusterId));
  }

  /** The focusable marks in view. */
  marks(): Mark[] {
    const marks: Mark[] = [];
    for (const [id, element] of this.elements) {
      const item = this.itemOf.get(element);
      if (!item) continue;
      const name = element.getAttribute('aria-label') ?? '';
      marks.push({id, element, x: item.x, y: item.y, value: item.point?.size ?? item.count ?? null, name});
    }
    return marks;
  }

  private visibleItems(data: PointsData, view: PointView, style: PointStyle): DrawnItem[] {
    const {x, y, k} = view.transform;
    const items: DrawnItem[] = [];
    const margin = 20;
    const inView = (px: number, py: number) =>
      px >= -margin && py >= -margin && px <= view.width + margin && py <= view.height + margin;
    const place = (index: number): DrawnItem => {
      const [bx, by] = this.projected[index];
      const point = data.points[index];
      return {x: bx * k + x, y: by * k + y, r: point.radius, point, index};
    };
    if (!this.clusterIndex) {
      data.points.forEach((_, i) => {
        const item = place(i);
        if (inView(item.x, item.y)) items.push(item);
      });
      return items;
    }
    const toLonLat = (px: number, py: number) =>
      view.projection.invert!(view.transform.invert([px, py])) ?? [0, 0];
    const [west, north] = toLonLat(-margin, -margin);
    const [east, south] = toLonLat(view.width + margin, view.height + margin);
    const level = Math.max(0, Math.min(MAX_LEVEL, Math.floor(view.zoomLevel)));
    const features = this.clusterIndex.getClusters(
      [Math.max(-180, west), Math.max(-85, south), Math.min(180, east), Math.min(85, north)],
      level,
    );
    for (const feature of features) {
      const properties = feature.properties as Partial<ClusterProperties & SizeTotals>;
      if (!properties.cluster) {
        items.push(place(properties.index!));
        continue;
      }
      const [bx, by] = view.projection(feature.geometry.coordinates as [number, number]) ?? [NaN, NaN];
      const count = properties.point_count ?? 0;
      items.push({
        x: bx * k + x,
        y: by * k + y,
        r: clusterRadius(count),
        clusterId: properties.cluster_id,
        count,
        value: clusterValue(properties, style.clusterAggregate),
      });
    }
    return separate(items, style.clusterAggregate);
  }

  private paintCanvas(width: number, style: PointStyle): void {
    const canvas = this.canvas!;
    const context = canvas.getContext('2d')!;
    const ratio = canvas.width / width;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, canvas.height / ratio);
    context.lineWidth = 1;
    context.strokeStyle = style.stroke;
    context.font = '600 12px system-ui, sans-serif';
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    for (const item of this.drawn) {
      context.beginPath();
      context.arc(item.x, item.y, item.r, 0, 2 * Math.PI);
      context.fillStyle = item.point ? item.point.color : style.cluster;
      context.globalAlpha = item.point ? 0.85 : 0.9;
      context.fill();
      context.globalAlpha = 1;
      context.stroke();
      if (item.count !== undefined) {
        context.fillStyle = style.clusterText;
        context.fillText(style.clusterCount(item.count), item.x, item.y);
      }
    }
  }

  private renderMarks(proxy: boolean, style: PointStyle, none = false): void {
    const keep = new Set<string>();
    for (const item of none ? [] : this.drawn) {
      const id = item.point ? `p${item.index}` : `c${item.clusterId}`;
      keep.add(id);
      let element = this.elements.get(id);
      if (!element) {
        element = this.createMark(item, proxy, style);
        this.elements.set(id, element);
        this.element.append(element);
      }
      element.setAttribute('transform', `translate(${item.x},${item.y})`);
      this.itemOf.set(element, item);
    }
    for (const [id, element] of this.elements) {
      if (keep.has(id)) continue;
      element.remove();
      this.elements.delete(id);
    }
  }

  private createMark(item: DrawnItem, proxy: boolean, style: PointStyle): SVGGElement {
    const group = svgElement('g', {
      class: item.point ? 'point' : 'cluster',
      role: 'button',
      tabindex: '-1',
      'aria-label': item.point ? style.describePoint(item.point) : this.describeCluster(item, style),
    });
    if (proxy) {
      // Drawn on the canvas below: only the focus ring shows.
      group.classList.add('proxy');
      group.append(svgElement('circle', {r: String(item.r), fill: 'transparent', stroke: 'none'}));
      return group;
    }
    group.append(
      svgElement('circle', {
        r: String(item.r),
        fill: item.point ? item.point.color : style.cluster,
        'fill-opacity': item.point ? '0.85' : '0.9',
        stroke: style.stroke,
        'stroke-width': '1',
      }),
    );
    if (item.count !== undefined) {
      const text = svgElement('text', {
        'text-anchor': 'middle',
        'dominant-baseline': 'central',
        fill: style.clusterText,
        'font-size': '12',
        'font-weight': '600',
        'aria-hidden': 'true',
      });
      text.textContent = style.clusterCount(item.count);
      group.append(text);
    }
    return group;
  }

  private describeCluster(item: DrawnItem, style: PointStyle): string {
    const leaves = this.clusterIndex!.getLeaves(item.clusterId!, Infinity);
    const points = leaves.map((leaf) => this.data!.points[leaf.properties.index]);
    return style.describeCluster({
      count: item.count ?? 0,
      value: item.value,
      points,
      quarter: this.quarterOf(item),
    });
  }

  /** The ninth of the view the item is in: the points of the compass, or the centre. */
  private quarterOf(item: DrawnItem): Quarter {
    const {width, height} = this.viewSize;
    const column = item.x < width / 3 ? 'w' : item.x > (2 * width) / 3 ? 'e' : '';
    const row = item.y < height / 3 ? 'n' : item.y > (2 * height) / 3 ? 's' : '';
    return (row + column || 'c') as Quarter;
  }
}

function clusterRadius(count: number): number {
  return 11 + Math.min(MAX_CLUSTER_RADIUS - 11, Math.log2(count) * 1.6);
}

/**
 * Clusters never overlap: a cluster or point touching a larger cluster joins it (its count, its
 * aggregate), the largest first.
 */
function separate(items: DrawnItem[], aggregate: PointStyle['clusterAggregate']): DrawnItem[] {
  const kept: DrawnItem[] = [];
  for (const item of [...items].sort((a, b) => (b.count ?? 1) - (a.count ?? 1))) {
    const host = kept.find(
      (other) =>
        other.count !== undefined && Math.hypot(other.x - item.x, other.y - item.y) < other.r + item.r,
    );
    if (!host) {
      kept.push(item);
      continue;
    }
    const count = item.count ?? 1;
    const value = item.count === undefined ? item.point?.size : item.value;
    if (aggregate && value !== undefined) {
      host.value =
        host.value === undefined
          ? value
          : aggregate === 'sum'
            ? host.value + value
            : aggregate === 'min'
              ? Math.min(host.value, value)
              : aggregate === 'max'
                ? Math.max(host.value, value)
                : (host.value * host.count! + value * count) / (host.count! + count);
    }
    host.count! += count;
    host.r = clusterRadius(host.count!);
  }
  return kept;
}

function buildIndex(data: PointsData): ClusterIndex {
  const sizes = data.points.map((point) => point.size);
  const index = new Supercluster<{index: number}, SizeTotals>({
    radius: 48,
    maxZoom: 17,
    map: ({index}) => {
      const size = sizes[index];
      const sized = size === undefined ? 0 : 1;
      return {index, sum: size ?? 0, min: size ?? Infinity, max: size ?? -Infinity, sized};
    },
    reduce: (total, point) => {
      total.sum += point.sum;
      total.min = Math.min(total.min, point.min);
      total.max = Math.max(total.max, point.max);
      total.sized += point.sized;
    },
  });
  index.load(
    data.points.map((point, i): PointFeature => ({
      type: 'Feature',
      properties: {index: i},
      geometry: {type: 'Point', coordinates: [point.lon, point.lat]},
    })),
  );
  return index;
}

function clusterValue(
  totals: Partial<SizeTotals>,
  aggregate: PointStyle['clusterAggregate'],
): number | undefined {
  if (!aggregate || !totals.sized) return undefined;
  return aggregate === 'avg' ? totals.sum! / totals.sized : totals[aggregate];
}
