import {LitElement, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {normalizeLang, resolveLang, type Lang} from '../../core/lang.js';
import {dsfrSheet, themeIn, themeStyles} from '../../core/theme.js';
import {hostStyles} from '../../core/data-element.styles.js';
import type {DashboardConfig, ElementConfig} from './dashboard-config.js';
import {dashboardStyles} from './odw-dashboard.styles.js';
import {linkedStylesRoot} from '../../core/linked-styles.js';
import {PageSchemeController} from '../../core/page-scheme.js';
import {levelAfterPrecedingHeading} from '../../core/heading-level.js';
import {applyDefaults, propertiesOf, type AttributeValues} from '../../core/schema.js';
import {dashboardAttributes} from './odw-dashboard.schema.js';
import {dashboardText} from './odw-dashboard.messages.js';
import {DashboardConfigController} from './dashboard-config-controller.js';
import {renderConfigStatus, renderParams} from './dashboard-status.js';
import {SourceCitationController} from './source-citation.js';
import {
  WIDGET_SELECTOR,
  assignDefault,
  attributeTexts,
  exportedParts,
  setAttributes,
} from './dashboard-widgets.js';

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
  static override styles = [themeStyles, ...(dsfrSheet ? [dsfrSheet] : []), hostStyles, dashboardStyles];

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

  /** The JSON configuration: read, its parameters replaced, validated, its widgets' modules loaded. */
  private readonly configReader = new DashboardConfigController(this, {
    hasDefaultSource: () => Boolean(this.defaultSourceId),
    onSettled: (state) => this.applyHostDefaults(state.status === 'ready' ? state.config : undefined),
  });

  /** The JSON configuration in force, once valid and its widgets' modules loaded. */
  get configuration(): DashboardConfig | undefined {
    return this.configReader.configuration;
  }

  /** Makes every source of the dashboard (configured or default) reload fresh data now. */
  reload(): void {
    for (const source of this.ownSources()) source.reload();
  }

  private internalSource?: HTMLElementTagNameMap['odw-source'];
  private readonly internalSourceId = `odw-dashboard-source-${++internalSourceCount}`;
  /** Children given the default source, theme or heading level by the dashboard (and only those: theirs is kept). */
  private readonly assignedSource = new WeakSet<Element>();
  private readonly assignedTheme = new WeakSet<Element>();
  private readonly assignedHeadingLevel = new WeakSet<Element>();
  /** Attributes of the host set from the configuration, to undo when the configuration changes. */
  private readonly appliedFromConfig = new Set<'columns' | 'theme'>();
  private readonly childObserver = new MutationObserver(() => this.childrenChanged());
  private builtConfig?: DashboardConfig;
  private generated: Element[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.pageHeadingLevel = levelAfterPrecedingHeading(this);
    this.childObserver.observe(this, {childList: true, subtree: true, characterData: true});
    this.syncInternalSource();
    this.childrenChanged();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childObserver.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.isConnected) return;
    if (changed.has('config')) this.configReader.read();
    else if (changed.has('params')) this.configReader.paramsChanged();
    const sourceProps = ['src', 'api', 'apiKey', 'where', 'refresh', 'urlSync', 'source'] as const;
    if (sourceProps.some((name) => changed.has(name))) this.syncInternalSource();
    const headingProps = ['theme', 'headingLevel', 'title'] as const;
    if (sourceProps.some((name) => changed.has(name)) || headingProps.some((name) => changed.has(name)))
      this.syncDefaults();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const config = this.configuration;
    if (config !== this.builtConfig) this.build(config);
  }

  protected override render(): TemplateResult {
    // The DSFR's rules load with the first element of that theme; the dashboard stays hidden until
    // they are in (src/core/theme.ts), its widgets and their requests start meanwhile.
    themeIn(this);
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
      ${renderParams(this.configReader.state, (name, value) => this.configReader.pick(name, value))}
      ${renderConfigStatus(this.configReader.state, lang)}
      <div
        class="filters"
        part="filters"
        role="group"
        aria-label=${dashboardText(lang, 'dashboard.filters')}
        ?hidden=${!config?.filters.length}
      ></div>
      <div class="grid ${this.configReader.state.status === 'none' ? '' : 'configured'}" part="grid">
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
    this.configReader.childrenChanged();
    // Which sources its widgets share may have changed (src/elements/odw-dashboard/source-citation.ts).
    this.requestUpdate();
  }

  /** The widgets, children and configured. */
  private get widgets(): Element[] {
    return [
      ...this.querySelectorAll(WIDGET_SELECTOR),
      ...this.generated.filter((element) => element.localName !== 'odw-source'),
    ];
  }

  /**
   * Gives the default source, theme and heading level to the widgets (children or configured) that
   * have none. The level is set here because a child widget, connected before the dashboard has
   * drawn its heading in its shadow root, cannot find that heading (src/core/heading-level.ts).
   */
  private syncDefaults(): void {
    const generated = new Set(this.generated);
    const headingLevel = this.widgetHeadingLevel;
    for (const widget of this.widgets) {
      const sourceId = this.defaultSourceFor(generated.has(widget));
      assignDefault(widget, 'source', sourceId, this.assignedSource, ['source', 'src']);
      assignDefault(widget, 'theme', this.theme, this.assignedTheme, ['theme']);
      assignDefault(widget, 'heading-level', headingLevel, this.assignedHeadingLevel, ['heading-level']);
    }
  }

  /** The level of the widgets' headings: under the dashboard's title, or in its place when it has none. */
  private get widgetHeadingLevel(): string {
    const level = Number(this.headingLevelValue);
    const titled = Boolean(this.title?.trim() || this.configuration?.title?.trim());
    return String(titled ? Math.min(6, level + 1) : level);
  }

  private defaultSourceFor(configured: boolean): string | undefined {
    const config = this.configuration;
    if (configured && config && config.sources.length > 0) return config.source ?? config.sources[0].id;
    return config?.source ?? this.defaultSourceId;
  }

  /** Replaces the configured elements by those of `config` (created, never parsed from text). */
  private build(config: DashboardConfig | undefined): void {
    this.builtConfig = config;
    for (const element of this.generated) element.remove();
    this.generated = [];
    if (!config) {
      // Without a configuration's title, the children's headings may move up a level.
      this.syncDefaults();
      return;
    }
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
      parent.append(element);
      this.generated.push(element);
    };
    for (const filter of config.filters) create(filter, filterBar);
    for (const widget of config.widgets) create(widget, grid);
    // Their source, theme and heading level (under the dashboard's), as for the children.
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
