/** Reading and using a widget's actions menu (src/core/actions-menu.ts) in tests. */
import type {ReactiveElement} from 'lit';
import {normalize, shadow} from './helpers.js';

export function menuButton(el: Element): HTMLButtonElement {
  return shadow(el).querySelector<HTMLButtonElement>('.menu-button')!;
}

/** The labels of the menu's items, in order (drawn even while the menu is closed). */
export function menuItems(el: Element): string[] {
  return [...shadow(el).querySelectorAll('[role=menu] [role=menuitem]')].map((item) =>
    normalize(item.textContent),
  );
}

/** Opens the menu with a click and clicks the item `action-<id>`. */
export async function chooseAction(el: Element, id: string): Promise<void> {
  const widget = el as ReactiveElement;
  if (menuButton(el).getAttribute('aria-expanded') !== 'true') menuButton(el).click();
  await widget.updateComplete;
  shadow(el).querySelector<HTMLElement>(`[role=menuitem].action-${id}`)!.click();
  await widget.updateComplete;
}
