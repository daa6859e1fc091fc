import {html, type ReactiveController, type TemplateResult} from 'lit';
import {DATA_SOURCE_TAG, isDataSource, type DataSource, type WidgetReport} from './data-source.js';
import type {DataView} from './data-task-controller.js';
import {announce, dropNews, expectNews} from './announcer.js';
import {frameText} from './data-frame.messages.js';
import {formatDateTime} from './date-format.js';
import {isRetryable} from './errors.js';
import type {Lang} from './lang.js';
import {sourceLinks, type SourceBinding, type SourceBindingHost, type SourceLink} from './source-link.js';

export type {SourceBinding, SourceBindingHost} from './source-link.js';

/**
 * What a bound widget tells its source after a render: the failure the source says once (only
 * one that trying again may fix: a wrong attribute is the widget's own), the time of the old data
 * shown, and the dataset's description.
 */
export function sourceReport<D>(view: DataView<D>, focus: () => void): WidgetReport {
  if (view.kind === 'error') return isRetryable(view.error) ? {error: view.error, focus} : {focus};
  if (view.kind !== 'data') return {focus};
  const {loaded} = view;
  const meta = loaded.result.meta;
  if (!view.stale) return {meta, focus};
  const offline = Boolean(loaded.copiedAt);
  return {meta, stale: {since: loaded.copiedAt ?? loaded.loadedAt, offline}, focus};
}

/**
 * Binds a widget to the `odw-source` its `source` names, in its own root first, then the document;
 * re-renders the widget when the source's filters or address change, and calls `onRefresh` when
 * the source asks its widgets to reload. Call `bind()` before each render. After each render it
 * tells the source what the widget shows (`view`): the source shows one alert and one
 * « Réessayer » for all its widgets. Loaded with the source's element (src/core/source-link.ts).
 */
export class SourceBindingController implements ReactiveController, SourceLink {
  state: SourceBinding = 'none';
  /** The bound source, once found and upgraded. */
  source?: DataSource;
  private unbind?: () => void;
  private stopWaiting?: () => void;

  constructor(
    private readonly host: SourceBindingHost,
    private readonly onRefresh: () => void,
    /**
     * The source's filters changed (a reader will want to hear what that changed). Answers whether
     * that started a load, which renders the widget itself when there is something to show.
     */
    private readonly onFilterChange: () => boolean = () => false,
    /** What the widget shows, told to the source after each render. */
    private readonly view?: () => DataView<unknown>,
    /** Gives the widget's body the focus: where the source's « Réessayer » leaves it. */
    private readonly focus: () => void = () => undefined,
  ) {
    host.addController(this);
  }

  /**
   * Whether the widget leaves the source to speak for it: bound to a source, its failures are
   * said once by the source, and the widget shows a short note in place.
   */
  get shared(): boolean {
    return this.state === 'bound';
  }

  /** Whether a dashboard around the widget cites its source once: the widget shows no footer. */
  get cited(): boolean {
    return Boolean(this.source?.citedAround(this.host));
  }

  unavailable(lang: Lang): TemplateResult {
    return html`<p class="status error unavailable" part="status">
      ${frameText(lang, 'frame.unavailable')}
    </p>`;
  }

  since(date: Date, lang: Lang): TemplateResult {
    return html`<p class="status stale shared" part="status">
      ${frameText(lang, 'frame.since', {date: formatDateTime(date, lang)})}
    </p>`;
  }

  announce(text: string): void {
    announce(text, this.host);
  }

  dropNews(): void {
    dropNews(this.host);
  }

  hostUpdated(): void {
    this.source?.report(this.host, this.view && sourceReport(this.view(), this.focus));
  }

  hostDisconnected(): void {
    this.setSource(undefined);
    this.stopWaiting?.();
    this.stopWaiting = undefined;
  }

  /** Looks the source up again: its id, or the document, may have changed since the last render. */
  bind(): void {
    const id = this.host.source?.trim();
    if (!id) {
      this.setSource(undefined);
      this.state = 'none';
      return;
    }
    const root = this.host.getRootNode();
    const found =
      (root instanceof ShadowRoot || root instanceof Document ? root.getElementById(id) : null) ??
      document.getElementById(id);
    if (isDataSource(found)) {
      this.setSource(found);
      this.state = 'bound';
    } else if (found?.localName === DATA_SOURCE_TAG) {
      // Present but not upgraded yet (its definition loads after this one).
      this.setSource(undefined);
      this.state = 'waiting';
      void customElements.whenDefined(DATA_SOURCE_TAG).then(() => this.host.requestUpdate());
    } else {
      this.setSource(undefined);
      this.state = 'missing';
      this.waitForSource(root);
    }
  }

  private setSource(source: DataSource | undefined): void {
    if (source === this.source) return;
    this.source?.report(this.host, undefined);
    this.unbind?.();
    this.unbind = undefined;
    this.source = source;
    if (!source) return;
    this.stopWaiting?.();
    this.stopWaiting = undefined;
    const requery = () => this.host.requestUpdate();
    const filtered = () => {
      expectNews(this.host);
      if (!this.onFilterChange()) this.host.requestUpdate();
    };
    const refresh = () => this.onRefresh();
    source.addEventListener('odw-filter-change', filtered);
    source.addEventListener('odw-source-change', requery);
    source.addEventListener('odw-refresh', refresh);
    this.unbind = () => {
      source.removeEventListener('odw-filter-change', filtered);
      source.removeEventListener('odw-source-change', requery);
      source.removeEventListener('odw-refresh', refresh);
    };
  }

  /** A source placed after the widget, or added later, announces itself when connected. */
  private waitForSource(root: Node): void {
    if (this.stopWaiting) return;
    const retry = () => this.host.requestUpdate();
    const targets = root === document ? [document] : [root, document];
    for (const target of targets) target.addEventListener('odw-source-connect', retry);
    this.stopWaiting = () => {
      for (const target of targets) target.removeEventListener('odw-source-connect', retry);
    };
  }
}

sourceLinks.Binding = SourceBindingController;
