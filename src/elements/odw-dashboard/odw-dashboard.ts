import {LitElement, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {state} from 'lit/decorators.js';
import {createFetchContext} from '../../data/request.js';
import {FormatError} from '../../data/errors.js';
import type {OfflineCopyOptions} from '../../data/offline-copy.js';
import {isAbortError} from '../../core/errors.js';
import {describeError} from '../../core/i18n.js';
import {normalizeLang, resolveLang, type Lang} from '../../core/lang.js';
import {themeStyles} from '../../core/theme.js';
import {hostStyles} from '../../core/data-element.styles.js';
import {
  validateConfig,
  type ConfigProblem,
  type DashboardConfig,
  type ElementConfig,
} from './dashboard-config.js';
import {dashboardStyles} from './odw-dashboard.styles.js';
import {linkedStylesRoot} from '../../core/linked-styles.js';
import {PageSchemeController} from '../../core/page-scheme.js';
import {levelAfterPrecedingHeading} from '../../core/heading-level.js';
import {applyDefaults, propertiesOf, type AttributeValues} from '../../core/schema.js';
import {dashboardAttributes} from './odw-dashboard.schema.js';
import {applyTemplate, type TemplateState} from './dashboard-template.js';
import {dashboardText} from './odw-dashboard.messages.js';
import {describeProblem} from './dashboard-problems.js';
import {SourceCitationController} from './source-citation.js';
import {
  WIDGET_SELECTOR,
  assignDefault,
  attributeTexts,
  exportedParts,
  setAttributes,
  widgetModules,
} from './dashboard-widgets.js';

/** Shown in place of the configured widgets when the configuration cannot be used. */
type ConfigFailure =
  | {kind: 'invalid'; problems: ConfigProblem[]}
  | {kind: 'json'; message: string}
  | {kind: 'fetch'; url: string; error: unknown}
  | {kind: 'module'; tag: string};

type ConfigState =
  | {status: 'none'}
  | {status: 'loading'}
  | {status: 'ready'; config: DashboardConfig; template: TemplateState}
  | {status: 'failed'; failure: ConfigFailure};

let internalSourceCount = 0;

// The fields are typed from the attribute schema (src/core/schema.ts).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface OdwDashboard extends AttributeValues<typeof dashboardAttributes> {}

/**
 * A responsive grid of widgets with a title and a description, a shared default source and one
 * theme for all. Either the widgets are its children (`span="2"` makes one two columns wide), or
 * the whole dashboard is described in JSON — `config="<url>"` or a `<script type="application/json">`
 * child — with sources, a bar of filters and widgets, using the attribute names of the tags:
 *
 * ```json
 * {
 *   "title": "Orléans Métropole", "columns": 3,
 *   "sources": [{"id": "pop", "src": "https://…/records", "where": "epci = \"Orléans Métropole\""}],
 *   "filters": [{"field": "commune", "type": "checkboxes"}],
 *   "widgets": [
 *     {"type": "kpi", "value": "sum(population)", "label": "Habitants"},
 *     {"type": "chart", "chart-type": "bar", "x": "commune", "y": "sum(population)", "span": 2}
 *   ]
 * }
 * ```
 *
 * In `widgets`, `type` is the kind of widget (`kpi`, `chart`, `map`, `table`, `filter`); the
 * `type` attribute of a chart or a filter is written `chart-type` / `filter-type`. A widget without
 * `source` or `src` uses the configuration's `source`, else its first source, else the
 * dashboard's own. The configuration's `title`, `description`, `columns`, `theme` and `lang` apply
 * where the element has no such attribute. An invalid configuration is listed, key by key with its
 * path (« widgets[2].tpye : clé inconnue (attendu : type, …) »), instead of the widgets.
 *
 * Children (and configured widgets) without `source` or `src` are bound to the default source:
 * `source` names an `odw-source` of the page; `src` (with `where`, `api`, `refresh`, `url-sync`)
 * makes one, added as an invisible child with the id `<dashboard id>-source`. Children without
 * `theme` take the dashboard's.
 *
 * @slot - The widgets (and `odw-source` elements) laid out in the grid.
 *
 * @summary A responsive grid of widgets with a title, a default source and one theme; or a whole dashboard from JSON.
 *
 *
 * @csspart base - The frame around everything.
 * @csspart header - The heading and the description.
 * @csspart title - The heading.
 * @csspart description - The description.
 * @csspart params - The selectors of the configuration's parameters that have `choices`.
 * @csspart filters - The bar of filters of a JSON configuration.
 * @csspart grid - The grid of widgets.
 * @csspart footer - The source its widgets share, cited once under the grid (those widgets show no footer).
 * @csspart status - The loading and configuration error messages.
 * @csspart widget - Each widget of a JSON configuration.
 * @csspart kpi-value - The parts of the widgets of a JSON configuration, prefixed with their kind:
 *   `kpi-value`, `chart-title`, `table-table`, `filter-control`… (every part of the widget).
 *
 * @cssprop --odw-dashboard-gap - Space between widgets (default `--odw-spacing`).
 * @cssprop --odw-dashboard-padding - Padding of the dashboard (default `--odw-spacing`).
 * @cssprop --odw-dashboard-background - Background (default `--odw-surface`).
 * @cssprop --odw-dashboard-title-font-size - Size of the heading (default 1.5rem).
 * @cssprop --odw-font-family - Font stack.
 * @cssprop --odw-text-color - Text.
 * @cssprop --odw-muted-color - The description.
 * @cssprop --odw-surface - Background.
 * @cssprop --odw-error-color - Configuration errors.
 * @cssprop --odw-error-surface - Background of configuration errors.
 * @cssprop --odw-radius - Corner radius.
 * @cssprop --odw-spacing - Padding and gaps.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class OdwDashboard extends LitElement {
  static override styles = [themeStyles, hostStyles, dashboardStyles];

  static override properties = propertiesOf(dashboardAttributes);

  constructor() {
    super();
    applyDefaults(this, dashboardAttributes);
  }

  /** Dark colours only where the page can be dark (src/core/page-scheme.ts). */
  protected readonly pageScheme = new PageSchemeController(this);

  /** The source its widgets share, cited once under the grid. */
  private readonly citation = new SourceCitationController(this, () => this.widgets);

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return linkedStylesRoot(this) ?? super.createRenderRoot();
  }

  @state() private configState: ConfigState = {status: 'none'};

  /** The JSON configuration in force, once valid and its widgets' modules loaded. */
  get configuration(): DashboardConfig | undefined {
    return this.configState.status === 'ready' ? this.configState.config : undefined;
  }

  /** Makes every source of the dashboard (configured or default) reload fresh data now. */
  reload(): void {
    for (const source of this.ownSources()) source.reload();
  }

  private internalSource?: HTMLElementTagNameMap['odw-source'];
  private readonly internalSourceId = `odw-dashboard-source-${++internalSourceCount}`;
  /** Children given the default source or theme by the dashboard (and only those: theirs is kept). */
  private readonly assignedSource = new WeakSet<Element>();
  private readonly assignedTheme = new WeakSet<Element>();
  /** Attributes of the host set from the configuration, to undo when the configuration changes. */
  private readonly appliedFromConfig = new Set<'columns' | 'theme'>();
  private readonly childObserver = new MutationObserver(() => this.childrenChanged());
  private configAbort?: AbortController;
  /** The text of the `<script type="application/json">` child last read. */
  private scriptText?: string;
  /** The configuration as read, before its parameters are replaced: re-read when a value changes. */
  private rawInput?: unknown;
  /** Values picked in the parameter selectors. */
  private readonly picked = new Map<string, string>();
  private builtConfig?: DashboardConfig;
  private generated: Element[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.pageHeadingLevel = levelAfterPrecedingHeading(this);
    this.childObserver.observe(this, {childList: true, subtree: true, characterData: true});
    this.syncInternalSource();
    this.childrenChanged();
    // Removed while its configuration was loading: load it again.
    if (this.hasUpdated && this.config?.trim() && this.configState.status === 'loading') this.readConfig();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childObserver.disconnect();
    this.configAbort?.abort();
    // Reconnected, the configuration is read again.
    this.configAbort = undefined;
    this.scriptText = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.isConnected) return;
    if (changed.has('config')) this.readConfig();
    else if (changed.has('params') && this.rawInput !== undefined) this.interpretAgain();
    const sourceProps = ['src', 'api', 'apiKey', 'where', 'refresh', 'urlSync', 'source'] as const;
    if (sourceProps.some((name) => changed.has(name))) this.syncInternalSource();
    if (sourceProps.some((name) => changed.has(name)) || changed.has('theme')) this.syncDefaults();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const config = this.configuration;
    if (config !== this.builtConfig) this.build(config);
  }

  protected override render(): TemplateResult {
    const lang = this.currentLang;
    const config = this.configuration;
    const title = (this.title?.trim() || config?.title?.trim()) ?? '';
    const description = (this.description?.trim() || config?.description?.trim()) ?? '';
    // title="" stops the host's `title` attribute from showing as a tooltip over the whole dashboard.
    return html`<section
      class="dashboard"
      part="base"
      title=""
      lang=${this.configLang ?? nothing}
      aria-labelledby=${title ? 'title' : nothing}
      aria-describedby=${description ? 'description' : nothing}
    >
      ${
        title || description
          ? html`<div class="header" part="header">
              ${
                title
                  ? html`<div
                      id="title"
                      class="title"
                      part="title"
                      role="heading"
                      aria-level=${this.headingLevelValue}
                    >
                      ${title}
                    </div>`
                  : nothing
              }
              ${description ? html`<p id="description" class="description" part="description">${description}</p>` : nothing}
            </div>`
          : nothing
      }
      ${this.renderParams()} ${this.renderConfigStatus(lang)}
      <div
        class="filters"
        part="filters"
        role="group"
        aria-label=${dashboardText(lang, 'dashboard.filters')}
        ?hidden=${!config?.filters.length}
      ></div>
      <div class="grid ${this.configState.status === 'none' ? '' : 'configured'}" part="grid">
        <slot></slot>
        <div class="generated"></div>
      </div>
      ${this.citation.render(lang)}
    </section>`;
  }

  /** The language of the dashboard's own text: its `lang`, else the configuration's, else inherited. */
  private get currentLang(): Lang {
    if (!this.lang?.trim()) {
      const configured = this.configLang;
      if (configured) return configured;
    }
    return resolveLang(this);
  }

  /** The configuration's `lang`, when the element has none of its own. */
  private get configLang(): Lang | undefined {
    const lang = this.configuration?.lang;
    return lang && !this.lang?.trim() ? normalizeLang(lang) : undefined;
  }

  /** The heading's level when `heading-level` is not given, found when the dashboard is connected. */
  private pageHeadingLevel = 2;

  private get headingLevelValue(): string {
    const level = Math.round(Number(this.headingLevel ?? this.pageHeadingLevel));
    return String(level >= 1 && level <= 6 ? level : 2);
  }

  private renderConfigStatus(lang: Lang): unknown {
    const configState = this.configState;
    if (configState.status === 'loading') {
      return html`<p class="status loading" part="status" role="status">
        ${dashboardText(lang, 'dashboard.loading')}
      </p>`;
    }
    if (configState.status !== 'failed') return nothing;
    const {failure} = configState;
    let content: unknown;
    switch (failure.kind) {
      case 'invalid':
        content = html`<p>${dashboardText(lang, 'dashboard.config-invalid')}</p>
          <ul>
            ${failure.problems.map((problem) => html`<li class="problem">${describeProblem(problem, lang)}</li>`)}
          </ul>`;
        break;
      case 'json':
        content = html`<p>${dashboardText(lang, 'dashboard.error.json', {message: failure.message})}</p>`;
        break;
      case 'fetch':
        content = html`<p>
          ${dashboardText(lang, 'dashboard.error.fetch', {url: failure.url, message: describeError(failure.error, lang)})}
        </p>`;
        break;
      case 'module':
        content = html`<p>${dashboardText(lang, 'dashboard.error.module', {tag: failure.tag})}</p>`;
        break;
    }
    return html`<div class="status error" part="status" role="alert">${content}</div>`;
  }

  /** The id of the source children without `source` / `src` are bound to. */
  private get defaultSourceId(): string | undefined {
    const named = this.source?.trim();
    if (named) return named;
    return this.internalSource ? this.internalSource.id : undefined;
  }

  /** Makes, updates or removes the `odw-source` behind `src`. */
  private syncInternalSource(): void {
    const src = this.src?.trim();
    if (!src || this.source?.trim()) {
      this.internalSource?.remove();
      this.internalSource = undefined;
      return;
    }
    if (!this.internalSource) {
      this.internalSource = document.createElement('odw-source');
      this.internalSource.id = this.id ? `${this.id}-source` : this.internalSourceId;
    }
    const attributes: Record<string, string | undefined> = {
      src,
      api: this.api,
      'api-key': this.apiKey,
      where: this.where,
      refresh: this.refresh === undefined || this.refresh === null ? undefined : String(this.refresh),
      'url-sync': this.urlSync ?? undefined,
    };
    setAttributes(this.internalSource, attributes);
    // First child: connected before the widgets that follow look for it.
    if (this.internalSource.parentNode !== this) this.prepend(this.internalSource);
  }

  /** Children were added or removed, or the text of the configuration script changed. */
  private childrenChanged(): void {
    this.syncDefaults();
    if (!this.config?.trim()) {
      const script = this.querySelector(':scope > script[type="application/json"]');
      const text = script?.textContent ?? undefined;
      if (text !== this.scriptText) {
        this.scriptText = text;
        this.readConfig();
      }
    }
  }

  /** The widgets, children and configured. */
  private get widgets(): Element[] {
    return [
      ...this.querySelectorAll(WIDGET_SELECTOR),
      ...this.generated.filter((element) => element.localName !== 'odw-source'),
    ];
  }

  /** Gives the default source and theme to the widgets (children or configured) that have none. */
  private syncDefaults(): void {
    const generated = new Set(this.generated);
    for (const widget of this.widgets) {
      const sourceId = this.defaultSourceFor(generated.has(widget));
      assignDefault(widget, 'source', sourceId, this.assignedSource, ['source', 'src']);
      assignDefault(widget, 'theme', this.theme, this.assignedTheme, ['theme']);
    }
  }

  private defaultSourceFor(configured: boolean): string | undefined {
    const config = this.configuration;
    if (configured && config && config.sources.length > 0) return config.source ?? config.sources[0].id;
    return config?.source ?? this.defaultSourceId;
  }

  /** Reads the configuration from `config` or the script child, validates it, loads its widgets. */
  private readConfig(): void {
    this.configAbort?.abort();
    const abort = new AbortController();
    this.configAbort = abort;
    const url = this.config?.trim();
    const text = url
      ? undefined
      : this.querySelector(':scope > script[type="application/json"]')?.textContent;
    this.scriptText = text ?? undefined;
    if (!url && text === undefined) {
      this.applyHostDefaults(undefined);
      this.configState = {status: 'none'};
      return;
    }
    this.configState = {status: 'loading'};
    void this.loadConfig(url, text ?? '', abort.signal).then((configState) => {
      if (abort.signal.aborted) return;
      this.applyHostDefaults(configState.status === 'ready' ? configState.config : undefined);
      this.configState = configState;
    });
  }

  private async loadConfig(url: string | undefined, text: string, signal: AbortSignal): Promise<ConfigState> {
    let input: unknown;
    if (url) {
      const absolute = new URL(url, document.baseURI).href;
      try {
        input = await createFetchContext({signal, offlineCopy: this.offlineCopy}).fetchJson(absolute);
      } catch (error) {
        if (isAbortError(error) || signal.aborted) return {status: 'loading'};
        if (error instanceof FormatError) return failed({kind: 'json', message: error.message});
        return failed({kind: 'fetch', url, error});
      }
    } else {
      try {
        input = JSON.parse(text);
      } catch (error) {
        return failed({kind: 'json', message: (error as Error).message});
      }
    }
    this.rawInput = input;
    return this.interpret(input, signal);
  }

  /** Replaces the parameters of a read configuration, validates it and loads its widgets' modules. */
  private async interpret(rawInput: unknown, signal: AbortSignal): Promise<ConfigState> {
    const applied = await applyTemplate(rawInput, {
      picked: this.picked,
      pageQuery: location.search,
      attribute: this.params,
      signal,
      offlineCopy: this.offlineCopy,
    });
    if (!applied.ok) return failed({kind: 'invalid', problems: applied.problems});
    const input = applied.input;
    const knownSourceIds = [...document.querySelectorAll('odw-source[id]')].map((source) => source.id);
    const result = validateConfig(input, {knownSourceIds, hasDefaultSource: Boolean(this.defaultSourceId)});
    if (!result.ok) return failed({kind: 'invalid', problems: result.problems});
    const tags = new Set([...result.config.filters, ...result.config.widgets].map((widget) => widget.tag));
    for (const tag of tags) {
      try {
        if (!customElements.get(tag)) await widgetModules[tag]();
      } catch {
        return failed({kind: 'module', tag});
      }
    }
    return {status: 'ready', config: result.config, template: applied.template};
  }

  /**
   * The configuration and the choices of its parameters are kept like the widgets' data: a page
   * reloaded while the portal is down still builds its dashboard (`no-offline-copy` turns it off).
   */
  private get offlineCopy(): OfflineCopyOptions | undefined {
    return this.noOfflineCopy ? undefined : {fallback: true, onCopy: () => undefined};
  }

  /** Interprets the configuration already read again, with the parameter values now in force. */
  private interpretAgain(): void {
    this.configAbort?.abort();
    const abort = new AbortController();
    this.configAbort = abort;
    void this.interpret(this.rawInput, abort.signal).then((configState) => {
      if (abort.signal.aborted) return;
      this.applyHostDefaults(configState.status === 'ready' ? configState.config : undefined);
      this.configState = configState;
    });
  }

  /** A labelled selector for each parameter that has choices. */
  private renderParams(): unknown {
    const template = this.configState.status === 'ready' ? this.configState.template : undefined;
    const selectable = template?.params.filter((param) => template.choices.get(param.name)?.length) ?? [];
    if (!template || selectable.length === 0) return nothing;
    return html`<div class="params" part="params">
      ${selectable.map((param) => {
        const current = template.values.get(param.name);
        const choices = template.choices.get(param.name)!;
        // A value from the URL or the attribute that the list lacks is still the one shown.
        const options =
          current && !choices.some((choice) => choice.value === current.value)
            ? [current, ...choices]
            : choices;
        return html`<label class="param"
          ><span>${param.label ?? param.name}</span>
          <select
            @change=${(event: Event) => this.pick(param.name, (event.target as HTMLSelectElement).value)}
          >
            ${options.map(
              (choice) =>
                html`<option value=${choice.value} ?selected=${choice.value === current?.value}>
                  ${choice.label}
                </option>`,
            )}
          </select></label
        >`;
      })}
    </div>`;
  }

  /** A value picked in a selector: every widget is drawn again, and the page URL follows with `url-sync`. */
  private pick(name: string, value: string): void {
    this.picked.set(name, value);
    const config = this.configuration;
    const syncs =
      this.urlSync !== undefined || config?.sources.some((source) => 'url-sync' in source.attributes);
    if (syncs) {
      const url = new URL(location.href);
      url.searchParams.set(name, value);
      history.replaceState(history.state, '', url);
    }
    this.interpretAgain();
  }

  /** Replaces the configured elements by those of `config` (created, never parsed from text). */
  private build(config: DashboardConfig | undefined): void {
    this.builtConfig = config;
    for (const element of this.generated) element.remove();
    this.generated = [];
    if (!config) return;
    const grid = this.renderRoot.querySelector('.generated')!;
    const filterBar = this.renderRoot.querySelector('.filters')!;
    for (const source of config.sources) {
      const element = document.createElement('odw-source');
      setAttributes(element, attributeTexts(source.attributes));
      grid.append(element);
      this.generated.push(element);
    }
    const create = (widget: ElementConfig, parent: Element) => {
      const element = document.createElement(widget.tag);
      setAttributes(element, attributeTexts(widget.attributes));
      element.setAttribute('part', 'widget');
      element.setAttribute('exportparts', exportedParts(widget.tag));
      // Each widget heading sits under the dashboard's.
      if (!element.hasAttribute('heading-level')) {
        element.setAttribute('heading-level', String(Math.min(6, Number(this.headingLevelValue) + 1)));
      }
      parent.append(element);
      this.generated.push(element);
    };
    for (const filter of config.filters) create(filter, filterBar);
    for (const widget of config.widgets) create(widget, grid);
    this.syncDefaults();
  }

  /** The configuration's `columns` and `theme` where the element has none (the styles read attributes). */
  private applyHostDefaults(config: DashboardConfig | undefined): void {
    for (const name of this.appliedFromConfig) this[name] = undefined;
    this.appliedFromConfig.clear();
    if (config?.columns !== undefined && !this.hasAttribute('columns')) {
      this.columns = config.columns;
      this.appliedFromConfig.add('columns');
    }
    if (config?.theme && !this.hasAttribute('theme')) {
      this.theme = config.theme;
      this.appliedFromConfig.add('theme');
    }
  }

  private ownSources(): Array<HTMLElementTagNameMap['odw-source']> {
    const sources = this.generated.filter(
      (element): element is HTMLElementTagNameMap['odw-source'] => element.localName === 'odw-source',
    );
    return this.internalSource ? [this.internalSource, ...sources] : sources;
  }
}

function failed(failure: ConfigFailure): ConfigState {
  return {status: 'failed', failure};
}
