import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {QueryResult, Row} from '../../data/types.js';
import {OdwDataElement, type DataTarget, type LoadOptions, type Loaded} from '../../core/data-element.js';
import {OdwSelectEvent} from '../../core/events.js';
import type {Lang} from '../../core/i18n.js';
import {
  ChartConfigError,
  buildChartData,
  csvOf,
  planChart,
  type ChartData,
  type ChartPoint,
} from './chart-model.js';
import type {ChartView} from './vega-engine.js';
import {vegaLiteSpec, checkSpec, mergeSpec} from './chart-vega-lite.js';
import {OdwChartDrawnEvent} from './chart-events.js';
import {chartStyles} from './odw-chart.styles.js';
import {actionsMenuStyles} from '../../core/actions-menu.styles.js';
import {DisplayController} from '../../core/display-controller.js';
import {fileNameOf, saveFile} from '../../core/export.js';
import {visiblePoints, type ChartTheme, type LayoutInput, type Scene} from './chart-scene.js';
import {layoutCartesian} from './chart-layout.js';
import {layoutRound} from './chart-round.js';
import {drawScene, type DrawOptions} from './chart-draw.js';
import {canvasMeasure, forgetWidths} from './chart-text.js';
import {nextPoint} from './chart-keys.js';
import {pngFile, svgFile} from './chart-export.js';
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
import {categoryFilter, loadChart} from './chart-query.js';

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

  @state() private activeIndex = -1;
  /** The width of the drawing, from the container (ResizeObserver). */
  @state() private plotWidth = 0;
  /** Series (or slices) hidden from the legend. */
  @state() private hiddenSeries: ReadonlySet<string> = new Set();

  private readonly uid = `odw-chart-${++chartCount}`;
  private shownData?: ChartData;
  private scene?: Scene;
  private sceneKey = '';
  private drawnScene?: Scene;
  private drawTheme?: ChartTheme;
  private resizeObserver?: ResizeObserver;
  private observed?: Element;
  private tooltipDismissed = false;
  // A page's Vega-Lite specification, drawn by Vega.
  private drawnData?: ChartData;
  private drawnContainer?: HTMLElement;
  private drawnSize = '';
  private view?: ChartView;
  private drawing?: Promise<void>;
  private drawError?: unknown;
  private childSpecText?: string;

  /** The key of this chart's filter on its source. */
  private get filterKey(): string {
    return this.id || this.uid;
  }

  /** Full screen, and redraws when the system colours change. */
  private readonly display = new DisplayController(this, () => this.onColoursChange());

  /** « Voir les données » and the actions menu (chart-actions.ts). */
  private readonly actions = new ChartActions(
    this,
    {csv: () => this.downloadCsv(), png: () => this.downloadPng(), svg: () => this.downloadSvg()},
    this.display,
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this.readChildSpec();
    document.fonts?.addEventListener('loadingdone', this.onFontsLoaded);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.fonts?.removeEventListener('loadingdone', this.onFontsLoaded);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observed = undefined;
    this.view?.finalize();
    this.view = undefined;
    this.drawnData = undefined;
    this.drawnContainer = undefined;
  }

  protected override queryDependencies(): readonly unknown[] {
    return [
      this.type,
      this.x,
      this.y,
      this.series,
      this.stack,
      this.sort,
      this.limit,
      this.others,
      this.timeunit,
      this.color,
      this.unit,
      this.spec,
      this.childSpecText,
    ];
  }

  /** The `<script type="application/json">` child, read as text (never run). */
  private readChildSpec(): void {
    const script = this.querySelector(':scope > script[type="application/json"]');
    this.childSpecText = script?.textContent ?? undefined;
  }

  /** The specification merged into the generated one: the property wins over the child. */
  private userSpec(): object | undefined {
    if (this.spec) return this.spec;
    if (!this.childSpecText?.trim()) return undefined;
    try {
      return JSON.parse(this.childSpecText) as object;
    } catch (error) {
      throw new ChartConfigError('chart.error.spec-json', {message: (error as Error).message});
    }
  }

  protected override async load(target: DataTarget, options: LoadOptions): Promise<Loaded<ChartData>> {
    // Everything is checked before the first request.
    const plan = planChart(this);
    const spec = this.userSpec();
    if (spec) checkSpec(spec);
    const lang = this.currentLang;
    // A chart that filters its source on a click still shows every category.
    const scoped: DataTarget = {...target, where: this.ownFilter.whereWithoutOwn()};
    // With a page's specification, Vega loads while the request travels; drawSpec() reports an
    // engine that failed to load.
    if (spec) options = {...options, onSend: () => void loadEngine().catch(() => undefined)};
    const {result, othersRows} = await loadChart(plan, scoped, (queried, query) =>
      this.runQuery(queried, query, options),
    );
    const unit = this.unit?.trim() || undefined;
    const data = buildChartData(plan, result, {lang, unit, othersRows});
    this.answers.set(data, {result, othersRows, unit, lang});
    return {data, result};
  }

  /**
   * The answers behind each loaded chart, so that a change of language words the chart again
   * without querying again.
   */
  private readonly answers = new WeakMap<
    ChartData,
    {result: QueryResult; othersRows?: Row[]; unit?: string; lang: Lang}
  >();
  private reworded?: {from: ChartData; lang: Lang; data: ChartData};

  /** `data` in `lang`: as loaded, or built again from the same answers. */
  private inLanguage(data: ChartData, lang: Lang): ChartData {
    const answers = this.answers.get(data);
    if (!answers || answers.lang === lang) return data;
    if (this.reworded?.from !== data || this.reworded.lang !== lang) {
      const {result, othersRows, unit} = answers;
      this.reworded = {from: data, lang, data: buildChartData(data.plan, result, {lang, unit, othersRows})};
    }
    return this.reworded.data;
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
      ${this.actions.render(lang, this.answers.get(loaded)?.result.meta)}
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
                aria-label=${chartText(lang, 'chart.points')}
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

  /** The points a keyboard walks: drawn, of the series shown, a series after another. */
  private focusablePoints(): ChartPoint[] {
    const data = this.shownData;
    if (!data) return [];
    const drawn = this.scene ? new Set(this.scene.marks.map((mark) => mark.i)) : undefined;
    const points = visiblePoints(data, this.hiddenSeries).filter(
      (point) => point.v !== null && (!drawn || drawn.has(point.i)),
    );
    const order = [...new Set(points.map((point) => point.s))];
    return points.sort((a, b) => order.indexOf(a.s) - order.indexOf(b.s) || a.c - b.c);
  }

  /**
   * The Vega-Lite specification equivalent to what the chart draws, its data inlined
   * (chart-to-vega-lite.ts): to open it in the Vega editor or draw it elsewhere. Undefined before
   * the first data.
   */
  toVegaLite(): TopLevelSpec | undefined {
    const data = this.shownData;
    if (!data) return undefined;
    const theme = this.readTheme();
    const end = theme.sequential.end;
    const start = theme.sequential.start ?? colourRamp(theme.background, end)(0.25);
    return chartToVegaLite(
      data,
      {palette: theme.palette, sequential: [start, end], others: theme.muted},
      this.plotWidth > 0 ? {width: this.plotWidth, height: this.plotHeight} : undefined,
    );
  }

  /** The scene for the current data, size, theme and text size; computed again only when one changed. */
  private layout(data: ChartData, lang: Lang): Scene | undefined {
    if (this.plotWidth <= 0) return undefined;
    const theme = this.readTheme();
    const fontSize = chartFontSize();
    const height = this.plotHeight;
    const key = JSON.stringify([
      theme,
      fontSize,
      this.plotWidth,
      height,
      [...this.hiddenSeries],
      this.showLabels,
      lang,
    ]);
    if (this.scene && this.shownScene === data && key === this.sceneKey) return this.scene;
    this.drawTheme = theme;
    const input: LayoutInput = {
      data,
      points: visiblePoints(data, this.hiddenSeries),
      width: this.plotWidth,
      height,
      theme,
      measure: canvasMeasure(theme.font, fontSize),
      fontSize,
      lang,
      labels: this.showLabels,
      patternId: this.uid,
    };
    this.scene =
      data.plan.type === 'pie' || data.plan.type === 'donut' ? layoutRound(input) : layoutCartesian(input);
    this.sceneKey = key;
    this.shownScene = data;
    return this.scene;
  }

  private shownScene?: ChartData;

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
    this.readChildSpec();
    this.observeSize();
    if (this.hasSpec()) {
      void this.drawIfNeeded();
      return;
    }
    if (this.scene && this.scene !== this.drawnScene && this.renderRoot.querySelector('.chart-svg')) {
      this.drawnScene = this.scene;
      this.dispatchEvent(new OdwChartDrawnEvent());
    }
  }

  /** Follows the width of the drawing's container. */
  private observeSize(): void {
    const plot = this.renderRoot.querySelector('.plot');
    if (!plot) return;
    if (plot !== this.observed) {
      this.resizeObserver?.disconnect();
      // Read in the next frame: resizing inside the observer's callback would loop.
      this.resizeObserver ??= new ResizeObserver(() => requestAnimationFrame(() => this.readWidth()));
      this.resizeObserver.observe(plot);
      this.observed = plot;
    }
    this.readWidth();
  }

  private readWidth(): void {
    const plot = this.observed;
    if (!plot?.isConnected) return;
    const width = Math.floor(plot.clientWidth);
    if (width > 0 && width !== this.plotWidth) this.plotWidth = width;
  }

  private get plotHeight(): number {
    const height = Number(this.height);
    if (this.display.fullscreen) return Math.max(240, window.innerHeight - 200);
    return Number.isFinite(height) && height > 80 ? height : DEFAULT_HEIGHT;
  }
  /** A page's Vega-Lite specification: drawn by Vega when the data, the container or the size changed. */
  private async drawIfNeeded(): Promise<void> {
    const container = this.renderRoot.querySelector<HTMLElement>('.vega');
    const data = this.shownData;
    if (!container || !data || !container.isConnected || this.plotWidth <= 0) return;
    const size = `${this.plotWidth}x${this.plotHeight}`;
    if (this.drawing) {
      await this.drawing;
      return this.drawIfNeeded();
    }
    if (data === this.drawnData && container === this.drawnContainer && size === this.drawnSize) return;
    this.drawing = this.drawSpec(container, data, size).finally(() => (this.drawing = undefined));
    await this.drawing;
  }

  private async drawSpec(container: HTMLElement, data: ChartData, size: string): Promise<void> {
    const width = this.plotWidth;
    const height = this.plotHeight;
    try {
      const pageSpec = this.userSpec()!;
      if (this.view && data === this.drawnData && container === this.drawnContainer) {
        await this.view.resize(width, height);
      } else {
        const engine = await loadEngine();
        const lang = this.currentLang;
        const spec = await engine.compileVegaLite(mergeSpec(vegaLiteSpec(data, {width, height}), pageSpec));
        const updated =
          this.view && container === this.drawnContainer && (await this.view.update(spec, lang));
        if (!updated) {
          this.view?.finalize();
          this.view = await engine.draw(spec, {
            container,
            lang,
            tooltip: (event, text) => this.showPointerTip(text, event?.clientX ?? 0, event?.clientY ?? 0),
            click: (_event, datum) => {
              if (datum && typeof datum.i === 'number') this.choose(datum.i);
            },
          });
        }
      }
      this.labelSpecSvg(container, data);
      this.drawError = undefined;
    } catch (error) {
      this.drawError = error;
    }
    this.drawnData = data;
    this.drawnContainer = container;
    this.drawnSize = size;
    this.requestUpdate();
    this.dispatchEvent(new OdwChartDrawnEvent());
  }

  /** Vega's SVG is one image named by the summary. */
  private labelSpecSvg(container: HTMLElement, data: ChartData): void {
    for (const name of ['role', 'aria-roledescription', 'aria-label']) container.removeAttribute(name);
    const svgElement = container.querySelector('svg');
    if (!svgElement) return;
    svgElement.setAttribute('role', 'img');
    const description = this.description?.trim();
    const summary = describeChart(data, this.currentLang);
    svgElement.setAttribute('aria-label', description ? `${summary}. ${description}` : summary);
    svgElement.setAttribute('part', 'svg');
  }

  private readTheme(): ChartTheme {
    const style = getComputedStyle(this);
    const token = (name: string, fallback: string) =>
      style.getPropertyValue(`--_odw-${name}`).trim() || fallback;
    const forced = matchMedia('(forced-colors: active)').matches;
    const palette = [1, 2, 3, 4, 5, 6, 7, 8].map((index) => token(`palette-${index}`, '#0072b2'));
    const custom = (name: string) => style.getPropertyValue(`--odw-sequential-${name}`).trim() || undefined;
    return {
      palette,
      sequential: {start: custom('start'), end: custom('end') ?? palette[0]},
      text: forced ? 'CanvasText' : token('text-color', '#1f2328'),
      muted: forced ? 'CanvasText' : token('muted-color', '#59636e'),
      grid: forced ? 'GrayText' : token('border-color', '#d1d9e0'),
      background: forced ? 'Canvas' : token('background', '#ffffff'),
      font: token('font-family', 'sans-serif'),
      forced,
    };
  }

  /** Forced colours or the colour scheme changed: the same data, drawn again in the new colours. */
  private readonly onColoursChange = () => {
    this.drawnData = undefined;
    this.requestUpdate();
  };

  /** A web font arrived: labels are measured again in it. */
  private readonly onFontsLoaded = () => {
    forgetWidths();
    this.sceneKey = '';
    this.requestUpdate();
  };

  private get tooltip(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.tooltip');
  }

  private markAt(event: Event): number | undefined {
    const mark = (event.target as Element | null)?.closest?.('[data-i]');
    return mark ? Number(mark.getAttribute('data-i')) : undefined;
  }

  private readonly onMarkClick = (event: MouseEvent) => {
    const index = this.markAt(event);
    if (index !== undefined) this.choose(index);
  };

  private readonly onPointerMove = (event: PointerEvent) => {
    if (this.hasSpec()) return;
    const index = this.markAt(event);
    const point =
      index === undefined ? undefined : this.shownData?.points.find((candidate) => candidate.i === index);
    this.showPointerTip(point?.tip, event.clientX, event.clientY);
  };

  private readonly onPointerLeave = () => {
    if (!this.hasSpec()) this.showPointerTip(undefined, 0, 0);
  };

  /** The text of the mark under the pointer, above the pointer. */
  private showPointerTip(text: string | undefined, clientX: number, clientY: number): void {
    const tooltip = this.tooltip;
    const plot = this.renderRoot.querySelector<HTMLElement>('.plot');
    if (!tooltip || !plot) return;
    if (!text) {
      tooltip.hidden = true;
      return;
    }
    tooltip.textContent = text;
    tooltip.hidden = false;
    const box = plot.getBoundingClientRect();
    const left = Math.min(clientX - box.left + 12, Math.max(0, box.width - tooltip.offsetWidth));
    tooltip.style.left = `${Math.max(0, left)}px`;
    tooltip.style.top = `${Math.max(0, clientY - box.top - tooltip.offsetHeight - 8)}px`;
  }

  /** The focused mark's text beside it, above or else below, never over it. */
  private showFocusTip(point: ChartPoint | undefined): void {
    const tooltip = this.tooltip;
    if (!tooltip) return;
    const mark = point && this.scene?.marks.find((candidate) => candidate.i === point.i);
    if (!point || !mark || this.tooltipDismissed) {
      tooltip.hidden = true;
      return;
    }
    tooltip.textContent = point.tip;
    tooltip.hidden = false;
    const origin = this.scene!.origin ?? {x: 0, y: 0};
    const box = {...mark.box, x: mark.box.x + origin.x, y: mark.box.y + origin.y};
    const width = tooltip.offsetWidth;
    const height = tooltip.offsetHeight;
    const left = Math.min(
      Math.max(0, box.x + box.width / 2 - width / 2),
      Math.max(0, this.plotWidth - width),
    );
    const above = box.y - height - 8;
    const below = box.y + box.height + 8;
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${above >= 0 ? above : below}px`;
  }

  private readonly onPointsFocus = () => {
    const points = this.focusablePoints();
    this.tooltipDismissed = false;
    if (!points.some((point) => point.i === this.activeIndex)) this.setActive(points[0]?.i ?? -1);
    else this.showFocusTip(points.find((point) => point.i === this.activeIndex));
  };

  private readonly onPointsBlur = () => {
    this.showFocusTip(undefined);
    // The ring goes with the focus.
    this.activeIndex = -1;
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    const points = this.focusablePoints();
    if (!points.length) return;
    if (event.key === 'Escape') {
      this.tooltipDismissed = true;
      this.showFocusTip(undefined);
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (this.activeIndex >= 0) this.choose(this.activeIndex);
      return;
    }
    const next = nextPoint(points, this.activeIndex, event.key);
    if (next === undefined) return;
    event.preventDefault();
    this.tooltipDismissed = false;
    this.setActive(next);
  };

  private setActive(index: number): void {
    this.activeIndex = index;
    void this.updateComplete.then(() =>
      this.showFocusTip(this.focusablePoints().find((point) => point.i === this.activeIndex)),
    );
  }

  /** The category this chart filters its source on, if any. */
  private selectedCategory(data: ChartData): number | undefined {
    const own = this.ownFilter.current;
    if (!own) return undefined;
    const index = data.categories.findIndex(
      (category) =>
        JSON.stringify(categoryFilter(data.plan, category.value, category.time)) === JSON.stringify(own),
    );
    return index >= 0 ? index : undefined;
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
    const source = this.sourceElement;
    if (!this.filterOnClick || !source || category.others || category.gap || data.plan.records) return;
    const filter = categoryFilter(data.plan, category.value, category.time);
    if (!filter) return;
    this.ownFilter.toggle(filter);
    this.activeIndex = index;
  }

  private downloadCsv(): void {
    if (!this.shownData) return;
    // A BOM so that spreadsheet programs read the accents.
    saveFile(
      new Blob(['\ufeff', csvOf(this.shownData)], {type: 'text/csv;charset=utf-8'}),
      `${this.fileName()}.csv`,
    );
  }

  /** The drawing as a standalone SVG, as text; undefined before it is drawn. */
  private async svgText(): Promise<string | undefined> {
    if (this.view) return this.view.toSVG();
    const drawing = this.renderRoot.querySelector<SVGSVGElement>('.chart-svg');
    if (!drawing || !this.drawTheme) return undefined;
    return svgFile(drawing, {
      fontFamily: this.drawTheme.font,
      fontSize: chartFontSize(),
      background: this.drawTheme.background,
    });
  }

  private async downloadSvg(): Promise<void> {
    const text = await this.svgText();
    if (text) saveFile(new Blob([text], {type: 'image/svg+xml'}), `${this.fileName()}.svg`);
  }

  private async downloadPng(): Promise<void> {
    let blob: Blob | null = null;
    if (this.view) {
      const canvas = await this.view.toCanvas(2);
      blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    } else {
      const text = await this.svgText();
      if (text) blob = await pngFile(text, this.plotWidth, this.plotHeight, 2);
    }
    if (blob) saveFile(blob, `${this.fileName()}.png`);
  }

  private fileName(): string {
    return fileNameOf(this.title?.trim() || this.x, 'graphique');
  }
}

let enginePromise: Promise<typeof import('./vega-engine.js')> | undefined;

/** Vega, for a page's specification, downloaded once; a failed download is tried again next time. */
function loadEngine(): Promise<typeof import('./vega-engine.js')> {
  enginePromise ??= import('./vega-engine.js').catch((error: unknown) => {
    enginePromise = undefined;
    throw error;
  });
  return enginePromise;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Size of the chart's text in pixels: 0.75rem, so that it follows the reader's text size. */
function chartFontSize(): number {
  return 0.75 * (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);
}
