import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {DATA_SOURCE_TAG, isDataSource, type DataSource, type WidgetReport} from './data-source.js';

/**
 * Where the widget stands with its `source`:
 * - `none`: no `source` attribute (the widget reads its own `src`);
 * - `bound`: the `odw-source` is found and upgraded;
 * - `waiting`: found, but its definition has not loaded yet;
 * - `missing`: no element has that id (yet: a source added later binds then).
 */
export type SourceBinding = 'none' | 'bound' | 'waiting' | 'missing';

export interface SourceBindingHost extends ReactiveControllerHost, HTMLElement {
  /** The `id` of the `odw-source` to bind to. */
  readonly source?: string;
}

/**
 * Binds a widget to the `odw-source` its `source` names, in its own root first, then the document;
 * re-renders the widget when the source's filters or address change, and calls `onRefresh` when
 * the source asks its widgets to reload. Call `bind()` before each render. After each render it
 * tells the source what `report` says (a failure, old data, the dataset's description): the source
 * shows one alert and one « Réessayer » for all its widgets.
 */
export class SourceBindingController implements ReactiveController {
  state: SourceBinding = 'none';
  /** The bound source, once found and upgraded. */
  source?: DataSource;
  private unbind?: () => void;
  private stopWaiting?: () => void;

  constructor(
    private readonly host: SourceBindingHost,
    private readonly onRefresh: () => void,
    /** The source's filters changed (a reader will want to hear what that changed). */
    private readonly onFilterChange: () => void = () => undefined,
    /** What to tell the source after each render. */
    private readonly reportToSource: () => WidgetReport | undefined = () => undefined,
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

  hostUpdated(): void {
    this.source?.report(this.host, this.reportToSource());
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
      this.onFilterChange();
      this.host.requestUpdate();
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
