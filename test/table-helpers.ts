/** What the odw-table and odw-filter tests share: reading the table, waiting for it, measuring boxes. */
import {expect, waitUntil} from '@open-wc/testing';
import {normalize} from './helpers.js';

export const ODS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
export const ODS = `/portal/${ODS_PATH}`;
export const ORLEANS = 'epci = "Orléans Métropole"';

export function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** The text of a cell's value, without the column label a card shows. */
export function cellText(cell: Element): string {
  const value = cell.querySelector('.cell-value');
  return normalize((value ?? cell).textContent);
}

/** The text of every body row, cell by cell. */
export function bodyRows(el: Element): string[][] {
  return [...root(el).querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(cellText));
}

export function rangeText(el: Element): string {
  return normalize(root(el).querySelector('.range')?.textContent);
}

export function pageButton(el: Element, label: string): HTMLButtonElement {
  return root(el).querySelector<HTMLButtonElement>(`.pager button[aria-label="${label}"]`)!;
}

export async function loaded(el: Element, timeout = 15_000): Promise<void> {
  await waitUntil(
    () => root(el).querySelector('tbody') || root(el).querySelector('[part=status]'),
    'the table never loaded',
    {timeout},
  );
}

/** Waits until the pager shows `range` (the rows of the page in the whole result). */
export async function showsRange(el: Element, range: string): Promise<void> {
  await waitUntil(() => rangeText(el) === range, `expected « ${range} »`, {timeout: 15_000});
}

/** The element that has the focus, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** How many lines the text of `element` takes, counted from its line boxes. */
export function lineCount(element: Element): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  return new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size;
}

/** Every text node under `element` (shadow roots included) and the element that holds it. */
function textNodes(element: Element | ShadowRoot): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text && node.data.trim()) nodes.push(node);
    if (node instanceof Element && node.shadowRoot) nodes.push(...textNodes(node.shadowRoot));
  }
  return nodes;
}

/**
 * What must hold at every width, measured from boxes: no word split across lines, no text cut
 * off by an ancestor that clips it, no horizontal scroll of the page. Text in a scrolling region
 * that a keyboard can reach counts as shown.
 */
export function expectReadable(el: Element): void {
  expect(document.documentElement.scrollWidth, 'no horizontal scroll of the page').to.be.at.most(
    document.documentElement.clientWidth,
  );
  const widget = el.getBoundingClientRect();
  for (const control of root(el).querySelectorAll('input, select, button, textarea')) {
    if (!clippingAncestor(control) && control.closest('[tabindex]:not(input, select, button)')) continue;
    const box = control.getBoundingClientRect();
    if (box.width === 0) continue;
    expect(box.right, `${control.localName} inside the widget`).to.be.at.most(widget.right + 1);
    expect(box.left, `${control.localName} inside the widget`).to.be.at.least(widget.left - 1);
  }
  for (const node of textNodes(el.shadowRoot ?? el)) {
    const holder = node.parentElement!;
    if (holder.closest('.visually-hidden') || getComputedStyle(holder).visibility === 'hidden') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const boxes = [...range.getClientRects()].filter((box) => box.width > 0);
    if (!boxes.length) continue;
    const text = normalize(node.data);
    // A word split across lines has its letters on two lines (hyphens and spaces may break).
    for (const match of node.data.matchAll(/[^\s\-‐]{2,}/g)) {
      if (/^https?:|@/.test(match[0])) continue;
      const word = document.createRange();
      word.setStart(node, match.index);
      word.setEnd(node, match.index + match[0].length);
      const tops = new Set(
        [...word.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.top)),
      );
      expect(tops.size, `« ${match[0]} » split across lines`).to.be.at.most(1);
    }
    const clipper = clippingAncestor(holder);
    if (!clipper) continue;
    const limit = clipper.getBoundingClientRect();
    for (const box of boxes) {
      expect(box.right, `« ${text} » cut off on the right`).to.be.at.most(limit.right + 1);
      expect(box.left, `« ${text} » cut off on the left`).to.be.at.least(limit.left - 1);
    }
  }
}

/** The nearest ancestor that hides what overflows it without letting anyone scroll to it. */
function clippingAncestor(element: Element): Element | undefined {
  for (
    let node: Element | null = element;
    node;
    node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null
  ) {
    const style = getComputedStyle(node);
    const scrollable = /auto|scroll/.test(style.overflowX) && node.getAttribute('tabindex') !== null;
    if (scrollable) return undefined;
    if (/hidden|clip/.test(style.overflowX)) return node;
  }
  return undefined;
}

/** The elements of `el`'s shadow root that scroll (content larger than their box, overflow auto or scroll). */
export function scrollingElements(el: Element): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>('*')].filter((node) => {
    const style = getComputedStyle(node);
    const scrollsX = /auto|scroll/.test(style.overflowX) && node.scrollWidth > node.clientWidth + 1;
    const scrollsY = /auto|scroll/.test(style.overflowY) && node.scrollHeight > node.clientHeight + 1;
    return scrollsX || scrollsY;
  });
}

/** The accessible name given by `aria-label` or `aria-labelledby` (within the same root). */
export function ariaName(node: Element): string {
  const ids = node.getAttribute('aria-labelledby');
  if (ids) {
    const rootNode = node.getRootNode() as ShadowRoot | Document;
    return normalize(
      ids
        .split(/\s+/)
        .map((id) => rootNode.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
  }
  return normalize(node.getAttribute('aria-label'));
}

/** A node of the browser's accessibility tree, as `a11ySnapshot` gives it. */
export interface AccessibilityNode {
  role: string;
  name: string;
  children?: AccessibilityNode[];
}

/** The tree as « role: name » lines, in reading order, for the roles given (text and generic nodes left out). */
export function outline(node: AccessibilityNode, roles: readonly string[]): string[] {
  const own = roles.includes(node.role) ? [`${node.role}: ${normalize(node.name)}`] : [];
  return [...own, ...(node.children ?? []).flatMap((child) => outline(child, roles))];
}
