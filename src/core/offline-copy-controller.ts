import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {OfflineCopyOptions} from '../data/offline-copy.js';

/** What the controller needs of its widget. */
export interface OfflineCopyHost extends ReactiveControllerHost, HTMLElement {
  /** The widget's own `no-offline-copy`. */
  readonly noOfflineCopy: boolean;
  /** The `odw-source` it reads from, whose `no-offline-copy` counts too. */
  readonly sourceElement?: Element;
  /** Loads fresh data again. */
  reload(): void;
}

/** First wait before trying the portal again after an answer came from the copy; doubled each time. */
export const OFFLINE_RETRY_FIRST = 5_000;
/** Longest wait between two tries: the portal is tried at least once a minute. */
export const OFFLINE_RETRY_MAX = 60_000;

/**
 * The degraded mode that survives a reload, for one widget (DESIGN.md): its loads keep their good
 * answers in the browser and, when the portal cannot be reached, answer from that copy; while the
 * widget shows a copy, the portal is tried again with backoff until it answers.
 */
export class OfflineCopyController implements ReactiveController {
  private retryTimer?: ReturnType<typeof setTimeout>;
  private retries = 0;
  /** The data on screen came from the copy. */
  private showingCopy = false;

  constructor(private readonly host: OfflineCopyHost) {
    host.addController(this);
  }

  /** `no-offline-copy` on the widget, its source, or a dashboard around it (across shadow roots). */
  get disabled(): boolean {
    if (this.host.noOfflineCopy || this.host.sourceElement?.hasAttribute('no-offline-copy')) return true;
    for (
      let node: Node | null = this.host;
      node;
      node = node.parentNode ?? (node as ShadowRoot).host ?? null
    ) {
      if (
        node instanceof Element &&
        node.localName === 'odw-dashboard' &&
        node.hasAttribute('no-offline-copy')
      ) {
        return true;
      }
    }
    return false;
  }

  /**
   * The options of one load, and the date of the oldest copy it used once it is over.
   * `fallback`: whether the load may answer from the copy (not when it refreshes live data).
   */
  forLoad(fallback: boolean): {options?: OfflineCopyOptions; copiedAt: () => Date | undefined} {
    if (this.disabled) return {copiedAt: () => undefined};
    let oldest: Date | undefined;
    const options: OfflineCopyOptions = {
      fallback,
      onCopy: (savedAt) => {
        if (!oldest || savedAt < oldest) oldest = savedAt;
      },
    };
    return {options, copiedAt: () => oldest};
  }

  /** A load is over: with a copy shown, try the portal again later; with live data, stop trying. */
  loaded(fromCopy: boolean): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.showingCopy = fromCopy;
    if (!fromCopy) {
      this.retries = 0;
      return;
    }
    this.scheduleRetry();
  }

  hostConnected(): void {
    if (this.showingCopy && !this.retryTimer) this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const wait = Math.min(OFFLINE_RETRY_MAX, OFFLINE_RETRY_FIRST * 2 ** this.retries);
    this.retries++;
    this.retryTimer = setTimeout(() => this.host.reload(), wait);
  }

  hostDisconnected(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }
}
