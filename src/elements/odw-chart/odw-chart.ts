import type {PropertyValues, TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {OdwDataElement, type DataTarget, type LoadOptions, type Loaded} from '../../core/data-element.js';
import {OdwSelectEvent} from '../../core/events.js';
import type {Lang} from '../../core/i18n.js';
import type {ChartData} from './chart-model.js';
import {drawsShapes, planChart} from './chart-plan.js';
import {OdwChartDrawnEvent} from './chart-events.js';
import {chartStyles} from './odw-chart.styles.js';
import {actionsMenuStyles} from '../../core/actions-menu.styles.js';
import {DisplayController} from '../../core/display-controller.js';
import {fileNameOf} from '../../core/export.js';
import type {ChartTheme, Scene} from './chart-scene.js';
import type {DrawOptions} from './chart-draw.js';
import {forgetWidths, prepareFont} from './chart-text.js';
import {ChartFiles, type ChartDrawing} from './chart-export.js';
import {renderTable} from './chart-table.js';
import {ChartActions} from './chart-actions.js';
import {applyDefaults, propertiesOf, type AttributeValues} from '../../core/schema.js';
import {chartAttributes} from './odw-chart.schema.js';
import {OwnFilter} from '../../core/own-filter.js';
import {describeChart} from './chart-summary.js';
import type {TopLevelSpec} from 'vega-lite';
import {chartToVegaLite} from './chart-to-vega-lite.js';
import {categoryFilter, loadChart, selectedCategory, selectedDatum} from './chart-query.js';
import {ChartSizeController, authorHeight, plotHeight} from './chart-size.js';
import {ChartSpec, checkSpec} from './chart-spec.js';
import {MarkFocus} from './chart-focus.js';
import {MarkPointer, showPointerTip} from './chart-tooltip.js';
import {chartFontSize, readChartTheme, vegaLiteTheme} from './chart-theme.js';
import {ChartAnswers} from './chart-answers.js';
import {ChartScenes} from './chart-scenes.js';
import {loadShapeLayouts} from './chart-shape-loader.js';
import {renderChart} from './chart-view.js';
import {sentence} from '../../core/sentence.js';

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
  private readonly pageSpec = new ChartSpec(this, {
    lang: () => this.currentLang,
    size: () => ({width: this.size.width, height: this.plotHeight}),
    tooltip: (text, x, y) => this.showPointerTip(text, x, y),
    choose: (index) => this.choose(index),
  });

  /** The marks' keyboard walk and the focused mark's tooltip. */
  private readonly markFocus = new MarkFocus(this, {
    data: () => (this.pageSpec.active ? undefined : this.shownData),
    hidden: () => this.hiddenSeries,
    scene: () => this.scenes.scene,
    plotWidth: () => this.size.width,
    tooltip: () => this.renderRoot.querySelector<HTMLElement>('.tooltip'),
    choose: (index) => this.choose(index),
  });

  /** The tooltip of the mark under the pointer; a click chooses it. */
  private readonly pointer = new MarkPointer({
    points: () => (this.pageSpec.active ? undefined : (this.shownData?.points ?? [])),
    show: (text, x, y) => this.showPointerTip(text, x, y),
    choose: (index) => this.choose(index),
  });

  /** The CSV, PNG and SVG downloads. */
  private readonly files = new ChartFiles({
    data: () => this.shownData,
    drawing: () => this.drawing(),
    name: () => fileNameOf(this.title?.trim() || this.x, 'graphique'),
  });

  /** « Voir les données » and the actions menu (chart-actions.ts). */
  private readonly actions = new ChartActions(
    this,
    {csv: () => this.files.csv(), png: () => this.files.png(), svg: () => this.files.svg()},
    this.display,
  );

  /** The key of this chart's filter on its source. */
  private get filterKey(): string {
    return this.id || this.uid;
  }

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
    const childSpec = this.pageSpec.childText;
    return [type, x, y, series, stack, sort, limit, others, timeunit, color, unit, spec, childSpec];
  }

  protected override async load(target: DataTarget, options: LoadOptions): Promise<Loaded<ChartData>> {
    // Everything is checked before the first request.
    const plan = planChart(this);
    const spec = this.pageSpec.userSpec();
    if (spec) checkSpec(spec);
    const lang = this.currentLang;
    // A chart that filters its source on a click still shows every category.
    const scoped: DataTarget = {...target, where: this.ownFilter.whereWithoutOwn()};
    if (!spec) options = {...options, onSend: this.whileSent};
    // The drawing of a specification, or the layouts of a line, area, scatter or pie, load while the
    // data travels.
    const [{result, othersRows}] = await Promise.all([
      loadChart(plan, scoped, (queried, query) => this.runQuery(queried, query, options)),
      spec ? this.pageSpec.load() : drawsShapes(plan.type) ? loadShapeLayouts() : undefined,
    ]);
    const unit = this.unit?.trim() || undefined;
    return {data: this.answers.build(plan, result, {lang, unit, othersRows}), result};
  }

  /**
   * While the first request travels, the font is set up for measuring: once this update is over
   * (the other widgets' updates, queued before, have sent their requests), and before the answer
   * comes back, which a timer could not promise. A chart already drawn has measured in it: its new
   * requests leave the main thread free for the answer.
   */
  private readonly whileSent = () => {
    if (this.scenes.scene) return;
    queueMicrotask(() => {
      if (this.isConnected) prepareFont(readChartTheme(this).font, chartFontSize());
    });
  };

  /** A new filter redraws the chart in place: the one drawn stays, marked busy, meanwhile. */
  protected override keepsDataWhileLoading(): boolean {
    return true;
  }

  protected override isEmpty(data: ChartData): boolean {
    return !data.points.some((point) => point.v !== null);
  }

  protected override renderData(loaded: ChartData, lang: Lang): TemplateResult {
    const data = this.answers.inLanguage(loaded, lang);
    this.shownData = data;
    const summary = describeChart(data, lang);
    // The summary ends its own sentence: one full stop before the description, never two.
    const label = this.description?.trim() ? `${sentence(summary)} ${this.description.trim()}` : summary;
    const byVega = this.pageSpec.active;
    const scene = byVega ? undefined : this.layout(data, lang);
    const theme = this.scenes.theme;
    return renderChart({
      lang,
      data,
      label,
      byVega,
      scene,
      theme,
      draw: theme && this.drawOptions(label, theme),
      active: this.markFocus.active,
      patternId: this.uid,
      points: this.markFocus.points(),
      selected: selectedCategory(data, this.ownFilter.current),
      title: this.title,
      hidden: this.hiddenSeries,
      drawError: this.pageSpec.error,
      actions: this.actions.render(lang, this.answers.metaOf(loaded)),
      table: this.actions.renderTable(lang, () => renderTable(data, summary, lang)),
      on: {
        click: this.pointer.onClick,
        pointerMove: this.pointer.onMove,
        pointerLeave: this.pointer.onLeave,
        keydown: this.markFocus.onKeydown,
        focus: this.markFocus.onFocus,
        blur: this.markFocus.onBlur,
        toggle: this.toggleSeries,
      },
    });
  }

  /** Values written on the marks: `labels="off"` hides them, `labels` shows them; on for pie and donut. */
  private get showLabels(): boolean {
    const value = this.labels?.trim().toLowerCase();
    if (value === undefined) return this.type === 'pie' || this.type === 'donut';
    return value !== 'off' && value !== 'false';
  }

  private readonly toggleSeries = (name: string, names: string[]): void => {
    const hidden = new Set(this.hiddenSeries);
    if (hidden.has(name)) hidden.delete(name);
    // The last one shown stays: a chart of nothing tells nothing.
    else if (names.filter((other) => !hidden.has(other)).length > 1) hidden.add(name);
    this.hiddenSeries = hidden;
  };

  /**
   * The Vega-Lite specification equivalent to what the chart draws, its data inlined
   * (chart-to-vega-lite.ts): to open it in the Vega editor or draw it elsewhere. Undefined before
   * the first data.
   */
  toVegaLite(): TopLevelSpec | undefined {
    const data = this.shownData;
    if (!data) return undefined;
    const size = this.size.width > 0 ? {width: this.size.width, height: this.drawnHeight} : undefined;
    return chartToVegaLite(data, vegaLiteTheme(readChartTheme(this)), size);
  }

  /** The scene for the current data, size, theme and text size; laid out again only when one changed. */
  private layout(data: ChartData, lang: Lang): Scene | undefined {
    return this.scenes.sceneFor(this, {
      data,
      lang,
      width: this.size.width,
      height: this.plotHeight,
      grow: this.type === 'bar' && !this.display.fullscreen && !authorHeight(this.height),
      hidden: this.hiddenSeries,
      labels: this.showLabels,
      patternId: this.uid,
    });
  }

  private drawOptions(label: string, theme: ChartTheme): DrawOptions {
    return {
      active: this.markFocus.active,
      label,
      patternId: this.uid,
      ring: theme.forced ? ['Highlight', 'Canvas'] : [theme.text, theme.background],
      grid: theme.grid,
      muted: theme.muted,
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.pageSpec.readChild();
    if (this.pageSpec.active) {
      void this.pageSpec.drawIfNeeded(this.shownData);
      return;
    }
    const scene = this.scenes.scene;
    if (scene && scene !== this.drawnScene && this.renderRoot.querySelector('.chart-svg')) {
      this.drawnScene = scene;
      this.dispatchEvent(new OdwChartDrawnEvent());
    }
  }

  private get plotHeight(): number {
    return plotHeight(this.height, this.display.fullscreen);
  }

  /** The drawing's height: a bar chart of many categories grows taller than `plotHeight`. */
  private get drawnHeight(): number {
    return this.scenes.scene?.height ?? this.plotHeight;
  }

  /** Forced colours or the colour scheme changed: the same data, drawn again in the new colours. */
  private readonly onColoursChange = () => {
    this.pageSpec.forget();
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

  /** A mark clicked or chosen with Enter: `odw-select`, and with `filter-on-click` the source's filter. */
  private choose(index: number): void {
    const data = this.shownData;
    const point = data?.points.find((candidate) => candidate.i === index);
    if (!data || !point) return;
    this.dispatchEvent(new OdwSelectEvent({datum: selectedDatum(data, point)}));
    const category = data.categories[point.c];
    if (!this.filterOnClick || !this.sourceElement || category.others || category.gap || data.plan.records)
      return;
    const filter = categoryFilter(data.plan, category.value, category.time);
    if (!filter) return;
    this.ownFilter.toggle(filter);
    this.markFocus.active = index;
  }

  /** What the downloads are made from. */
  private drawing(): ChartDrawing {
    return {
      view: this.pageSpec.vegaView,
      svg: this.renderRoot.querySelector<SVGSVGElement>('.chart-svg'),
      theme: this.scenes.theme,
      fontSize: chartFontSize(),
      width: this.size.width,
      height: this.drawnHeight,
    };
  }
}
