import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import './odw-map.messages.js';
import {property, state} from 'lit/decorators.js';
import {styleProperties} from '../../core/style-properties.js';
import {compareText} from '../../data/collation.js';
import {and, datasetInfo, parseFilter, parseSelect} from '../../data/index.js';
import {FormatError} from '../../data/errors.js';
import type {ApiFamily, FieldInfo, Filter, QueryResult, Row, Selection} from '../../data/types.js';
import {OdwSource} from '../odw-source/odw-source.js';
import {OdwDataElement, type DataTarget, type LoadOptions, type Loaded} from '../../core/data-element.js';
import {OdwSelectEvent} from '../../core/events.js';
import {formatNumber} from '../../core/format.js';
import {t, type Lang} from '../../core/i18n.js';
import type {ClassMethod} from './classify.js';
import type {MapViewOptions} from './map-engine.js';
import type {ChoroplethData, MapArea, MapData, MapPoint, MapTarget, PointsData} from './map-types.js';
import {mapStyles} from './odw-map.styles.js';
import {DisplayController} from '../../core/display-controller.js';
import {csvLines, saveFile} from '../../core/export.js';

type MapEngine = typeof import('./map-engine.js');
type MapView = InstanceType<MapEngine['MapView']>;

/** Basemaps known by name. */
export const TILE_PRESETS: Record<string, {url: string; attribution: string; link: string}> = {
  ign: {
    url: 'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
    attribution: '© IGN – Géoplateforme, Plan IGN',
    link: 'https://geoservices.ign.fr/',
  },
  osm: {
    url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    attribution: '© les contributeurs d’OpenStreetMap',
    link: 'https://www.openstreetmap.org/copyright',
  },
};

/** Rows listed in « Voir les données » for a points map (the CSV has them all). */
const TABLE_ROWS = 200;
/** Most records a map reads (points, or values of a field). */
const MAX_ROWS = 20_000;
const HINT_DURATION = 1500;
/** The grey under the hatching of « pas de donnée » (the engine's, which loads later). */
const NO_DATA_FALLBACK = '#d9d9d9';
/** Kept here rather than imported: the classification code belongs to the lazily loaded engine. */
const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'jenks'];

let mapCount = 0;

/**
 * A map of a dataset: points (`mode="points"`, the default without `shapes`) placed from the
 * data's coordinates, coloured by category and clustered when they overlap, or a choropleth
 * (`mode="choropleth"`, the default with `shapes`) whose outlines are joined to values computed
 * by the portal (`group_by`) and coloured by classes.
 *
 * Drawn with d3-geo in SVG (areas, up to 400 points: each focusable) or on a canvas (more points),
 * over an optional raster basemap. The map engine is a separate module loaded when the first map
 * appears. The view fits the data; drag, two fingers or arrows pan, Ctrl + wheel, pinch, `+`/`−`
 * and the buttons zoom, `0` goes back to the initial view. The wheel alone and one finger scroll
 * the page, a hint saying how to move the map. Colours follow the theme as it changes.
 *
 * @summary A points or choropleth map of a dataset, with legend, data table and basemap.
 *
 * @attr {'points'|'choropleth'} mode - Default: `choropleth` when `shapes` is set, else `points`.
 * @attr {string} shapes - Choropleth outlines: URL of a GeoJSON or TopoJSON file (its first
 *   object, or `shapes-object`), of an Opendatasoft / tabular / CKAN dataset with a `geo_shape`
 *   field, or the `id` of an `odw-source` of such a dataset. Read through the data layer: shared
 *   and cached.
 * @attr {string} shapes-object - The TopoJSON object to draw.
 * @attr {string} shapes-key - The outline property joined to `key` (`code`).
 * @attr {string} shapes-label - The outline property naming an area (default: `nom`, `name`…).
 * @attr {string} key - The data field joined to `shapes-key` (`code_insee`); with
 *   `filter-on-click` on points, the field a click filters on.
 * @attr {string} value - Choropleth value: an aggregate computed by the portal per `key`
 *   (`sum(population)`, `count()` by default), or a field.
 * @attr {string} scheme - Colours of the classes: `blues` (default), `greens`, `greys`, `oranges`,
 *   `purples`, `reds`, `bugn`, `bupu`, `gnbu`, `orrd`, `pubu`, `purd`, `rdpu`, `ylgn`, `ylgnbu`,
 *   `ylorbr`, `ylorrd`, `viridis`, or CSS colours separated by commas, lightest first.
 * @attr {'quantile'|'equal'|'jenks'} classes - How values are classed (default `quantile`).
 * @attr {number} class-count - Number of classes (default 5); fewer when values repeat.
 * @attr {boolean} only-matched - Hides the outlines that have no value (drawn hatched, « pas de
 *   donnée », otherwise). They are listed in the data table either way.
 * @attr {string} lat - With `lon`: the two numeric fields of the coordinates. Without them the
 *   map finds a `geo_point_2d`, `geo_shape` or GeoJSON geometry field itself.
 * @attr {string} lon - See `lat`.
 * @attr {string} color - Points: a field whose values colour the points (categorical legend).
 * @attr {string} size - Points: a numeric field (`capacite`), the area of each point proportional
 *   to it; or an aggregate of one (`sum(capacite)`): the portal groups the records by location
 *   (`group_by` the `geo_point_2d` field, or `lat` and `lon`, and `color` and `label` when set)
 *   and each location is one point sized by its aggregate; clusters announce the aggregate of
 *   their points (`sum`, `avg`, `min`, `max`). A size legend shows the smallest and largest value.
 * @attr {string} label - Points: the field naming a point (table, screen readers, popup title).
 * @attr {string} popup - Fields shown when an area or point is activated (`nom,capacite`). A
 *   `<template>` child with `{{field}}` placeholders replaces it; values are inserted as text.
 * @attr {string} tiles - Basemap: `ign` (Plan IGN, Géoplateforme), `osm` (OpenStreetMap), or a
 *   tile URL template with `{z}`, `{x}`, `{y}`. Default: none.
 * @attr {string} attribution - The credit of a `tiles` URL template.
 * @attr {string} shapes-attribution - The credit of the outlines (« Fond de carte : IGN Admin Express »).
 * @attr {string} center - `lat,lon` of the centre of the initial view (default: fitted to the data).
 * @attr {number} zoom - Zoom level of the initial view (0 = whole world; 12 ≈ a town).
 * @attr {boolean} no-cluster - Draws every point, overlapping or not.
 * @attr {'svg'|'canvas'} renderer - Forces how points are drawn (default: SVG up to 400 points).
 * @attr {number} limit - Points: most records read (default 20 000).
 * @attr {boolean} filter-on-click - Activating an area (or a point, with `key`) filters the
 *   `odw-source` on its key; activating it again removes the filter.
 * @attr {string} source - The `id` of an `odw-source` (same document or shadow root).
 * @attr {string} src - A one-off dataset URL, when no `source` is given.
 * @attr {'ods'|'tabular'|'ckan'|'csv'|'json'|'geojson'} api - Forces the API family of `src`.
 * @attr {string} api-key - Opendatasoft API key for a private `src`.
 * @attr {string} where - An extra filter for this widget only (expression language).
 * @attr {string} title - A heading shown above the map (part `title`); no native tooltip.
 * @attr {number} heading-level - The level of that heading for assistive technologies (default 3).
 * @attr {string} description - A text alternative read by screen readers, not shown.
 * @attr {string} lang - `fr` or `en`; inherited from the closest ancestor, then `<html lang>`; default `fr`.
 * @attr {'light'|'dark'|'auto'|'dsfr'} theme - Colours and fonts; without it, follows the system setting.
 * @attr {number} refresh - Seconds between two reloads of fresh data.
 * @attr {boolean} no-attribution - Hides the attribution footer.
 *
 * @fires {OdwLoadEvent} odw-load - Data loaded (also after each refresh); `detail`: `{rows, total}`.
 * @fires {OdwErrorEvent} odw-error - Loading failed; `detail.error` is a typed error of the data layer.
 * @fires {OdwSelectEvent} odw-select - An area or point was activated; `detail.datum`: its row.
 *
 * @csspart base - The frame around everything.
 * @csspart title - The heading.
 * @csspart description - The text alternative, visually hidden.
 * @csspart body - The map, or the loading, empty and error states.
 * @csspart actions - The toolbar: zoom, initial view, downloads, full screen.
 * @csspart map - The map itself (focusable; keyboard pan and zoom).
 * @csspart popup - The details of the activated area or point.
 * @csspart notice - « 20 000 points sur 137 611 »: the map shows part of the records.
 * @csspart legend - The legend.
 * @csspart summary - The text summary, visually hidden (style it to show it).
 * @csspart table - « Voir les données »: the table of mapped values.
 * @csspart status - The empty, error and stale messages.
 * @csspart retry - The « Réessayer » button.
 * @csspart footer - The attribution: dataset, publisher, licence, last update.
 *
 * @cssprop --odw-map-height - Height of the map (default 400px).
 * @cssprop --odw-map-background - Behind the outlines and tiles.
 * @cssprop --odw-map-no-data-color - The hatching of outlines without value (« pas de donnée »).
 * @cssprop --odw-palette-1 - First categorical colour of points (`--odw-palette-1` … `--odw-palette-8`).
 * @cssprop --odw-font-family - Font stack.
 * @cssprop --odw-text-color - Text.
 * @cssprop --odw-background - Background of the widget.
 * @cssprop --odw-surface - Background of inner panels and buttons.
 * @cssprop --odw-border-color - Borders.
 * @cssprop --odw-accent - Links.
 * @cssprop --odw-focus-color - Focus ring (areas and points too).
 */
export class OdwMap extends OdwDataElement<MapData> {
  static override styles = [...OdwDataElement.styles, mapStyles];

  @property({reflect: true}) mode?: 'points' | 'choropleth';
  @property({reflect: true}) shapes?: string;
  @property({reflect: true, attribute: 'shapes-object'}) shapesObject?: string;
  @property({reflect: true, attribute: 'shapes-key'}) shapesKey?: string;
  @property({reflect: true, attribute: 'shapes-label'}) shapesLabel?: string;
  @property({reflect: true}) key?: string;
  @property({reflect: true}) value?: string;
  @property({reflect: true}) scheme?: string;
  @property({reflect: true}) classes?: ClassMethod;
  @property({type: Number, reflect: true, attribute: 'class-count'}) classCount?: number;
  @property({type: Boolean, reflect: true, attribute: 'only-matched'}) onlyMatched = false;
  @property({reflect: true}) lat?: string;
  @property({reflect: true}) lon?: string;
  @property({reflect: true}) color?: string;
  @property({reflect: true}) size?: string;
  @property({reflect: true}) label?: string;
  @property({reflect: true}) popup?: string;
  @property({reflect: true}) tiles?: string;
  @property({reflect: true}) attribution?: string;
  @property({reflect: true, attribute: 'shapes-attribution'}) shapesAttribution?: string;
  @property({reflect: true}) center?: string;
  @property({type: Number, reflect: true}) zoom?: number;
  @property({type: Boolean, reflect: true, attribute: 'no-cluster'}) noCluster = false;
  @property({reflect: true}) renderer?: 'svg' | 'canvas';
  @property({type: Number, reflect: true}) limit?: number;
  @property({type: Boolean, reflect: true, attribute: 'filter-on-click'}) filterOnClick = false;

  @state() private popupTarget?: {target: MapTarget; at: [number, number]};
  @state() private tilesFailed = false;
  /** The hint shown over the map: Ctrl + wheel to zoom, two fingers to move. */
  @state() private hint?: 'wheel' | 'touch';
  @state() private tableOpen = false;

  /** The map's drawing surface, kept across renders so the view survives reloads. */
  private readonly mapHost: HTMLDivElement = document.createElement('div');
  private engine?: MapEngine;
  private view?: MapView;
  private viewData?: MapData;
  private viewKey?: string;
  private viewLang?: Lang;
  private renderedData?: ChoroplethData | PointsData;
  private hintTimer?: ReturnType<typeof setTimeout>;
  /** System settings that change the colours: the map is recoloured when one of them changes. */
  private readonly fallbackId = `odw-map-${++mapCount}`;

  constructor() {
    super();
    this.mapHost.className = 'map';
    this.mapHost.setAttribute('part', 'map');
    this.mapHost.tabIndex = 0;
    this.mapHost.setAttribute('role', 'group');
    this.mapHost.setAttribute('aria-describedby', 'summary');
  }

  /** The key under which `filter-on-click` sets its filter on the source: the map's `id`. */
  get filterKey(): string {
    return this.id || this.fallbackId;
  }

  /** The drawn map (tests, scripts): pan, zoom, export. Undefined before the first data. */
  get mapView(): MapView | undefined {
    return this.view;
  }

  /** Full screen, and redraws when the system colours change. */
  private readonly display = new DisplayController(this, () => this.onColoursChange());

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.hintTimer);
  }

  protected override queryDependencies(): readonly unknown[] {
    return [
      this.resolvedMode,
      this.shapes,
      this.shapesObject,
      this.shapesKey,
      this.shapesLabel,
      this.key,
      this.value,
      this.scheme,
      this.classes,
      this.classCount,
      this.onlyMatched,
      this.lat,
      this.lon,
      this.color,
      this.size,
      this.label,
      this.popup,
      this.limit,
      this.filterOnClick,
    ];
  }

  private get resolvedMode(): 'points' | 'choropleth' {
    if (this.mode === 'points' || this.mode === 'choropleth') return this.mode;
    return this.shapes?.trim() ? 'choropleth' : 'points';
  }

  protected override async load(target: DataTarget, options: LoadOptions): Promise<Loaded<MapData>> {
    const enginePromise = import('./map-engine.js');
    const where = this.ownQueryFilter(target);
    if (this.mode && this.mode !== 'points' && this.mode !== 'choropleth') {
      const result = {rows: [], total: 0, fields: [], meta: {}};
      return {data: {mode: 'invalid', problem: 'bad-mode', value: this.mode}, result};
    }
    if (this.resolvedMode === 'choropleth') {
      const shapes = this.shapes?.trim();
      const key = this.key?.trim();
      const shapesKey = this.shapesKey?.trim();
      if (!shapes || !key || !shapesKey) {
        const result = {rows: [], total: 0, fields: [], meta: {}};
        return {data: {mode: 'invalid', problem: shapes ? 'no-join' : 'no-geo'}, result};
      }
      const selection = firstSelection(this.value?.trim() || 'count()');
      const shapesSource = this.shapesSource(shapes);
      const shapesUrl = new URL(shapesSource.src, document.baseURI).href;
      const [engine, result, features] = await Promise.all([
        enginePromise,
        this.runQuery(
          {...target, where},
          selection.type === 'aggregate'
            ? {select: [selection], groupBy: key}
            : {select: [{type: 'field', field: key, as: key}, selection], limit: MAX_ROWS},
          options,
        ),
        enginePromise.then((engine) =>
          engine
            .loadShapes(shapesUrl, {...options, objectName: this.shapesObject, api: shapesSource.api})
            .catch((error: unknown) => {
              throw error instanceof SyntaxError
                ? new FormatError('Expected GeoJSON or TopoJSON', shapesUrl)
                : error;
            }),
        ),
      ]);
      this.engine = engine;
      const method = CLASS_METHODS.includes(this.classes as ClassMethod)
        ? (this.classes as ClassMethod)
        : 'quantile';
      const data = engine.prepareChoropleth({
        result,
        shapes: features,
        shapesKey,
        shapesLabel: this.shapesLabel?.trim() || undefined,
        keyField: key,
        valueKey: selection.as,
        method,
        classCount: Number.isFinite(this.classCount) && this.classCount! > 0 ? this.classCount! : 5,
        scheme: this.scheme,
        onlyMatched: this.onlyMatched,
      });
      return {data, result};
    }
    const limit = Number.isFinite(this.limit) && this.limit! > 0 ? this.limit : MAX_ROWS;
    const [engine, grouped] = await Promise.all([
      enginePromise,
      this.loadGroupedPoints({...target, where}, limit, options),
    ]);
    const result = grouped?.result ?? (await this.runQuery({...target, where}, {limit}, options));
    this.engine = engine;
    const data = engine.preparePoints({
      result,
      latField: this.lat?.trim() || undefined,
      lonField: this.lon?.trim() || undefined,
      geoField: grouped?.geoField,
      colorField: this.color?.trim() || undefined,
      sizeField: grouped?.sizeField ?? this.sizeSelection()?.field,
      labelField: this.label?.trim() || undefined,
      popupFields: splitFields(this.popup),
      palette: this.palette(),
      defaultColor: this.cssToken('palette-1') || '#0072b2',
    });
    // Groups have no exact count (see the connectors' `total`): only records read one by one are compared.
    if (data && !grouped && result.total > result.rows.length) data.readOnly = result.rows.length;
    return {data: data ?? {mode: 'invalid', problem: 'no-geo'}, result};
  }

  /**
   * `size="sum(capacite)"`: one point per location, sized by the aggregate the portal computes
   * for it (`group_by` the geo field, or `lat` and `lon`; with `color` and `label`, by them too).
   * Undefined, and the records are read one by one, when `size` is a field or the data has no
   * point field to group on.
   */
  private async loadGroupedPoints(
    target: DataTarget,
    limit: number | undefined,
    options: LoadOptions,
  ): Promise<{result: QueryResult; geoField?: string; sizeField: string} | undefined> {
    const text = this.size?.trim();
    const selection = text ? firstSelection(text) : undefined;
    if (selection?.type !== 'aggregate' || !selection.field) return undefined;
    const lat = this.lat?.trim();
    const lon = this.lon?.trim();
    let geoField: string | undefined;
    let fields: FieldInfo[] = [];
    if (!(lat && lon)) {
      const info = await datasetInfo(target.src, {
        api: target.api,
        apiKey: target.apiKey,
        signal: options.signal,
        fresh: options.fresh,
      });
      fields = info.fields;
      geoField = info.fields.find((field) => field.type === 'geo_point_2d')?.name;
      if (!geoField) return undefined;
    }
    const keys = [...(geoField ? [geoField] : [lat!, lon!]), this.color?.trim(), this.label?.trim()].filter(
      (name, i, all): name is string => Boolean(name) && all.indexOf(name) === i,
    );
    const result = await this.runQuery(
      target,
      {select: [selection], groupBy: keys.join(', '), limit},
      options,
    );
    // The aggregate is named in words (« Capacité (somme) ») in the table, popups and legend.
    const known = fields.length ? fields : result.fields;
    const label = valueLabel(selection, known, this.currentLang);
    const merged = [
      ...known.filter((field) => field.name !== selection.as),
      {name: selection.as, label, type: 'double' as const},
    ];
    for (const field of result.fields) if (!merged.some((m) => m.name === field.name)) merged.push(field);
    return {result: {...result, fields: merged}, geoField, sizeField: selection.as};
  }

  /** `shapes` names a file or API URL, or the `id` of an `odw-source` holding the outlines. */
  private shapesSource(shapes: string): {src: string; api?: ApiFamily} {
    const root = this.getRootNode();
    const named =
      /^[\w-]+$/.test(shapes) &&
      ((root instanceof ShadowRoot || root instanceof Document ? root.getElementById(shapes) : null) ??
        document.getElementById(shapes));
    if (named instanceof OdwSource && named.src?.trim()) return {src: named.src.trim(), api: named.api};
    return {src: shapes};
  }

  /**
   * The map's own filter is left out of its query: filtering on an area keeps the other areas on
   * the map (highlighting the chosen one) while the other widgets of the source follow it.
   */
  private ownQueryFilter(target: DataTarget): Filter | undefined {
    const source = this.sourceElement;
    const own = source?.getFilter(this.filterKey);
    if (!source || !own) return target.where;
    const base = source.where?.trim() ? parseFilter(source.where) : undefined;
    const widget = this.where?.trim() ? parseFilter(this.where) : undefined;
    return and(base, ...source.filters.filter((filter) => filter !== own), widget);
  }

  protected override isEmpty(data: MapData): boolean {
    if (data.mode === 'choropleth') return data.areas.length === 0 && data.unmatched.length === 0;
    if (data.mode === 'points') return data.points.length === 0 && data.skipped === 0;
    return false;
  }

  protected override renderData(data: MapData, lang: Lang): TemplateResult {
    if (data.mode === 'invalid') {
      this.renderedData = undefined;
      return html`<p class="status error" part="status" role="alert">
        ${t(lang, `map.${data.problem}`, {value: data.value ?? ''})}
      </p>`;
    }
    this.renderedData = data;
    this.mapHost.setAttribute(
      'aria-label',
      this.title?.trim() ? `${this.title.trim()}. ${t(lang, 'map.label')}` : t(lang, 'map.label'),
    );
    // In full screen the map takes the height of the screen: the view fits the data again.
    return html`<div class="map-widget ${this.display.fullscreen ? 'fullscreen' : ''}">
      ${this.renderToolbar(lang)} ${this.renderPartialNotice(lang)}
      <div class="frame" @keydown=${this.onFrameKeyDown}>
        ${this.mapHost} ${this.renderOverlays(lang)} ${this.renderPopup(lang)}
      </div>
      ${data.mode === 'choropleth' ? this.renderChoroplethLegend(data, lang) : this.renderPointsLegend(data, lang)}
      <p id="summary" class="visually-hidden" part="summary">${this.summary(data, lang)}</p>
      ${this.renderTable(data, lang)}
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncView();
    // A new theme restyles the widget at once: the marks take its colours, without a reload.
    if (changed.has('theme')) this.recolour();
  }

  /**
   * Paints the drawn data in the colours of the current theme: the palette of the points and
   * their legend, the outlines and clusters; the view and the data stay as they are.
   */
  private recolour(): void {
    const data = this.renderedData;
    if (!data || !this.view) return;
    if (data.mode === 'points') {
      const palette = this.palette();
      const fallback = this.cssToken('palette-1') || '#0072b2';
      const colorOf = new Map<string, string>();
      data.categories.forEach((category, i) => {
        if (!category.other) category.color = palette[i] ?? category.color;
        colorOf.set(category.label, category.color);
      });
      for (const point of data.points) {
        point.color = point.category === undefined ? fallback : (colorOf.get(point.category) ?? point.color);
      }
    }
    // The legend's swatches follow the theme by themselves (CSS variables).
    this.view.restyle(this.viewOptions());
  }

  private readonly onColoursChange = (): void => {
    this.recolour();
  };

  /** Creates the view on the first data, then hands it every new data. */
  private syncView(): void {
    const data = this.renderedData;
    const engine = this.engine;
    if (!data || !engine || !this.mapHost.isConnected) return;
    const options = this.viewOptions();
    const key = JSON.stringify([
      this.resolvedMode,
      this.shapes,
      this.center,
      this.zoom,
      this.tiles,
      this.renderer,
      this.noCluster,
    ]);
    if (!this.view) this.view = new engine.MapView(this.mapHost, options);
    // The marks' accessible names are written when drawn: a new language redraws them.
    if (data !== this.viewData || this.currentLang !== this.viewLang) {
      // Data changed under the same map (a refresh, a filter): keep where the user looks, and the
      // popup; a different map is fitted again, which moves what the popup pointed at.
      const refit = key !== this.viewKey;
      this.view.setData(data, options, refit);
      this.viewData = data;
      this.viewKey = key;
      this.viewLang = this.currentLang;
      if (refit && this.popupTarget) this.popupTarget = undefined;
    }
  }

  private viewOptions(): MapViewOptions {
    const lang = this.currentLang;
    const tiles = this.resolvedTiles();
    const center = parseCenter(this.center);
    return {
      tiles: tiles?.url,
      center,
      zoom: Number.isFinite(this.zoom) ? this.zoom : undefined,
      cluster: !this.noCluster,
      renderer: this.renderer === 'svg' || this.renderer === 'canvas' ? this.renderer : undefined,
      selectedKey: this.selectedKey(),
      describeArea: (area) => this.describeArea(area, lang),
      describePoint: (point) => this.describePoint(point, lang),
      describeCluster: (count, value) => {
        const size = this.sizeSelection();
        const data = this.renderedData;
        if (value === undefined || !size?.fn || data?.mode !== 'points') {
          return t(lang, 'map.cluster', {count: formatNumber(count, lang)});
        }
        return t(lang, 'map.cluster-value', {
          count: formatNumber(count, lang),
          label: t(lang, 'map.aggregate', {
            field: fieldLabel(data.fields, size.field),
            fn: t(lang, `map.fn.${size.fn}`),
          }),
          value: formatNumber(value, lang),
        });
      },
      clusterAggregate: this.sizeSelection()?.fn,
      onActivate: (target, at) => this.activate(target, at),
      onViewChange: () => {
        if (this.popupTarget) this.popupTarget = undefined;
      },
      onTileError: () => {
        this.tilesFailed = true;
      },
      onWheelWithoutCtrl: () => this.showHint('wheel'),
      onOneFingerDrag: () => this.showHint('touch'),
      colors: this.themeColors(),
    };
  }

  /** The colours of the map's own marks, from the theme. */
  private themeColors(): NonNullable<MapViewOptions['colors']> {
    const forced = matchMedia('(forced-colors: active)').matches;
    if (forced) return {stroke: 'Canvas', cluster: 'CanvasText', clusterText: 'Canvas', noData: 'GrayText'};
    return {
      stroke: this.cssToken('background') || '#ffffff',
      cluster: this.cssToken('accent') || '#1f5fa8',
      clusterText: this.cssToken('background') || '#ffffff',
      noData: NO_DATA_FALLBACK,
    };
  }

  /**
   * `size` read as a field (`capacite`) or an aggregate of one (`sum(capacite)`): points are sized
   * by the field, clusters announce the aggregate of their points. `median` is not additive: it
   * is announced as the mean.
   */
  private sizeSelection(): {field: string; fn?: 'sum' | 'avg' | 'min' | 'max'} | undefined {
    const text = this.size?.trim();
    if (!text) return undefined;
    const selection = firstSelection(text);
    if (!selection.field) return undefined;
    if (selection.type === 'field') return {field: selection.field};
    const fn = selection.fn === 'median' ? 'avg' : selection.fn;
    return {field: selection.field, fn: fn === 'count' ? undefined : fn};
  }

  private selectedKey(): string | undefined {
    const filter = this.sourceElement?.getFilter(this.filterKey);
    return filter?.type === 'compare' ? String(filter.value.value) : undefined;
  }

  private resolvedTiles(): {url: string; attribution?: string; link?: string} | undefined {
    const tiles = this.tiles?.trim();
    if (!tiles) return undefined;
    const preset = TILE_PRESETS[tiles.toLowerCase()];
    if (preset) return preset;
    return {url: tiles, attribution: this.attribution?.trim() || undefined};
  }

  private showHint(hint: 'wheel' | 'touch'): void {
    this.hint = hint;
    clearTimeout(this.hintTimer);
    this.hintTimer = setTimeout(() => (this.hint = undefined), HINT_DURATION);
  }

  private activate(target: MapTarget, at: [number, number]): void {
    const datum = target.kind === 'area' ? areaDatum(target.area, this.key) : target.point.row;
    this.popupTarget = {target, at};
    this.dispatchEvent(new OdwSelectEvent({datum}));
    if (!this.filterOnClick) return;
    const source = this.sourceElement;
    const field = this.key?.trim();
    if (!source || !field) return;
    const raw =
      target.kind === 'area' ? (target.area.row?.[field] ?? target.area.key) : target.point.row[field];
    if (raw === null || raw === undefined || typeof raw === 'object') return;
    const current = this.selectedKey();
    if (current === String(raw)) {
      source.setFilter(this.filterKey, undefined);
      return;
    }
    const value =
      typeof raw === 'number'
        ? {type: 'number' as const, value: raw}
        : {type: 'string' as const, value: String(raw)};
    source.setFilter(this.filterKey, {type: 'compare', field, op: '=', value});
  }

  private describeArea(area: MapArea, lang: Lang): string {
    if (area.value === null) return t(lang, 'map.area-no-data', {name: area.name});
    const data = this.renderedData as ChoroplethData | undefined;
    const count = data?.classes.length ?? 0;
    return t(lang, 'map.area', {
      name: area.name,
      value: formatNumber(area.value, lang),
      class: t(lang, 'map.class-of', {index: area.classIndex + 1, count}),
    });
  }

  private describePoint(point: MapPoint, lang: Lang): string {
    const parts = [point.label];
    const data = this.renderedData as PointsData | undefined;
    if (point.category !== undefined) parts.push(point.category);
    if (point.size !== undefined && data?.sizeField)
      parts.push(`${fieldLabel(data.fields, data.sizeField)} ${formatNumber(point.size, lang)}`);
    const named = parts.filter(Boolean).join(', ');
    return (
      named ||
      `${formatNumber(point.lat, lang, {decimals: 5})}, ${formatNumber(point.lon, lang, {decimals: 5})}`
    );
  }

  private palette(): string[] {
    return Array.from({length: 8}, (_, i) => this.cssToken(`palette-${i + 1}`)).filter(Boolean);
  }

  private cssToken(name: string): string {
    return getComputedStyle(this).getPropertyValue(`--_odw-${name}`).trim();
  }

  private renderToolbar(lang: Lang): TemplateResult {
    const view = () => this.view;
    return html`<div class="toolbar" part="actions" role="toolbar" aria-label=${t(lang, 'map.actions')}>
      <button
        type="button"
        aria-label=${t(lang, 'map.zoom-in')}
        title=${t(lang, 'map.zoom-in')}
        @click=${() => view()?.zoomBy(2)}
      >
        +
      </button>
      <button
        type="button"
        aria-label=${t(lang, 'map.zoom-out')}
        title=${t(lang, 'map.zoom-out')}
        @click=${() => view()?.zoomBy(0.5)}
      >
        −
      </button>
      <button type="button" @click=${() => view()?.reset()}>${t(lang, 'map.reset')}</button>
      <span class="separator"></span>
      <button type="button" @click=${() => this.downloadCsv()}>${t(lang, 'map.download-csv')}</button>
      <button type="button" @click=${() => void this.downloadImage('png')}>
        ${t(lang, 'map.download-png')}
      </button>
      <button type="button" @click=${() => void this.downloadImage('svg')}>
        ${t(lang, 'map.download-svg')}
      </button>
      ${this.display.renderToggle(t(lang, 'map.fullscreen'), t(lang, 'map.exit-fullscreen'))}
    </div>`;
  }

  private renderOverlays(lang: Lang): TemplateResult {
    const tiles = this.resolvedTiles();
    const shapesCredit = this.resolvedMode === 'choropleth' ? this.shapesAttribution?.trim() : undefined;
    return html`${
      tiles?.attribution || shapesCredit
        ? html`<p class="overlay attribution">
            ${shapesCredit ?? nothing}${shapesCredit && tiles?.attribution ? ' · ' : nothing}${
              tiles?.attribution
                ? tiles.link
                  ? html`<a href=${tiles.link}>${tiles.attribution}</a>`
                  : tiles.attribution
                : nothing
            }
          </p>`
        : nothing
    }
    ${this.tilesFailed ? html`<p class="overlay notice" role="status">${t(lang, 'map.tiles-failed')}</p>` : nothing}
    ${this.hint ? html`<p class="overlay hint" aria-hidden="true">${t(lang, `map.${this.hint}-hint`)}</p>` : nothing}`;
  }

  /** « 20 000 points sur 137 611 » when the map read part of the records: above the map, hiding none of it. */
  private renderPartialNotice(lang: Lang): unknown {
    const data = this.renderedData;
    if (data?.mode !== 'points' || data.readOnly === undefined) return nothing;
    return html`<p class="partial" part="notice">${this.partialText(data, lang)}</p>`;
  }

  private partialText(data: PointsData, lang: Lang): string {
    return t(lang, 'map.partial', {
      shown: formatNumber(data.readOnly ?? data.total, lang),
      total: formatNumber(data.total, lang),
    });
  }

  private renderPopup(lang: Lang): unknown {
    const popup = this.popupTarget;
    if (!popup) return nothing;
    const {target, at} = popup;
    const title = target.kind === 'area' ? target.area.name : target.point.label;
    const row =
      target.kind === 'area'
        ? {...(target.area.feature.properties ?? {}), ...(target.area.row ?? {})}
        : target.point.row;
    const template = this.querySelector(':scope > template');
    let content: unknown;
    if (template instanceof HTMLTemplateElement) {
      content = fillTemplate(template, row, lang);
    } else {
      const fields = splitFields(this.popup);
      const entries: Array<[string, string]> = fields.length
        ? fields.map((name) => [
            fieldLabel(
              this.renderedData && 'fields' in this.renderedData ? this.renderedData.fields : [],
              name,
            ),
            displayValue(row[name], lang),
          ])
        : this.defaultPopupEntries(target, lang);
      content = html`${title ? html`<p class="popup-title">${title}</p>` : nothing}
        <dl>
          ${entries.map(
            ([name, value]) =>
              html`<dt>${name}</dt>
                <dd>${value}</dd>`,
          )}
        </dl>`;
    }
    return html`<div
      class="popup"
      part="popup"
      role="dialog"
      aria-label=${title || t(lang, 'map.label')}
      ${styleProperties({left: `${at[0]}px`, top: `${at[1]}px`})}
    >
      <button
        type="button"
        class="close"
        aria-label=${t(lang, 'map.close')}
        @click=${() => (this.popupTarget = undefined)}
      >
        ×
      </button>
      ${content}
    </div>`;
  }

  private defaultPopupEntries(target: MapTarget, lang: Lang): Array<[string, string]> {
    const data = this.renderedData;
    if (target.kind === 'area') {
      const {area} = target;
      const choropleth = data as ChoroplethData;
      if (area.value === null) return [[this.valueText(choropleth, lang), t(lang, 'map.no-data')]];
      return [
        [this.valueText(choropleth, lang), formatNumber(area.value, lang)],
        [t(lang, 'map.class'), this.classText(area.classIndex, choropleth, lang)],
      ];
    }
    const points = data as PointsData;
    const entries: Array<[string, string]> = [];
    for (const field of [points.colorField, points.sizeField]) {
      if (field)
        entries.push([fieldLabel(points.fields, field), displayValue(target.point.row[field], lang)]);
    }
    return entries;
  }

  /** What the choropleth shows, in words of the current language (« Population municipale (somme) »). */
  private valueText(data: ChoroplethData, lang: Lang): string {
    return valueLabel(firstSelection(this.value?.trim() || 'count()'), data.fields, lang);
  }

  private classText(index: number, data: ChoroplethData, lang: Lang): string {
    const legend = data.classes[index];
    if (!legend) return '';
    return `${t(lang, 'map.class-of', {index: index + 1, count: data.classes.length})} (${this.rangeText(legend.from, legend.to, lang)})`;
  }

  private rangeText(from: number, to: number, lang: Lang): string {
    return from === to
      ? formatNumber(from, lang)
      : t(lang, 'map.range', {from: formatNumber(from, lang), to: formatNumber(to, lang)});
  }

  private renderChoroplethLegend(data: ChoroplethData, lang: Lang): TemplateResult {
    const showNoData = !this.onlyMatched && data.noValue.length > 0;
    return html`<ul class="legend" part="legend" aria-label=${t(lang, 'map.legend')}>
      <li class="legend-title">${this.valueText(data, lang)}</li>
      ${data.classes.map(
        (legend) =>
          html`<li>
            <span class="swatch" aria-hidden="true" ${styleProperties({background: legend.color})}></span>
            ${this.rangeText(legend.from, legend.to, lang)}
          </li>`,
      )}
      ${showNoData ? html`<li><span class="swatch no-data" aria-hidden="true"></span>${t(lang, 'map.no-data')}</li>` : nothing}
    </ul>`;
  }

  private renderPointsLegend(data: PointsData, lang: Lang): unknown {
    return html`${this.renderCategoryLegend(data, lang)}${this.renderSizeLegend(data, lang)}`;
  }

  /** The smallest and the largest value of `size`, each with the circle it draws. */
  private renderSizeLegend(data: PointsData, lang: Lang): unknown {
    if (!data.sizeField) return nothing;
    const sized = data.points.filter((point) => point.size !== undefined);
    if (sized.length === 0) return nothing;
    const smallest = sized.reduce((a, b) => (b.size! < a.size! ? b : a));
    const largest = sized.reduce((a, b) => (b.size! > a.size! ? b : a));
    const entries = smallest.size === largest.size ? [largest] : [smallest, largest];
    const box = Math.ceil(largest.radius) * 2 + 2;
    return html`<ul
      class="legend size-legend"
      part="legend size-legend"
      aria-label=${t(lang, 'map.size-legend')}
    >
      <li class="legend-title">${fieldLabel(data.fields, data.sizeField)}</li>
      ${entries.map(
        (point) =>
          html`<li>
            <svg class="size-swatch" width=${box} height=${box} aria-hidden="true">
              <circle
                cx=${box / 2}
                cy=${box / 2}
                r=${point.radius}
                fill="none"
                stroke="currentColor"
                stroke-width="1"
              ></circle>
            </svg>
            ${formatNumber(point.size!, lang)}
          </li>`,
      )}
    </ul>`;
  }

  private renderCategoryLegend(data: PointsData, lang: Lang): unknown {
    if (!data.colorField || data.categories.length === 0) return nothing;
    return html`<ul class="legend" part="legend" aria-label=${t(lang, 'map.legend')}>
      <li class="legend-title">${fieldLabel(data.fields, data.colorField)}</li>
      ${data.categories.map(
        (category, i) =>
          html`<li>
            <span
              class="swatch round"
              aria-hidden="true"
              ${styleProperties({
                background: category.other
                  ? category.color
                  : `var(--_odw-palette-${i + 1}, ${category.color})`,
              })}
            ></span>
            ${category.label || t(lang, 'map.others')} (${formatNumber(category.count, lang)})
          </li>`,
      )}
    </ul>`;
  }

  private summary(data: ChoroplethData | PointsData, lang: Lang): string {
    const sentences: string[] = [];
    if (this.description?.trim()) sentences.push(this.description.trim());
    if (data.mode === 'choropleth') {
      const valued = data.areas.filter((area) => area.value !== null).sort((a, b) => a.value! - b.value!);
      if (valued.length) {
        const min = valued[0];
        const max = valued[valued.length - 1];
        sentences.push(
          t(lang, 'map.summary-choropleth', {
            count: formatNumber(valued.length, lang),
            value: this.valueText(data, lang),
            classes: data.classes.length,
            min: formatNumber(min.value!, lang),
            minName: min.name,
            max: formatNumber(max.value!, lang),
            maxName: max.name,
          }),
        );
      }
      if (data.noValue.length)
        sentences.push(t(lang, 'map.summary-no-value', {count: formatNumber(data.noValue.length, lang)}));
      if (data.unmatched.length) {
        const keys =
          data.unmatched
            .slice(0, 10)
            .map((row) => row.key)
            .join(', ') + (data.unmatched.length > 10 ? ', …' : '');
        sentences.push(
          t(lang, 'map.summary-unmatched', {count: formatNumber(data.unmatched.length, lang), keys}),
        );
      }
      return sentences.join(' ');
    }
    sentences.push(t(lang, 'map.summary-points', {count: formatNumber(data.points.length, lang)}));
    if (data.readOnly !== undefined) sentences.push(`${this.partialText(data, lang)}.`);
    if (data.colorField && data.categories.length) {
      const list = data.categories
        .map((category) => `${category.label || t(lang, 'map.others')} ${formatNumber(category.count, lang)}`)
        .join(', ');
      sentences.push(
        t(lang, 'map.summary-categories', {field: fieldLabel(data.fields, data.colorField), list}),
      );
    }
    if (data.skipped)
      sentences.push(t(lang, 'map.summary-skipped', {count: formatNumber(data.skipped, lang)}));
    return sentences.join(' ');
  }

  private renderTable(data: ChoroplethData | PointsData, lang: Lang): TemplateResult {
    return html`<details
      part="table"
      @toggle=${(event: Event) => (this.tableOpen = (event.target as HTMLDetailsElement).open)}
    >
      <summary>${t(lang, 'map.show-data')}</summary>
      ${this.tableOpen ? this.renderTableContent(data, lang) : nothing}
    </details>`;
  }

  private renderTableContent(data: ChoroplethData | PointsData, lang: Lang): TemplateResult {
    const table = this.tableRows(data, lang);
    const shown = table.rows.slice(0, data.mode === 'points' ? TABLE_ROWS : undefined);
    return html`<div class="table-wrapper" tabindex="0" role="region" aria-label=${t(lang, 'map.show-data')}>
        <table>
          <thead>
            <tr>
              ${table.header.map((name) => html`<th scope="col">${name}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (row) =>
                html`<tr>
                  ${row.map((cell, i) => (i === 0 ? html`<th scope="row">${cell.text}</th>` : html`<td class=${cell.numeric ? 'number' : ''}>${cell.text}</td>`))}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        shown.length < table.rows.length
          ? html`<p class="note">
              ${t(lang, 'map.table-truncated', {shown: formatNumber(shown.length, lang), total: formatNumber(table.rows.length, lang)})}
            </p>`
          : nothing
      }`;
  }

  /** The mapped values as a table: what « Voir les données » shows and the CSV holds. */
  private tableRows(
    data: ChoroplethData | PointsData,
    lang: Lang,
  ): {header: string[]; rows: Array<Array<{text: string; numeric?: boolean; raw: unknown}>>} {
    if (data.mode === 'choropleth') {
      const header = [
        t(lang, 'map.name'),
        t(lang, 'map.key'),
        this.valueText(data, lang),
        t(lang, 'map.class'),
      ];
      // With only-matched, the outlines without value are counted in the summary, not listed.
      const areas = [...data.areas].sort(
        (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || compareText(a.name, b.name),
      );
      const rows = areas.map((area) => [
        {text: area.name, raw: area.name},
        {text: area.key, raw: area.key},
        area.value === null
          ? {text: t(lang, 'map.no-data'), raw: null}
          : {text: formatNumber(area.value, lang), numeric: true, raw: area.value},
        {
          text: area.value === null ? '' : this.classText(area.classIndex, data, lang),
          raw: area.value === null ? null : area.classIndex + 1,
        },
      ]);
      for (const unmatched of data.unmatched) {
        rows.push([
          {text: unmatched.key, raw: unmatched.key},
          {text: unmatched.key, raw: unmatched.key},
          unmatched.value === null
            ? {text: '', raw: null}
            : {text: formatNumber(unmatched.value, lang), numeric: true, raw: unmatched.value},
          {text: t(lang, 'map.no-outline'), raw: t(lang, 'map.no-outline')},
        ]);
      }
      return {header, rows};
    }
    const names = [...splitFields(this.popup), data.colorField, data.sizeField].filter(
      (name, i, all): name is string => Boolean(name) && name !== data.labelField && all.indexOf(name) === i,
    );
    const header = [
      data.labelField ? fieldLabel(data.fields, data.labelField) : t(lang, 'map.name'),
      ...names.map((name) => fieldLabel(data.fields, name)),
      'Latitude',
      'Longitude',
    ];
    const rows = data.points.map((point, i) => [
      // Row headers are never empty: an unnamed point is numbered.
      {text: point.label || t(lang, 'map.point', {index: formatNumber(i + 1, lang)}), raw: point.label},
      ...names.map((name) => {
        const raw = point.row[name];
        return {text: displayValue(raw, lang), numeric: typeof raw === 'number', raw};
      }),
      {text: formatNumber(point.lat, lang, {decimals: 5}), numeric: true, raw: point.lat},
      {text: formatNumber(point.lon, lang, {decimals: 5}), numeric: true, raw: point.lon},
    ]);
    return {header, rows};
  }

  /** The mapped values as CSV text (comma-separated, RFC 4180). */
  toCsv(): string {
    const data = this.renderedData;
    if (!data) return '';
    const lang = this.currentLang;
    const table = this.tableRows(data, lang);
    const lines = [table.header, ...table.rows.map((row) => row.map((cell) => cell.raw))];
    return csvLines(lines);
  }

  /** The map as an SVG document, its legend included. */
  toSvg(): string {
    return this.view?.toSvg(this.legendForExport()) ?? '';
  }

  /** The map as a PNG image, its legend included. */
  async toPng(): Promise<Blob | undefined> {
    return this.view?.toPng(this.legendForExport());
  }

  private legendForExport(): SVGElement | undefined {
    const data = this.renderedData;
    const engine = this.engine;
    if (!data || !engine) return undefined;
    const lang = this.currentLang;
    const items =
      data.mode === 'choropleth'
        ? data.classes.map((legend) => ({
            color: legend.color,
            text: this.rangeText(legend.from, legend.to, lang),
          }))
        : data.categories.map((category) => ({
            color: category.color,
            text: category.label || t(lang, 'map.others'),
          }));
    if (items.length === 0) return undefined;
    const group = engine.svgElement('g', {
      transform: 'translate(8,8)',
      'font-family': 'system-ui, sans-serif',
      'font-size': '12',
    });
    group.append(
      engine.svgElement('rect', {
        width: '150',
        height: String(items.length * 18 + 8),
        fill: '#ffffff',
        'fill-opacity': '0.85',
      }),
    );
    items.forEach((item, i) => {
      group.append(
        engine.svgElement('rect', {
          x: '4',
          y: String(4 + i * 18),
          width: '12',
          height: '12',
          fill: item.color,
        }),
      );
      const text = engine.svgElement('text', {x: '22', y: String(14 + i * 18), fill: '#161616'});
      text.textContent = item.text;
      group.append(text);
    });
    return group;
  }

  private downloadCsv(): void {
    saveFile(new Blob(['\ufeff', this.toCsv()], {type: 'text/csv;charset=utf-8'}), `${this.fileName()}.csv`);
  }

  private async downloadImage(format: 'png' | 'svg'): Promise<void> {
    if (format === 'svg') {
      saveFile(new Blob([this.toSvg()], {type: 'image/svg+xml'}), `${this.fileName()}.svg`);
      return;
    }
    const png = await this.toPng();
    if (png) saveFile(png, `${this.fileName()}.png`);
  }

  private fileName(): string {
    const base = (this.title?.trim() || 'carte')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase();
    return base || 'carte';
  }

  /** Escape closes the popup, wherever the focus is in the map. */
  private readonly onFrameKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.popupTarget) {
      this.popupTarget = undefined;
      event.stopPropagation();
    }
  };
}

function firstSelection(text: string): Selection {
  const [selection] = parseSelect(text);
  return selection ?? {type: 'aggregate', fn: 'count', as: 'count()'};
}

/** « Population municipale (somme) » for `sum(population)`; the field's label for a field. */
function valueLabel(selection: Selection, fields: FieldInfo[], lang: Lang): string {
  if (selection.type === 'field') return fieldLabel(fields, selection.field);
  if (!selection.field) return t(lang, 'map.count');
  return t(lang, 'map.aggregate', {
    field: fieldLabel(fields, selection.field),
    fn: t(lang, `map.fn.${selection.fn}`),
  });
}

function splitFields(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

function fieldLabel(fields: FieldInfo[], name: string): string {
  return fields.find((field) => field.name === name)?.label ?? name;
}

function displayValue(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'object') return '';
  return String(value);
}

/** `lat,lon` → `[lon, lat]`. */
function parseCenter(text: string | undefined): [number, number] | undefined {
  const [lat, lon] = (text ?? '').split(',').map((part) => Number(part.trim()));
  return Number.isFinite(lat) && Number.isFinite(lon) && (text ?? '').includes(',') ? [lon, lat] : undefined;
}

/** The datum of an area: its data row, or the outline's properties when no row matched. */
function areaDatum(area: MapArea, keyField: string | undefined): Row {
  if (area.row) return area.row;
  return {...(area.feature.properties ?? {}), ...(keyField ? {[keyField]: area.key} : {})};
}

/**
 * A copy of the page's `<template>` with each `{{field}}` replaced by the value as text. Values
 * go into text nodes and plain attributes only: never into markup, event handlers, URLs or styles.
 */
function fillTemplate(template: HTMLTemplateElement, row: Row, lang: Lang): DocumentFragment {
  const fragment = template.content.cloneNode(true) as DocumentFragment;
  const fill = (text: string) =>
    text.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (_, name: string) => displayValue(row[name], lang));
  for (const element of fragment.querySelectorAll('script, style, iframe, object, embed')) element.remove();
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      node.nodeValue = fill(node.nodeValue ?? '');
      continue;
    }
    const element = node as Element;
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      const unsafe =
        name.startsWith('on') ||
        name === 'style' ||
        name === 'href' ||
        name === 'src' ||
        name === 'srcset' ||
        name === 'xlink:href';
      if (name.startsWith('on')) element.removeAttribute(attribute.name);
      else if (attribute.value.includes('{{')) {
        if (unsafe) element.removeAttribute(attribute.name);
        else element.setAttribute(attribute.name, fill(attribute.value));
      }
    }
  }
  return fragment;
}
