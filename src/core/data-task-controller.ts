import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {QueryResult} from '../data/types.js';
import {isAbortError} from './errors.js';
import {OdwErrorEvent, OdwLoadEvent} from './events.js';

/** What a widget's load answers: its own view of the data and the query result behind it. */
export interface Loaded<D> {
  data: D;
  /** Rows and total reported by `odw-load`; metadata shown in the attribution footer. */
  result: QueryResult;
  /** Part of the data came from the offline copy, saved then (the oldest such part). */
  copiedAt?: Date;
}

export interface LoadedState<D> extends Loaded<D> {
  /** The query it answers. */
  key: string;
  loadedAt: Date;
}

export interface RunOptions {
  /** Aborted when the widget is removed, its query changes, or the load is over. */
  signal: AbortSignal;
  /** Bypass the cache (refresh, retry). */
  fresh: boolean;
  /** The data on screen is live data of this same query: a refresh, never to be replaced by a copy. */
  live: boolean;
}

export interface DataTaskOptions<D> {
  /** What defines the query: a new value runs a new load. */
  key: () => readonly unknown[];
  /** `false` while the load must wait (a source whose definition has not loaded). */
  ready: () => boolean;
  run: (options: RunOptions) => Promise<Loaded<D>>;
  /** Whether the previous data stays on screen (marked busy) while a different query loads. */
  keepsDataWhileLoading: () => boolean;
  /** After each load that succeeded. */
  onLoaded?: (loaded: LoadedState<D>) => void;
  /** After each load that failed (not when it was cancelled). */
  onFailed?: (error: unknown) => void;
}

/**
 * What the widget shows, from the task's state and the last data:
 * - `placeholder`: nothing to show yet (first load, or a new query without kept data);
 * - `data`: `loaded`, marked `busy` while a new load runs and `stale` (with a dated notice) when it
 *   came from the offline copy or the last reload of this same query failed;
 * - `error`: the load failed and there is no data of this query to show.
 */
export type DataView<D> =
  | {kind: 'placeholder'}
  | {kind: 'data'; loaded: LoadedState<D>; stale: boolean; busy: boolean}
  | {kind: 'error'; error: unknown};

/** Where the current load is: none run yet (or waiting), running, answered, failed. */
type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

/**
 * How long data on screen waits before it is marked busy while a new load runs. An answer that
 * comes sooner replaces it in one render: no dimming flashes, and no render competes with the
 * request (Nielsen's 0.1 s feels instant; a mark after 0.2 s says the click was heard).
 */
export const BUSY_DELAY = 200;

/** What `runTask` answers when it did not load: the status goes back to `initial`. */
const NOT_RUN = Symbol('not run');

/**
 * A widget's data task and its memory: the last data, whether the last load failed, reloads that
 * bypass the cache, and loads that wait for the widget to be in the document. Fires `odw-load` and
 * `odw-error` on the widget. It runs as @lit/task does (a new key before an update starts a load
 * and aborts the one running; only the latest load's outcome counts), in the few lines a widget
 * needs.
 */
export class DataTaskController<D> implements ReactiveController {
  /** Bumping it re-runs the same query (refresh, retry). */
  private runCount = 0;
  private nextRunFresh = false;
  private rerunOnConnect = false;
  private last?: LoadedState<D>;
  /** The last load failed: `last`, if still the current query, is stale until a load succeeds. */
  private lastFailed = false;
  private status: TaskStatus = 'initial';
  private value?: LoadedState<D>;
  private error: unknown;
  /** The key of the last update, `runCount` first: a different one starts a load. */
  private previousKey?: readonly unknown[];
  /** Counts loads: an older load's outcome, arriving late, is dropped. */
  private callId = 0;
  private running?: AbortController;
  /** The render that marks the data on screen busy, if the load is still running then. */
  private busyTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DataTaskOptions<D>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.runIfQueryChanged();
  }

  /**
   * Starts a load when the query changed since the last one, as an update does: a widget calls it
   * where it learns of the change (a source's filter event), so that the request leaves then
   * rather than in the update that follows. That update finds the query unchanged. Answers
   * whether a load started.
   */
  runIfQueryChanged(): boolean {
    const key = [this.runCount, ...this.options.key()];
    const previous = this.previousKey;
    this.previousKey = key;
    if (previous?.length === key.length && previous.every((part, i) => Object.is(part, key[i]))) return false;
    void this.run(key);
    return true;
  }

  hostConnected(): void {
    if (this.rerunOnConnect) {
      this.rerunOnConnect = false;
      this.runCount++;
      this.host.requestUpdate();
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.busyTimer);
    if (this.status === 'pending') {
      this.running?.abort(new DOMException('The widget was removed', 'AbortError'));
      this.rerunOnConnect = true;
    }
  }

  /** Loads the same query again, bypassing the cache. */
  reload(): void {
    this.nextRunFresh = true;
    this.runCount++;
    this.host.requestUpdate();
  }

  /** A load is running. */
  get pending(): boolean {
    return this.status === 'pending';
  }

  /** The data last loaded, whatever the query. */
  get lastLoaded(): LoadedState<D> | undefined {
    return this.last;
  }

  view(): DataView<D> {
    const {current, kept} = this.onScreen(JSON.stringify(this.options.key()));
    switch (this.status) {
      case 'complete': {
        const loaded = this.value!;
        return {kind: 'data', loaded, stale: Boolean(loaded.copiedAt), busy: false};
      }
      case 'pending': {
        // A refresh keeps the figures on screen, still marked stale while it retries after a
        // failure; a new query shows the placeholder unless the widget keeps its data.
        if (!kept) return {kind: 'placeholder'};
        const stale = kept === current && (this.lastFailed || Boolean(kept.copiedAt));
        return {kind: 'data', loaded: kept, stale, busy: true};
      }
      case 'error': {
        const error = this.error;
        if (isAbortError(error)) {
          return kept ? {kind: 'data', loaded: kept, stale: false, busy: false} : {kind: 'placeholder'};
        }
        if (current) return {kind: 'data', loaded: current, stale: true, busy: false};
        return {kind: 'error', error};
      }
      default:
        return {kind: 'placeholder'};
    }
  }

  /**
   * The last data if it answers the query `key` (`current`), and the data that stays on screen
   * while that query loads (`kept`: the current data, or the last if the widget keeps it).
   */
  private onScreen(key: string): {current?: LoadedState<D>; kept?: LoadedState<D>} {
    const current = this.last?.key === key ? this.last : undefined;
    return {current, kept: current ?? (this.options.keepsDataWhileLoading() ? this.last : undefined)};
  }

  private async run(key: readonly unknown[]): Promise<void> {
    this.running?.abort();
    this.status = 'pending';
    clearTimeout(this.busyTimer);
    const keyText = JSON.stringify(key.slice(1));
    // Data kept on screen only gains the busy mark: later, if the answer is slow. Anything else
    // (the placeholder instead of data, an error retried) shows now.
    if (this.onScreen(keyText).kept) this.busyTimer = setTimeout(() => this.host.requestUpdate(), BUSY_DELAY);
    else this.host.requestUpdate();
    const call = ++this.callId;
    this.running = new AbortController();
    let loaded: LoadedState<D> | typeof NOT_RUN | undefined;
    let failure: unknown;
    let failed = false;
    try {
      loaded = await this.runTask(keyText, this.running.signal);
    } catch (error) {
      failed = true;
      failure = error;
    }
    if (call !== this.callId) return;
    clearTimeout(this.busyTimer);
    // As with @lit/task, the callbacks run while the status still says `pending`.
    if (loaded === NOT_RUN) this.status = 'initial';
    else if (!failed) {
      this.completed(loaded!);
      [this.status, this.value, this.error] = ['complete', loaded, undefined];
    } else {
      this.failed(failure);
      [this.status, this.value, this.error] = ['error', undefined, failure];
    }
    this.host.requestUpdate();
  }

  private completed(loaded: LoadedState<D>): void {
    this.last = loaded;
    this.lastFailed = false;
    this.options.onLoaded?.(loaded);
    this.host.dispatchEvent(new OdwLoadEvent({rows: loaded.result.rows, total: loaded.result.total}));
  }

  private failed(error: unknown): void {
    if (isAbortError(error)) return;
    this.lastFailed = true;
    this.options.onFailed?.(error);
    this.host.dispatchEvent(new OdwErrorEvent({error}));
  }

  private async runTask(key: string, signal: AbortSignal): Promise<LoadedState<D> | typeof NOT_RUN> {
    const fresh = this.nextRunFresh;
    this.nextRunFresh = false;
    if (!this.host.isConnected) {
      // Out of the document the source is unbound: load when connected again.
      this.rerunOnConnect = true;
      return NOT_RUN;
    }
    if (!this.options.ready()) return NOT_RUN;
    // Live data on screen is refreshed, never replaced by an older copy (the stale notice says so).
    const live = this.last?.key === key && !this.last.copiedAt;
    // Once this load is over, the requests it still has running stop: after a failure, a retry
    // must not join a request that started while the portal was failing.
    const requests = new AbortController();
    const stop = () => requests.abort(signal.reason);
    signal.addEventListener('abort', stop, {once: true});
    try {
      const loaded = await this.options.run({signal: requests.signal, fresh, live});
      return {...loaded, key, loadedAt: new Date()};
    } catch (error) {
      // Whatever a cancelled request threw, it was a cancellation: never shown, never reported.
      if (signal.aborted) throw new DOMException('The widget stopped this load', 'AbortError');
      throw error;
    } finally {
      signal.removeEventListener('abort', stop);
      requests.abort();
    }
  }
}
