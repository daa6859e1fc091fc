/** The languages the widgets speak, and how an element finds its own. */

export type Lang = 'fr' | 'en';

export const LANGS: readonly Lang[] = ['fr', 'en'];

/** `fr-FR` → `fr`, `EN` → `en`; anything else (or nothing) → `fr`. */
export function normalizeLang(value: string | null | undefined): Lang {
  const primary = (value ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : 'fr';
}

/**
 * The language of an element: its own `lang`, else the closest ancestor's (crossing shadow roots),
 * else `<html lang>`, else French. An empty `lang=""` means "unknown" and is skipped.
 */
export function resolveLang(element: Element): Lang {
  let node: Element | null = element;
  while (node) {
    const withLang: Element | null = node.closest('[lang]:not([lang=""])');
    if (withLang) return normalizeLang(withLang.getAttribute('lang'));
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return normalizeLang(document.documentElement.getAttribute('lang'));
}
