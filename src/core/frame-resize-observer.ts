/**
 * A ResizeObserver whose callback runs in the next animation frame, once per frame, with the last
 * sizes reported. Layout changed inside the observer's own callback is reported again, as a
 * « ResizeObserver loop completed with undelivered notifications » error event, which WebKit hands
 * to the page (and to a commune's error tracker).
 */
export class FrameResizeObserver {
  private readonly observer: ResizeObserver;
  private frame = 0;

  constructor(callback: (entries: readonly ResizeObserverEntry[]) => void) {
    this.observer = new ResizeObserver((entries) => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => callback(entries));
    });
  }

  observe(target: Element): void {
    this.observer.observe(target);
  }

  /** Stops observing, and drops a callback still waiting for its frame. */
  disconnect(): void {
    this.observer.disconnect();
    cancelAnimationFrame(this.frame);
  }
}
