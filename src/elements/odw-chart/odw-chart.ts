import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import './odw-chart.messages.js';
import {property, state} from 'lit/decorators.js';
import {and, parseFilter} from '../../data/index.js';
import type {Filter, QueryResult, Row} from '../../data/types.js';
import {OdwDataElement, type DataTarget, type LoadOptions, type Loaded} from '../../core/data-element.js';
import {OdwSelectEvent} from '../../core/events.js';
import {formatNumber} from '../../core/format.js';
import {t, type Lang} from '../../core/i18n.js';
import {
  ChartConfigError,
  buildChartData,
  csvOf,
  inFilter,
  orderFor,
  nextPeriod,
  planChart,
  summarize,
  tableOf,
  xKey,
  type ChartData,
  type ChartPlan,
  type ChartPoint,
} from './chart-model.js';
import type {ChartTheme} from './chart-spec.js';
import type {ChartView} from './chart-engine.js';
import {vegaLiteSpec, checkSpec, mergeSpec} from './chart-vega-lite.js';
import {OdwChartDrawnEvent} from './chart-events.js';
import {chartStyles} from './odw-chart.styles.js';
import {DisplayController} from '../../core/display-controller.js';
import {saveFile} from '../../core/export.js';

/** Default height of the drawing, axes and legend included, in CSS pixels. */
const DEFAULT_HEIGHT = 320;

let chartCount = 0;

/**
 * A chart of a dataset, computed by the portal (`group_by` on the server) and drawn with Vega:
 * columns, bars, lines, areas, pie, donut or scatter, with a text summary, a data table, focusable
 * points, downloads and an optional filter on click.
 *
 * Colours: several series (several `y`, or `series`) and the slices of a pie or donut take the
 * categorical palette `--odw-palette-1…8` (colour-blind safe by default) with a legend. One series
 * is drawn in one colour, `--odw-palette-1`: its values are already told by the length or position
 * of the marks. `color="value"` shades that one series with a sequential scheme instead, light for
 * the lowest value to dark for the highest (`--odw-sequential-start`, `--odw-sequential-end`;
 * default: a light tint of `--odw-palette-1` to `--odw-palette-1`); light marks get a thin outline
 * of the darkest shade. No legend then: the value axis reads the same values. Under `forced-colors`
 * every mark takes the system text colour, separated by the system background, and the chart
 * redraws when the system setting or the colour scheme changes. Nothing in the chart moves, and the
 * loading placeholder stops pulsing under `prefers-reduced-motion`.
 *
 * `filter-on-click` filters the source on the category (`commune = "Orléans"`), or on a time axis on
 * the period (`date >= date'2019-03-01' and date < date'2019-04-01'`, with hours for
 * `timeunit="hour"`). The « Autres » group and empty periods set no filter; `odw-select` still fires
 * with their datum (`label` « Autres », `value` their total, the `x` value `null`).
 *
 * @summary A chart (column, bar, line, area, pie, donut, scatter) of a dataset's aggregates.
 *
 * @attr {'column'|'bar'|'line'|'area'|'pie'|'donut'|'scatter'} type - The kind of chart (default `column`).
 * @attr {string} x - The field of the categories or dates (a number field for `scatter`).
 * @attr {string} y - One or several aggregates, `sum(population)` or `sum(a), sum(b)` (default
 *   `count()`); bare fields for a scatter plot of records.
 * @attr {string} series - A field whose values become series (a legend).
 * @attr {'normal'|'percent'} stack - Stacks the series (`percent`: shares of each category).
 * @attr {'x'|'-x'|'y'|'-y'} sort - Order of the categories (default `x`; `-y` for pie and donut).
 * @attr {number} limit - Only the first N categories (after `sort`).
 * @attr {boolean} others - With `limit`, the rest summed in one « Autres » category.
 * @attr {'year'|'month'|'week'|'day'|'hour'} timeunit - Groups a date `x` by period, on the server.
 * @attr {number} height - Height of the drawing in pixels (default 320); the width follows the container.
 * @attr {string} unit - Unit of the values, in the axis title, tooltips and table (« hab. »).
 * @attr {'value'} color - `value`: shades a single series by its value (sequential scheme).
 * @attr {boolean} filter-on-click - Clicking (or Enter on) a mark filters the source on it; again clears it.
 * @attr {string} source - The `id` of an `odw-source` (same document or shadow root).
 * @attr {string} src - A one-off dataset URL, when no `source` is given.
 * @attr {'ods'|'tabular'|'ckan'|'csv'|'json'|'geojson'} api - Forces the API family of `src`.
 * @attr {string} api-key - Opendatasoft API key for a private `src`.
 * @attr {string} where - An extra filter for this widget only (expression language).
 * @attr {string} title - The heading shown above the chart (part `title`).
 * @attr {number} heading-level - The level of that heading for assistive technologies (default 3).
 * @attr {string} description - A text alternative read with the generated summary.
 * @attr {string} lang - `fr` or `en`; inherited from the closest ancestor, then `<html lang>`; default `fr`.
 * @attr {'light'|'dark'|'auto'|'dsfr'} theme - Colours and fonts; without it, follows the system setting.
 * @attr {number} refresh - Seconds between two reloads of fresh data.
 * @attr {boolean} no-attribution - Hides the attribution footer.
 *
 * @fires {OdwSelectEvent} odw-select - A mark was clicked or chosen with Enter; `detail.datum`.
 * @fires {OdwLoadEvent} odw-load - Data loaded (also after each refresh); `detail`: `{rows, total}`.
 * @fires {OdwErrorEvent} odw-error - Loading failed; `detail.error`.
 * @fires {OdwChartDrawnEvent} odw-chart-drawn - The chart is drawn (or its drawing error shown), after each change.
 *
 * @csspart base - The frame around everything.
 * @csspart title - The heading.
 * @csspart body - The chart, or the loading, empty and error states.
 * @csspart actions - The buttons: data table, CSV, PNG, SVG, full screen.
 * @csspart chart - The drawing.
 * @csspart svg - The SVG that Vega draws (its `role="img"` and text summary included).
 * @csspart legend - (inside the drawing) Vega's legend.
 * @csspart tooltip - The tooltip.
 * @csspart table - The data table.
 * @csspart status - The empty, error and stale messages.
 * @csspart footer - The attribution.
 *
 * @cssprop --odw-palette-1 - Series colours `--odw-palette-1` … `--odw-palette-8`; the one series' colour.
 * @cssprop --odw-sequential-start - With `color="value"`, the colour of the lowest value.
 * @cssprop --odw-sequential-end - With `color="value"`, the colour of the highest value.
 * @cssprop --odw-focus-color - Outline of the focused mark.
 */
export class OdwChart extends OdwDataElement<ChartData> {
  static override styles = [...OdwDataElement.styles, chartStyles];

  @property({reflect: true}) type?: string;

  @property({reflect: true}) x?: string;

  @property({reflect: true}) y?: string;

  @property({reflect: true}) series?: string;

  @property({reflect: true}) stack?: string;

  @property({reflect: true}) sort?: string;

  @property({type: Number, reflect: true}) limit?: number;

  @property({type: Boolean, reflect: true}) others = false;

  @property({reflect: true}) timeunit?: string;

  @property({type: Number, reflect: true}) height?: number;

  @property({reflect: true}) unit?: string;

  @property({reflect: true}) color?: string;

  @property({type: Boolean, reflect: true, attribute: 'filter-on-click'}) filterOnClick = false;

  /** A Vega-Lite specification merged into the generated one (what the attributes cannot say). */
  @property({attribute: false}) spec?: object;

  @state() private showTable = false;
  @state() private activeIndex = -1;

  private readonly uid = `odw-chart-${++chartCount}`;
  private shownData?: ChartData;
  private drawnData?: ChartData;
  private drawnContainer?: HTMLElement;
  private drawnSize = '';
  private view?: ChartView;
  private drawing?: Promise<void>;
  private resizeObserver?: ResizeObserver;
  private drawError?: unknown;
  private childSpecText?: string;
  /** System settings that change the colours: the chart redraws when one of them changes. */

  /** The key of this chart's filter on its source. */
  private get filterKey(): string {
    return this.id || this.uid;
  }

  /** Full screen, and redraws when the system colours change. */
  private readonly display = new DisplayController(this, () => this.onColoursChange());

  override connectedCallback(): void {
    super.connectedCallback();
    this.readChildSpec();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
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
      this.currentLang,
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
    const where = this.whereWithoutOwnFilter(target);
    const scoped: DataTarget = {...target, where};
    // Once the request has left, while it travels, the engine starts: tens of milliseconds on a
    // first chart, no longer after the answer. draw() reports an engine that failed to load.
    const startEngine = () => void loadEngine().catch(() => undefined);
    options = {...options, onSend: startEngine};
    const loading = plan.records
      ? this.runQuery(
          scoped,
          {select: [xSelection(plan), ...plan.ys, ...seriesSelection(plan)], limit: plan.limit ?? 5000},
          options,
        ).then((result) => ({result, othersRows: undefined}))
      : this.loadGroups(plan, scoped, options);
    const {result, othersRows} = await loading;
    const data = buildChartData(plan, result, {lang, unit: this.unit?.trim() || undefined, othersRows});
    return {data, result};
  }

  /** A chart that filters its source on a click still shows every category: its own filter is left out. */
  private whereWithoutOwnFilter(target: DataTarget): Filter | undefined {
    const source = this.sourceElement;
    const own = source?.getFilter(this.filterKey);
    if (!source || !own) return target.where;
    const base = source.where?.trim() ? parseFilter(source.where) : undefined;
    const others = source.filters.filter((filter) => filter !== own);
    const widget = this.where?.trim() ? parseFilter(this.where) : undefined;
    return and(base, ...others, widget);
  }

  private async loadGroups(
    plan: ChartPlan,
    target: DataTarget,
    options: LoadOptions,
  ): Promise<{result: QueryResult; othersRows?: Row[]}> {
    const key = xKey(plan);
    const orderBy = orderFor(plan);
    let where = target.where;
    let topValues: unknown[] | undefined;
    if (plan.series && plan.limit) {
      // The top N categories first; then their series.
      const top = await this.runQuery(
        target,
        {select: plan.ys.slice(0, 1), groupBy: [key], orderBy, limit: plan.limit},
        options,
      );
      topValues = top.rows.map((row) => row[key.as]);
      if (top.total <= plan.limit) topValues = undefined;
      where = topValues ? and(target.where, inFilter(plan.x, topValues.filter(isPresent))) : target.where;
    }
    const groupBy = plan.series ? [key, {field: plan.series, as: plan.series}] : [key];
    const result = await this.runQuery(
      {...target, where},
      {select: plan.ys, groupBy, orderBy, limit: plan.series ? undefined : plan.limit},
      options,
    );
    if (!plan.others || !plan.limit) return {result};
    if (!plan.series) {
      if (result.total <= plan.limit) return {result};
      topValues = result.rows.map((row) => row[key.as]);
    }
    if (!topValues) return {result};
    // The rest, aggregated by the server: exact for every aggregate, not a difference of sums.
    const rest: Filter = {type: 'not', filter: inFilter(plan.x, topValues.filter(isPresent))};
    const others = await this.runQuery(
      {...target, where: and(target.where, rest)},
      {select: plan.ys, groupBy: plan.series ? [{field: plan.series, as: plan.series}] : [], orderBy: []},
      options,
    );
    return {result, othersRows: others.rows};
  }

  /** A new filter redraws the chart in place: the one drawn stays, marked busy, meanwhile. */
  protected override keepsDataWhileLoading(): boolean {
    return true;
  }

  protected override isEmpty(data: ChartData): boolean {
    return !data.points.some((point) => point.v !== null);
  }

  protected override renderData(data: ChartData, lang: Lang): TemplateResult {
    this.shownData = data;
    const summary = summarize(data, lang);
    const drawn = data.points.filter((point) => point.v !== null);
    const active = drawn.find((point) => point.i === this.activeIndex);
    const selected = this.selectedCategory(data);
    return html`<figure class="chart" aria-labelledby="summary">
      <div class="actions" part="actions" role="toolbar" aria-label=${t(lang, 'chart.actions')}>
        <button
          type="button"
          class="toggle-table"
          aria-expanded=${this.showTable ? 'true' : 'false'}
          aria-controls="data-table"
          @click=${() => (this.showTable = !this.showTable)}
        >
          ${t(lang, this.showTable ? 'chart.hide-data' : 'chart.show-data')}
        </button>
        <button type="button" class="download-csv" @click=${() => this.downloadCsv()}>
          ${t(lang, 'chart.download-csv')}
        </button>
        <button type="button" class="download-png" @click=${() => void this.downloadPng()}>
          ${t(lang, 'chart.download-png')}
        </button>
        <button type="button" class="download-svg" @click=${() => void this.downloadSvg()}>
          ${t(lang, 'chart.download-svg')}
        </button>
        ${this.display.renderToggle(t(lang, 'chart.fullscreen'), t(lang, 'chart.exit-fullscreen'))}
      </div>
      <div class="plot" part="chart">
        <div class="vega"></div>
        <div
          class="points"
          role="listbox"
          tabindex="0"
          aria-label=${t(lang, 'chart.points')}
          aria-activedescendant=${active ? `point-${active.i}` : nothing}
          @keydown=${this.onKeydown}
          @focus=${this.onPointsFocus}
          @blur=${this.onPointsBlur}
        >
          ${drawn.map(
            (point) =>
              html`<div
                role="option"
                id="point-${point.i}"
                aria-selected=${selected !== undefined && point.c === selected ? 'true' : 'false'}
              >
                ${point.tip}
              </div>`,
          )}
        </div>
        <div class="tooltip" part="tooltip" aria-hidden="true" hidden></div>
      </div>
      <figcaption id="summary" class="visually-hidden">
        ${summary}${this.description?.trim() ? `. ${this.description.trim()}` : ''}
      </figcaption>
      ${this.drawError ? html`<p class="status error" part="status" role="alert">${t(lang, 'chart.error.render', {message: errorText(this.drawError)})}</p>` : nothing}
      <div class="data-table" id="data-table" ?hidden=${!this.showTable}>
        ${this.showTable ? this.renderTable(data, summary, lang) : nothing}
      </div>
    </figure>`;
  }

  private renderTable(data: ChartData, summary: string, lang: Lang): TemplateResult {
    const {head, rows} = tableOf(data);
    const withLabel = !data.plan.records || Boolean(data.plan.series);
    return html`<table part="table">
      <caption>
        ${summary}
      </caption>
      <thead>
        <tr>
          ${head.map((name) => html`<th scope="col">${name}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              ${withLabel ? html`<th scope="row">${row.label}</th>` : nothing}
              ${row.cells.map(
                (value) =>
                  html`<td class="number">
                    ${value === null ? '—' : formatNumber(value, lang, {unit: data.unit})}
                  </td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.readChildSpec();
    void this.drawIfNeeded();
  }

  private get plotHeight(): number {
    const height = Number(this.height);
    if (this.display.fullscreen) return Math.max(240, window.innerHeight - 200);
    return Number.isFinite(height) && height > 80 ? height : DEFAULT_HEIGHT;
  }

  /** Draws when the data, the container or the size changed; follows the container's width. */
  private async drawIfNeeded(): Promise<void> {
    const container = this.renderRoot.querySelector<HTMLElement>('.vega');
    const data = this.shownData;
    if (!container || !data || !container.isConnected) return;
    if (!this.resizeObserver || this.drawnContainer !== container) {
      this.resizeObserver?.disconnect();
      // Drawing in the next frame: resizing inside the observer's callback would loop.
      this.resizeObserver = new ResizeObserver(() => requestAnimationFrame(() => void this.drawIfNeeded()));
      this.resizeObserver.observe(container.parentElement!);
    }
    const width = Math.floor(container.parentElement!.clientWidth);
    if (width <= 0) return;
    const size = `${width}x${this.plotHeight}`;
    if (this.drawing) {
      await this.drawing;
      return this.drawIfNeeded();
    }
    if (data === this.drawnData && container === this.drawnContainer && size === this.drawnSize) return;
    this.drawing = this.draw(container, data, width, size).finally(() => (this.drawing = undefined));
    await this.drawing;
  }

  private async draw(container: HTMLElement, data: ChartData, width: number, size: string): Promise<void> {
    const height = this.plotHeight;
    try {
      const pageSpec = this.userSpec();
      // A generated chart is built again for a new size (its axes' ticks and labels depend on it)
      // and drawn in place; a page's specification is only resized.
      if (pageSpec && this.view && data === this.drawnData && container === this.drawnContainer) {
        await this.view.resize(width, height);
      } else {
        const engine = await loadEngine();
        const lang = this.currentLang;
        const spec = pageSpec
          ? await engine.compileVegaLite(mergeSpec(vegaLiteSpec(data, {width, height}), pageSpec))
          : engine.buildSpec(data, this.readTheme(), {width, height}, lang);
        // New rows only (a filter changed): the drawn view takes them in place, far quicker.
        const updated =
          this.view && container === this.drawnContainer && (await this.view.update(spec, lang));
        if (!updated) {
          this.view?.finalize();
          this.view = await engine.draw(spec, {
            container,
            lang,
            tooltip: (event, text) => this.showTooltip(event, text),
            click: (_event, datum) => {
              if (datum && typeof datum.i === 'number') this.choose(datum.i);
            },
          });
        }
        if (this.activeIndex >= 0) await this.view!.setActive(this.activeIndex);
      }
      this.labelSvg(container, data);
      this.drawnData = data;
      this.drawnContainer = container;
      this.drawnSize = size;
      if (this.drawError) {
        this.drawError = undefined;
        this.requestUpdate();
      }
    } catch (error) {
      this.drawnData = data;
      this.drawnContainer = container;
      this.drawnSize = size;
      this.drawError = error;
      this.requestUpdate();
    }
    this.dispatchEvent(new OdwChartDrawnEvent());
  }

  /** The SVG is one image named by the summary; the focusable points speak for the marks. */
  private labelSvg(container: HTMLElement, data: ChartData): void {
    for (const name of ['role', 'aria-roledescription', 'aria-label']) container.removeAttribute(name);
    const svg = container.querySelector('svg');
    if (!svg) return;
    svg.setAttribute('role', 'img');
    const description = this.description?.trim();
    const summary = summarize(data, this.currentLang);
    svg.setAttribute('aria-label', description ? `${summary}. ${description}` : summary);
    svg.setAttribute('part', 'svg');
    svg.querySelector('.role-legend')?.setAttribute('part', 'legend');
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
      focus: forced ? 'Highlight' : token('focus-color', '#0b5fad'),
      font: token('font-family', 'sans-serif'),
      forced,
    };
  }

  /** Forced colours or the colour scheme changed: the same data, drawn again in the new colours. */
  private readonly onColoursChange = () => {
    this.drawnData = undefined;
    void this.drawIfNeeded();
  };

  private showTooltip(event: MouseEvent, text: string | undefined): void {
    const tooltip = this.renderRoot.querySelector<HTMLElement>('.tooltip');
    const plot = this.renderRoot.querySelector<HTMLElement>('.plot');
    if (!tooltip || !plot) return;
    if (!text) {
      tooltip.hidden = true;
      return;
    }
    tooltip.textContent = text;
    tooltip.hidden = false;
    const box = plot.getBoundingClientRect();
    const left = Math.min(event.clientX - box.left + 12, Math.max(0, box.width - tooltip.offsetWidth));
    tooltip.style.left = `${Math.max(0, left)}px`;
    tooltip.style.top = `${Math.max(0, event.clientY - box.top - tooltip.offsetHeight - 8)}px`;
  }

  /** Shows the focused point's text over the chart, like a tooltip. */
  private showFocusTooltip(point: ChartPoint | undefined): void {
    const tooltip = this.renderRoot.querySelector<HTMLElement>('.tooltip');
    if (!tooltip) return;
    tooltip.hidden = !point;
    if (!point) return;
    tooltip.textContent = point.tip;
    tooltip.style.left = '0px';
    tooltip.style.top = '0px';
  }

  private drawnPoints(): ChartPoint[] {
    return this.shownData?.points.filter((point) => point.v !== null) ?? [];
  }

  private readonly onPointsFocus = () => {
    const points = this.drawnPoints();
    if (!points.some((point) => point.i === this.activeIndex)) this.setActive(points[0]?.i ?? -1);
    else this.showFocusTooltip(points.find((point) => point.i === this.activeIndex));
  };

  private readonly onPointsBlur = () => {
    this.showFocusTooltip(undefined);
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    const points = this.drawnPoints();
    if (!points.length) return;
    const position = Math.max(
      0,
      points.findIndex((point) => point.i === this.activeIndex),
    );
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = Math.min(points.length - 1, position + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = Math.max(0, position - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = points.length - 1;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (this.activeIndex >= 0) this.choose(this.activeIndex);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.setActive(points[next].i);
  };

  private setActive(index: number): void {
    this.activeIndex = index;
    this.showFocusTooltip(this.drawnPoints().find((point) => point.i === index));
    void this.view?.setActive(index);
  }

  /** The category this chart filters its source on, if any. */
  private selectedCategory(data: ChartData): number | undefined {
    const own = this.sourceElement?.getFilter(this.filterKey);
    if (!own) return undefined;
    const index = data.categories.findIndex(
      (category) =>
        JSON.stringify(this.filterFor(data, category.value, category.time)) === JSON.stringify(own),
    );
    return index >= 0 ? index : undefined;
  }

  private filterFor(data: ChartData, value: unknown, time: number | undefined): Filter | undefined {
    const {plan} = data;
    if (plan.timeunit && time !== undefined) {
      // Period starts are wall-clock times read as UTC (chart-model.ts): written back the same way.
      const length = plan.timeunit === 'hour' ? 19 : 10;
      const start = new Date(time).toISOString().slice(0, length);
      const end = new Date(nextPeriod(time, plan.timeunit)).toISOString().slice(0, length);
      return and(
        {type: 'compare', field: plan.x, op: '>=', value: {type: 'date', value: start}},
        {type: 'compare', field: plan.x, op: '<', value: {type: 'date', value: end}},
      );
    }
    if (value === null || value === undefined) return {type: 'null', field: plan.x};
    return {
      type: 'compare',
      field: plan.x,
      op: '=',
      value: typeof value === 'number' ? {type: 'number', value} : {type: 'string', value: String(value)},
    };
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
    const filter = this.filterFor(data, category.value, category.time);
    if (!filter) return;
    const current = source.getFilter(this.filterKey);
    source.setFilter(this.filterKey, JSON.stringify(current) === JSON.stringify(filter) ? undefined : filter);
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

  private async downloadSvg(): Promise<void> {
    if (!this.view) return;
    saveFile(new Blob([await this.view.toSVG()], {type: 'image/svg+xml'}), `${this.fileName()}.svg`);
  }

  private async downloadPng(): Promise<void> {
    if (!this.view) return;
    const canvas = await this.view.toCanvas(2);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) saveFile(blob, `${this.fileName()}.png`);
  }

  private fileName(): string {
    const base = this.title?.trim() || this.x || 'graphique';
    return (
      base
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/[^\w-]+/g, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase() || 'graphique'
    );
  }
}

let enginePromise: Promise<typeof import('./chart-engine.js')> | undefined;

/** The chart engine (Vega), downloaded once; a failed download is tried again next time. */
function loadEngine(): Promise<typeof import('./chart-engine.js')> {
  enginePromise ??= import('./chart-engine.js').catch((error: unknown) => {
    enginePromise = undefined;
    throw error;
  });
  return enginePromise;
}

function isPresent(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '';
}

function xSelection(plan: ChartPlan) {
  return {type: 'field' as const, field: plan.x, as: plan.x};
}

function seriesSelection(plan: ChartPlan) {
  return plan.series ? [{type: 'field' as const, field: plan.series, as: plan.series}] : [];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
