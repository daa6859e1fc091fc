import {LitElement, html, nothing, type TemplateResult} from 'lit';
import {and, parseFilter, query} from '../data/index.js';
import type {ApiFamily, Filter, QueryOptions, QueryResult} from '../data/types.js';
import type {OfflineCopyOptions} from '../data/offline-copy.js';
import {dataElementStyles, hostStyles, visuallyHiddenStyles} from './data-element.styles.js';
import {dataElementAttributes} from './data-element.schema.js';
import {DataTaskController, type Loaded, type RunOptions} from './data-task-controller.js';
import {renderError, renderFrame, renderSkeleton} from './data-frame.js';
import type {DataSource} from './data-source.js';
import {announcerText, joinAnnouncer, leaveAnnouncer} from './live-region.js';
import {ConfigError, DRAW_FAILURE} from './errors.js';
import {t} from './i18n.js';
import {levelAfterPrecedingHeading} from './heading-level.js';
import {normalizeLang, resolveLang, type Lang} from './lang.js';
import {linkedStylesRoot} from './linked-styles.js';
import {OfflineCopyController} from './offline-copy-controller.js';
import {PageSchemeController} from './page-scheme.js';
import type {RefreshController} from './refresh-controller.js';
import {applyDefaults, propertiesOf, type AttributeValues} from './schema.js';
import {sourceLinks, type SourceBinding, type SourceLink} from './source-link.js';
import {dsfrSheet, themeIn, themeStyles} from './theme.js';

export type {Loaded} from './data-task-controller.js';

/** Where a widget reads its data from, once its `source` / `src` and filters are resolved. */
export interface DataTarget {
  /** Absolute URL of the dataset. */
  src: string;
  api?: ApiFamily;
  apiKey?: string;
  /** The filters of the bound `odw-source` (its base `where` included). */
  sourceFilter?: Filter;
  /** `sourceFilter` and the widget's own `where`: what the widget's query filters on. */
  where?: Filter;
}

export interface LoadOptions {
  /** Aborted when the element is removed or its query changes. */
  signal: AbortSignal;
  /** Bypass the cache (refresh, retry). */
  fresh: boolean;
  /** Called as each request of the load leaves: work that must not delay the request waits for it. */
  onSend?: () => void;
  /** The offline copy of the load's answers (absent with `no-offline-copy`): pass it to `query()`. */
  offlineCopy?: OfflineCopyOptions;
}

// The fields are typed from the attribute schema (src/core/schema.ts).
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- `D` must match the class's
export interface OdwDataElement<D = unknown> extends AttributeValues<typeof dataElementAttributes> {}

/**
 * What every data widget is: attributes (src/core/data-element.schema.ts), controllers and a
 * frame. The controllers bind the `odw-source` (src/core/source-binding-controller.ts, which comes
 * with that element: src/core/source-link.ts), run the
 * query (src/core/data-task-controller.ts, which fires `odw-load` / `odw-error`), reload on a timer
 * (src/core/refresh-controller.ts, loaded with the first widget given `refresh`), keep the offline copy, and follow the page's colour scheme;
 * src/core/data-frame.ts draws the title, the states (loading, empty, error with « Réessayer »,
 * stale) and the attribution footer. Subclasses implement `queryDependencies()`, `load()` and
 * `renderData()`.
 *
 * `title` keeps its global-attribute name (the documented attribute) but is shown as the visible
 * heading; the native tooltip it would cause is suppressed inside the widget.
 *
 *
 * @fires {OdwLoadEvent} odw-load - Data loaded (also after each refresh); `detail`: `{rows, total}`.
 * @fires {OdwErrorEvent} odw-error - Loading failed; `detail.error` is a typed error of the data layer.
 *
 * @csspart base - The frame around everything.
 * @csspart title - The heading.
 * @csspart description - The text alternative, visually hidden (style it to show it).
 * @csspart body - The data, or the loading, empty and error states.
 * @csspart status - The empty, error and stale messages.
 * @csspart retry - The « Réessayer » button.
 * @csspart footer - The attribution: dataset, publisher, licence, last update.
 *
 * @cssprop --odw-font-family - Font stack.
 * @cssprop --odw-font-size - Base font size.
 * @cssprop --odw-font-size-small - Footer and notices.
 * @cssprop --odw-font-size-title - The heading.
 * @cssprop --odw-text-color - Text.
 * @cssprop --odw-muted-color - Secondary text (footer, empty state).
 * @cssprop --odw-background - Background of the widget.
 * @cssprop --odw-surface - Background of inner panels.
 * @cssprop --odw-border-color - Borders.
 * @cssprop --odw-border-width - Width of the widget's border (0 for none).
 * @cssprop --odw-accent - Links and buttons.
 * @cssprop --odw-error-color - Error message text and border.
 * @cssprop --odw-error-surface - Error message background.
 * @cssprop --odw-warning-color - Stale notice text and border.
 * @cssprop --odw-warning-surface - Stale notice background.
 * @cssprop --odw-focus-color - Focus ring.
 * @cssprop --odw-skeleton-color - Loading placeholder.
 * @cssprop --odw-radius - Corner radius.
 * @cssprop --odw-spacing - Padding of the widget.
 * @cssprop --odw-spacing-small - Gaps inside the widget.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export abstract class OdwDataElement<D = unknown> extends LitElement {
  static override styles = [
    themeStyles,
    ...(dsfrSheet ? [dsfrSheet] : []),
    hostStyles,
    visuallyHiddenStyles,
    dataElementStyles,
  ];

  static override properties = propertiesOf(dataElementAttributes);

  /** Dark colours only where the page can be dark (src/core/page-scheme.ts). */
  protected readonly pageScheme = new PageSchemeController(this);

  /** The binding to the `odw-source` that `source` names, made once its code is in. */
  private binding?: SourceLink;

  /** The next load follows a change of the source's filters: its result is announced. */
  private announceNextLoad = false;
  /**
   * The data shown was announced in the page's live region (a filter changed it): a widget's own
   * status then stays quiet, so that the news is not said twice.
   */
  protected lastLoadAnnounced = false;

  private readonly offlineCopy = new OfflineCopyController(this);

  private readonly dataTask = new DataTaskController<D>(this, {
    key: () => this.queryKeyParts(),
    ready: () => this.bindingState !== 'waiting',
    run: (options) => this.run(options),
    keepsDataWhileLoading: () => this.keepsDataWhileLoading(),
    onLoaded: (loaded) => {
      this.offlineCopy.loaded(Boolean(loaded.copiedAt));
      this.lastLoadAnnounced = this.announceNextLoad;
      if (!this.announceNextLoad) return;
      this.announceNextLoad = false;
      this.binding?.announce(
        this.isEmpty(loaded.data)
          ? this.emptyAnnouncement()
          : this.announcement(loaded.data, this.currentLang),
      );
    },
    onFailed: () => {
      this.announceNextLoad = false;
      this.binding?.dropNews();
    },
  });

  /**
   * Reloads every `refresh` seconds; a slow portal's load finishes rather than requests piling up.
   * Made once its code is in, loaded when `refresh` is first given (no key figure without it
   * downloads it).
   */
  protected refreshTimer?: RefreshController;
  private refreshLoading = false;

  constructor() {
    super();
    applyDefaults(this, dataElementAttributes);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return linkedStylesRoot(this) ?? super.createRenderRoot();
  }

  /** The language the widget speaks now (after `lang` inheritance). */
  protected get currentLang(): Lang {
    // The property first: while rendering, its new value is not yet written back to the attribute.
    return this.lang?.trim() ? normalizeLang(this.lang) : resolveLang(this);
  }

  /** The `odw-source` this widget is bound to, once found and defined. */
  get sourceElement(): DataSource | undefined {
    return this.binding?.source;
  }

  /** Where the widget stands with its `source`; `waiting` while the binding's code loads. */
  private get bindingState(): SourceBinding {
    return this.binding?.state ?? (this.source?.trim() ? 'waiting' : 'none');
  }

  /** Reloads the data from the portal, bypassing the cache. */
  reload(): void {
    this.dataTask.reload();
  }

  /**
   * Everything besides the common attributes that changes the query (primitives only): the task
   * re-runs when one of them changes.
   */
  protected abstract queryDependencies(): readonly unknown[];

  /** Fetches the widget's data; pass `options.signal` and `options.fresh` down to `query()`. */
  protected abstract load(target: DataTarget, options: LoadOptions): Promise<Loaded<D>>;

  /** Draws loaded data inside the body. */
  protected abstract renderData(data: D, lang: Lang): unknown;

  /** Whether loaded data is empty (shown as « Aucune donnée »). */
  protected isEmpty(_data: D): boolean {
    return false;
  }

  /**
   * Whether the previous data stays on screen (marked busy) while a different query loads, instead
   * of the placeholder: controls keep their focus, a table keeps its rows while paging.
   */
  protected keepsDataWhileLoading(): boolean {
    return false;
  }

  /**
   * What a reader hears after a filter changed this widget's data, said with the other widgets'
   * news in the page's one live region (src/core/announcer.ts): the widget's name and its new key
   * figure. By default, the title and « mis à jour ».
   */
  protected announcement(_data: D, lang: Lang): string {
    const title = this.title?.trim();
    return title ? t(lang, 'announce.updated', {name: title}) : '';
  }

  private emptyAnnouncement(): string {
    const title = this.title?.trim();
    return title ? t(this.currentLang, 'announce.empty', {name: title}) : '';
  }

  /**
   * The bound source's filters changed, and the new query is about to start: what the widget's
   * query must forget first (a table goes back to its first page).
   */
  protected sourceFilterChanged(): void {}

  /** The widget's own label (a key figure's, a control's), kept when its data cannot be shown. */
  protected stateLabel(): string | undefined {
    return undefined;
  }

  /** The placeholder while loading. */
  protected renderSkeleton(lang: Lang): TemplateResult {
    return renderSkeleton(lang);
  }

  /** Runs `query()` on the target with the widget's signal, freshness, API family and key. */
  protected runQuery(
    target: DataTarget,
    options: Omit<QueryOptions, 'signal' | 'fresh' | 'api' | 'apiKey'>,
    load: LoadOptions,
  ): Promise<QueryResult> {
    return query(target.src, {
      where: target.where,
      ...options,
      api: target.api,
      apiKey: target.apiKey,
      signal: load.signal,
      fresh: load.fresh,
      onSend: load.onSend,
      offlineCopy: load.offlineCopy,
    });
  }

  /** The heading's level when `heading-level` is not given, found when the widget is connected. */
  private pageHeadingLevel = 2;

  override connectedCallback(): void {
    super.connectedCallback();
    joinAnnouncer(this);
    this.pageHeadingLevel = levelAfterPrecedingHeading(this);
    // The source may have changed while the widget was out of the document.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    leaveAnnouncer(this);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (this.isConnected) this.bindSource();
    if (!this.refreshLoading && Number(this.refresh) > 0) {
      this.refreshLoading = true;
      void import('./refresh-controller.js').then(({RefreshController}) => {
        this.refreshTimer = new RefreshController(this, () => {
          if (!this.dataTask.pending) this.reload();
        });
      });
    }
  }

  /**
   * Looks the source up again. A source named before the binding's code is in (the source's
   * element brings it) loads that code: the page has the source's chunks on their way already.
   */
  private bindSource(): void {
    const Binding = sourceLinks.Binding;
    if (!this.binding && this.source?.trim()) {
      if (!Binding) {
        void import('./source-binding-controller.js').then(() => this.requestUpdate());
        return;
      }
      this.binding = new Binding(
        this,
        () => this.reload(),
        () => {
          this.announceNextLoad = true;
          this.sourceFilterChanged();
          // The new query's request leaves in the event that told of the filter, not in the update.
          return this.dataTask.runIfQueryChanged();
        },
        () => this.dataTask.view(),
        () => this.focusBody(),
      );
    }
    this.binding?.bind();
  }

  protected override render(): unknown {
    if (!themeIn(this)) return nothing;
    const lang = this.currentLang;
    const spoken = announcerText(this);
    const frame = renderFrame<D>({
      lang,
      title: this.title,
      description: this.description,
      headingLevel: this.headingLevel ?? this.pageHeadingLevel,
      noAttribution: this.noAttribution || Boolean(this.binding?.cited),
      shared: this.binding?.shared ? this.binding : undefined,
      label: this.stateLabel(),
      view: this.dataTask.view(),
      renderData: (data) => this.drawData(data, lang),
      isEmpty: (data) => this.isEmpty(data),
      renderPlaceholder: () => this.renderSkeleton(lang),
      retry: () => this.retry(),
    });
    return spoken === undefined
      ? frame
      : html`${frame}
          <div class="visually-hidden" role="status" aria-live="polite">${spoken}</div>`;
  }

  /**
   * The data drawn, or a sentence saying that it could not be: an exception while drawing would
   * otherwise leave the loading placeholder, busy, for good.
   */
  private drawData(data: D, lang: Lang): unknown {
    try {
      return this.renderData(data, lang);
    } catch (error) {
      console.error(this, error);
      return renderError(DRAW_FAILURE, lang, () => this.retry());
    }
  }

  /** « Réessayer » disappears once pressed: the focus it had goes to the widget's body. */
  private retry(): void {
    this.reload();
    void this.updateComplete.then(() => {
      const active = this.shadowRoot?.activeElement;
      if (!active || !active.isConnected) this.focusBody();
    });
  }

  private focusBody(): void {
    this.shadowRoot?.querySelector<HTMLElement>('[part~="body"]')?.focus();
  }

  private async run({signal, fresh, live}: RunOptions): Promise<Loaded<D>> {
    const offline = this.offlineCopy.forLoad(!live);
    const loaded = await this.load(this.resolveTarget(), {signal, fresh, offlineCopy: offline.options});
    return {...loaded, copiedAt: offline.copiedAt()};
  }

  /** What defines the query (the run counter aside). */
  private queryKeyParts(): unknown[] {
    const source = this.binding?.source;
    return [
      this.bindingState,
      this.source,
      source?.src,
      source?.api,
      source?.apiKey,
      source?.revision,
      this.src,
      this.api,
      this.apiKey,
      this.where,
      ...this.queryDependencies(),
    ];
  }

  private resolveTarget(): DataTarget {
    if (this.bindingState === 'missing') throw new ConfigError('source-not-found', this.source);
    const source = this.binding?.source;
    const src = (source ? source.src : this.src)?.trim();
    if (!src) throw new ConfigError('no-source');
    const sourceFilter = source?.filter;
    const own = this.where?.trim() ? parseFilter(this.where) : undefined;
    return {
      src: new URL(src, document.baseURI).href,
      api: source ? source.api : this.api,
      apiKey: source ? source.apiKey : this.apiKey,
      sourceFilter,
      where: and(sourceFilter, own),
    };
  }
}
