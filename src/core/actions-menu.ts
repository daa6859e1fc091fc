/**
 * The behaviour of a widget's actions menu, as the WAI-ARIA Authoring Practices' menu button
 * pattern describes it: Enter, Space or ↓ on the button open the menu on its first item, ↑ on its
 * last; ↑/↓ move (and wrap), Home/End go to the ends, a letter goes to the next item starting
 * with it; Enter or Space activate an item, which closes the menu and gives the focus back to the
 * button (unless the action moved it); Escape closes and gives the focus back; Tab, a click
 * elsewhere or the focus leaving close it where the focus goes. The markup is drawn by
 * actions-menu-view.ts.
 */
import type {ReactiveController, ReactiveElement} from 'lit';
import {ActionsPlacement} from './actions-menu-placement.js';

/** One entry of the menu: a button that runs `run`, or a link to `href`. */
export interface MenuItem {
  /** Names the item's class, `action-<id>` (tests, themes). */
  id: string;
  label: string;
  /** A link item: the page it opens. */
  href?: string;
  /** A button item: what it does. */
  run?: () => unknown;
}

type FocusTarget = 'first' | 'last' | 'button';

export class ActionsMenuController implements ReactiveController {
  /** Whether the menu is open. */
  open = false;
  /** The ids of the button and the menu, unique in the host's shadow root. */
  readonly buttonId: string;
  readonly menuId: string;
  private pendingFocus?: FocusTarget;
  /** Tab was pressed in the menu: the focus is moving on, even to the button (Shift + Tab). */
  private tabbing = false;

  constructor(
    private readonly host: ReactiveElement,
    prefix = 'actions',
  ) {
    this.buttonId = `${prefix}-button`;
    this.menuId = `${prefix}-menu`;
    host.addController(this);
    // The row goes on the title's line where it fits.
    new ActionsPlacement(host);
  }

  hostDisconnected(): void {
    this.stopListening();
    this.open = false;
    this.pendingFocus = undefined;
  }

  hostUpdated(): void {
    const target = this.pendingFocus;
    if (!target) return;
    this.pendingFocus = undefined;
    if (target === 'button') this.button()?.focus();
    else {
      const items = this.items();
      items[target === 'first' ? 0 : items.length - 1]?.focus();
    }
  }

  /** Opens the menu, its `focus` item focused. */
  show(focus: 'first' | 'last' = 'first'): void {
    this.pendingFocus = focus;
    this.tabbing = false;
    if (!this.open) {
      this.open = true;
      document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
    }
    this.host.requestUpdate();
  }

  /** Closes the menu; the focus goes back to the button when `returnFocus`. */
  hide(returnFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.pendingFocus = returnFocus ? 'button' : undefined;
    this.stopListening();
    this.host.requestUpdate();
  }

  readonly onButtonClick = (): void => {
    if (this.open) this.hide(true);
    else this.show('first');
  };

  readonly onButtonKeydown = (event: KeyboardEvent): void => {
    const focus = {Enter: 'first', ' ': 'first', ArrowDown: 'first', ArrowUp: 'last'}[event.key] as
      'first' | 'last' | undefined;
    if (!focus) return;
    // Handled here, so that the button's own click (Enter, Space) does not close it again.
    event.preventDefault();
    this.show(focus);
  };

  readonly onMenuKeydown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const items = this.items();
    const current = items.indexOf(event.target as HTMLElement);
    const last = items.length - 1;
    const move = (index: number) => {
      event.preventDefault();
      items[index]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(current >= last ? 0 : current + 1);
      case 'ArrowUp':
        return move(current <= 0 ? last : current - 1);
      case 'Home':
      case 'PageUp':
        return move(0);
      case 'End':
      case 'PageDown':
        return move(last);
      case 'Escape':
        event.preventDefault();
        // Handled: a full-screen widget stays full screen, a dialog around it stays open.
        event.stopPropagation();
        return this.hide(true);
      case 'Tab':
        // The focus moves on from the item as usual (the menu stays drawn meanwhile); focusout closes it.
        this.tabbing = true;
        return;
      case 'Enter':
      case ' ': {
        const item = items[current];
        if (!item) return;
        // A link follows itself on Enter; Space and the buttons are clicked here, once.
        if (event.key === 'Enter' && item instanceof HTMLAnchorElement) return;
        event.preventDefault();
        item.click();
        return;
      }
    }
    if (event.key.length === 1 && event.key.trim()) {
      const next = nextStartingWith(items, current, event.key);
      if (next >= 0) move(next);
    }
  };

  /** An item was clicked (or activated by a key): run it, close, and hand the focus back. */
  activate(item: MenuItem): void {
    item.run?.();
    const menu = this.menu();
    const root = this.host.renderRoot as ShadowRoot;
    // The focus goes back to the button unless the action took it elsewhere.
    const stayed = !root.activeElement || Boolean(menu?.contains(root.activeElement));
    this.hide(stayed);
  }

  /** The focus left the button and the menu (Tab, a click elsewhere): close, where it went. */
  readonly onFocusOut = (event: FocusEvent): void => {
    const anchor = event.currentTarget as HTMLElement;
    const next = event.relatedTarget as Node | null;
    if (next && anchor.contains(next) && !this.tabbing) return;
    this.tabbing = false;
    this.hide(false);
  };

  private readonly onDocumentPointerDown = (event: PointerEvent): void => {
    const anchor = this.button()?.parentElement;
    if (anchor && event.composedPath().includes(anchor)) return;
    this.hide(false);
  };

  private stopListening(): void {
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  private button(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`#${this.buttonId}`);
  }

  private menu(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`#${this.menuId}`);
  }

  private items(): HTMLElement[] {
    return [...(this.menu()?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
  }
}

/** Folds case and accents: « é » is typed as « e ». */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The index of the next item (after `from`, wrapping) whose text starts with `key`, or -1. */
export function nextStartingWith(items: readonly HTMLElement[], from: number, key: string): number {
  const letter = folded(key);
  for (let step = 1; step <= items.length; step++) {
    const index = (from + step) % items.length;
    if (folded((items[index].textContent ?? '').trim()).startsWith(letter)) return index;
  }
  return -1;
}
