/**
 * Whether a widget without `theme` may take dark colours: only where its page says it can be dark
 * (`color-scheme` with `dark`, in CSS or in `<meta name="color-scheme">`) and the visitor's system
 * prefers dark. A light commune page stays light for a visitor in dark mode; `theme="auto"`
 * follows the system alone (theme.ts).
 */
import type {ReactiveController, ReactiveElement} from 'lit';

/** The host attribute the theme's dark rules look for (set by the widget, not by the page). */
export const DARK_PAGE_ATTRIBUTE = 'data-odw-dark-page';

/** Whether the page `host` sits in declares that it can be dark. */
export function pageCanBeDark(host: Element): boolean {
  const meta = document.querySelector('meta[name="color-scheme"]')?.getAttribute('content') ?? '';
  const inherited = getComputedStyle(host).getPropertyValue('color-scheme');
  return [inherited, meta].some((scheme) => /\bdark\b/.test(scheme) && !/\bonly light\b/.test(scheme));
}

/**
 * Marks its host with DARK_PAGE_ATTRIBUTE when its page can be dark, each time it is connected:
 * after the update that follows, before the page paints. Reading the page's `color-scheme` makes
 * the browser compute the page's styles (a few milliseconds on a page's first widget): the
 * widget's request has left by then.
 */
export class PageSchemeController implements ReactiveController {
  private connected = false;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.connected) return;
    this.connected = false;
    this.host.toggleAttribute(DARK_PAGE_ATTRIBUTE, pageCanBeDark(this.host));
  }
}
