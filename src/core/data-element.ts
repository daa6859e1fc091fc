import {LitElement, html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {join} from 'lit/directives/join.js';
import {Task, TaskStatus, initialState} from '@lit/task';
import {QueryError, and, parseFilter, query} from '../data/index.js';
import type {ApiFamily, DatasetMeta, Filter, QueryOptions, QueryResult} from '../data/types.js';
import {OdwSource} from '../elements/odw-source/odw-source.js';
import {dataElementStyles, hostStyles, visuallyHiddenStyles} from './data-element.styles.js';
import {ConfigError, isAbortError} from './errors.js';
import {OdwErrorEvent, OdwLoadEvent} from './events.js';
import {formatDate, formatDateTime} from './format.js';
import {describeError, resolveLang, t, type Lang} from './i18n.js';
import {themeStyles} from './theme.js';
import {safeLinkUrl} from './url.js';
import {linkedStylesRoot} from './linked-styles.js';
import {applyDefaults, propertiesOf, type AttributeValues} from './schema.js';
import {dataElementAttributes} from './data-element.schema.js';
import {PageSchemeController} from './page-scheme.js';
import {OfflineCopyController} from './offline-copy-controller.js';
import type {OfflineCopyOptions} from '../data/offline-copy.js';

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

/** What a widget's `load()` answers: its own view of the data and the query result behind it. */
export interface Loaded<D> {
  data: D;
  /** Rows and total reported by `odw-load`; metadata shown in the attribution footer. */
  result: QueryResult;
}

interface LoadedState<D> extends Loaded<D> {
  /** The query it answers (arguments of the task without the run counter). */
  key: string;
  loadedAt: Date;
  /** Part of the data came from the offline copy, saved then (the oldest such part). */
  copiedAt?: Date;
}

type SourceState = 'none' | 'bound' | 'waiting' | 'missing';

// The fields are typed from the attribute schema (src/core/schema.ts).
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- `D` must match the class's
export interface OdwDataElement<D = unknown> extends AttributeValues<typeof dataElementAttributes> {}

/**
 * Base class of every data widget: binds to an `odw-source` (or its own `src`), runs the
 * subclass's query with `@lit/task`, fires `odw-load` / `odw-error`, refreshes on a timer, and
 * draws the frame: title, states (loading, empty, error with « Réessayer », stale) and the
 * attribution footer. Subclasses implement `queryDependencies()`, `load()` and `renderData()`.
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
 * @cssprop --odw-palette-1 - First categorical colour (`--odw-palette-1` … `--odw-palette-8`).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export abstract class OdwDataElement<D = unknown> extends LitElement {
  static override styles = [themeStyles, hostStyles, visuallyHiddenStyles, dataElementStyles];

  static override properties = propertiesOf(dataElementAttributes);

  constructor() {
    super();
    applyDefaults(this, dataElementAttributes);
  }

  /** Dark colours only where the page can be dark (src/core/page-scheme.ts). */
  protected readonly pageScheme = new PageSchemeController(this);

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return linkedStylesRoot(this) ?? super.createRenderRoot();
  }

  /** The language the widget speaks now (after `lang` inheritance). */
  protected get currentLang(): Lang {
    return resolveLang(this);
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

  /** The placeholder while loading. */
  protected renderSkeleton(lang: Lang): TemplateResult {
    return html`<div class="skeleton">
      <span class="visually-hidden">${t(lang, 'loading')}</span>
      <div class="skeleton-line short"></div>
      <div class="skeleton-line large"></div>
    </div>`;
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

  /** Reloads the data from the portal, bypassing the cache. */
  reload(): void {
    this.nextRunFresh = true;
    this.runCount++;
    this.requestUpdate();
  }

  /** The `odw-source` this widget is bound to, once found and defined. */
  get sourceElement(): OdwSource | undefined {
    return this.boundSource;
  }

  private boundSource?: OdwSource;
  private sourceState: SourceState = 'none';
  private unbindSource?: () => void;
  private stopWaitingForSource?: () => void;
  /** Part of the task arguments: bumping it re-runs the same query (refresh, retry). */
  private runCount = 0;
  private nextRunFresh = false;
  private rerunOnConnect = false;
  private refreshTimer?: ReturnType<typeof setInterval>;
  private lastLoaded?: LoadedState<D>;
  /** The last load failed: `lastLoaded`, if still the current query, is stale until a load succeeds. */
  private lastLoadFailed = false;
  private readonly offlineCopy = new OfflineCopyController(this);

  private readonly dataTask = new Task(this, {
    args: () => [this.runCount, ...this.queryKeyParts()] as const,
    task: async ([, ...keyParts], {signal}) => {
      const fresh = this.nextRunFresh;
      this.nextRunFresh = false;
      if (!this.isConnected) {
        // Out of the document the source is unbound: load when connected again.
        this.rerunOnConnect = true;
        return initialState;
      }
      if (this.sourceState === 'waiting') return initialState;
      const target = this.resolveTarget();
      const key = JSON.stringify(keyParts);
      // Live data on screen is refreshed, never replaced by an older copy (the stale notice says so).
      const live = this.lastLoaded?.key === key && !this.lastLoaded.copiedAt;
      const offline = this.offlineCopy.forLoad(!live);
      // Once this load is over, the requests it still has running stop: after a failure, a retry
      // must not join a request that started while the portal was failing.
      const requests = new AbortController();
      const stop = () => requests.abort(signal.reason);
      signal.addEventListener('abort', stop, {once: true});
      try {
        const loaded = await this.load(target, {
          signal: requests.signal,
          fresh,
          offlineCopy: offline.options,
        });
        return {...loaded, key, loadedAt: new Date(), copiedAt: offline.copiedAt()} satisfies LoadedState<D>;
      } catch (error) {
        // Whatever a cancelled request threw, it was a cancellation: never shown, never reported.
        if (signal.aborted) throw new DOMException('The widget stopped this load', 'AbortError');
        throw error;
      } finally {
        signal.removeEventListener('abort', stop);
        requests.abort();
      }
    },
    onComplete: (loaded) => {
      this.lastLoaded = loaded;
      this.lastLoadFailed = false;
      this.offlineCopy.loaded(Boolean(loaded.copiedAt));
      this.dispatchEvent(new OdwLoadEvent({rows: loaded.result.rows, total: loaded.result.total}));
    },
    onError: (error) => {
      if (isAbortError(error)) return;
      this.lastLoadFailed = true;
      this.dispatchEvent(new OdwErrorEvent({error}));
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.rerunOnConnect) {
      this.rerunOnConnect = false;
      this.runCount++;
    }
    this.startRefreshTimer();
    // The source may have changed while the widget was out of the document.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopRefreshTimer();
    this.setBoundSource(undefined);
    this.stopWaitingForSource?.();
    this.stopWaitingForSource = undefined;
    if (this.dataTask.status === TaskStatus.PENDING) {
      this.dataTask.abort(new DOMException('The widget was removed', 'AbortError'));
      this.rerunOnConnect = true;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.isConnected) this.bindSource();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('refresh')) this.startRefreshTimer();
  }

  protected override render(): unknown {
    const lang = this.currentLang;
    const titled = Boolean(this.title?.trim());
    const described = Boolean(this.description?.trim());
    const {content, meta, busy} = this.renderState(lang);
    // title="" stops the host's `title` attribute from showing as a tooltip over the whole widget.
    return html`<div
      class="widget"
      part="base"
      title=""
      role=${titled ? 'group' : nothing}
      aria-labelledby=${titled ? 'title' : nothing}
    >
      ${
        titled
          ? html`<div
              id="title"
              class="title"
              part="title"
              role="heading"
              aria-level=${this.headingLevelValue}
            >
              ${this.title}
            </div>`
          : nothing
      }
      ${
        described
          ? html`<p id="description" class="visually-hidden" part="description">${this.description}</p>`
          : nothing
      }
      <div class="body" part="body" aria-busy=${busy ? 'true' : 'false'}>${content}</div>
      ${meta && !this.noAttribution ? this.renderFooter(meta, lang) : nothing}
    </div>`;
  }

  private get headingLevelValue(): string {
    const level = Math.round(Number(this.headingLevel));
    return String(level >= 1 && level <= 6 ? level : 3);
  }

  private renderState(lang: Lang): {content: unknown; meta?: DatasetMeta; busy: boolean} {
    const last = this.lastLoaded;
    const current = last && last.key === JSON.stringify(this.queryKeyParts()) ? last : undefined;
    const kept = current ?? (this.keepsDataWhileLoading() ? last : undefined);
    const shown = (loaded: LoadedState<D>, notice: unknown = nothing) => ({
      content: html`${this.isEmpty(loaded.data) ? this.renderEmpty(lang) : this.renderData(loaded.data, lang)}${notice}`,
      meta: loaded.result.meta,
    });
    switch (this.dataTask.status) {
      case TaskStatus.COMPLETE: {
        const loaded = this.dataTask.value!;
        return {
          ...shown(loaded, loaded.copiedAt ? this.renderStaleNotice(loaded, lang) : nothing),
          busy: false,
        };
      }
      case TaskStatus.PENDING: {
        // A refresh keeps the figures on screen, still marked stale while it retries after a failure;
        // a new query shows the placeholder (see keepsDataWhileLoading).
        if (!kept) return {content: this.renderSkeleton(lang), busy: true};
        const stale = kept === current && (this.lastLoadFailed || Boolean(kept.copiedAt));
        return {...shown(kept, stale ? this.renderStaleNotice(kept, lang) : nothing), busy: true};
      }
      case TaskStatus.ERROR: {
        const error = this.dataTask.error;
        if (isAbortError(error)) {
          return kept ? {...shown(kept), busy: false} : {content: this.renderSkeleton(lang), busy: true};
        }
        if (current) return {...shown(current, this.renderStaleNotice(current, lang)), busy: false};
        return {content: this.renderError(error, lang), busy: false};
      }
      default:
        return {content: this.renderSkeleton(lang), busy: true};
    }
  }

  private renderEmpty(lang: Lang): TemplateResult {
    return html`<p class="status empty" part="status">${t(lang, 'empty')}</p>`;
  }

  private renderError(error: unknown, lang: Lang): TemplateResult {
    // Trying again cannot fix a wrong expression or attribute: no button then.
    const retryable = !(error instanceof QueryError || error instanceof ConfigError);
    return html`<div class="status error" part="status" role="alert">
      <p>${describeError(error, lang)}</p>
      ${retryable ? this.renderRetry(lang) : nothing}
    </div>`;
  }

  private renderStaleNotice(loaded: LoadedState<D>, lang: Lang): TemplateResult {
    return html`<div class="status stale" part="status" role="status">
      <p>
        ${
          loaded.copiedAt
            ? t(lang, 'offline.notice', {date: formatDateTime(loaded.copiedAt, lang)})
            : t(lang, 'stale.notice', {date: formatDateTime(loaded.loadedAt, lang)})
        }
      </p>
      ${this.renderRetry(lang)}
    </div>`;
  }

  private renderRetry(lang: Lang): TemplateResult {
    return html`<button type="button" class="retry" part="retry" @click=${() => this.reload()}>
      ${t(lang, 'retry')}
    </button>`;
  }

  private renderFooter(meta: DatasetMeta, lang: Lang): unknown {
    const items: TemplateResult[] = [];
    const pageUrl = safeLinkUrl(meta.pageUrl);
    const title = meta.title?.trim();
    const publisher = meta.publisher?.trim();
    if (title || publisher || pageUrl) {
      const names = [title, publisher].filter(Boolean).join(', ');
      items.push(
        html`<span
          >${t(lang, 'footer.source')}
          ${pageUrl ? html`<a href=${pageUrl}>${names || t(lang, 'footer.dataset')}</a>` : names}</span
        >`,
      );
    }
    const license = meta.license?.trim();
    if (license) {
      const licenseUrl = safeLinkUrl(meta.licenseUrl);
      items.push(
        html`<span
          >${t(lang, 'footer.license')}
          ${licenseUrl ? html`<a href=${licenseUrl}>${license}</a>` : license}</span
        >`,
      );
    }
    const modified = meta.modified ? formatDate(meta.modified, lang) : '';
    if (modified) items.push(html`<span>${t(lang, 'footer.modified', {date: modified})}</span>`);
    if (items.length === 0) return nothing;
    return html`<div class="footer" part="footer">
      <p>${join(items, () => html`<span aria-hidden="true"> · </span>`)}</p>
    </div>`;
  }

  /** The task arguments that define the query (everything but the run counter). */
  private queryKeyParts(): unknown[] {
    const source = this.boundSource;
    return [
      this.sourceState,
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
    if (this.sourceState === 'missing') throw new ConfigError('source-not-found', this.source);
    const source = this.boundSource;
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

  /** Finds the `odw-source` named by `source`: in the widget's root first, then the document. */
  private bindSource(): void {
    const id = this.source?.trim();
    if (!id) {
      this.setBoundSource(undefined);
      this.sourceState = 'none';
      return;
    }
    const root = this.getRootNode();
    const found =
      (root instanceof ShadowRoot || root instanceof Document ? root.getElementById(id) : null) ??
      document.getElementById(id);
    if (found instanceof OdwSource) {
      this.setBoundSource(found);
      this.sourceState = 'bound';
    } else if (found?.localName === 'odw-source') {
      // Present but not upgraded yet (its definition loads after this one).
      this.setBoundSource(undefined);
      this.sourceState = 'waiting';
      void customElements.whenDefined('odw-source').then(() => this.requestUpdate());
    } else {
      this.setBoundSource(undefined);
      this.sourceState = 'missing';
      this.waitForSource(root);
    }
  }

  private setBoundSource(source: OdwSource | undefined): void {
    if (source === this.boundSource) return;
    this.unbindSource?.();
    this.unbindSource = undefined;
    this.boundSource = source;
    if (!source) return;
    this.stopWaitingForSource?.();
    this.stopWaitingForSource = undefined;
    const requery = () => this.requestUpdate();
    const refresh = () => this.reload();
    source.addEventListener('odw-filter-change', requery);
    source.addEventListener('odw-source-change', requery);
    source.addEventListener('odw-refresh', refresh);
    this.unbindSource = () => {
      source.removeEventListener('odw-filter-change', requery);
      source.removeEventListener('odw-source-change', requery);
      source.removeEventListener('odw-refresh', refresh);
    };
  }

  /** A source placed after the widget, or added later, announces itself when connected. */
  private waitForSource(root: Node): void {
    if (this.stopWaitingForSource) return;
    const retry = () => this.requestUpdate();
    const targets = root === document ? [document] : [root, document];
    for (const target of targets) target.addEventListener('odw-source-connect', retry);
    this.stopWaitingForSource = () => {
      for (const target of targets) target.removeEventListener('odw-source-connect', retry);
    };
  }

  private startRefreshTimer(): void {
    this.stopRefreshTimer();
    const seconds = Number(this.refresh);
    if (!this.isConnected || !(seconds > 0)) return;
    this.refreshTimer = setInterval(() => {
      // A slow portal: let the running load finish rather than piling up requests.
      if (this.dataTask.status !== TaskStatus.PENDING) this.reload();
    }, seconds * 1000);
  }

  private stopRefreshTimer(): void {
    clearInterval(this.refreshTimer);
    this.refreshTimer = undefined;
  }
}
