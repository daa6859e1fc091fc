import {LitElement, type PropertyValues} from 'lit';
import {and, formatFilter, parseFilter} from '../../data/index.js';
import type {DatasetMeta, Filter} from '../../data/types.js';
import {
  OdwFilterChangeEvent,
  OdwRefreshEvent,
  OdwSourceChangeEvent,
  OdwSourceConnectEvent,
} from '../../core/events.js';
import {sourceStyles} from './odw-source.styles.js';
import {sourceAttributes} from './odw-source.schema.js';
import type {DataSource, WidgetReport} from '../../core/data-source.js';
import {resolveLang} from '../../core/lang.js';
import {PageSchemeController} from '../../core/page-scheme.js';
import {applyDefaults, propertiesOf, type AttributeValues} from '../../core/schema.js';
import {linkedStylesRoot} from '../../core/linked-styles.js';
// The widgets' binding to a source comes with it: a page without a source never downloads it.
import '../../core/source-binding-controller.js';
import {
  composedContains,
  datasetKey,
  datasetName,
  failingSources,
  firstInDocument,
  renderSourceStatus,
  setFailing,
  sourceStatus,
  type SourceStatus,
} from './source-status.js';

// The fields are typed from the attribute schema (src/core/schema.ts).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface OdwSource extends AttributeValues<typeof sourceAttributes> {}

/**
 * A dataset shared by several widgets: its URL, a base filter and the filters currently in force
 * (set by `odw-filter` controls, charts and maps with `filter-on-click`, or a script). Every widget
 * whose `source` names this element's `id` re-queries when any of them changes.
 *
 * Invisible, except to speak once for its widgets, where it stands in the page: when their data
 * cannot be loaded, one alert names the dataset and says why, with one « Réessayer » that reloads
 * every widget (each widget keeps its title and label and notes « Données indisponibles »); when
 * they show old data, one notice dates it. Several sources of one dataset failing together speak
 * as one: the first in the document.
 *
 * @summary A dataset and its current filters, shared by the widgets bound to it.
 *
 * @csspart status - The alert or notice said for every bound widget.
 * @csspart retry - Its « Réessayer » button.
 *
 * @fires {OdwFilterChangeEvent} odw-filter-change - The filters changed; `detail.filters` lists them.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class OdwSource extends LitElement implements DataSource {
  static override styles = sourceStyles;

  static override properties = propertiesOf(sourceAttributes);

  constructor() {
    super();
    applyDefaults(this, sourceAttributes);
  }

  /** Dark colours only where the page can be dark (src/core/page-scheme.ts). */
  protected readonly pageScheme = new PageSchemeController(this);

  /** What each bound widget reported after its last render. */
  private readonly reports = new Map<Element, WidgetReport>();
  /** Elements (dashboards) that cite this source once for the widgets they hold. */
  private readonly citers = new Set<Element>();
  private lastMeta?: DatasetMeta;

  /** The dataset's description, from the last answer a bound widget got. */
  get meta(): DatasetMeta | undefined {
    return this.lastMeta;
  }

  /** The bound widgets, in the order they reported. */
  get widgets(): Element[] {
    return [...this.reports.keys()];
  }

  report(widget: Element, report: WidgetReport | undefined): void {
    if (report) this.reports.set(widget, report);
    else this.reports.delete(widget);
    const meta = report?.meta;
    if (meta && (meta.title || meta.publisher || meta.license || meta.pageUrl)) this.lastMeta = meta;
    this.requestUpdate();
  }

  /** `container` cites this source for the widgets inside it (or, with `false`, stops). */
  cite(container: Element, cites: boolean): void {
    if (cites) this.citers.add(container);
    else this.citers.delete(container);
  }

  citedAround(widget: Element): boolean {
    return [...this.citers].some((container) => composedContains(container, widget));
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    return linkedStylesRoot(this) ?? super.createRenderRoot();
  }

  /** Increases at every change that alters what the bound widgets query. */
  get revision(): number {
    return this.changeCount;
  }

  /** The filters in force, in the order they were first set (the base `where` excluded). */
  get filters(): Filter[] {
    return [...this.filtersByKey.values()];
  }

  /**
   * The conjunction of the base `where` and every filter in force; undefined when nothing filters.
   * @throws QueryError when `where` does not parse.
   */
  get filter(): Filter | undefined {
    return and(this.baseFilter, ...this.filters);
  }

  /** The base `where` as parsed, kept while its text stays the same: every bound widget's query reads it. */
  private parsedWhere?: {text: string; filter: Filter | undefined};

  /** The base `where` parsed; undefined when blank. @throws QueryError when it does not parse. */
  private get baseFilter(): Filter | undefined {
    const text = this.where ?? '';
    if (this.parsedWhere?.text !== text) {
      this.parsedWhere = {text, filter: text.trim() ? parseFilter(text) : undefined};
    }
    return this.parsedWhere.filter;
  }

  private readonly filtersByKey = new Map<string, Filter>();
  private changeCount = 0;
  private refreshTimer?: ReturnType<typeof setInterval>;
  private hasUpdatedOnce = false;

  /** The filters in force with their keys, in the order they were first set. */
  get filterEntries(): Array<[key: string, filter: Filter]> {
    return [...this.filtersByKey.entries()];
  }

  /**
   * The base `where` and every filter in force except the one under `key`: what a control counts
   * its choices under (disjunctive within a field, conjunctive across fields).
   * @throws QueryError when `where` does not parse.
   */
  filterExcept(key: string): Filter | undefined {
    return and(
      this.baseFilter,
      ...this.filterEntries.filter(([other]) => other !== key).map(([, filter]) => filter),
    );
  }

  /** The filter set under `key` (one per control: `key` is usually the control's id or field). */
  getFilter(key: string): Filter | undefined {
    return this.filtersByKey.get(key);
  }

  /** Sets (or with `undefined` removes) the filter under `key`; re-queries the bound widgets. */
  setFilter(key: string, filter: Filter | undefined): void {
    const current = this.filtersByKey.get(key);
    if (JSON.stringify(current) === JSON.stringify(filter)) return;
    if (filter) this.filtersByKey.set(key, filter);
    else this.filtersByKey.delete(key);
    this.filtersChanged();
  }

  /** Removes every filter (the base `where` stays). */
  clearFilters(): void {
    if (this.filtersByKey.size === 0) return;
    this.filtersByKey.clear();
    this.filtersChanged();
  }

  /** Makes every bound widget reload fresh data now. */
  reload(): void {
    this.dispatchEvent(new OdwRefreshEvent());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Before the widgets bind and query: their first request already has the shared filters.
    this.readFiltersFromUrl();
    this.startRefreshTimer();
    this.getRootNode().dispatchEvent(new OdwSourceConnectEvent());
    if (this.getRootNode() !== document) document.dispatchEvent(new OdwSourceConnectEvent());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopRefreshTimer();
    this.markFailing(undefined);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('refresh')) this.startRefreshTimer();
    const queryChanged = (['src', 'api', 'where', 'apiKey'] as const).some((name) => changed.has(name));
    // The first update only sets the initial attributes: nothing was queried with other values yet.
    if (queryChanged && this.hasUpdatedOnce) {
      this.changeCount++;
      this.dispatchEvent(new OdwSourceChangeEvent());
    }
    this.hasUpdatedOnce = true;
  }

  /** What this source says now: nothing while another source of its dataset says its failure. */
  private shown?: SourceStatus;
  /** The state and dataset this source speaks of (failing, or showing old data), if any. */
  private failingFor?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const status = this.isConnected ? sourceStatus(this.reports.values()) : undefined;
    // Sources of one dataset failing together, or showing old data together, speak as one.
    const failing = status ? `${status.kind} ${datasetKey(this.src)}` : undefined;
    this.markFailing(failing);
    const speaks = !failing || firstInDocument(failingSources(failing)) === this;
    this.shown = speaks ? status : undefined;
    this.toggleAttribute('data-status', Boolean(this.shown));
  }

  protected override render(): unknown {
    return renderSourceStatus(this.shown, datasetName(this.lastMeta, this.src), resolveLang(this), () =>
      this.retry(),
    );
  }

  private markFailing(dataset: string | undefined): void {
    if (this.failingFor && this.failingFor !== dataset) setFailing(this, this.failingFor, false);
    if (dataset) setFailing(this, dataset, true);
    this.failingFor = dataset;
  }

  /**
   * « Réessayer »: every widget reloads, and the focus goes to the first of them, whose body stays
   * in place while it loads (the alert goes away).
   */
  private retry(): void {
    const first = firstInDocument(this.reports.keys());
    const others = this.failingFor ? failingSources(this.failingFor) : [];
    this.reload();
    // The other sources of the dataset, failing too, that this alert spoke for.
    for (const source of others) if (source !== this) source.reload();
    if (first) this.reports.get(first)?.focus();
  }

  private filtersChanged(): void {
    this.changeCount++;
    this.writeFiltersToUrl();
    this.dispatchEvent(new OdwFilterChangeEvent({filters: this.filters}));
  }

  /** Where the filters live in the URL, or undefined without `url-sync`. */
  private get urlSyncMode(): 'query' | 'hash' | undefined {
    if (this.urlSync === undefined || this.urlSync === null) return undefined;
    return this.urlSync.trim().toLowerCase() === 'hash' ? 'hash' : 'query';
  }

  /** The prefix of this source's parameters: several sources can share one URL. */
  private get urlPrefix(): string {
    return `${this.id || 'source'}.`;
  }

  private urlParams(mode: 'query' | 'hash'): URLSearchParams {
    return new URLSearchParams(mode === 'hash' ? location.hash.slice(1) : location.search);
  }

  private readFiltersFromUrl(): void {
    const mode = this.urlSyncMode;
    if (!mode) return;
    const read = new Map<string, Filter>();
    for (const [name, text] of this.urlParams(mode)) {
      if (!name.startsWith(this.urlPrefix) || !text.trim()) continue;
      try {
        read.set(name.slice(this.urlPrefix.length), parseFilter(text));
      } catch {
        // A damaged or hand-edited link: that filter is dropped, the others still apply.
      }
    }
    const same =
      read.size === this.filtersByKey.size &&
      [...read].every(
        ([key, filter]) => JSON.stringify(this.filtersByKey.get(key)) === JSON.stringify(filter),
      );
    if (same) return;
    this.filtersByKey.clear();
    for (const [key, filter] of read) this.filtersByKey.set(key, filter);
    this.changeCount++;
    this.dispatchEvent(new OdwFilterChangeEvent({filters: this.filters}));
  }

  private writeFiltersToUrl(): void {
    const mode = this.urlSyncMode;
    if (!mode) return;
    const params = this.urlParams(mode);
    for (const name of [...params.keys()]) if (name.startsWith(this.urlPrefix)) params.delete(name);
    for (const [key, filter] of this.filtersByKey) params.append(this.urlPrefix + key, formatFilter(filter));
    const text = params.toString().replace(/\+/g, '%20');
    const url = new URL(location.href);
    if (mode === 'hash') url.hash = text;
    else url.search = text;
    history.replaceState(history.state, '', url);
  }

  private startRefreshTimer(): void {
    this.stopRefreshTimer();
    if (!this.isConnected || !this.refresh || this.refresh <= 0) return;
    this.refreshTimer = setInterval(() => this.reload(), this.refresh * 1000);
  }

  private stopRefreshTimer(): void {
    clearInterval(this.refreshTimer);
    this.refreshTimer = undefined;
  }
}
