import type {ReactiveController, ReactiveElement} from 'lit';

/**
 * What a drawn widget (chart, map) watches outside itself: whether it is full screen, and the
 * system colours (forced colours, dark scheme) that change how it draws. Listeners come and go
 * with the host's connection.
 */
export class DisplayController implements ReactiveController {
  /** Whether the host is the full-screen element. */
  fullscreen = false;
  private colourQueries: MediaQueryList[] = [];

  constructor(
    private readonly host: ReactiveElement,
    /** Called when forced colours or the colour scheme change: redraw in the new colours. */
    private readonly onColoursChange: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    this.colourQueries = ['(forced-colors: active)', '(prefers-color-scheme: dark)'].map((query) =>
      matchMedia(query),
    );
    for (const query of this.colourQueries) query.addEventListener('change', this.onColoursChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    for (const query of this.colourQueries) query.removeEventListener('change', this.onColoursChange);
    this.colourQueries = [];
  }

  /** Enters full screen, or leaves it. */
  async toggleFullscreen(): Promise<void> {
    try {
      if (document.fullscreenElement === this.host) await document.exitFullscreen();
      else await this.host.requestFullscreen();
    } catch {
      // Refused by the browser (no user gesture, a frame without `allow="fullscreen"`): nothing to undo.
    }
  }

  private readonly onFullscreenChange = (): void => {
    const fullscreen = document.fullscreenElement === this.host;
    if (fullscreen === this.fullscreen) return;
    this.fullscreen = fullscreen;
    this.host.requestUpdate();
  };
}
