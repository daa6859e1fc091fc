import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {Row} from '../../data/types.js';
import {OdwDataElement, type DataTarget, type LoadOptions, type Loaded} from '../../core/data-element.js';
import {OdwSelectEvent} from '../../core/events.js';
import type {Lang} from '../../core/i18n.js';
import type {ChartData, ChartPoint} from './chart-model.js';
import {planChart} from './chart-plan.js';
import {csvOf} from './chart-rows.js';
import {checkSpec} from './chart-vega-lite.js';
import {OdwChartDrawnEvent} from './chart-events.js';
import {chartStyles} from './odw-chart.styles.js';
import {actionsMenuStyles} from '../../core/actions-menu.styles.js';
import {DisplayController} from '../../core/display-controller.js';
import {fileNameOf, saveFile} from '../../core/export.js';
import type {ChartTheme, Scene} from './chart-scene.js';
import {drawScene, type DrawOptions} from './chart-draw.js';
import {forgetWidths, prepareFont} from './chart-text.js';
import {chartPng, chartSvg, type ChartDrawing} from './chart-export.js';
import {renderTable} from './chart-table.js';
import {ChartActions} from './chart-actions.js';
import {renderLegend} from './chart-legend.js';
import {applyDefaults, propertiesOf, type AttributeValues} from '../../core/schema.js';
import {chartAttributes} from './odw-chart.schema.js';
import {chartText} from './odw-chart.messages.js';
import {OwnFilter} from '../../core/own-filter.js';
import {describeChart} from './chart-summary.js';
import type {TopLevelSpec} from 'vega-lite';
import {chartToVegaLite} from './chart-to-vega-lite.js';
import {colourRamp} from './chart-scale.js';
import {categoryFilter, loadChart, selectedCategory} from './chart-query.js';
import {ChartSizeController} from './chart-size.js';
import {ChartSpecDrawing, loadEngine} from './chart-spec.js';
import {MarkFocus, walkOrder} from './chart-focus.js';
import {MarkPointer, showPointerTip} from './chart-tooltip.js';
import {chartFontSize, readChartTheme} from './chart-theme.js';
import {ChartAnswers} from './chart-answers.js';
import {ChartScenes} from './chart-scenes.js';

/** Default height of the drawing, axes and legend included, in CSS pixels. */
const DEFAULT_HEIGHT = 320;

let chartCount = 0;

// The fields are typed from the attribute schema (src/core/schema.ts).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface OdwChart extends AttributeValues<typeof chartAttributes> {}

/**
 * A chart of a dataset, computed by the portal (`group_by` on the server) and drawn by the library
 * as SVG (d3-array's scales, d3-shape, Lit `svg` templates): columns, bars, lines, areas, pie, donut or
 * scatter, with a text summary, a data table, focusable points, downloads and an optional filter on
 * click. Labels are laid out from their measured widths: horizontal when they fit, else on two
 * lines, else turned, else thinned or cut with « … » (the whole text in a tooltip and the table).
 * Text is sized in rem, so it follows the reader's text size. A `.spec` is drawn by Vega-Lite and
 * Vega, loaded only then.
 *
 * Colours: several series (several `y`, or `series`) and the slices of a pie or donut take the
 * categorical palette `--odw-palette-1…8` (colour-blind safe by default) with a legend. One series
 * is drawn in one colour, `--odw-palette-1`: its values are already told by the length or position
 * of the marks. `color="value"` shades that one series with a sequential scheme instead, light for
 * the lowest value to dark for the highest (`--odw-sequential-start`, `--odw-sequential-end`;
 * default: a light tint of `--odw-palette-1` to `--odw-palette-1`); light marks get a thin outline
 * of the darkest shade. No legend then: the value axis reads the same values. « Autres » is drawn in a
 * neutral grey. Under `forced-colors` the series are told apart by patterns, dashes and symbol
 * shapes in system colours, and the chart redraws when the system setting or the colour scheme
 * changes. Nothing in the chart moves, and the loading placeholder stops pulsing under
 * `prefers-reduced-motion`.
 *
 * Keyboard: the marks are one Tab stop; ←/→ move along a series, ↑/↓ to the series above or below,
 * Home/End to its ends, Enter chooses, Escape closes the tooltip. The legend is a list of buttons
 * that hide and show each series (or slice).
 *
 * `filter-on-click` filters the source on the category (`commune = "Orléans"`), or on a time axis on
 * the period (`date >= date'2019-03-01' and date < date'2019-04-01'`, with hours for
 * `timeunit="hour"`). The « Autres » group and empty periods set no filter; `odw-select` still fires
 * with their datum (`label` « Autres », `value` their total, the `x` value `null`).
 *
 * @summary A chart (column, bar, line, area, pie, donut, scatter) of a dataset's aggregates.
 *
 *
 * @fires {OdwSelectEvent} odw-select - A mark was clicked or chosen with Enter; `detail.datum`.
 * @fires {OdwLoadEvent} odw-load - Data loaded (also after each refresh); `detail`: `{rows, total}`.
 * @fires {OdwErrorEvent} odw-error - Loading failed; `detail.error`.
 * @fires {OdwChartDrawnEvent} odw-chart-drawn - The chart is drawn (or its drawing error shown), after each change.
 *
 * @csspart base - The frame around everything.
 * @csspart title - The heading.
 * @csspart body - The chart, or the loading, empty and error states.
 * @csspart actions - « Voir les données » and the actions menu: CSV, PNG, SVG, full screen, dataset page.
 * @csspart chart - The drawing.
 * @csspart svg - The drawing's SVG (its `role="img"` and text summary included).
 * @csspart legend - The legend: a list of buttons that hide and show the series.
 * @csspart tooltip - The tooltip.
 * @csspart table - The data table.
 * @csspart status - The empty, error and stale messages.
 * @csspart footer - The attribution.
 *
 * @cssprop --odw-palette-1 - Series colours `--odw-palette-1` … `--odw-palette-8`; the one series' colour.
 * @cssprop --odw-sequential-start - With `color="value"`, the colour of the lowest value.
 * @cssprop --odw-sequential-end - With `color="value"`, the colour of the highest value.
 * @cssprop --odw-focus-color - Outline of the marks' list when it has the keyboard focus (the focused mark
 *   itself is ringed in the text and background colours, which always contrast).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class OdwChart extends OdwDataElement<ChartData> {
  static override styles = [...OdwDataElement.styles, actionsMenuStyles, chartStyles];

  static override properties = propertiesOf(chartAttributes);

  private readonly ownFilter = new OwnFilter(this, () => this.filterKey);

  constructor() {
    super();
    applyDefaults(this, chartAttributes);
  }

  /** A Vega-Lite specification merged into the generated one (what the attributes cannot say). */
  @property({attribute: false}) spec?: object;

  /** Series (or slices) hidden from the legend. */
  @state() private hiddenSeries: ReadonlySet<string> = new Set();

  private readonly uid = `odw-chart-${++chartCount}`;
  private shownData?: ChartData;
  private drawnScene?: Scene;
  private readonly answers = new ChartAnswers();
  private readonly scenes = new ChartScenes();

  /** The width of the drawing, read before the first drawing and followed after. */
  private readonly size = new ChartSizeController(this);

  /** Full screen, and redraws when the system colours change. */
  private readonly display = new DisplayController(this, () => this.onColoursChange());

  /** A page's Vega-Lite specification, drawn by Vega. */
  private readonly specDrawing = new ChartSpecDrawing(this, {
    lang: () => this.currentLang,
    size: () => ({width: this.size.width, height: this.plotHeight}),
    tooltip: (text, x, y) => this.showPointerTip(text, x, y),
    choose: (index) => this.choose(index),
  });

  /** The marks' keyboard walk and the focused mark's tooltip. */
  private readonly markFocus = new MarkFocus(this, {
    points: () => this.focusablePoints(),
    scene: () => this.scenes.scene,
    plotWidth: () => this.size.width,
    tooltip: () => this.renderRoot.querySelector<HTMLElement>('.tooltip'),
    choose: (index) => this.choose(index),
  });

  /** The tooltip of the mark under the pointer; a click chooses it. */
  private readonly pointer = new MarkPointer({
    points: () => (this.hasSpec() ? undefined : (this.shownData?.points ?? [])),
    show: (text, x, y) => this.showPointerTip(text, x, y),
    choose: (index) => this.choose(index),
  });

  private readonly onKeydown = this.markFocus.onKeydown;
  private readonly onPointsFocus = this.markFocus.onFocus;
  private readonly onPointsBlur = this.markFocus.onBlur;
  private readonly onMarkClick = this.pointer.onClick;
  private readonly onPointerMove = this.pointer.onMove;
  private readonly onPointerLeave = this.pointer.onLeave;

  /** The key of this chart's filter on its source. */
  private get filterKey(): string {
    return this.id || this.uid;
  }

  private get activeIndex(): number {
    return this.markFocus.active;
  }

  private get childSpecText(): string | undefined {
    return this.specDrawing.childText;
  }

  private get drawError(): unknown {
    return this.specDrawing.error;
  }

  private get drawTheme(): ChartTheme | undefined {
    return this.scenes.theme;
  }

  /** « Voir les données » and the actions menu (chart-actions.ts). */
  private readonly actions = new ChartActions(
    this,
    {csv: () => this.downloadCsv(), png: () => this.downloadPng(), svg: () => this.downloadSvg()},
    this.display,
  );

  override connectedCallback(): void {
    super.connectedCallback();
    document.fonts?.addEventListener('loadingdone', this.onFontsLoaded);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.fonts?.removeEventListener('loadingdone', this.onFontsLoaded);
  }

  protected override queryDependencies(): readonly unknown[] {
    const {type, x, y, series, stack, sort, limit, others, timeunit, color, unit, spec} = this;
    return [type, x, y, series, stack, sort, limit, others, timeunit, color, unit, spec, this.childSpecText];
  }

  protected override async load(target: DataTarget, options: LoadOptions): Promise<Loaded<ChartData>> {
    // Everything is checked before the first request.
    const plan = planChart(this);
    const spec = this.specDrawing.userSpec();
    if (spec) checkSpec(spec);
    const lang = this.currentLang;
    // A chart that filters its source on a click still shows every category.
    const scoped: DataTarget = {...target, where: this.ownFilter.whereWithoutOwn()};
    // While the request travels: Vega loads for a page's specification (the drawing reports an engine
    // that failed to load), else the font is set up for measuring, after the other widgets' requests.
    const whileSent = spec
      ? () => void loadEngine().catch(() => undefined)
      : () => setTimeout(() => prepareFont(readChartTheme(this).font, chartFontSize()));
    options = {...options, onSend: whileSent};
    const {result, othersRows} = await loadChart(plan, scoped, (queried, query) =>
      this.runQuery(queried, query, options),
    );
    const unit = this.unit?.trim() || undefined;
    return {data: this.answers.build(plan, result, {lang, unit, othersRows}), result};
  }

  /** `data` in `lang`: as loaded, or built again from the same answers (no new query). */
  private inLanguage(data: ChartData, lang: Lang): ChartData {
    return this.answers.inLanguage(data, lang);
  }

  /** A new filter redraws the chart in place: the one drawn stays, marked busy, meanwhile. */
  protected override keepsDataWhileLoading(): boolean {
    return true;
  }

  protected override isEmpty(data: ChartData): boolean {
    return !data.points.some((point) => point.v !== null);
  }

  protected override renderData(loaded: ChartData, lang: Lang): TemplateResult {
    const data = this.inLanguage(loaded, lang);
    this.shownData = data;
    const summary = describeChart(data, lang);
    const label = this.description?.trim() ? `${summary}. ${this.description.trim()}` : summary;
    const byVega = this.hasSpec();
    const scene = byVega ? undefined : this.layout(data, lang);
    const points = byVega ? [] : this.focusablePoints();
    const active = points.find((point) => point.i === this.activeIndex);
    const selected = this.selectedCategory(data);
    return html`<figure class="chart" aria-labelledby="summary">
      ${this.actions.render(lang, this.answers.metaOf(loaded))}
      <div class="plot" part="chart">
        ${
          byVega
            ? html`<div class="vega"></div>`
            : html`<div
                class="vega drawing"
                @click=${this.onMarkClick}
                @pointermove=${this.onPointerMove}
                @pointerleave=${this.onPointerLeave}
              >
                ${scene && this.drawTheme ? drawScene(scene, this.drawOptions(label, this.drawTheme)) : nothing}
              </div>`
        }
        ${
          byVega
            ? nothing
            : html`<div
                class="points"
                role="listbox"
                tabindex="0"
                aria-label=${
                  this.title?.trim()
                    ? chartText(lang, 'chart.points-named', {name: this.title.trim()})
                    : chartText(lang, 'chart.points')
                }
                aria-activedescendant=${active ? `point-${active.i}` : nothing}
                @keydown=${this.onKeydown}
                @focus=${this.onPointsFocus}
                @blur=${this.onPointsBlur}
              >
                ${points.map(
                  (point) =>
                    html`<div
                      role="option"
                      id="point-${point.i}"
                      aria-selected=${selected !== undefined && point.c === selected ? 'true' : 'false'}
                    >
                      ${point.tip}
                    </div>`,
                )}
              </div>`
        }
        <div class="tooltip" part="tooltip" aria-hidden="true" hidden></div>
      </div>
      ${
        byVega || !this.drawTheme
          ? nothing
          : renderLegend(data, this.drawTheme, {
              lang,
              patternId: this.uid,
              hidden: this.hiddenSeries,
              toggle: (name, names) => this.toggleSeries(name, names),
            })
      }
      <figcaption id="summary" class="visually-hidden">${label}</figcaption>
      ${
        this.drawError
          ? html`<p class="status error" part="status" role="alert">
              ${chartText(lang, 'chart.error.render', {message: errorText(this.drawError)})}
            </p>`
          : nothing
      }
      ${this.actions.renderTable(lang, () => renderTable(data, summary, lang))}
    </figure>`;
  }

  private hasSpec(): boolean {
    return Boolean(this.spec || this.childSpecText?.trim());
  }

  private get round(): boolean {
    return this.type === 'pie' || this.type === 'donut';
  }

  /** Values written on the marks: `labels="off"` hides them, `labels` shows them; on for pie and donut. */
  private get showLabels(): boolean {
    const value = this.labels?.trim().toLowerCase();
    if (value === undefined) return this.round;
    return value !== 'off' && value !== 'false';
  }

  private toggleSeries(name: string, names: string[]): void {
    const hidden = new Set(this.hiddenSeries);
    if (hidden.has(name)) hidden.delete(name);
    // The last one shown stays: a chart of nothing tells nothing.
    else if (names.filter((other) => !hidden.has(other)).length > 1) hidden.add(name);
    this.hiddenSeries = hidden;
  }

  private walk?: {data: ChartData; hidden: ReadonlySet<string>; scene?: Scene; points: ChartPoint[]};

  /** The points a keyboard walks, computed again only when the data, the series shown or the drawing changed. */
  private focusablePoints(): ChartPoint[] {
    const data = this.shownData;
    if (!data) return [];
    const {hiddenSeries: hidden} = this;
    const scene = this.scenes.scene;
    const walk = this.walk;
    if (walk?.data === data && walk.hidden === hidden && walk.scene === scene) return walk.points;
    this.walk = {data, hidden, scene, points: walkOrder(data, hidden, scene)};
    return this.walk.points;
  }

  /**
   * The Vega-Lite specification equivalent to what the chart draws, its data inlined
   * (chart-to-vega-lite.ts): to open it in the Vega editor or draw it elsewhere. Undefined before
   * the first data.
   */
  toVegaLite(): TopLevelSpec | undefined {
    const data = this.shownData;
    if (!data) return undefined;
    const theme = readChartTheme(this);
    const end = theme.sequential.end;
    const start = theme.sequential.start ?? colourRamp(theme.background, end)(0.25);
    return chartToVegaLite(
      data,
      {palette: theme.palette, sequential: [start, end], others: theme.muted},
      this.size.width > 0 ? {width: this.size.width, height: this.drawnHeight} : undefined,
    );
  }

  /** The scene for the current data, size, theme and text size; laid out again only when one changed. */
  private layout(data: ChartData, lang: Lang): Scene | undefined {
    return this.scenes.sceneFor(this, {
      data,
      lang,
      width: this.size.width,
      height: this.plotHeight,
      grow: this.type === 'bar' && !this.display.fullscreen && !this.authorHeight,
      hidden: this.hiddenSeries,
      labels: this.showLabels,
      patternId: this.uid,
    });
  }

  private drawOptions(label: string, theme: ChartTheme): DrawOptions {
    return {
      active: this.activeIndex,
      label,
      patternId: this.uid,
      ring: theme.forced ? ['Highlight', 'Canvas'] : [theme.text, theme.background],
      grid: theme.grid,
      muted: theme.muted,
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.specDrawing.readChild();
    if (this.hasSpec()) {
      void this.specDrawing.drawIfNeeded(this.shownData);
      return;
    }
    const scene = this.scenes.scene;
    if (scene && scene !== this.drawnScene && this.renderRoot.querySelector('.chart-svg')) {
      this.drawnScene = scene;
      this.dispatchEvent(new OdwChartDrawnEvent());
    }
  }

  /** The `height` the page set, if a usable one. */
  private get authorHeight(): number | undefined {
    const height = Number(this.height);
    return Number.isFinite(height) && height > 80 ? height : undefined;
  }

  private get plotHeight(): number {
    if (this.display.fullscreen) return Math.max(240, window.innerHeight - 200);
    return this.authorHeight ?? DEFAULT_HEIGHT;
  }

  /** The drawing's height: a bar chart of many categories grows taller than `plotHeight`. */
  private get drawnHeight(): number {
    return this.scenes.scene?.height ?? this.plotHeight;
  }

  /** Forced colours or the colour scheme changed: the same data, drawn again in the new colours. */
  private readonly onColoursChange = () => {
    this.specDrawing.forget();
    this.requestUpdate();
  };

  /** A web font arrived: labels are measured again in it. */
  private readonly onFontsLoaded = () => {
    forgetWidths();
    this.scenes.forget();
    this.requestUpdate();
  };

  /** The text of the mark under the pointer, above the pointer. */
  private showPointerTip(text: string | undefined, clientX: number, clientY: number): void {
    const tooltip = this.renderRoot.querySelector<HTMLElement>('.tooltip');
    const plot = this.renderRoot.querySelector<HTMLElement>('.plot');
    if (tooltip && plot) showPointerTip(tooltip, plot, text, clientX, clientY);
  }

  /** The category this chart filters its source on, if any. */
  private selectedCategory(data: ChartData): number | undefined {
    return selectedCategory(data, this.ownFilter.current);
  }

  /** A mark clicked or chosen with Enter: `odw-select`, and with `filter-on-click` the source's filter. */
  private choose(index: number): void {
    const data = this.shownData;
    const point = data?.points.find((candidate) => candidate.i === index);
    if (!data || !point) return;
    const category = data.categories[point.c];
    const datum: Row = {
      [data.plan.x]: category.value,
      label: category.label,
      series: point.s,
      value: point.v,
    };
    this.dispatchEvent(new OdwSelectEvent({datum}));
    if (!this.filterOnClick || !this.sourceElement || category.others || category.gap || data.plan.records)
      return;
    const filter = categoryFilter(data.plan, category.value, category.time);
    if (!filter) return;
    this.ownFilter.toggle(filter);
    this.markFocus.active = index;
  }

  private downloadCsv(): void {
    if (!this.shownData) return;
    // A BOM so that spreadsheet programs read the accents.
    saveFile(
      new Blob(['\ufeff', csvOf(this.shownData)], {type: 'text/csv;charset=utf-8'}),
      `${this.fileName()}.csv`,
    );
  }

  private async downloadSvg(): Promise<void> {
    const text = await chartSvg(this.drawing());
    if (text) saveFile(new Blob([text], {type: 'image/svg+xml'}), `${this.fileName()}.svg`);
  }

  private async downloadPng(): Promise<void> {
    const blob = await chartPng(this.drawing());
    if (blob) saveFile(blob, `${this.fileName()}.png`);
  }

  /** What the downloads are made from. */
  private drawing(): ChartDrawing {
    return {
      view: this.specDrawing.vegaView,
      svg: this.renderRoot.querySelector<SVGSVGElement>('.chart-svg'),
      theme: this.drawTheme,
      fontSize: chartFontSize(),
      width: this.size.width,
      height: this.drawnHeight,
    };
  }

  private fileName(): string {
    return fileNameOf(this.title?.trim() || this.x, 'graphique');
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
