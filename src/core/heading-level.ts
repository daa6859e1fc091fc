/**
 * The default level of a widget's heading: one below the nearest heading before it in the page, so
 * that a widget under an `<h2>` is an `h3` and one right after the `<h1>` an `h2` (RGAA 9.1).
 */

const HEADING = /^h([1-6])$/;

/** The level of `element` when it is a heading (`<h1>`…`<h6>` or `role="heading"`), else 0. */
function levelOf(element: Element): number {
  const tag = HEADING.exec(element.localName);
  if (tag) return Number(tag[1]);
  if (element.getAttribute('role') !== 'heading') return 0;
  const level = Number(element.getAttribute('aria-level'));
  return level >= 1 && level <= 6 ? level : 2;
}

/**
 * The level after the nearest preceding heading of `element`, looking back in its root, then from
 * its shadow host outwards; 2 when the page has none before it, at most 6. Headings inside other
 * widgets' shadow roots are not the page's: they are not counted.
 */
export function levelAfterPrecedingHeading(element: Element): number {
  for (let node: Element | null = element; node;) {
    const root = node.getRootNode();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    walker.currentNode = node;
    for (let previous = walker.previousNode(); previous; previous = walker.previousNode()) {
      const level = levelOf(previous as Element);
      if (level && !(previous as Element).contains(element)) return Math.min(6, level + 1);
    }
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return 2;
}
