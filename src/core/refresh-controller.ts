import type {ReactiveController, ReactiveControllerHost} from 'lit';

export interface RefreshHost extends ReactiveControllerHost, HTMLElement {
  /** Seconds between two reloads; none when absent, zero or negative. */
  readonly refresh?: number;
}

/**
 * Reloads a widget every `refresh` seconds while it is in the document. `onTick` decides whether a
 * tick reloads (a slow portal: the running load finishes rather than requests piling up).
 */
export class RefreshController implements ReactiveController {
  private timer?: ReturnType<typeof setInterval>;
  private seconds?: number;

  constructor(
    private readonly host: RefreshHost,
    private readonly onTick: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.restart();
  }

  hostUpdated(): void {
    if (this.wanted() !== this.seconds) this.restart();
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Whether a timer runs. */
  get running(): boolean {
    return this.timer !== undefined;
  }

  /** The period asked for, 0 for none. */
  private wanted(): number {
    const seconds = Number(this.host.refresh);
    return seconds > 0 ? seconds : 0;
  }

  private restart(): void {
    this.stop();
    if (!this.host.isConnected) return;
    this.seconds = this.wanted();
    if (this.seconds > 0) this.timer = setInterval(() => this.onTick(), this.seconds * 1000);
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.seconds = undefined;
  }
}
