import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {state} from 'lit/decorators.js';
import {OdwDataElement, type DataTarget, type LoadOptions, type Loaded} from '../../core/data-element.js';
import {OdwSelectEvent} from '../../core/events.js';
import type {Lang} from '../../core/i18n.js';
import {DisplayController} from '../../core/display-controller.js';
import type {MapViewOptions} from './map-view-options.js';
import type {ChoroplethData, MapData, MapTarget, PointsData} from './map-types.js';
import {mapStyles} from './odw-map.styles.js';
import {actionsMenuStyles} from '../../core/actions-menu.styles.js';
import type {DatasetMeta} from '../../data/types.js';
import {loadMap, queryDependencies, resolvedMode, type MapEngine, type MapSettings} from './map-query.js';
import {MapViewSync, type ViewInput} from './map-view-sync.js';
import {mapNameOf} from './map-text.js';
import {themeColors, themePalette, themeToken, viewOptions} from './map-options.js';
import {choroplethLegend, exportLegend, pointsLegend} from './map-legends.js';
import {MapPopupController, areaDatum, markFilter} from './map-popup.js';
import {summaryText} from './map-summary.js';
import {tableContent, tableOf} from './map-table.js';
import {MapActions, tableCsv} from './map-actions.js';
import {
  MapHintController,
  credits,
  hintOverlay,
  partialText,
  resolveTiles,
  zoomControls,
} from './map-controls.js';
import {MapSearchController, findable, searchLabel} from './map-search.js';
import {OwnFilter} from '../../core/own-filter.js';
import {applyDefaults, propertiesOf, type AttributeValues} from '../../core/schema.js';
import {mapAttributes} from './odw-map.schema.js';
import {mapText, type MapMessageKey} from './odw-map.messages.js';
import {sentence} from '../../core/sentence.js';

export {PLAN_IGN, TILE_PRESETS} from './map-controls.js';

type MapView = InstanceType<MapEngine['MapView']>;

let mapCount = 0;

// The fields are typed from the attribute schema (src/core/schema.ts).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface OdwMap extends AttributeValues<typeof mapAttributes> {}

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
 * Keyboard: the map is one stop of the Tab order (arrows pan it), its areas or points one more.
 * On an area or point, the arrows go to the neighbour in that direction, Page Down and Page Up to
 * the next lower and higher value, Home and End to the highest and the lowest, Enter or Space
 * activate it (its popup, a dialog that takes the focus and gives it back on Escape; with
 * `filter-on-click` the filter, the focus staying on the area). « Trouver une commune » (part
 * `search`) lists the names holding what is typed and focuses the chosen one on the map.
 *
 * @summary A points or choropleth map of a dataset, with legend, data table and basemap.
 *
 *
 * @fires {OdwLoadEvent} odw-load - Data loaded (also after each refresh); `detail`: `{rows, total}`.
 * @fires {OdwErrorEvent} odw-error - Loading failed; `detail.error` is a typed error of the data layer.
 * @fires {OdwSelectEvent} odw-select - An area or point was activated; `detail.datum`: its row.
 *
 * @csspart base - The frame around everything.
 * @csspart title - The heading.
 * @csspart description - The text alternative, visually hidden.
 * @csspart body - The map, or the loading, empty and error states.
 * @csspart actions - « Voir les données » and the actions menu: CSV, PNG, SVG, full screen, dataset page.
 * @csspart zoom - The zoom buttons over the map: in, out, initial view.
 * @csspart map - The map itself (focusable; keyboard pan and zoom).
 * @csspart popup - The details of the activated area or point.
 * @csspart search - « Trouver une commune »: finds an area or point by its name.
 * @csspart notice - « 20 000 points sur 137 611 »: the map shows part of the records.
 * @csspart legend - The legend.
 * @csspart summary - The text summary, visually hidden (style it to show it).
 * @csspart table - The table of mapped values « Voir les données » shows.
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
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class OdwMap extends OdwDataElement<MapData> implements MapSettings {
  static override styles = [...OdwDataElement.styles, actionsMenuStyles, mapStyles];

  static override properties = propertiesOf(mapAttributes);

  @state() private tilesFailed = false;

  /** The map's drawing surface, kept across renders so the view survives reloads. */
  private readonly mapHost: HTMLDivElement = document.createElement('div');
  private readonly views = new MapViewSync(this.mapHost);
  private renderedData?: ChoroplethData | PointsData;
  /** The dataset's metadata of each loaded data: its page is one of the actions. */
  private readonly metas = new WeakMap<MapData, DatasetMeta>();
  private readonly fallbackId = `odw-map-${++mapCount}`;

  constructor() {
    super();
    applyDefaults(this, mapAttributes);
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
    return this.views.view;
  }

  /** Full screen, and redraws when the system colours change. */
  private readonly display = new DisplayController(this, () => this.recolour());

  private readonly ownFilter = new OwnFilter(this, () => this.filterKey);

  private readonly popupController = new MapPopupController(this, (id) => this.views.view?.focusMark(id));

  private readonly search = new MapSearchController(
    this,
    (item) => this.views.view?.focusMark(item.id) ?? false,
  );

  /** The hint over the map: Ctrl + wheel to zoom, two fingers to move. */
  private readonly hint = new MapHintController(this);

  /** « Voir les données » and the actions menu (map-actions.ts). */
  private readonly actions = new MapActions(
    this,
    {name: () => this.mapName(), csv: () => this.toCsv(), svg: () => this.toSvg(), png: () => this.toPng()},
    this.display,
  );

  protected override queryDependencies(): readonly unknown[] {
    return [...queryDependencies(this), this.filterOnClick];
  }

  protected override async load(target: DataTarget, options: LoadOptions): Promise<Loaded<MapData>> {
    // Filtering on an area keeps the other areas on the map (highlighting the chosen one) while the
    // other widgets of the source follow it.
    const where = this.ownFilter.whereWithoutOwn();
    const {data, result, engine} = await loadMap(
      this,
      {
        runQuery: (queried, query, load) => this.runQuery(queried, query, load),
        lang: this.currentLang,
        // Eight places even before the theme's colours can be read (a widget a dashboard has not
        // styled yet): the categories are kept, and take the theme's colours when drawn.
        palette: this.palette().length ? this.palette() : Array<string>(8).fill(this.fallbackColor()),
        defaultColor: this.fallbackColor(),
        root: this.getRootNode(),
      },
      {...target, where},
      options,
    );
    if (engine) this.views.engine = engine;
    this.metas.set(data, result.meta);
    return {data, result};
  }

  /** A new filter redraws the map in place: the focus stays on the area or point it was on. */
  protected override keepsDataWhileLoading(): boolean {
    return true;
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
        ${mapText(lang, `map.${data.problem}`, {value: data.value ?? ''})}
      </p>`;
    }
    this.renderedData = data;
    const label = mapText(lang, 'map.label');
    this.mapHost.setAttribute(
      'aria-label',
      this.title?.trim() ? `${sentence(this.title.trim())} ${label}` : label,
    );
    const legend = {
      lang,
      label: this.named('map.legend'),
      value: this.value,
      onlyMatched: this.onlyMatched,
      background: this.mapBackground(),
    };
    // In full screen the map takes the height of the screen: the view fits the data again.
    return html`<div class="map-widget ${this.display.fullscreen ? 'fullscreen' : ''}">
      ${this.actions.render(lang, this.metas.get(data))}
      ${
        data.mode === 'points' && data.readOnly !== undefined
          ? html`<p class="partial" part="notice">${partialText(data, lang)}</p>`
          : nothing
      }
      ${this.renderSearch(data, lang)}
      <div class="frame" @keydown=${this.popupController.onKeyDown}>
        ${zoomControls(lang, this.named('map.zoom'), {
          zoomBy: (factor) => this.views.view?.zoomBy(factor),
          reset: () => this.views.view?.reset(),
        })}
        ${this.mapHost}
        <p id="marks-keys" class="visually-hidden">${mapText(lang, 'map.marks-keys')}</p>
        ${hintOverlay(lang, this.hint.current)}
        ${this.popupController.render({
          lang,
          data,
          fields: this.popup,
          value: this.value,
          template: this.popupTemplateElement(),
          controller: this.popupController,
        })}
        ${credits(lang, {
          tiles: this.basemap(),
          shapesCredit: resolvedMode(this) === 'choropleth' ? this.shapesAttribution?.trim() : undefined,
          tilesFailed: this.tilesFailed,
        })}
      </div>
      ${
        data.mode === 'choropleth'
          ? choroplethLegend(data, legend)
          : pointsLegend(data, legend, this.named('map.size-legend'))
      }
      <p id="summary" class="visually-hidden" part="summary">
        ${summaryText(data, {
          lang,
          description: this.description,
          value: this.value,
          partial:
            data.mode === 'points' && data.readOnly !== undefined ? partialText(data, lang) : undefined,
        })}
      </p>
      ${this.actions.renderTable(lang, () => tableContent(this.table(data, lang), data.mode === 'points', lang))}
    </div>`;
  }

  /** « Trouver une commune », with more than one area or named point to look through. */
  private renderSearch(data: ChoroplethData | PointsData, lang: Lang): unknown {
    const items = findable(data);
    if (items.length < 2) return nothing;
    const label = searchLabel(data, this.key, lang);
    return this.search.render(items, lang, label, this.named(label, true));
  }

  /** `key`'s words (or `key` itself, `literal`) followed by which map: its title, or what it shows. */
  private named(key: MapMessageKey | string, literal = false): string {
    const name = literal ? key : mapText(this.currentLang, key as MapMessageKey);
    const map = this.mapName();
    return map ? mapText(this.currentLang, 'map.of-map', {name, map}) : name;
  }

  private mapName(): string {
    return mapNameOf(this.title, this.renderedData, this.value, this.currentLang);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.views.sync(() => this.viewInput())) this.popupController.close(false);
    // A new theme restyles the widget at once: the marks take its colours, without a reload.
    if (changed.has('theme')) this.recolour();
  }

  /** Repaints the map in the theme's colours (map-view-sync.ts). */
  private recolour(): void {
    const input = this.viewInput();
    if (input) this.views.recolour(input);
  }

  /** What the view draws now, and in which colours. */
  private viewInput(): ViewInput | undefined {
    const data = this.renderedData;
    if (!data) return undefined;
    const settings = [resolvedMode(this), this.shapes, this.center, this.zoom, this.tiles, this.renderer];
    return {
      data,
      options: this.viewOptions(),
      key: JSON.stringify([...settings, this.noCluster]),
      lang: this.currentLang,
      palette: this.palette(),
      fallbackColor: this.fallbackColor(),
    };
  }

  private viewOptions(): MapViewOptions {
    const data = this.renderedData;
    return viewOptions(
      {
        lang: this.currentLang,
        data,
        size: this.size,
        center: this.center,
        zoom: this.zoom,
        noCluster: this.noCluster,
        renderer: this.renderer,
        tiles: this.basemap()?.url,
        selectedKey: this.selectedKey(),
        onlyMatched: this.onlyMatched,
        marksLabel: this.named(data?.mode === 'choropleth' ? 'map.areas' : 'map.points'),
        colors: themeColors((name) => this.cssToken(name), this.mapBackground()),
      },
      {
        onActivate: (target, at, markId) => this.activate(target, at, markId),
        onViewChange: () => this.popupController.close(false),
        onTileError: () => (this.tilesFailed = true),
        onWheelWithoutCtrl: () => this.hint.show('wheel'),
        onOneFingerDrag: () => this.hint.show('touch'),
      },
    );
  }

  /** The colour behind the areas, as computed (`rgb()`), when the map has no basemap. */
  private mapBackground(): string | undefined {
    if (this.basemap()) return undefined;
    const color = this.mapHost.isConnected ? getComputedStyle(this.mapHost).backgroundColor : '';
    return color || this.cssToken('surface') || undefined;
  }

  private selectedKey(): string | undefined {
    const filter = this.ownFilter.current;
    return filter?.type === 'compare' ? String(filter.value.value) : undefined;
  }

  private basemap() {
    return resolveTiles(this.tiles, this.attribution, resolvedMode(this) === 'points');
  }

  /**
   * An area or point activated: `odw-select`, then with `filter-on-click` the filter (the focus
   * staying on the mark), else the popup, which takes the focus.
   */
  private activate(target: MapTarget, at: [number, number], markId: string): void {
    const datum = target.kind === 'area' ? areaDatum(target.area, this.key) : target.point.row;
    this.dispatchEvent(new OdwSelectEvent({datum}));
    if (!this.filterOnClick || !this.sourceElement || !this.key?.trim()) {
      this.popupController.show({target, at, markId});
      return;
    }
    const filter = markFilter(target, this.key.trim());
    if (filter) this.ownFilter.toggle(filter);
  }

  private palette(): string[] {
    return themePalette(this);
  }

  private fallbackColor(): string {
    return this.cssToken('palette-1') || '#0072b2';
  }

  private cssToken(name: string): string {
    return themeToken(this, name);
  }

  private popupTemplateElement(): HTMLTemplateElement | undefined {
    const template = this.querySelector(':scope > template');
    return template instanceof HTMLTemplateElement ? template : undefined;
  }

  private table(data: ChoroplethData | PointsData, lang: Lang) {
    return tableOf(data, {lang, value: this.value, popup: this.popup});
  }

  /** The mapped values as CSV text (comma-separated, RFC 4180). */
  toCsv(): string {
    const data = this.renderedData;
    return data ? tableCsv(this.table(data, this.currentLang)) : '';
  }

  /** The map as an SVG document, its legend included. */
  toSvg(): string {
    return this.views.view?.toSvg(this.legendForExport()) ?? '';
  }

  /** The map as a PNG image, its legend included. */
  async toPng(): Promise<Blob | undefined> {
    return this.views.view?.toPng(this.legendForExport());
  }

  private legendForExport(): SVGElement | undefined {
    const data = this.renderedData;
    return data ? exportLegend(data, this.currentLang) : undefined;
  }
}
