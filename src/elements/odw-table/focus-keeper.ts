import type {ReactiveController, ReactiveControllerHost} from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Keeps the keyboard focus inside a widget when a render removes or disables the control that
 * had it (« Dernière page » disabled on the last page, « Réessayer » replaced by the loading
 * placeholder, a checkbox moved by a new order): the browser would send it to the page's body.
 *
 * Before each render it notes the focused element of the host's shadow root; after the render,
 * if focus has left for nowhere (the document's body), it goes back to that element when it can
 * still take it, else to the first element `fallbacks` names that can.
 */
export class FocusKeeper implements ReactiveController {
  private focused?: HTMLElement;

  constructor(
    private readonly host: Host,
    /** Selectors tried in order when the focused element is gone or disabled; `lost` is that element. */
    private readonly fallbacks: (lost: HTMLElement) => readonly string[],
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const active = this.host.shadowRoot?.activeElement;
    this.focused = active instanceof HTMLElement ? active : undefined;
  }

  hostUpdated(): void {
    const lost = this.focused;
    this.focused = undefined;
    if (!lost || !this.focusLost(lost)) return;
    if (canTakeFocus(lost)) {
      lost.focus();
      return;
    }
    const root = this.host.shadowRoot;
    if (!root) return;
    for (const selector of [...this.fallbacks(lost), '[part~=body]']) {
      const target = root.querySelector<HTMLElement>(selector);
      if (!target) continue;
      // The widget's body is the last resort: it takes focus from a script, not from Tab.
      if (selector === '[part~=body]' && !target.hasAttribute('tabindex')) target.tabIndex = -1;
      if (canTakeFocus(target)) {
        target.focus();
        return;
      }
    }
  }

  /** Whether focus went to the body, or stayed on `lost` now that it is disabled or hidden. */
  private focusLost(lost: HTMLElement): boolean {
    const inside = this.host.shadowRoot?.activeElement;
    if (inside) return inside === lost && !canTakeFocus(lost);
    const active = document.activeElement;
    return active === null || active === document.body;
  }
}

function canTakeFocus(element: HTMLElement): boolean {
  return (
    element.isConnected &&
    !element.matches(':disabled') &&
    (element.tabIndex >= 0 || element.hasAttribute('tabindex')) &&
    element.getClientRects().length > 0
  );
}
