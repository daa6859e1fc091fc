/**
 * The interactive map: a Web Mercator projection fitted to the data, d3-zoom for pan and zoom
 * (buttons, Ctrl + wheel, pinch, keyboard), an optional raster basemap laid out by d3-tile, areas
 * and few points in SVG (focusable), many points on a canvas, supercluster for overlapping points.
 * Part of the lazily loaded map engine.
 */
import {geoCentroid, geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection} from 'd3-geo';
import {select, type Selection} from 'd3-selection';
import {zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform} from 'd3-zoom';
import {tile} from 'd3-tile';
import Supercluster, {type ClusterProperties, type PointFeature as ClusterPoint} from 'supercluster';
import type {ChoroplethData, MapArea, MapData, MapPoint, MapTarget, PointsData} from './map-types.js';
import {NO_DATA_COLOR} from './map-data.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Deepest zoom level (as web maps count them) the map goes to. */
const MAX_LEVEL = 19;
/** A single point, or points very close together, are not zoomed in further than this level. */
const MAX_FIT_LEVEL = 15;
const TILE_SIZE = 256;
const FIT_PADDING = 16;
/** Above this number of points, they are drawn on a canvas. */
export const CANVAS_THRESHOLD = 400;
const PAN_STEP = 80;
const ZOOM_STEP = 2;

export interface MapViewOptions {
  /** Tile URL template with `{z}`, `{x}`, `{y}`. */
  tiles?: string;
  /** `[lon, lat]` at the centre of the initial view. */
  center?: [number, number];
  /** Initial zoom level (0 = the whole world in 256 pixels). */
  zoom?: number;
  cluster: boolean;
  renderer?: 'svg' | 'canvas';
  /** Key of the area or point currently used as a filter, highlighted. */
  selectedKey?: string;
  describeArea(area: MapArea): string;
  describePoint(point: MapPoint): string;
  /** `value`: the `clusterAggregate` of the cluster's sizes, when there is one. */
  describeCluster(count: number, value?: number): string;
  /** How the sizes of clustered points add up, announced with each cluster. */
  clusterAggregate?: 'sum' | 'avg' | 'min' | 'max';
  onActivate(target: MapTarget, at: [number, number]): void;
  onViewChange(): void;
  onTileError(): void;
  onWheelWithoutCtrl(): void;
  /** One finger moved on the map: the page scrolls, the map does not pan (two fingers do). */
  onOneFingerDrag?(): void;
  /** Colours taken from the theme: outlines, clusters, « pas de donnée ». */
  colors?: MapColors;
}

export interface MapColors {
  /** Between areas and around points: the background of the theme. */
  stroke: string;
  cluster: string;
  clusterText: string;
  noData: string;
}

const DEFAULT_COLORS: MapColors = {
  stroke: '#ffffff',
  cluster: '#1f5fa8',
  clusterText: '#ffffff',
  noData: NO_DATA_COLOR,
};

interface DrawnItem {
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

export class MapView {
  readonly svg: SVGSVGElement;
  private readonly host: HTMLElement;
  private readonly tileLayer: SVGGElement;
  private readonly areaLayer: SVGGElement;
  private readonly pointLayer: SVGGElement;
  private readonly hatch: SVGPatternElement;
  private readonly hatchFill: SVGRectElement;
  private readonly hatchLine: SVGLineElement;
  /** A two-finger gesture is under way. */
  private touchGesture = false;
  private canvas?: HTMLCanvasElement;
  private readonly behavior: ZoomBehavior<HTMLElement, unknown>;
  private readonly hostSelection: Selection<HTMLElement, unknown, null, undefined>;
  private readonly resizeObserver: ResizeObserver;
  private options: MapViewOptions;
  private data?: MapData;
  private projection: GeoProjection = geoMercator();
  private transform: ZoomTransform = zoomIdentity;
  private width = 0;
  private height = 0;
  private projected: Array<[number, number]> = [];
  private clusterIndex?: ClusterIndex;
  private drawn: DrawnItem[] = [];
  private readonly pointElements = new Map<string, SVGGElement>();
  private readonly tileImages = new Map<string, SVGImageElement>();
  private readonly failedTiles = new Set<string>();
  private tileErrorReported = false;
  private needsFit = true;

  constructor(host: HTMLElement, options: MapViewOptions) {
    this.host = host;
    this.options = options;
    this.svg = svgElement('svg', {class: 'map-svg'});
    const defs = svgElement('defs');
    // Hatching: « pas de donnée » is told apart by a texture, not by its grey alone.
    this.hatch = svgElement('pattern', {
      id: 'odw-map-no-data',
      patternUnits: 'userSpaceOnUse',
      width: '6',
      height: '6',
    });
    this.hatchFill = svgElement('rect', {width: '6', height: '6', fill: NO_DATA_COLOR});
    this.hatchLine = svgElement('line', {
      x1: '0',
      y1: '0',
      x2: '0',
      y2: '6',
      stroke: '#ffffff',
      'stroke-width': '2',
    });
    this.hatch.append(this.hatchFill, this.hatchLine);
    defs.append(this.hatch);
    this.tileLayer = svgElement('g', {class: 'tiles'});
    this.areaLayer = svgElement('g', {class: 'areas'});
    this.pointLayer = svgElement('g', {class: 'points'});
    this.svg.append(defs, this.tileLayer, this.areaLayer, this.pointLayer);
    host.append(this.svg);

    this.behavior = zoom<HTMLElement, unknown>()
      // Touch listeners even where the browser does not announce a touch screen (d3 checks first).
      .touchable(() => true)
      // The wheel zooms only with Ctrl (or ⌘), and one finger does not pan (two fingers pinch and
      // pan), so the page still scrolls over the map.
      .filter((event: Event) => {
        if (event.type === 'wheel') {
          const wheel = event as WheelEvent;
          if (!wheel.ctrlKey && !wheel.metaKey) this.options.onWheelWithoutCtrl();
          return wheel.ctrlKey || wheel.metaKey;
        }
        if (event.type === 'touchstart') return (event as TouchEvent).touches.length >= 2;
        return !(event as MouseEvent).button;
      })
      .on('start', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        if (event.sourceEvent?.type === 'touchstart') this.touchGesture = true;
      })
      .on('end', () => {
        this.touchGesture = false;
      })
      .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
        this.transform = event.transform;
        this.render();
        if (event.sourceEvent) this.options.onViewChange();
      });
    this.hostSelection = select(host);
    this.hostSelection.call(this.behavior);
    host.addEventListener('keydown', this.onKeyDown);
    host.addEventListener('click', this.onClick);
    host.addEventListener('touchmove', this.onTouchMove, {passive: true});
    this.resizeObserver = new ResizeObserver(() => this.layout());
    this.resizeObserver.observe(host);
  }

  /** Shows new data; the view is fitted again only when `refit` (a different map) or at first. */
  setData(data: MapData, options: MapViewOptions, refit: boolean): void {
    this.options = options;
    this.data = data;
    if (refit) this.needsFit = true;
    this.clusterIndex = undefined;
    if (data.mode === 'points' && options.cluster) {
      const sizes = data.points.map((point) => point.size);
      this.clusterIndex = new Supercluster<{index: number}, SizeTotals>({
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
      this.clusterIndex.load(
        data.points.map((point, index): PointFeature => ({
          type: 'Feature',
          properties: {index},
          geometry: {type: 'Point', coordinates: [point.lon, point.lat]},
        })),
      );
    }
    this.useCanvas(data.mode === 'points' && this.rendererFor(data) === 'canvas');
    this.resetTiles();
    this.layout(true);
  }

  /** Zoom level of the view as web maps count it (fractional). */
  get zoomLevel(): number {
    return Math.log2((this.projection.scale() * 2 * Math.PI * this.transform.k) / TILE_SIZE);
  }

  /** The current pan and zoom, relative to the initial view. */
  get viewTransform(): {x: number; y: number; k: number} {
    const {x, y, k} = this.transform;
    return {x, y, k};
  }

  /** What is drawn now: clusters and single points (tests, summaries). */
  get drawnItems(): ReadonlyArray<{count: number; point?: MapPoint}> {
    return this.drawn.map((item) => ({count: item.count ?? 1, point: item.point}));
  }

  /** Where each of `drawnItems` is on the map, in pixels from its top left corner. */
  get drawnPositions(): ReadonlyArray<{x: number; y: number}> {
    return this.drawn.map(({x, y}) => ({x, y}));
  }

  zoomBy(factor: number): void {
    this.behavior.scaleBy(this.hostSelection, factor, [this.width / 2, this.height / 2]);
  }

  panBy(dx: number, dy: number): void {
    this.behavior.translateBy(this.hostSelection, dx / this.transform.k, dy / this.transform.k);
  }

  reset(): void {
    this.behavior.transform(this.hostSelection, zoomIdentity);
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.hostSelection.on('.zoom', null);
    this.host.removeEventListener('keydown', this.onKeyDown);
    this.host.removeEventListener('click', this.onClick);
    this.host.removeEventListener('touchmove', this.onTouchMove);
    this.svg.remove();
    this.canvas?.remove();
  }

  /** A standalone SVG document of the map as shown (a canvas layer is embedded as an image). */
  toSvg(extra?: SVGElement): string {
    const copy = this.svg.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('xmlns', SVG_NS);
    copy.setAttribute('width', String(this.width));
    copy.setAttribute('height', String(this.height));
    copy.setAttribute('viewBox', `0 0 ${this.width} ${this.height}`);
    for (const element of copy.querySelectorAll('[tabindex]')) element.removeAttribute('tabindex');
    // Tiles from another origin would not load inside an image of the map, nor be allowed in a PNG.
    for (const image of copy.querySelectorAll('g.tiles image')) {
      if (!(image.getAttribute('href') ?? '').startsWith('data:')) image.remove();
    }
    copy.insertBefore(svgElement('rect', {width: '100%', height: '100%', fill: '#ffffff'}), copy.firstChild);
    if (this.canvas) {
      copy.append(
        svgElement('image', {
          href: this.canvas.toDataURL('image/png'),
          width: String(this.width),
          height: String(this.height),
        }),
      );
    }
    if (extra) copy.append(extra);
    return new XMLSerializer().serializeToString(copy);
  }

  /** The map as a PNG at the screen's pixel density. */
  async toPng(extra?: SVGElement): Promise<Blob> {
    const url = URL.createObjectURL(new Blob([this.toSvg(extra)], {type: 'image/svg+xml'}));
    try {
      const image = new Image();
      image.src = url;
      await image.decode();
      const ratio = window.devicePixelRatio || 1;
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(this.width * ratio);
      canvas.height = Math.round(this.height * ratio);
      const context = canvas.getContext('2d')!;
      context.scale(ratio, ratio);
      context.drawImage(image, 0, 0, this.width, this.height);
      return await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
          'image/png',
        ),
      );
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  /** Draws the same data in new colours (theme or colour scheme changed), keeping the view. */
  restyle(options: MapViewOptions): void {
    this.options = options;
    if (!this.data || this.width === 0) return;
    this.drawAreas();
    for (const element of this.pointElements.values()) element.remove();
    this.pointElements.clear();
    this.render();
  }

  private get colors(): MapColors {
    return this.options.colors ?? DEFAULT_COLORS;
  }

  private rendererFor(data: PointsData): 'svg' | 'canvas' {
    return this.options.renderer ?? (data.points.length > CANVAS_THRESHOLD ? 'canvas' : 'svg');
  }

  private useCanvas(enabled: boolean): void {
    if (enabled && !this.canvas) {
      this.canvas = document.createElement('canvas');
      this.canvas.className = 'map-canvas';
      this.canvas.setAttribute('aria-hidden', 'true');
      this.host.append(this.canvas);
    } else if (!enabled && this.canvas) {
      this.canvas.remove();
      this.canvas = undefined;
    }
  }

  /** Sizes the layers to the host and, when needed, fits the projection to the data. */
  private layout(force = false): void {
    const width = this.host.clientWidth;
    const height = this.host.clientHeight;
    if (!this.data || width === 0 || height === 0) return;
    const resized = width !== this.width || height !== this.height;
    if (!resized && !force) return;
    this.width = width;
    this.height = height;
    this.svg.setAttribute('width', String(width));
    this.svg.setAttribute('height', String(height));
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    if (this.canvas) {
      const ratio = window.devicePixelRatio || 1;
      this.canvas.width = Math.round(width * ratio);
      this.canvas.height = Math.round(height * ratio);
    }
    this.behavior.extent([
      [0, 0],
      [width, height],
    ]);
    if (this.needsFit || resized) {
      this.fit();
      this.needsFit = false;
      this.drawAreas();
      this.projectPoints();
      this.behavior.scaleExtent([
        0.5,
        (2 ** MAX_LEVEL * TILE_SIZE) / (2 * Math.PI * this.projection.scale()),
      ]);
      // Back to the initial view: fires `zoom`, which renders.
      this.behavior.transform(this.hostSelection, zoomIdentity);
    } else {
      this.drawAreas();
      this.projectPoints();
      this.render();
    }
  }

  private fit(): void {
    const data = this.data!;
    const projection = geoMercator();
    const target = this.fitTarget(data);
    if (target) {
      projection.fitExtent(
        [
          [FIT_PADDING, FIT_PADDING],
          [this.width - FIT_PADDING, this.height - FIT_PADDING],
        ],
        target,
      );
    } else {
      // Nothing to fit: metropolitan France.
      projection
        .center([2.5, 46.6])
        .translate([this.width / 2, this.height / 2])
        .scale(levelScale(5));
    }
    // A single point (or points very close together) would be zoomed in without end.
    if (target && !(projection.scale() <= levelScale(MAX_FIT_LEVEL))) {
      projection.scale(levelScale(MAX_FIT_LEVEL)).translate([this.width / 2, this.height / 2]);
      centerOn(projection, geoCentroid(target), this.width, this.height);
    }
    const {center, zoom: level} = this.options;
    if (level !== undefined && Number.isFinite(level)) {
      const centre = projection.invert!([this.width / 2, this.height / 2])!;
      projection.scale(levelScale(level));
      centerOn(projection, centre, this.width, this.height);
    }
    if (center) centerOn(projection, center, this.width, this.height);
    this.projection = projection;
  }

  private fitTarget(data: MapData): GeoPermissibleObjects | undefined {
    if (data.mode === 'choropleth') {
      const withValues = data.areas.filter((area) => area.value !== null);
      const areas = withValues.length ? withValues : data.areas;
      return areas.length
        ? {type: 'FeatureCollection', features: areas.map((area) => area.feature)}
        : undefined;
    }
    if (data.mode === 'points' && data.points.length) {
      return {type: 'MultiPoint', coordinates: data.points.map((point) => [point.lon, point.lat])};
    }
    return undefined;
  }

  private drawAreas(): void {
    this.areaLayer.replaceChildren();
    const data = this.data;
    if (data?.mode !== 'choropleth') return;
    const path = geoPath(this.projection);
    const colors = this.colors;
    this.hatchFill.setAttribute('fill', colors.noData);
    this.hatchLine.setAttribute('stroke', colors.stroke);
    for (const area of data.areas) {
      const element = svgElement('path', {
        class: area.value === null ? 'area no-data' : 'area',
        d: path(area.feature) ?? '',
        fill: area.value === null ? 'url(#odw-map-no-data)' : area.color,
        stroke: colors.stroke,
        'stroke-width': '0.8',
        'vector-effect': 'non-scaling-stroke',
        'stroke-linejoin': 'round',
        role: 'button',
        tabindex: '0',
        'aria-label': this.options.describeArea(area),
        'data-key': area.key,
      });
      if (this.options.selectedKey !== undefined && area.key === this.options.selectedKey) {
        element.classList.add('selected');
        element.setAttribute('aria-pressed', 'true');
      }
      areaElements.set(element, area);
      this.areaLayer.append(element);
    }
    this.highlightSelected(data);
  }

  /** The selected area is drawn last so its outline is not covered by its neighbours. */
  private highlightSelected(data: ChoroplethData): void {
    const key = this.options.selectedKey;
    if (key === undefined || !data.areas.some((area) => area.key === key)) return;
    const selected = this.areaLayer.querySelector('.selected');
    if (selected) this.areaLayer.append(selected);
  }

  private projectPoints(): void {
    const data = this.data;
    this.projected =
      data?.mode === 'points'
        ? data.points.map((point) => this.projection([point.lon, point.lat]) ?? [NaN, NaN])
        : [];
    for (const element of this.pointElements.values()) element.remove();
    this.pointElements.clear();
  }

  private render(): void {
    if (!this.data || this.width === 0) return;
    const {x, y, k} = this.transform;
    this.areaLayer.setAttribute('transform', `translate(${x},${y}) scale(${k})`);
    // Keeps the hatching the same size on screen at every zoom.
    this.hatch.setAttribute('patternTransform', `scale(${1 / k}) rotate(45)`);
    this.renderTiles();
    if (this.data.mode === 'points') this.renderPoints(this.data);
  }

  private visibleItems(data: PointsData): DrawnItem[] {
    const {x, y, k} = this.transform;
    const items: DrawnItem[] = [];
    const margin = 20;
    const inView = (px: number, py: number) =>
      px >= -margin && py >= -margin && px <= this.width + margin && py <= this.height + margin;
    if (!this.clusterIndex) {
      data.points.forEach((point, i) => {
        const [bx, by] = this.projected[i];
        const px = bx * k + x;
        const py = by * k + y;
        if (inView(px, py)) items.push({x: px, y: py, r: point.radius, point, index: i});
      });
      return items;
    }
    const [west, north] = this.screenToLonLat(-margin, -margin);
    const [east, south] = this.screenToLonLat(this.width + margin, this.height + margin);
    const level = Math.max(0, Math.min(MAX_LEVEL, Math.floor(this.zoomLevel)));
    const features = this.clusterIndex.getClusters(
      [Math.max(-180, west), Math.max(-85, south), Math.min(180, east), Math.min(85, north)],
      level,
    );
    for (const feature of features) {
      const properties = feature.properties as Partial<ClusterProperties & SizeTotals>;
      if (properties.cluster) {
        const [bx, by] = this.projection(feature.geometry.coordinates as [number, number]) ?? [NaN, NaN];
        const count = properties.point_count ?? 0;
        items.push({
          x: bx * k + x,
          y: by * k + y,
          r: 12 + Math.min(14, Math.log2(count) * 2),
          clusterId: properties.cluster_id,
          count,
          value: this.clusterValue(properties),
        });
      } else {
        const index = properties.index!;
        const [bx, by] = this.projected[index];
        items.push({
          x: bx * k + x,
          y: by * k + y,
          r: data.points[index].radius,
          point: data.points[index],
          index,
        });
      }
    }
    return items;
  }

  private clusterValue(totals: Partial<SizeTotals>): number | undefined {
    const aggregate = this.options.clusterAggregate;
    if (!aggregate || !totals.sized) return undefined;
    return aggregate === 'avg' ? totals.sum! / totals.sized : totals[aggregate];
  }

  private screenToLonLat(px: number, py: number): [number, number] {
    const [bx, by] = this.transform.invert([px, py]);
    return this.projection.invert!([bx, by]) ?? [0, 0];
  }

  private renderPoints(data: PointsData): void {
    this.drawn = this.visibleItems(data);
    if (!this.canvas) {
      this.renderSvgPoints(false);
      return;
    }
    this.paintCanvas();
    // Over the canvas, transparent SVG marks make the points and clusters in view focusable and
    // announced, as long as there are few enough of them.
    this.renderSvgPoints(true, this.drawn.length > CANVAS_THRESHOLD);
  }

  private paintCanvas(): void {
    const canvas = this.canvas!;
    const context = canvas.getContext('2d')!;
    const ratio = canvas.width / this.width;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, this.width, this.height);
    const colors = this.colors;
    context.lineWidth = 1;
    context.strokeStyle = colors.stroke;
    context.font = '600 12px system-ui, sans-serif';
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    for (const item of this.drawn) {
      context.beginPath();
      context.arc(item.x, item.y, item.r, 0, 2 * Math.PI);
      context.fillStyle = item.point ? item.point.color : colors.cluster;
      context.globalAlpha = item.point ? 0.85 : 0.9;
      context.fill();
      context.globalAlpha = 1;
      context.stroke();
      if (item.count !== undefined) {
        context.fillStyle = colors.clusterText;
        context.fillText(compactCount(item.count), item.x, item.y);
      }
    }
  }

  private renderSvgPoints(proxy: boolean, none = false): void {
    const keep = new Set<string>();
    for (const item of none ? [] : this.drawn) {
      const id = item.point ? `p${item.index}` : `c${item.clusterId}`;
      keep.add(id);
      let element = this.pointElements.get(id);
      if (!element) {
        element = this.createPointElement(item, proxy);
        this.pointElements.set(id, element);
        this.pointLayer.append(element);
      }
      element.setAttribute('transform', `translate(${item.x},${item.y})`);
      drawnItems.set(element, item);
    }
    for (const [id, element] of this.pointElements) {
      if (keep.has(id)) continue;
      // A focused point merging into a cluster hands the focus to the map, not to the page.
      const root = element.getRootNode();
      if (root instanceof ShadowRoot && element.contains(root.activeElement)) this.host.focus();
      element.remove();
      this.pointElements.delete(id);
    }
  }

  private createPointElement(item: DrawnItem, proxy: boolean): SVGGElement {
    const group = svgElement('g', {
      class: item.point ? 'point' : 'cluster',
      role: 'button',
      tabindex: '0',
      'aria-label': item.point
        ? this.options.describePoint(item.point)
        : this.options.describeCluster(item.count ?? 0, item.value),
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
        fill: item.point ? item.point.color : this.colors.cluster,
        'fill-opacity': item.point ? '0.85' : '0.9',
        stroke: this.colors.stroke,
        'stroke-width': '1',
      }),
    );
    if (item.count !== undefined) {
      const text = svgElement('text', {
        'text-anchor': 'middle',
        'dominant-baseline': 'central',
        fill: this.colors.clusterText,
        'font-size': '12',
        'font-weight': '600',
        'aria-hidden': 'true',
      });
      text.textContent = compactCount(item.count);
      group.append(text);
    }
    return group;
  }

  private resetTiles(): void {
    this.tileLayer.replaceChildren();
    this.tileImages.clear();
    this.failedTiles.clear();
    this.tileErrorReported = false;
  }

  private renderTiles(): void {
    const template = this.options.tiles;
    if (!template) return;
    const {x, y, k} = this.transform;
    const [tx, ty] = this.projection.translate();
    const tiles = tile()
      .size([this.width, this.height])
      .scale(this.projection.scale() * 2 * Math.PI * k)
      .translate([x + tx * k, y + ty * k])();
    const keep = new Set<string>();
    const [offsetX, offsetY] = tiles.translate;
    const size = tiles.scale;
    for (const [column, row, level] of tiles) {
      const key = `${level}/${column}/${row}`;
      if (this.failedTiles.has(key)) continue;
      keep.add(key);
      let image = this.tileImages.get(key);
      if (!image) {
        image = svgElement('image', {
          href: tileUrl(template, column, row, level),
          preserveAspectRatio: 'none',
        });
        const failed = image;
        image.addEventListener('error', () => {
          // A missing tile leaves a gap in the basemap, nothing else.
          this.failedTiles.add(key);
          this.tileImages.delete(key);
          failed.remove();
          if (!this.tileErrorReported) {
            this.tileErrorReported = true;
            this.options.onTileError();
          }
        });
        this.tileImages.set(key, image);
        this.tileLayer.append(image);
      }
      // Half a pixel more hides the seams between tiles.
      image.setAttribute('x', String((column + offsetX) * size));
      image.setAttribute('y', String((row + offsetY) * size));
      image.setAttribute('width', String(size + 0.5));
      image.setAttribute('height', String(size + 0.5));
    }
    for (const [key, image] of this.tileImages) {
      if (!keep.has(key)) {
        image.remove();
        this.tileImages.delete(key);
      }
    }
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.composedPath()[0] as Element;
    switch (event.key) {
      case '+':
      case '=':
        this.zoomBy(ZOOM_STEP);
        break;
      case '-':
      case '_':
        this.zoomBy(1 / ZOOM_STEP);
        break;
      case 'ArrowLeft':
        this.panBy(PAN_STEP, 0);
        break;
      case 'ArrowRight':
        this.panBy(-PAN_STEP, 0);
        break;
      case 'ArrowUp':
        this.panBy(0, PAN_STEP);
        break;
      case 'ArrowDown':
        this.panBy(0, -PAN_STEP);
        break;
      case '0':
      case 'Home':
        this.reset();
        break;
      case 'Enter':
      case ' ':
        if (!this.activate(target)) return;
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  private readonly onTouchMove = (event: TouchEvent): void => {
    if (event.touches.length === 1 && !this.touchGesture) this.options.onOneFingerDrag?.();
  };

  private readonly onClick = (event: MouseEvent): void => {
    const target = event.composedPath()[0] as Element;
    if (this.activate(target)) return;
    if (!this.canvas) return;
    const bounds = this.host.getBoundingClientRect();
    const px = event.clientX - bounds.left;
    const py = event.clientY - bounds.top;
    let best: DrawnItem | undefined;
    let bestDistance = Infinity;
    for (const item of this.drawn) {
      const distance = Math.hypot(item.x - px, item.y - py);
      if (distance <= item.r + 3 && distance < bestDistance) {
        best = item;
        bestDistance = distance;
      }
    }
    if (best) this.activateItem(best);
  };

  /** Activates the area or point element `target` belongs to; false when it is none. */
  private activate(target: Element): boolean {
    const areaElement = target.closest?.('.area');
    if (areaElement) {
      const area = areaElements.get(areaElement);
      if (!area) return false;
      const bounds = (areaElement as SVGGraphicsElement).getBoundingClientRect();
      const host = this.host.getBoundingClientRect();
      this.options.onActivate({kind: 'area', area}, [
        bounds.left + bounds.width / 2 - host.left,
        bounds.top + bounds.height / 2 - host.top,
      ]);
      return true;
    }
    const pointElement = target.closest?.('.point, .cluster');
    const item = pointElement ? drawnItems.get(pointElement) : undefined;
    if (!item) return false;
    this.activateItem(item);
    return true;
  }

  private activateItem(item: DrawnItem): void {
    if (item.point) {
      this.options.onActivate({kind: 'point', point: item.point}, [item.x, item.y]);
      return;
    }
    // A cluster: zoom in to where it splits, around it.
    const level = Math.min(MAX_LEVEL, this.clusterIndex!.getClusterExpansionZoom(item.clusterId!));
    const factor = 2 ** (level - this.zoomLevel) * 1.001;
    this.behavior.scaleBy(this.hostSelection, Math.max(factor, ZOOM_STEP), [item.x, item.y]);
    this.behavior.translateBy(
      this.hostSelection,
      (this.width / 2 - item.x) / this.transform.k,
      (this.height / 2 - item.y) / this.transform.k,
    );
  }
}

const areaElements = new WeakMap<Element, MapArea>();
const drawnItems = new WeakMap<Element, DrawnItem>();

/** The projection scale of a web-map zoom level. */
function levelScale(level: number): number {
  return (TILE_SIZE * 2 ** level) / (2 * Math.PI);
}

function centerOn(
  projection: GeoProjection,
  [lon, lat]: [number, number],
  width: number,
  height: number,
): void {
  const [px, py] = projection([lon, lat]) ?? [width / 2, height / 2];
  const [tx, ty] = projection.translate();
  projection.translate([tx + width / 2 - px, ty + height / 2 - py]);
}

function tileUrl(template: string, x: number, y: number, z: number): string {
  return template.replace(/\{z\}/g, String(z)).replace(/\{x\}/g, String(x)).replace(/\{y\}/g, String(y));
}

function compactCount(count: number): string {
  return count >= 10_000
    ? `${Math.round(count / 1000)}k`
    : count >= 1000
      ? `${(count / 1000).toFixed(1)}k`
      : String(count);
}

export function svgElement<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string> = {},
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name);
  for (const [attribute, value] of Object.entries(attributes)) element.setAttribute(attribute, value);
  return element;
}
