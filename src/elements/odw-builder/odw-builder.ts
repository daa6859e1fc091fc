import {LitElement, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {Task, TaskStatus} from '@lit/task';
import {and, datasetInfo, facets, formatFilter, parseFilter, query, resolveSource} from '../../data/index.js';
import {compareText} from '../../data/collation.js';
import {
  searchCatalog,
  type CatalogDataset,
  type CatalogResult,
  type CatalogSource,
} from '../../data/catalog.js';
import {QueryError} from '../../data/errors.js';
import type {AggregateFn, ApiFamily, CompareOp, DatasetInfo, FieldInfo, Literal} from '../../data/types.js';
import {formatDateTime, formatNumber} from '../../core/format.js';
import {describeError, resolveLang, type Lang} from '../../core/i18n.js';
import {styleProperties as cssProperties} from '../../core/style-properties.js';
import {themeStyles} from '../../core/theme.js';
import {observe} from '../../loader.js';
import {hostStyles, visuallyHiddenStyles} from '../../core/data-element.styles.js';
import {builderStyles} from './odw-builder.styles.js';
import {tb, type BuilderMessageKey} from './odw-builder.messages.js';
import {
  CHART_TYPES,
  FILTER_TYPES,
  NUMBER_FORMATS,
  PALETTES,
  StateError,
  THEMES,
  TIME_UNITS,
  decodeState,
  stateCodeOf,
  stateLink,
  type BuilderState,
  type ChartType,
  type MapMode,
  type WidgetKind,
  type WidgetState,
} from './state.js';
import {
  aggregate,
  aggregatesFor,
  chartTypes,
  filterFields,
  filterTypes,
  firstWidget,
  isDate,
  isNumeric,
  joinableOutlines,
  keyFields,
  labelOf,
  mainCategory,
  mainMeasure,
  mapModes,
  outlineOf,
  preferredOutline,
  splitAggregate,
  suggestDashboard,
  suggestWidget,
  widgetKinds,
  xFields,
} from './suggestions.js';
import {
  dashboardConfig,
  dashboardElement,
  asDashboard,
  iframeCode,
  publishedFiles,
  scriptJson,
  snippet,
  styleProperties,
  widgetElements,
  type ElementSpec,
  type SnippetContext,
} from './snippet.js';
import {linkedStylesRoot} from '../../core/linked-styles.js';
import {PageSchemeController} from '../../core/page-scheme.js';

type Step = 1 | 2 | 3;

/** What the first step loads: an address typed by the webmaster, or a source picked in a catalogue. */
type LoadRequest =
  {type: 'address'; url: string; text: string} | {type: 'source'; src: string; api?: ApiFamily};

interface LoadedDataset {
  src: string;
  api?: ApiFamily;
  info: DatasetInfo;
  rows?: number;
}

type Loaded =
  {type: 'dataset'; dataset: LoadedDataset} | {type: 'catalog'; catalog: CatalogResult; text: string};

/** Fired when the widget being made changes; `detail`: the state and the code to paste. */
export class OdwBuilderChangeEvent extends CustomEvent<{state: BuilderState; code: string}> {
  static readonly eventName = 'odw-builder-change';
  constructor(detail: {state: BuilderState; code: string}) {
    super(OdwBuilderChangeEvent.eventName, {detail, bubbles: true, composed: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'odw-builder-change': OdwBuilderChangeEvent;
  }
}

/** The script and embed page beside this module: pasted on the same host, the code works as it is. */
const PUBLISHED = publishedFiles(import.meta.url);
/**
 * Most values of a text field listed for a condition: up to this many, a list to pick from; beyond
 * (the 35 000 communes of France), the box suggests the most frequent ones as the user types.
 */
const CONDITION_VALUES = 2000;
const DEFAULT_TABULAR_API = 'https://tabular-api.data.gouv.fr/api/';
const DATA_TAGS = 'odw-kpi, odw-chart, odw-map, odw-table, odw-filter';

/**
 * An editor that makes a widget or a dashboard without writing code: paste a dataset or portal
 * address (or search a catalogue), choose a widget among those the fields allow, set its details,
 * check the live preview (mobile and desktop widths, and what a screen reader reads), then copy the
 * code to paste. The state lives in a link (`#builder=…`) that reopens the builder as it was.
 *
 * @summary A no-code editor of widgets and dashboards, with live preview and code to copy.
 *
 * @attr {string} src - A data address to load at start (a dataset, or a portal to search).
 * @attr {string} script-src - The script the code to paste loads (default: the CDN build
 *   `open-data-widgets.js` the builder itself was loaded with); the iframe code shows the
 *   `embed.html` beside it.
 * @attr {string} shapes-base - Folder (URL) of the bundled outline files `regions.geojson`,
 *   `departements.geojson`, `communes-*.geojson` (default `data/`, relative to the page).
 * @attr {string} tabular-api - Root of the data.gouv.fr tabular API, used for the CSV resources a
 *   udata catalogue has parsed (default `https://tabular-api.data.gouv.fr/api/`).
 * @attr {boolean} url-sync - Reads the state from the page's `#builder=…` at start and keeps it there.
 * @attr {string} lang - `fr` or `en`; inherited from the closest ancestor, then `<html lang>`; default `fr`.
 *
 * @fires {OdwBuilderChangeEvent} odw-builder-change - The widget changed; `detail`: `{state, code}`.
 *
 * @csspart preview - The frame of the live preview.
 * @csspart code - The code to paste.
 *
 * @cssprop --odw-font-family - Font stack.
 * @cssprop --odw-text-color - Text.
 * @cssprop --odw-muted-color - Help texts.
 * @cssprop --odw-background - Background.
 * @cssprop --odw-surface - Background of the preview and code.
 * @cssprop --odw-border-color - Borders.
 * @cssprop --odw-accent - Buttons and links.
 * @cssprop --odw-error-color - Error messages.
 * @cssprop --odw-focus-color - Focus ring.
 */
export class OdwBuilder extends LitElement {
  static override styles = [themeStyles, hostStyles, visuallyHiddenStyles, builderStyles];

  /** Dark colours only where the page can be dark (src/core/page-scheme.ts). */
  protected readonly pageScheme = new PageSchemeController(this);

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return linkedStylesRoot(this) ?? super.createRenderRoot();
  }

  @property({reflect: true}) src?: string;

  @property({reflect: true, attribute: 'script-src'}) scriptSrc?: string;

  @property({reflect: true, attribute: 'shapes-base'}) shapesBase?: string;

  @property({reflect: true, attribute: 'tabular-api'}) tabularApi?: string;

  @property({type: Boolean, reflect: true, attribute: 'url-sync'}) urlSync = false;

  @property({reflect: true}) override lang!: string;

  @state() private step: Step = 1;
  @state() private address = '';
  @state() private searchText = '';
  @state() private addressError?: string;
  @state() private loadError?: string;
  @state() private catalog?: {result: CatalogResult; text: string};
  @state() private data?: LoadedDataset;
  @state() private build?: BuilderState;
  @state() private selected = 0;
  @state() private status = '';
  @state() private stateWarning?: string;
  @state() private previewWidth: 'mobile' | 'desktop' = 'desktop';
  @state() private reader: string[] = [];
  @state() private errors: Record<string, string> = {};
  @state() private condition: {field?: string; op: CompareOp; value: string} = {op: '=', value: ''};
  /** The values of text fields in `scope` (dataset and condition), to pick from; `complete`: all of them. */
  @state() private fieldValues: {scope?: string; values: Map<string, {values: string[]; complete: boolean}>} =
    {
      values: new Map(),
    };

  /** The state restored from a link, applied once its dataset is loaded. */
  private pendingState?: BuilderState;
  private focusStepHeading = false;
  private previewCode?: string;
  private readonly fieldValuesLoading = new Set<string>();
  private readerUpdate = 0;

  private loadTask = new Task(this, {
    autoRun: false,
    task: async ([request]: [LoadRequest], {signal}): Promise<Loaded> => {
      if (request.type === 'source') {
        return {type: 'dataset', dataset: await this.loadDataset(request.src, request.api, signal)};
      }
      let isDataset = true;
      try {
        resolveSource(request.url);
      } catch {
        isDataset = false;
      }
      if (isDataset)
        return {type: 'dataset', dataset: await this.loadDataset(request.url, undefined, signal)};
      const catalog = await searchCatalog(request.url, {
        text: request.text,
        signal,
        tabularApi: new URL(this.tabularApi || DEFAULT_TABULAR_API, document.baseURI).href,
      });
      return {type: 'catalog', catalog, text: request.text};
    },
    onComplete: (loaded) => this.applyLoaded(loaded),
    onError: (error) => {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this.loadError = this.describe(error);
      this.status = this.loadError;
    },
  });

  private get currentLang(): Lang {
    return resolveLang(this);
  }

  private t(key: BuilderMessageKey, params?: Record<string, string | number>): string {
    return tb(this.currentLang, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.urlSync) this.restoreFromUrl();
    if (!this.data && !this.loadTask.value && this.src && !this.pendingState) {
      this.address = this.src;
      void this.loadTask.run([{type: 'address', url: this.src, text: ''}]);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadTask.abort();
  }

  protected override firstUpdated(): void {
    observe(this.renderRoot as ShadowRoot);
  }

  private restoreFromUrl(): void {
    const code = stateCodeOf(location.hash);
    if (!code) return;
    try {
      const restored = decodeState(code);
      this.pendingState = restored;
      this.address = restored.src;
      void this.loadTask.run([{type: 'source', src: restored.src, api: restored.api}]);
    } catch (error) {
      const where = error instanceof StateError && error.path ? error.path : this.t('builder.state-root');
      this.stateWarning = this.t('builder.state-invalid', {where});
    }
  }

  private async loadDataset(
    src: string,
    api: ApiFamily | undefined,
    signal: AbortSignal,
  ): Promise<LoadedDataset> {
    this.status = this.t('builder.loading-dataset');
    const info = await datasetInfo(src, {api, signal});
    let rows = info.meta.recordsCount;
    if (rows === undefined) {
      const counted = await query(src, {api, select: 'count()', signal});
      rows = Number(counted.rows[0]?.['count()'] ?? counted.total);
    }
    return {src, api, info, rows};
  }

  private applyLoaded(loaded: Loaded): void {
    if (loaded.type === 'catalog') {
      this.catalog = {result: loaded.catalog, text: loaded.text};
      this.data = undefined;
      const count = loaded.catalog.datasets.length;
      this.status =
        count === 0
          ? this.emptyCatalogMessage()
          : count === 1
            ? this.t('builder.catalog-one')
            : this.t('builder.catalog-count', {count});
      return;
    }
    const {dataset} = loaded;
    const fields = dataset.info.fields;
    if (!fields.length) {
      this.loadError = this.t('builder.error.no-fields');
      this.status = this.loadError;
      return;
    }
    if (dataset.rows === 0) {
      this.loadError = this.t('builder.error.empty');
      this.status = this.loadError;
      return;
    }
    this.data = dataset;
    this.status = this.t('builder.dataset-loaded', {
      title: dataset.info.meta.title ?? dataset.src,
      count: fields.length,
    });
    const restored = this.pendingState;
    this.pendingState = undefined;
    if (restored) {
      this.build = restored;
      this.selected = 0;
      this.goTo(2);
    } else {
      this.build = {src: dataset.src, api: dataset.api, dashboard: false, widgets: [firstWidget(fields)]};
      this.selected = 0;
    }
  }

  private emptyCatalogMessage(): string {
    const text = this.catalog?.text;
    return text ? this.t('builder.catalog-empty-text', {text}) : this.t('builder.catalog-empty');
  }

  private describe(error: unknown): string {
    if (error instanceof QueryError && error.details.expected === 'portal-url')
      return this.t('builder.error.portal');
    return describeError(error, this.currentLang);
  }

  // -------------------------------------------------------------------------------------------
  // State changes

  private get fields(): FieldInfo[] {
    return this.data?.info.fields ?? [];
  }

  private get widget(): WidgetState | undefined {
    return this.build?.widgets[this.selected];
  }

  private updateBuild(change: Partial<BuilderState>): void {
    if (!this.build) return;
    this.build = {...this.build, ...change};
  }

  private updateWidget(change: Partial<WidgetState>): void {
    if (!this.build || !this.widget) return;
    const widgets = [...this.build.widgets];
    widgets[this.selected] = {...this.widget, ...change};
    this.build = {...this.build, widgets};
  }

  /**
   * A widget as a dashboard proposes it. An untitled table is named after its dataset, as the
   * dashboard is: two regions of one name for a screen reader (axe's landmark-unique); a title of
   * its own tells them apart.
   */
  private inDashboard(widget: WidgetState): WidgetState {
    return widget.kind === 'table' && !widget.title
      ? {...widget, title: this.t('builder.table-title')}
      : widget;
  }

  private chooseKind(kind: WidgetKind | 'dashboard'): void {
    if (!this.build) return;
    const fields = this.fields;
    if (kind === 'dashboard') {
      if (this.build.dashboard) return;
      this.build = {
        ...this.build,
        dashboard: true,
        title: this.build.title ?? this.data?.info.meta.title,
        widgets: suggestDashboard(fields).map((widget) => this.inDashboard(widget)),
      };
      this.selected = 0;
      return;
    }
    if (this.build.dashboard) {
      const widgets = [...this.build.widgets];
      widgets[this.selected] = this.inDashboard(suggestWidget(kind, fields));
      this.build = {...this.build, widgets};
      return;
    }
    this.build = {...this.build, dashboard: false, widgets: [suggestWidget(kind, fields)]};
    this.selected = 0;
  }

  private chooseChartType(type: ChartType): void {
    const widget = this.widget;
    if (!widget) return;
    const fields = this.fields;
    const candidates = xFields(fields, type);
    const x = candidates.some((field) => field.name === widget.x) ? widget.x : candidates[0]?.name;
    const xField = fields.find((field) => field.name === x);
    let y = widget.y;
    if (type === 'scatter') {
      const numbers = fields.filter(isNumeric).filter((field) => field.name !== x);
      y = numbers.some((field) => field.name === y) ? y : numbers[0]?.name;
    } else if (!y || !/\(/.test(y)) {
      const measure = mainMeasure(fields);
      y = aggregate(measure ? 'sum' : 'count', measure?.name);
    }
    const round = type === 'pie' || type === 'donut';
    this.updateWidget({
      chartType: type,
      x,
      y,
      timeunit: xField && isDate(xField) ? (widget.timeunit ?? 'year') : undefined,
      sort: type === 'scatter' || type === 'line' || type === 'area' ? undefined : round ? '-y' : widget.sort,
      limit:
        type === 'scatter' || type === 'line' || type === 'area'
          ? undefined
          : (widget.limit ?? (round ? 6 : 10)),
      description: undefined,
    });
  }

  private chooseMapMode(mode: MapMode): void {
    if (mode === 'points') {
      this.updateWidget({mode, shapes: undefined, key: undefined, value: undefined, description: undefined});
      return;
    }
    const outline = preferredOutline(this.fields);
    const measure = mainMeasure(this.fields);
    this.updateWidget({
      mode,
      shapes: outline?.file,
      key: outline ? keyFields(this.fields, outline.level)[0]?.name : undefined,
      value: this.widget?.value ?? aggregate(measure ? 'sum' : 'count', measure?.name),
      description: undefined,
    });
  }

  private chooseOutline(file: string): void {
    const outline = outlineOf(file);
    if (!outline) return;
    const keys = keyFields(this.fields, outline.level);
    const key = keys.some((field) => field.name === this.widget?.key) ? this.widget?.key : keys[0]?.name;
    this.updateWidget({shapes: file, key, description: undefined});
  }

  private addWidget(kind: WidgetKind): void {
    if (!this.build) return;
    this.build = {
      ...this.build,
      widgets: [...this.build.widgets, this.inDashboard(suggestWidget(kind, this.fields))],
    };
    this.selected = this.build.widgets.length - 1;
  }

  private removeWidget(index: number): void {
    if (!this.build || this.build.widgets.length <= 1) return;
    const widgets = this.build.widgets.filter((_, position) => position !== index);
    this.build = {...this.build, widgets};
    this.selected = Math.min(this.selected, widgets.length - 1);
  }

  private goTo(step: Step): void {
    if (step > 1 && !this.build) return;
    this.step = step;
    this.focusStepHeading = true;
  }

  private submitAddress(event: Event): void {
    event.preventDefault();
    const url = this.address.trim();
    this.loadError = undefined;
    if (!url) {
      this.addressError = this.t('builder.url-required');
      return;
    }
    this.addressError = undefined;
    this.catalog = undefined;
    this.status = this.t('builder.loading-catalog');
    void this.loadTask.run([{type: 'address', url, text: this.searchText.trim()}]);
  }

  private chooseSource(source: CatalogSource): void {
    this.loadError = undefined;
    this.address = source.src;
    void this.loadTask.run([{type: 'source', src: source.src, api: source.api}]);
  }

  /** A whole positive number from an input, or undefined when empty; records an error otherwise. */
  private numberInput(id: string, text: string): number | undefined | null {
    const errors = {...this.errors};
    delete errors[id];
    if (!text.trim()) {
      this.errors = errors;
      return undefined;
    }
    const value = Number(text);
    if (!Number.isInteger(value) || value <= 0) {
      this.errors = {...errors, [id]: this.t('builder.number-invalid')};
      return null;
    }
    this.errors = errors;
    return value;
  }

  private whereInput(text: string): void {
    const errors = {...this.errors};
    delete errors.where;
    if (text.trim()) {
      try {
        parseFilter(text);
      } catch (error) {
        errors.where = describeError(error, this.currentLang);
      }
    }
    this.errors = errors;
    this.updateWidget({where: text.trim() || undefined});
  }

  // -------------------------------------------------------------------------------------------
  // What is made

  /** The text alternative proposed for a chart or a map. */
  private proposal(widget: WidgetState): string | undefined {
    const fields = this.fields;
    const measureText = (expression: string | undefined) => {
      const {fn, field} = splitAggregate(expression);
      return fn === 'count'
        ? this.t('builder.proposal.count')
        : this.t('builder.proposal.aggregate', {
            fn: this.t(`builder.aggregate.${fn}`),
            field: labelOf(fields, field),
          });
    };
    if (widget.kind === 'chart') {
      if (widget.chartType === 'scatter') {
        return this.t('builder.proposal.scatter', {
          x: labelOf(fields, widget.x),
          y: labelOf(fields, widget.y),
        });
      }
      const params = {
        type: this.t(`builder.chart.${widget.chartType ?? 'column'}`),
        x: labelOf(fields, widget.x),
        y: measureText(widget.y),
      };
      return widget.limit
        ? this.t('builder.proposal.chart-limit', {...params, limit: widget.limit})
        : this.t('builder.proposal.chart', params);
    }
    if (widget.kind === 'map') {
      if (widget.mode === 'choropleth') {
        return this.t('builder.proposal.choropleth', {
          shapes: widget.shapes ? this.t(`builder.outline.${widget.shapes}` as BuilderMessageKey) : '',
          value: measureText(widget.value),
          key: labelOf(fields, widget.key),
        });
      }
      return this.t('builder.proposal.points', {title: this.data?.info.meta.title ?? ''});
    }
    return undefined;
  }

  private needsDescription(widget: WidgetState): boolean {
    return widget.kind === 'chart' || widget.kind === 'map';
  }

  /** The state as pasted: required text alternatives left empty take the proposal. */
  private get effectiveState(): BuilderState | undefined {
    if (!this.build) return undefined;
    return {
      ...this.build,
      widgets: this.build.widgets.map((widget) =>
        this.needsDescription(widget) && !widget.description?.trim()
          ? {...widget, description: this.proposal(widget)}
          : widget,
      ),
    };
  }

  private get snippetContext(): SnippetContext {
    const scriptSrc = this.scriptSrc?.trim();
    return {
      scriptSrc: scriptSrc || PUBLISHED.script,
      embedSrc: scriptSrc
        ? new URL('embed.html', new URL(scriptSrc, document.baseURI)).href
        : PUBLISHED.embed,
      shapesBase: new URL(this.shapesBase || 'data/', document.baseURI).href,
      src: new URL(this.build?.src ?? '', document.baseURI).href,
    };
  }

  private get code(): string {
    const effective = this.effectiveState;
    return effective ? snippet(effective, this.snippetContext) : '';
  }

  private get iframe(): string {
    const effective = this.effectiveState;
    return effective ? iframeCode(effective, this.snippetContext) : '';
  }

  private get link(): string {
    return this.build ? stateLink(location.href, this.build) : '';
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.build) this.loadFieldValues();
    if (this.focusStepHeading) {
      this.focusStepHeading = false;
      this.renderRoot.querySelector<HTMLElement>(`#step${this.step}-heading`)?.focus();
    }
    if (changed.has('build') && this.build) {
      const code = this.code;
      if (code !== this.previewCode) {
        this.previewCode = code;
        this.renderPreview();
        if (this.urlSync) history.replaceState(history.state, '', this.link);
        this.dispatchEvent(new OdwBuilderChangeEvent({state: this.build, code}));
      }
    }
  }

  /** Creates the real elements of the code in the preview frame, from the same specs as the code. */
  private renderPreview(): void {
    const frame = this.renderRoot.querySelector<HTMLElement>('#preview-frame');
    const effective = this.effectiveState;
    if (!frame || !effective) return;
    frame.replaceChildren();
    const ctx = this.snippetContext;
    if (asDashboard(effective)) {
      const dashboard = createElement(dashboardElement(effective));
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = scriptJson(dashboardConfig(effective, ctx));
      dashboard.append(script);
      frame.append(dashboard);
    } else {
      for (const spec of widgetElements(effective, ctx)) frame.append(createElement(spec));
    }
    void this.updateReader();
  }

  /** Reads what assistive technologies get from each previewed widget once drawn. */
  private async updateReader(): Promise<void> {
    const run = ++this.readerUpdate;
    const frame = this.renderRoot.querySelector<HTMLElement>('#preview-frame');
    if (!frame) return;
    const widgets: Element[] = [];
    for (const child of frame.children) {
      if (child.localName === 'odw-dashboard') {
        await (child as LitElement).updateComplete;
        const title = child.shadowRoot?.querySelector('[part~="title"]')?.textContent;
        if (title?.trim()) widgets.push(child);
        widgets.push(...(child.shadowRoot?.querySelectorAll(DATA_TAGS) ?? []));
      } else if (child.localName !== 'odw-source') widgets.push(child);
    }
    await Promise.all(widgets.map((widget) => (widget as Partial<LitElement>).updateComplete));
    if (run !== this.readerUpdate) return;
    this.reader = widgets.map(spokenText).filter(Boolean);
  }

  private async copyCode(code = this.code, button = '#copy'): Promise<void> {
    let copied = false;
    try {
      await navigator.clipboard.writeText(code);
      copied = true;
    } catch {
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#copy-source');
      if (area) {
        area.value = code;
        area.select();
        copied = document.execCommand('copy');
        this.renderRoot.querySelector<HTMLButtonElement>(button)?.focus();
      }
    }
    // Cleared first so that the same message, said again, is announced again.
    this.status = '';
    await this.updateComplete;
    this.status = this.t(copied ? 'builder.copied' : 'builder.copy-failed');
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  protected override render(): TemplateResult {
    const lang = this.currentLang;
    return html`
      <p class="visually-hidden" role="status" aria-live="polite" id="status">${this.status}</p>
      ${this.stateWarning ? html`<p class="error" role="alert">${this.stateWarning}</p>` : nothing}
      ${this.renderStepNav()}
      <div class="layout ${this.build ? 'with-preview' : ''}">
        <div class="editor">
          ${this.step === 1 ? this.renderStep1(lang) : this.step === 2 ? this.renderStep2() : this.renderStep3()}
          ${this.renderNavigation()}
        </div>
        ${this.build ? this.renderResult() : nothing}
      </div>
    `;
  }

  private renderStepNav(): TemplateResult {
    const steps: Array<[Step, BuilderMessageKey]> = [
      [1, 'builder.step1'],
      [2, 'builder.step2'],
      [3, 'builder.step3'],
    ];
    return html`<nav class="steps" aria-label=${this.t('builder.steps')}>
      <ol>
        ${steps.map(
          ([number, key]) =>
            html`<li>
              <button
                type="button"
                aria-current=${this.step === number ? 'step' : nothing}
                ?disabled=${number > 1 && !this.build}
                @click=${() => this.goTo(number)}
              >
                ${number}. ${this.t(key)}
              </button>
            </li>`,
        )}
      </ol>
    </nav>`;
  }

  private renderHeading(step: Step, key: BuilderMessageKey): TemplateResult {
    return html`<h2 id="step${step}-heading" tabindex="-1">
      <span class="visually-hidden">${this.t('builder.step', {number: step})}</span> ${this.t(key)}
    </h2>`;
  }

  private renderNavigation(): TemplateResult {
    return html`<div class="actions">
      ${
        this.step > 1
          ? html`<button
              type="button"
              class="secondary"
              id="previous"
              @click=${() => this.goTo((this.step - 1) as Step)}
            >
              ${this.t('builder.previous')}
            </button>`
          : nothing
      }
      ${
        this.step < 3 && this.build
          ? html`<button type="button" id="next" @click=${() => this.goTo((this.step + 1) as Step)}>
              ${this.t('builder.next')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderStep1(lang: Lang): TemplateResult {
    const describedBy = ['url-help', this.addressError ? 'url-error' : '', this.loadError ? 'load-error' : '']
      .filter(Boolean)
      .join(' ');
    return html`<section aria-labelledby="step1-heading">
      ${this.renderHeading(1, 'builder.step1')}
      <form @submit=${this.submitAddress} novalidate>
        <div class="field">
          <label for="url">${this.t('builder.url')}</label>
          <p class="help" id="url-help">${this.t('builder.url-help')}</p>
          <input
            id="url"
            type="url"
            autocomplete="url"
            required
            .value=${this.address}
            aria-invalid=${this.addressError ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @input=${(event: Event) => (this.address = (event.target as HTMLInputElement).value)}
          />
          ${this.addressError ? html`<p class="error" id="url-error">${this.addressError}</p>` : nothing}
        </div>
        <div class="field">
          <label for="search">${this.t('builder.search')}</label>
          <p class="help" id="search-help">${this.t('builder.search-help')}</p>
          <input
            id="search"
            type="search"
            .value=${this.searchText}
            aria-describedby="search-help"
            @input=${(event: Event) => (this.searchText = (event.target as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" id="load">${this.t('builder.load')}</button>
      </form>
      ${this.loadTask.status === TaskStatus.PENDING ? html`<p class="help" id="loading">${this.status}</p>` : nothing}
      ${this.loadError ? html`<p class="error" id="load-error" role="alert">${this.loadError}</p>` : nothing}
      ${this.catalog && !this.data ? this.renderCatalog(lang) : nothing}
      ${this.data ? this.renderDataset(this.data, lang) : nothing}
      ${this.data ? this.renderProposals() : nothing}
    </section>`;
  }

  private renderCatalog(lang: Lang): TemplateResult {
    const {result} = this.catalog!;
    if (!result.datasets.length) return html`<p id="catalog-empty">${this.emptyCatalogMessage()}</p>`;
    return html`<section aria-labelledby="catalog-heading">
      <h3 id="catalog-heading">${this.t('builder.catalog')}</h3>
      <ul class="datasets">
        ${result.datasets.map((dataset) => this.renderCatalogDataset(dataset, lang))}
      </ul>
    </section>`;
  }

  private renderCatalogDataset(dataset: CatalogDataset, lang: Lang): TemplateResult {
    const facts = [
      dataset.publisher,
      dataset.license,
      dataset.modified ? formatDateTime(dataset.modified, lang) : undefined,
      dataset.recordsCount !== undefined
        ? `${formatNumber(dataset.recordsCount, lang)} ${this.t('builder.meta.rows').toLowerCase()}`
        : undefined,
    ].filter(Boolean);
    return html`<li>
      <p><strong>${dataset.title}</strong></p>
      ${facts.length ? html`<p class="help">${facts.join(' · ')}</p>` : nothing}
      ${
        dataset.sources.length
          ? dataset.sources.map(
              (source) =>
                html`<button
                  type="button"
                  class="secondary"
                  aria-label=${this.t('builder.choose-source', {title: source.title === dataset.title ? dataset.title : `${dataset.title} — ${source.title}`})}
                  @click=${() => this.chooseSource(source)}
                >
                  ${this.t('builder.choose')}${dataset.sources.length > 1 ? ` : ${source.title}` : ''}
                </button> `,
            )
          : html`<p class="help">${this.t('builder.no-source')}</p>`
      }
    </li>`;
  }

  /** The first chart and key figure proposed from the fields: one click to start from either. */
  private renderProposals(): TemplateResult {
    const fields = this.fields;
    const proposals = [firstWidget(fields), suggestWidget('kpi', fields)].filter(
      (widget, index, all) => all.findIndex((other) => other.kind === widget.kind) === index,
    );
    return html`<section aria-labelledby="proposals-heading">
      <h3 id="proposals-heading">${this.t('builder.proposals')}</h3>
      <ul class="widgets" id="proposals">
        ${proposals.map(
          (widget) =>
            html`<li>
              <button
                type="button"
                class="secondary"
                id="propose-${widget.kind}"
                @click=${() => this.startWith(widget)}
              >
                ${this.t('builder.proposal.item', {kind: this.t(`builder.kind.${widget.kind}`), text: this.widgetText(widget)})}
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private startWith(widget: WidgetState): void {
    if (!this.build) return;
    this.build = {...this.build, dashboard: false, widgets: [widget]};
    this.selected = 0;
    this.goTo(2);
  }

  private renderDataset(dataset: LoadedDataset, lang: Lang): TemplateResult {
    const {meta, fields} = dataset.info;
    const unknown = this.t('builder.meta.unknown');
    return html`<section aria-labelledby="dataset-heading">
      <h3 id="dataset-heading">${this.t('builder.dataset')}</h3>
      <dl class="meta" id="dataset-meta">
        <dt>${this.t('builder.meta.title')}</dt>
        <dd>
          ${meta.pageUrl ? html`<a href=${meta.pageUrl}>${meta.title ?? dataset.src}</a>` : (meta.title ?? dataset.src)}
        </dd>
        <dt>${this.t('builder.meta.publisher')}</dt>
        <dd>${meta.publisher ?? unknown}</dd>
        <dt>${this.t('builder.meta.license')}</dt>
        <dd>
          ${meta.licenseUrl ? html`<a href=${meta.licenseUrl}>${meta.license ?? meta.licenseUrl}</a>` : (meta.license ?? unknown)}
        </dd>
        <dt>${this.t('builder.meta.modified')}</dt>
        <dd>${meta.modified ? formatDateTime(meta.modified, lang) : unknown}</dd>
        <dt>${this.t('builder.meta.rows')}</dt>
        <dd>${dataset.rows !== undefined ? formatNumber(dataset.rows, lang) : unknown}</dd>
      </dl>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="fields-caption">
        <table id="fields">
          <caption id="fields-caption">
            ${this.t('builder.fields')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.t('builder.field.label')}</th>
              <th scope="col">${this.t('builder.field.name')}</th>
              <th scope="col">${this.t('builder.field.type')}</th>
            </tr>
          </thead>
          <tbody>
            ${fields.map(
              (field) =>
                html`<tr>
                  <td>${field.label}</td>
                  <td><code>${field.name}</code></td>
                  <td>${this.t(`builder.type.${field.type}`)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderStep2(): TemplateResult {
    const build = this.build!;
    const kinds = widgetKinds(this.fields);
    const kindValue = build.dashboard ? 'dashboard' : build.widgets[0].kind;
    return html`<section aria-labelledby="step2-heading">
      ${this.renderHeading(2, 'builder.step2')}
      ${this.radios(
        'kind',
        this.t('builder.kind'),
        kindValue,
        [...this.options('kind', kinds), ['dashboard', this.t('builder.kind.dashboard')]],
        (value) => this.chooseKind(value as WidgetKind | 'dashboard'),
        kinds.includes('map') ? undefined : this.t('builder.kind.no-map'),
      )}
      ${build.dashboard ? this.renderDashboardList(kinds) : nothing} ${this.renderWidgetEditor(kinds)}
    </section>`;
  }

  private renderDashboardList(kinds: WidgetKind[]): TemplateResult {
    const build = this.build!;
    return html`<fieldset>
        <legend>${this.t('builder.dashboard.widgets')}</legend>
        <ol class="widgets" id="dashboard-widgets">
          ${build.widgets.map(
            (widget, index) =>
              html`<li>
                <span id="widget-${index}-name"
                  >${this.t('builder.dashboard.item', {
                    number: index + 1,
                    kind: this.t(`builder.kind.${widget.kind}`),
                    text: this.widgetText(widget),
                  })}</span
                >
                ${
                  index === this.selected
                    ? html`<strong> (${this.t('builder.dashboard.editing')})</strong>`
                    : html`<button
                        type="button"
                        class="secondary"
                        id="edit-${index}"
                        aria-describedby="widget-${index}-name"
                        @click=${() => (this.selected = index)}
                      >
                        ${this.t('builder.dashboard.edit')}
                      </button>`
                }
                ${
                  build.widgets.length > 1
                    ? html`<button
                        type="button"
                        class="secondary"
                        id="remove-${index}"
                        aria-describedby="widget-${index}-name"
                        @click=${() => this.removeWidget(index)}
                      >
                        ${this.t('builder.dashboard.remove')}
                      </button>`
                    : nothing
                }
              </li>`,
          )}
        </ol>
        <div class="actions">
          ${kinds.map(
            (kind) =>
              html`<button
                type="button"
                class="secondary"
                id="add-${kind}"
                @click=${() => this.addWidget(kind)}
              >
                ${this.t('builder.dashboard.add', {kind: this.t(`builder.kind.${kind}`)})}
              </button>`,
          )}
        </div>
      </fieldset>
      ${this.radios(
        'edited-kind',
        this.t('builder.edited-widget'),
        this.widget!.kind,
        this.options('kind', kinds),
        (value) => this.chooseKind(value as WidgetKind),
      )}`;
  }

  /** A short text naming what a widget shows, for the dashboard's list. */
  private widgetText(widget: WidgetState): string {
    const fields = this.fields;
    switch (widget.kind) {
      case 'kpi':
        return widget.label || widget.value || 'count()';
      case 'chart':
        return `${this.t(`builder.chart.${widget.chartType ?? 'column'}`)}, ${labelOf(fields, widget.x)}`;
      case 'map':
        return this.t(`builder.map.${widget.mode ?? 'points'}`);
      case 'table':
        return (widget.columns ?? '')
          .split(',')
          .map((name) => labelOf(fields, name))
          .join(', ');
      case 'filter':
        return labelOf(fields, widget.field);
    }
  }

  private renderWidgetEditor(kinds: WidgetKind[]): TemplateResult | typeof nothing {
    const widget = this.widget;
    if (!widget || !kinds.includes(widget.kind)) return nothing;
    switch (widget.kind) {
      case 'kpi':
        return html`${this.renderAggregate('value', widget.value, (value) => this.updateWidget({value}))}
        ${this.textField('kpi-label', this.t('builder.kpi.label'), widget.label, (label) => this.updateWidget({label}))}
        ${this.textField('kpi-unit', this.t('builder.kpi.unit'), widget.unit, (unit) => this.updateWidget({unit}))}
        ${this.selectField(
          'kpi-format',
          this.t('builder.kpi.format'),
          widget.format ?? '',
          [['', this.t('builder.format.auto')], ...this.options('format', NUMBER_FORMATS)],
          (format) => this.updateWidget({format: (format || undefined) as WidgetState['format']}),
        )}`;
      case 'chart':
        return this.renderChartEditor(widget);
      case 'map':
        return this.renderMapEditor(widget);
      case 'table':
        return this.renderTableEditor(widget);
      case 'filter':
        return this.renderFilterEditor(widget);
    }
  }

  private renderChartEditor(widget: WidgetState): TemplateResult {
    const fields = this.fields;
    const types = chartTypes(fields);
    const type = widget.chartType ?? 'column';
    const xChoices = xFields(fields, type);
    const xField = fields.find((field) => field.name === widget.x);
    return html`${this.radios(
      'chart-type',
      this.t('builder.chart.type'),
      type,
      CHART_TYPES.filter((candidate) => types.includes(candidate)).map((candidate) => [
        candidate,
        this.t(`builder.chart.${candidate}`),
      ]),
      (value) => this.chooseChartType(value as ChartType),
      types.includes('line') ? undefined : this.t('builder.chart.time-only'),
    )}
    ${this.fieldSelect(
      'chart-x',
      this.t(type === 'scatter' ? 'builder.chart.x-scatter' : 'builder.chart.x'),
      widget.x,
      xChoices,
      (x) => {
        const field = fields.find((candidate) => candidate.name === x);
        this.updateWidget({
          x,
          timeunit: field && isDate(field) ? (widget.timeunit ?? 'year') : undefined,
          description: undefined,
        });
      },
    )}
    ${
      xField && isDate(xField)
        ? this.selectField(
            'chart-timeunit',
            this.t('builder.chart.timeunit'),
            widget.timeunit ?? '',
            [['', this.t('builder.timeunit.none')], ...this.options('timeunit', TIME_UNITS)],
            (unit) => this.updateWidget({timeunit: (unit || undefined) as WidgetState['timeunit']}),
          )
        : nothing
    }
    ${
      type === 'scatter'
        ? this.fieldSelect(
            'chart-y',
            this.t('builder.chart.y-scatter'),
            widget.y,
            fields.filter(isNumeric),
            (y) => this.updateWidget({y, description: undefined}),
          )
        : this.renderAggregate('y', widget.y, (y) => this.updateWidget({y, description: undefined}))
    }`;
  }

  private renderMapEditor(widget: WidgetState): TemplateResult {
    const fields = this.fields;
    const modes = mapModes(fields);
    const mode = widget.mode ?? modes[0];
    const outlines = joinableOutlines(fields);
    const outline = outlineOf(widget.shapes);
    return html`${this.radios(
      'map-mode',
      this.t('builder.map.mode'),
      mode,
      this.options('map', modes),
      (value) => this.chooseMapMode(value as MapMode),
    )}
    ${
      mode === 'choropleth'
        ? html`${this.selectField(
            'map-shapes',
            this.t('builder.map.shapes'),
            widget.shapes ?? '',
            outlines.map((candidate) => [
              candidate.file,
              this.t(`builder.outline.${candidate.file}` as BuilderMessageKey),
            ]),
            (file) => this.chooseOutline(file),
          )}
          ${
            outline
              ? this.fieldSelect(
                  'map-key',
                  this.t('builder.map.key'),
                  widget.key,
                  keyFields(fields, outline.level),
                  (key) => this.updateWidget({key, description: undefined}),
                  this.t('builder.map.key-help'),
                )
              : nothing
          }
          ${this.renderAggregate('value', widget.value, (value) => this.updateWidget({value, description: undefined}))}`
        : nothing
    }`;
  }

  private renderTableEditor(widget: WidgetState): TemplateResult {
    const chosen = new Set((widget.columns ?? '').split(',').filter(Boolean));
    const toggle = (name: string, checked: boolean) => {
      const next = this.fields
        .map((field) => field.name)
        .filter((candidate) => (candidate === name ? checked : chosen.has(candidate)));
      this.updateWidget({columns: next.join(',') || undefined});
    };
    return html`<fieldset>
      <legend>${this.t('builder.table.columns')}</legend>
      ${this.fields.map(
        (field, index) =>
          html`<div class="choice">
            <input
              type="checkbox"
              id="column-${index}"
              .checked=${chosen.has(field.name)}
              @change=${(event: Event) => toggle(field.name, (event.target as HTMLInputElement).checked)}
            />
            <label for="column-${index}">${field.label} (${field.name})</label>
          </div>`,
      )}
    </fieldset>`;
  }

  private renderFilterEditor(widget: WidgetState): TemplateResult {
    const fields = filterFields(this.fields);
    const field = this.fields.find((candidate) => candidate.name === widget.field);
    const types = filterTypes(field);
    return html`${this.fieldSelect(
      'filter-field',
      this.t('builder.filter.field'),
      widget.field,
      fields,
      (name) => {
        const chosen = this.fields.find((candidate) => candidate.name === name);
        const allowed = filterTypes(chosen);
        this.updateWidget({
          field: name,
          filterType: allowed.includes(widget.filterType!) ? widget.filterType : allowed[0],
        });
      },
    )}
    ${this.radios(
      'filter-type',
      this.t('builder.filter.type'),
      widget.filterType ?? types[0],
      FILTER_TYPES.filter((type) => types.includes(type)).map((type) => [
        type,
        this.t(`builder.filter.${type}`),
      ]),
      (value) => this.updateWidget({filterType: value as WidgetState['filterType']}),
    )}
    ${this.textField('filter-label', this.t('builder.filter.label'), widget.label, (label) => this.updateWidget({label}))}`;
  }

  /** An aggregate as two choices: the calculation, and the numeric field it applies to. */
  private renderAggregate(
    id: string,
    expression: string | undefined,
    change: (value: string) => void,
  ): TemplateResult {
    const {fn, field} = splitAggregate(expression);
    const numeric = this.fields.filter(isNumeric);
    const functions: AggregateFn[] = numeric.length ? aggregatesFor(numeric[0]) : ['count'];
    return html`${this.selectField(
      `${id}-fn`,
      this.t('builder.aggregate'),
      fn,
      this.options('aggregate', functions),
      (chosen) => change(aggregate(chosen as AggregateFn, field ?? numeric[0]?.name)),
    )}
    ${
      fn === 'count'
        ? nothing
        : this.fieldSelect(
            `${id}-field`,
            this.t('builder.measure'),
            field,
            numeric,
            (name) => change(aggregate(fn, name)),
            this.t('builder.measure-help'),
          )
    }`;
  }

  private renderStep3(): TemplateResult {
    const build = this.build!;
    const widget = this.widget!;
    const fields = this.fields;
    const proposal = this.proposal(widget);
    const required = this.needsDescription(widget);
    const descriptionMissing = required && widget.description !== undefined && !widget.description.trim();
    const measure = mainMeasure(fields);
    const category = mainCategory(fields);
    const example = measure ? `${measure.name} > 1000` : category ? `${category.name} = "…"` : 'champ = "…"';
    return html`<section aria-labelledby="step3-heading">
      ${this.renderHeading(3, 'builder.step3')}
      ${
        build.dashboard
          ? html`<fieldset>
              <legend>${this.t('builder.details.dashboard')}</legend>
              ${this.textField('dashboard-title', this.t('builder.widget-title'), build.title, (title) => this.updateBuild({title}))}
              ${this.textField(
                'dashboard-description',
                this.t('builder.description'),
                build.description,
                (description) => this.updateBuild({description}),
              )}
            </fieldset>`
          : nothing
      }
      <fieldset>
        <legend>
          ${this.t('builder.details.widget')}${build.dashboard ? ` — ${this.t('builder.dashboard.item', {number: this.selected + 1, kind: this.t(`builder.kind.${widget.kind}`), text: this.widgetText(widget)})}` : ''}
        </legend>
        ${this.textField('widget-title', this.t('builder.widget-title'), widget.title, (title) => this.updateWidget({title}))}
        <div class="field">
          <label for="widget-description">${this.t('builder.description')}</label>
          <p class="help" id="widget-description-help">${this.t('builder.description-help')}</p>
          <textarea
            id="widget-description"
            rows="3"
            ?required=${required}
            aria-required=${required ? 'true' : 'false'}
            aria-invalid=${descriptionMissing ? 'true' : 'false'}
            aria-describedby=${descriptionMissing ? 'widget-description-help widget-description-error' : 'widget-description-help'}
            .value=${widget.description ?? proposal ?? ''}
            @change=${(event: Event) => this.updateWidget({description: (event.target as HTMLTextAreaElement).value})}
          ></textarea>
          ${descriptionMissing ? html`<p class="error" id="widget-description-error">${this.t('builder.description-required')}</p>` : nothing}
          ${
            proposal
              ? html`<p>
                  <button
                    type="button"
                    class="secondary"
                    id="propose"
                    @click=${() => this.updateWidget({description: undefined})}
                  >
                    ${this.t('builder.description-propose')}
                  </button>
                </p>`
              : nothing
          }
        </div>
        ${this.textField('where', this.t('builder.where'), widget.where, (where) => this.whereInput(where ?? ''), this.t('builder.where-help', {example}), this.errors.where)}
        ${this.renderCondition()} ${this.renderSort(widget)}
        ${
          widget.kind === 'chart' || widget.kind === 'table'
            ? this.numberField(
                'limit',
                this.t(widget.kind === 'table' ? 'builder.limit-table' : 'builder.limit'),
                widget.limit,
                (limit) => this.updateWidget({limit}),
                this.t('builder.limit-help'),
              )
            : nothing
        }
        ${
          widget.kind === 'chart' || widget.kind === 'map'
            ? this.numberField('height', this.t('builder.height'), widget.height, (height) =>
                this.updateWidget({height}),
              )
            : nothing
        }
      </fieldset>
      ${this.renderTemplate()}
      <fieldset>
        <legend>${this.t('builder.details.look')}</legend>
        ${this.selectField(
          'palette',
          this.t('builder.palette'),
          build.palette ?? 'default',
          this.options('palette', PALETTES),
          (palette) =>
            this.updateBuild({
              palette: palette === 'default' ? undefined : (palette as BuilderState['palette']),
            }),
        )}
        ${this.selectField(
          'theme',
          this.t('builder.theme'),
          build.theme ?? '',
          [['', this.t('builder.theme.none')], ...this.options('theme', THEMES)],
          (theme) => this.updateBuild({theme: (theme || undefined) as BuilderState['theme']}),
        )}
        ${this.selectField(
          'widget-lang',
          this.t('builder.lang'),
          build.lang ?? '',
          [
            ['', this.t('builder.lang.none')],
            ['fr', this.t('builder.lang.fr')],
            ['en', this.t('builder.lang.en')],
          ],
          (value) => this.updateBuild({lang: (value || undefined) as BuilderState['lang']}),
        )}
        ${this.numberField('refresh', this.t('builder.refresh'), build.refresh, (refresh) => this.updateBuild({refresh}), this.t('builder.refresh-help'))}
      </fieldset>
    </section>`;
  }

  /** A condition made of a field, an operator and a value, added to the filter without typing an expression. */
  private renderCondition(): TemplateResult {
    const fields = filterFields(this.fields);
    const field = fields.find((candidate) => candidate.name === this.condition.field) ?? fields[0];
    const ops: CompareOp[] =
      field && (isNumeric(field) || isDate(field)) ? ['=', '!=', '<', '<=', '>', '>='] : ['=', '!='];
    const error = this.errors.condition;
    return html`<fieldset id="condition-group">
      <legend>${this.t('builder.condition')}</legend>
      ${this.fieldSelect(
        'condition-field',
        this.t('builder.condition.field'),
        field?.name,
        fields,
        (name) => {
          this.condition = {...this.condition, field: name};
        },
      )}
      ${this.selectField(
        'condition-op',
        this.t('builder.condition.op'),
        ops.includes(this.condition.op) ? this.condition.op : '=',
        this.options('op', ops),
        (op) => (this.condition = {...this.condition, op: op as CompareOp}),
      )}
      <div class="field">
        <label for="condition-value">${this.t('builder.condition.value')}</label>
        ${this.renderValuePicker(
          'condition-value',
          field,
          this.condition.value,
          (value) => (this.condition = {...this.condition, value}),
          error ? 'condition-error' : undefined,
        )}
        ${error ? html`<p class="error" id="condition-error">${error}</p>` : nothing}
      </div>
      <button type="button" class="secondary" id="add-condition" @click=${() => this.addCondition(field)}>
        ${this.t('builder.condition.add')}
      </button>
    </fieldset>`;
  }

  /**
   * A value of `field` (control `id`, described by the error `errorId` when given): a list of the
   * field's actual values for a text field once loaded, else a box to type in (suggesting them
   * when there are too many).
   */
  private renderValuePicker(
    id: string,
    field: FieldInfo | undefined,
    value: string,
    change: (value: string) => void,
    errorId?: string,
  ): TemplateResult {
    const loaded = field ? this.fieldValues.values.get(field.name) : undefined;
    const values = loaded?.values ?? [];
    const changed = (event: Event) => change((event.target as HTMLInputElement | HTMLSelectElement).value);
    if (loaded?.complete && values.length) {
      return html`<select
        id=${id}
        aria-invalid=${errorId ? 'true' : 'false'}
        aria-describedby=${errorId ?? nothing}
        @change=${changed}
      >
        <option value="" ?selected=${!value}>${this.t('builder.condition.pick')}</option>
        ${values.map((item) => html`<option value=${item} ?selected=${item === value}>${item}</option>`)}
      </select>`;
    }
    return html`<input
        id=${id}
        type=${field && isNumeric(field) ? 'number' : field && isDate(field) ? 'date' : 'text'}
        .value=${value}
        aria-invalid=${errorId ? 'true' : 'false'}
        aria-describedby=${errorId ?? nothing}
        list=${values.length ? `${id}-values` : nothing}
        @input=${changed}
      />${
        values.length
          ? html`<datalist id="${id}-values">
              ${values.map((item) => html`<option value=${item}></option>`)}
            </datalist>`
          : nothing
      }`;
  }

  /** Turns the widget or dashboard into a template: each page picks a value of a field (its commune). */
  private renderTemplate(): TemplateResult {
    const build = this.build!;
    const texts = filterFields(this.fields).filter((field) => !isNumeric(field) && !isDate(field));
    const param = texts.find((field) => field.name === build.param);
    const fieldOptions = texts.map((field): [string, string] => [
      field.name,
      field.label === field.name ? field.name : `${field.label} (${field.name})`,
    ]);
    return html`<fieldset id="template-group" aria-describedby="template-help">
      <legend>${this.t('builder.template')}</legend>
      <p class="help" id="template-help">${this.t('builder.template-help')}</p>
      ${this.selectField(
        'template-param',
        this.t('builder.template.param'),
        build.param ?? '',
        [['', this.t('builder.template.none')], ...fieldOptions],
        (name) =>
          this.updateBuild({
            param: name || undefined,
            paramLabel: name || undefined,
            paramTitle: texts.find((field) => field.name === name)?.label,
            paramDefault: undefined,
          }),
      )}
      ${
        param
          ? html`${this.selectField(
                'template-label',
                this.t('builder.template.label'),
                build.paramLabel ?? param.name,
                fieldOptions,
                (name) =>
                  this.updateBuild({
                    paramLabel: name,
                    paramTitle: texts.find((field) => field.name === name)?.label,
                  }),
              )}
              <div class="field">
                <label for="template-default">${this.t('builder.template.default')}</label>
                ${this.renderValuePicker('template-default', param, build.paramDefault ?? '', (value) =>
                  this.updateBuild({paramDefault: value || undefined}),
                )}
              </div>`
          : nothing
      }
    </fieldset>`;
  }

  /** Loads the values of the text fields the condition and the template pick from, once each. */
  private loadFieldValues(): void {
    const src = this.build?.src;
    if (!src) return;
    // The values among the rows the widget shows: its condition bounds them.
    const where = this.widget?.where?.trim() ?? '';
    const scope = `${src}\n${where}`;
    if (this.fieldValues.scope !== scope) this.fieldValues = {scope, values: new Map()};
    const texts = filterFields(this.fields).filter((field) => !isNumeric(field) && !isDate(field));
    const condition = texts.find((field) => field.name === this.condition.field) ?? texts[0];
    for (const name of [condition?.name, this.build?.param]) {
      if (!name || this.fieldValues.values.has(name) || this.fieldValuesLoading.has(`${scope}\n${name}`))
        continue;
      this.fieldValuesLoading.add(`${scope}\n${name}`);
      facets(src, [name], {api: this.build?.api, where}).then(
        ([facet]) => {
          const all = facet?.values ?? [];
          const values = all.slice(0, CONDITION_VALUES).map(({value}) => String(value));
          if (this.fieldValues.scope !== scope) return;
          const loaded = new Map(this.fieldValues.values);
          loaded.set(name, {
            values: values.sort((a, b) => compareText(a, b, {numeric: true})),
            complete: all.length <= CONDITION_VALUES,
          });
          this.fieldValues = {scope, values: loaded};
        },
        // Without the values (or with a condition being typed), the value is typed.
        () => undefined,
      );
    }
  }

  private addCondition(field: FieldInfo | undefined): void {
    const value = this.condition.value.trim();
    const errors = {...this.errors};
    delete errors.condition;
    if (!field || !value || (isNumeric(field) && !Number.isFinite(Number(value)))) {
      this.errors = {...errors, condition: this.t('builder.condition.invalid')};
      return;
    }
    this.errors = errors;
    const literal: Literal = isNumeric(field)
      ? {type: 'number', value: Number(value)}
      : isDate(field)
        ? {type: 'date', value}
        : {type: 'string', value};
    const op = isNumeric(field) || isDate(field) || this.condition.op === '!=' ? this.condition.op : '=';
    const current = this.widget?.where?.trim();
    let existing;
    try {
      existing = current ? parseFilter(current) : undefined;
    } catch {
      existing = undefined;
    }
    const combined = and(existing, {type: 'compare', field: field.name, op, value: literal});
    this.whereInput(combined ? formatFilter(combined) : '');
    this.condition = {field: field.name, op: '=', value: ''};
  }

  private renderSort(widget: WidgetState): TemplateResult | typeof nothing {
    if (widget.kind === 'chart' && widget.chartType !== 'scatter') {
      return this.selectField(
        'sort',
        this.t('builder.sort'),
        widget.sort ?? '',
        [['', this.t('builder.sort.none')], ...this.options('sort', ['x', '-x', 'y', '-y'])],
        (sort) => this.updateWidget({sort: sort || undefined, description: undefined}),
      );
    }
    if (widget.kind === 'table') {
      const columns = (widget.columns ?? '').split(',').filter(Boolean);
      const names = columns.length ? columns : this.fields.map((field) => field.name);
      return this.selectField(
        'sort',
        this.t('builder.sort'),
        widget.sort ?? '',
        [
          ['', this.t('builder.sort.none')],
          ...names.flatMap((name): Array<[string, string]> => [
            [name, this.t('builder.sort.asc', {field: labelOf(this.fields, name)})],
            [`-${name}`, this.t('builder.sort.desc', {field: labelOf(this.fields, name)})],
          ]),
        ],
        (sort) => this.updateWidget({sort: sort || undefined}),
      );
    }
    return nothing;
  }

  private renderResult(): TemplateResult {
    return html`<div class="result">
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">${this.t('builder.preview')}</h2>
        ${this.radios(
          'preview-width',
          this.t('builder.preview.width'),
          this.previewWidth,
          [
            ['desktop', this.t('builder.preview.desktop')],
            ['mobile', this.t('builder.preview.mobile')],
          ],
          (value) => (this.previewWidth = value as 'mobile' | 'desktop'),
        )}
        <div
          id="preview-frame"
          part="preview"
          class="preview-frame ${this.previewWidth}"
          ${cssProperties(this.build ? styleProperties(this.build) : {})}
          @odw-load=${() => void this.updateReader()}
          @odw-error=${() => void this.updateReader()}
        ></div>
        <h3 id="reader-heading">${this.t('builder.reader')}</h3>
        <ul class="reader" id="reader" aria-labelledby="reader-heading">
          ${
            this.reader.length
              ? this.reader.map((text) => html`<li>${text}</li>`)
              : html`<li>${this.t('builder.reader.waiting')}</li>`
          }
        </ul>
      </section>
      <section aria-labelledby="code-heading">
        <h2 id="code-heading">${this.t('builder.code')}</h2>
        <p class="help" id="code-help">${this.t('builder.code-help')}</p>
        <pre
          part="code"
          id="code"
          tabindex="0"
          aria-labelledby="code-heading"
          aria-describedby="code-help"
        ><code>${this.code}</code></pre>
        <div class="actions">
          <button type="button" id="copy" @click=${() => void this.copyCode()}>
            ${this.t('builder.copy')}
          </button>
          <a id="link" href=${this.link} aria-describedby="link-help">${this.t('builder.link')}</a>
        </div>
        <p class="help" id="link-help">${this.t('builder.link-help')}</p>
        <textarea id="copy-source" class="copy-source" aria-hidden="true" tabindex="-1" readonly></textarea>
        ${this.renderIframeCode()}
      </section>
    </div>`;
  }

  /** The iframe of the embed page, for a CMS that forbids scripts. */
  private renderIframeCode(): TemplateResult {
    const iframe = this.iframe;
    const resize = new URL('embed-resize.js', this.snippetContext.embedSrc).href;
    return html`<div class="iframe-code">
      <h3 id="iframe-heading">${this.t('builder.iframe')}</h3>
      ${
        iframe
          ? html`<p class="help" id="iframe-help">${this.t('builder.iframe-help', {resize})}</p>
              <pre
                part="code"
                id="iframe-code"
                tabindex="0"
                aria-labelledby="iframe-heading"
                aria-describedby="iframe-help"
              ><code>${iframe}</code></pre>
              <div class="actions">
                <button
                  type="button"
                  id="copy-iframe"
                  @click=${() => void this.copyCode(iframe, '#copy-iframe')}
                >
                  ${this.t('builder.copy-iframe')}
                </button>
              </div>`
          : html`<p class="help" id="iframe-help">
              ${this.t(this.build && asDashboard(this.build) ? 'builder.iframe-dashboard' : 'builder.iframe-filter')}
            </p>`
      }
    </div>`;
  }

  // -------------------------------------------------------------------------------------------
  // Form controls: every one labelled, its help and error tied with aria-describedby.

  private describedBy(id: string, help?: string, error?: string): string | typeof nothing {
    const ids = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return ids || nothing;
  }

  private textField(
    id: string,
    label: string,
    value: string | undefined,
    change: (value: string | undefined) => void,
    help?: string,
    error?: string,
  ): TemplateResult {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${help ? html`<p class="help" id="${id}-help">${help}</p>` : nothing}
      <input
        id=${id}
        type="text"
        .value=${value ?? ''}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${this.describedBy(id, help, error)}
        @change=${(event: Event) => change((event.target as HTMLInputElement).value.trim() || undefined)}
      />
      ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  private numberField(
    id: string,
    label: string,
    value: number | undefined,
    change: (value: number | undefined) => void,
    help?: string,
  ): TemplateResult {
    const error = this.errors[id];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${help ? html`<p class="help" id="${id}-help">${help}</p>` : nothing}
      <input
        id=${id}
        type="number"
        min="1"
        step="1"
        inputmode="numeric"
        .value=${value === undefined ? '' : String(value)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${this.describedBy(id, help, error)}
        @change=${(event: Event) => {
          const parsed = this.numberInput(id, (event.target as HTMLInputElement).value);
          if (parsed !== null) change(parsed);
        }}
      />
      ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  /**
   * The options of a select of fixed values, each labelled by the string `builder.<group>.<value>`
   * (the type refuses a value without its string).
   */
  private options<G extends string, const V extends string>(
    group: G,
    values: readonly V[] & (`builder.${G}.${V}` extends BuilderMessageKey ? unknown : never),
  ): Array<[string, string]> {
    return values.map((value) => [value, this.t(`builder.${group}.${value}` as BuilderMessageKey)]);
  }

  private selectField(
    id: string,
    label: string,
    value: string,
    options: Array<[string, string]>,
    change: (value: string) => void,
    help?: string,
  ): TemplateResult {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${help ? html`<p class="help" id="${id}-help">${help}</p>` : nothing}
      <select
        id=${id}
        aria-describedby=${this.describedBy(id, help)}
        @change=${(event: Event) => change((event.target as HTMLSelectElement).value)}
      >
        ${options.map(
          ([optionValue, text]) =>
            html`<option value=${optionValue} ?selected=${optionValue === value}>${text}</option>`,
        )}
      </select>
    </div>`;
  }

  private fieldSelect(
    id: string,
    label: string,
    value: string | undefined,
    fields: FieldInfo[],
    change: (value: string) => void,
    help?: string,
  ): TemplateResult {
    return this.selectField(
      id,
      label,
      value ?? '',
      fields.map((field) => [
        field.name,
        field.label === field.name ? field.name : `${field.label} (${field.name})`,
      ]),
      change,
      help,
    );
  }

  private radios(
    name: string,
    legend: string,
    value: string,
    options: Array<[string, string]>,
    change: (value: string) => void,
    note?: string,
  ): TemplateResult {
    return html`<fieldset id="${name}-group" aria-describedby=${note ? `${name}-note` : nothing}>
      <legend>${legend}</legend>
      ${options.map(
        ([optionValue, text]) =>
          html`<div class="choice">
            <input
              type="radio"
              name=${name}
              id="${name}-${optionValue}"
              value=${optionValue}
              .checked=${optionValue === value}
              @change=${() => change(optionValue)}
            />
            <label for="${name}-${optionValue}">${text}</label>
          </div>`,
      )}
      ${note ? html`<p class="help" id="${name}-note">${note}</p>` : nothing}
    </fieldset>`;
  }
}

function createElement(spec: ElementSpec): HTMLElement {
  const element = document.createElement(spec.tag);
  for (const [name, value] of spec.attributes) element.setAttribute(name, value === true ? '' : value);
  return element;
}

function textOf(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * What a screen reader gets from a widget: its heading, then its accessible name (a key figure's
 * label and value, a chart's or map's generated summary, a table's caption) and its description.
 */
export function spokenText(widget: Element): string {
  const root = widget.shadowRoot;
  if (!root) return '';
  const parts: string[] = [];
  const add = (text: string) => {
    if (text && !parts.some((part) => part.includes(text))) parts.push(text);
  };
  add(textOf(root.querySelector('[part~="title"]')));
  const group = root.querySelector('.kpi[aria-labelledby]');
  if (group) {
    add(
      (group.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => textOf(root.getElementById(id)))
        .join(' '),
    );
  }
  add(textOf(root.querySelector('#summary')));
  add(textOf(root.querySelector('caption')));
  add(textOf(root.querySelector('#description')));
  // A filter has no summary: its control's label says what it filters.
  if (widget.localName === 'odw-filter') add(textOf(root.querySelector('label, legend')));
  add(textOf(root.querySelector('[part~="status"]')));
  return parts.join(' — ');
}
