/**
 * The interactive map: a Web Mercator projection fitted to the data, d3-zoom for pan and zoom
 * (map-zoom.ts: buttons, Ctrl + wheel, pinch, keyboard), an optional raster basemap (map-tiles.ts), areas
 * (map-areas.ts) and points (map-points.ts), the keyboard moving among them (map-focus.ts).
 * Part of the lazily loaded map engine.
 */
import {geoMercator, type GeoProjection} from 'd3-geo';
import {select, type Selection} from 'd3-selection';
import {zoomIdentity, type ZoomBehavior, type ZoomTransform} from 'd3-zoom';
import type {MapData, MapPoint} from './map-types.js';
import {AreaLayer} from './map-areas.js';
import {CANVAS_THRESHOLD, MAX_LEVEL, PointLayer, type DrawnItem, type PointStyle} from './map-points.js';
import {DEFAULT_COLORS, type MapColors, type MapViewOptions} from './map-view-options.js';
import {TileLayer} from './map-tiles.js';
import {FocusRing, RovingFocus, markFor, type Mark} from './map-focus.js';
import {mapPng, mapSvg} from './map-image.js';
import {svgElement} from './svg.js';
import {MAX_FIT_LEVEL, TILE_SIZE, fitProjection} from './map-fit.js';
import {ZOOM_STEP, mapZoom, zoomKeys} from './map-zoom.js';
import {FrameResizeObserver} from '../../core/frame-resize-observer.js';
const MARKS = '.area, .point, .cluster';

export class MapView {
  readonly svg: SVGSVGElement;
  private readonly host: HTMLElement;
  private readonly tiles: TileLayer;
  private readonly areas = new AreaLayer();
  private readonly points = new PointLayer();
  private readonly marks: SVGGElement;
  private readonly roving = new RovingFocus();
  private readonly ring = new FocusRing();
  /** A two-finger gesture is under way. */
  private touchGesture = false;
  private readonly behavior: ZoomBehavior<HTMLElement, unknown>;
  private readonly hostSelection: Selection<HTMLElement, unknown, null, undefined>;
  private readonly resizeObserver: FrameResizeObserver;
  private options: MapViewOptions;
  private data?: MapData;
  private projection: GeoProjection = geoMercator();
  private transform: ZoomTransform = zoomIdentity;
  private width = 0;
  private height = 0;
  private needsFit = true;

  constructor(host: HTMLElement, options: MapViewOptions) {
    this.host = host;
    this.options = options;
    this.tiles = new TileLayer(() => this.options.onTileError());
    this.svg = svgElement('svg', {class: 'map-svg'});
    const defs = svgElement('defs');
    defs.append(this.areas.hatch);
    // The areas or points: one group, one stop in the Tab order (see RovingFocus).
    this.marks = svgElement('g', {class: 'marks', role: 'group', 'aria-describedby': 'marks-keys'});
    this.marks.append(this.areas.element, this.points.element);
    this.svg.append(defs, this.tiles.element, this.marks, this.ring.element);
    host.append(this.svg);

    this.behavior = mapZoom({
      onWheelWithoutCtrl: () => this.options.onWheelWithoutCtrl(),
      onGesture: (touching) => (this.touchGesture = touching),
      onZoom: (transform, byUser) => {
        this.transform = transform;
        this.render();
        if (byUser) this.options.onViewChange();
      },
    });
    this.hostSelection = select(host);
    this.hostSelection.call(this.behavior);
    host.addEventListener('keydown', this.onKeyDown);
    host.addEventListener('click', this.onClick);
    host.addEventListener('touchmove', this.onTouchMove, {passive: true});
    host.addEventListener('focusin', this.onFocusIn);
    host.addEventListener('focusout', this.onFocusOut);
    this.resizeObserver = new FrameResizeObserver(() => this.layout());
    this.resizeObserver.observe(host);
  }

  /** Shows new data; the view is fitted again only when `refit` (a different map) or at first. */
  setData(data: MapData, options: MapViewOptions, refit: boolean): void {
    this.options = options;
    this.data = data;
    if (refit) {
      this.needsFit = true;
      this.roving.forget();
    }
    this.points.setData(data.mode === 'points' ? data : undefined, options.cluster);
    this.points.useCanvas(
      data.mode === 'points' && this.rendererFor(data.points.length) === 'canvas',
      this.host,
    );
    this.tiles.reset();
    this.keepingFocus(() => this.layout(true));
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
    return this.points.drawn.map((item) => ({count: item.count ?? 1, point: item.point}));
  }

  /** Where each of `drawnItems` is on the map, in pixels from its top left corner. */
  get drawnPositions(): ReadonlyArray<{x: number; y: number; r: number}> {
    return this.points.drawn.map(({x, y, r}) => ({x, y, r}));
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

  /**
   * Focuses a mark: `a<key>` an area, `p<index>` a point (zoomed in to when it is in a cluster).
   * The view moves to show it. False when there is no such mark.
   */
  focusMark(id: string): boolean {
    let mark = this.currentMarks().find((candidate) => candidate.id === id);
    const index = /^p(\d+)$/.exec(id);
    if (!mark && index && this.data?.mode === 'points') {
      const point = this.data.points[Number(index[1])];
      const [px, py] = this.projection([point.lon, point.lat]) ?? [NaN, NaN];
      const level = Math.max(this.zoomLevel, MAX_FIT_LEVEL);
      const k = 2 ** (level - Math.log2((this.projection.scale() * 2 * Math.PI) / TILE_SIZE));
      this.behavior.transform(
        this.hostSelection,
        zoomIdentity.translate(this.width / 2 - px * k, this.height / 2 - py * k).scale(k),
      );
      mark = this.currentMarks().find((candidate) => candidate.id === id);
    }
    if (!mark) return false;
    this.focus(mark);
    return true;
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.hostSelection.on('.zoom', null);
    this.host.removeEventListener('keydown', this.onKeyDown);
    this.host.removeEventListener('click', this.onClick);
    this.host.removeEventListener('touchmove', this.onTouchMove);
    this.host.removeEventListener('focusin', this.onFocusIn);
    this.host.removeEventListener('focusout', this.onFocusOut);
    this.svg.remove();
    this.points.useCanvas(false, this.host);
  }

  /** A standalone SVG document of the map as shown (a canvas layer is embedded as an image). */
  toSvg(extra?: SVGElement): string {
    return mapSvg(this.imageSource(), extra);
  }

  /** The map as a PNG at the screen's pixel density. */
  async toPng(extra?: SVGElement): Promise<Blob> {
    return mapPng(this.imageSource(), extra);
  }

  /** Draws the same data in new colours (theme or colour scheme changed), keeping the view. */
  restyle(options: MapViewOptions): void {
    this.options = options;
    if (!this.data || this.width === 0) return;
    this.keepingFocus(() => {
      this.drawAreas();
      this.points.clear();
      this.render();
    });
  }

  private imageSource() {
    return {svg: this.svg, canvas: this.points.canvas, width: this.width, height: this.height};
  }

  private get colors(): MapColors {
    return this.options.colors ?? DEFAULT_COLORS;
  }

  private get pointStyle(): PointStyle {
    const {stroke, cluster, clusterText} = this.colors;
    return {...this.options, stroke, cluster, clusterText};
  }

  private rendererFor(count: number): 'svg' | 'canvas' {
    return this.options.renderer ?? (count > CANVAS_THRESHOLD ? 'canvas' : 'svg');
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
    const canvas = this.points.canvas;
    if (canvas) {
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    this.behavior.extent([
      [0, 0],
      [width, height],
    ]);
    const refit = this.needsFit || resized;
    if (refit) {
      this.projection = fitProjection(this.data, this.options, width, height);
      this.needsFit = false;
    }
    this.drawAreas();
    this.points.project(this.projection);
    if (refit) {
      this.behavior.scaleExtent([
        0.5,
        (2 ** MAX_LEVEL * TILE_SIZE) / (2 * Math.PI * this.projection.scale()),
      ]);
      // Back to the initial view: fires `zoom`, which renders.
      this.behavior.transform(this.hostSelection, zoomIdentity);
    } else {
      this.render();
    }
  }

  private drawAreas(): void {
    const data = this.data;
    const {stroke, noData, background, outline} = this.colors;
    this.areas.draw(data?.mode === 'choropleth' ? data : undefined, this.projection, {
      stroke,
      noData,
      background,
      outline,
      selectedKey: this.options.selectedKey,
      onlyMatched: this.options.onlyMatched,
      describe: (area) => this.options.describeArea(area),
    });
    this.marks.setAttribute('aria-label', this.options.marksLabel);
  }

  private render(): void {
    if (!this.data || this.width === 0) return;
    const focused = this.focusedMark();
    this.areas.position(this.transform);
    this.tiles.render(this.options.tiles, this.projection, this.transform, this.width, this.height);
    const view = {
      projection: this.projection,
      transform: this.transform,
      width: this.width,
      height: this.height,
      zoomLevel: this.zoomLevel,
    };
    if (this.data.mode === 'points') this.points.render(view, this.pointStyle);
    const active = this.roving.apply(this.currentMarks());
    // A focused point merging into a cluster hands the focus to the mark now in the Tab order.
    if (focused && !focused.isConnected) (active?.element ?? this.host).focus();
    this.ring.update(this.areas.transformText(this.transform));
  }

  private currentMarks(): Mark[] {
    return this.data?.mode === 'choropleth' ? this.areas.marks(this.transform) : this.points.marks();
  }

  private focusedMark(): Element | undefined {
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    return active && this.marks.contains(active) ? active : undefined;
  }

  /** Redraws with `draw`, the focus staying on the same mark when it was on one. */
  private keepingFocus(draw: () => void): void {
    const focused = this.focusedMark();
    const id = focused ? this.roving.active : undefined;
    draw();
    if (id && !focused!.isConnected) {
      const mark = this.currentMarks().find((candidate) => candidate.id === id);
      (mark?.element ?? this.host).focus();
    }
  }

  /** Moves the focus to `mark`, bringing it into view. */
  private focus(mark: Mark): void {
    const marks = this.currentMarks();
    this.roving.select(mark, marks);
    const margin = 8;
    if (mark.x < margin || mark.y < margin || mark.x > this.width - margin || mark.y > this.height - margin) {
      this.panBy(this.width / 2 - mark.x, this.height / 2 - mark.y);
    }
    mark.element.focus();
  }

  /** Arrows, Page Up / Page Down, Home and End on a mark; true when `key` moved the focus. */
  private moveFocus(element: Element, key: string): boolean {
    const marks = this.currentMarks();
    const from = marks.find((mark) => mark.element === element);
    const to = from && markFor(key, from, marks);
    if (to === undefined) return false;
    if (to) this.focus(to);
    return true;
  }

  /** What the keys do on the map itself: zoom, pan, back to the initial view. */
  private readonly keyActions = zoomKeys(this);

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.composedPath()[0] as Element;
    const mark = target.closest?.(MARKS);
    if (mark && this.moveFocus(mark, event.key)) {
      event.preventDefault();
      return;
    }
    const action = this.keyActions[event.key];
    if (action) action();
    else if (!((event.key === 'Enter' || event.key === ' ') && this.activate(target))) return;
    event.preventDefault();
  };

  private readonly onFocusIn = (event: FocusEvent): void => {
    const target = event.composedPath()[0] as SVGElement;
    const mark =
      target.closest?.(MARKS) === target ? this.currentMarks().find((m) => m.element === target) : undefined;
    if (!mark) return;
    this.roving.select(mark, this.currentMarks());
    this.ring.show(
      target.matches(':focus-visible') ? target : undefined,
      this.areas.transformText(this.transform),
    );
  };

  private readonly onFocusOut = (): void => {
    this.ring.show(undefined, '');
  };

  private readonly onTouchMove = (event: TouchEvent): void => {
    if (event.touches.length === 1 && !this.touchGesture) this.options.onOneFingerDrag?.();
  };

  private readonly onClick = (event: MouseEvent): void => {
    const target = event.composedPath()[0] as Element;
    if (this.activate(target)) return;
    if (!this.points.canvas) return;
    const bounds = this.host.getBoundingClientRect();
    const item = this.points.itemAt(event.clientX - bounds.left, event.clientY - bounds.top);
    if (item) this.activateItem(item);
  };

  /** Activates the area or point element `target` belongs to; false when it is none. */
  private activate(target: Element): boolean {
    const areaElement = target.closest?.('.area');
    if (areaElement) {
      const area = this.areas.area(areaElement);
      if (!area) return false;
      const bounds = areaElement.getBoundingClientRect();
      const host = this.host.getBoundingClientRect();
      this.options.onActivate(
        {kind: 'area', area},
        [bounds.left + bounds.width / 2 - host.left, bounds.top + bounds.height / 2 - host.top],
        `a${area.key}`,
      );
      return true;
    }
    const pointElement = target.closest?.('.point, .cluster');
    const item = pointElement ? this.points.item(pointElement) : undefined;
    if (!item) return false;
    this.activateItem(item);
    return true;
  }

  private activateItem(item: DrawnItem): void {
    if (item.point) {
      this.options.onActivate({kind: 'point', point: item.point}, [item.x, item.y], `p${item.index}`);
      return;
    }
    // A cluster: zoom in to where it splits, around it.
    const level = this.points.expansionLevel(item.clusterId!);
    const factor = 2 ** (level - this.zoomLevel) * 1.001;
    this.behavior.scaleBy(this.hostSelection, Math.max(factor, ZOOM_STEP), [item.x, item.y]);
    this.behavior.translateBy(
      this.hostSelection,
      (this.width / 2 - item.x) / this.transform.k,
      (this.height / 2 - item.y) / this.transform.k,
    );
  }
}
