/**
 * What the tests beyond axe share (issue 16 item 8): a keyboard-only walk read from the browser's
 * accessibility tree, compact outlines of that tree, forced colours emulated in Chromium, text at
 * 200 %, and the page's one live region (src/core/announcer.ts).
 */
import {expect, waitUntil} from '@open-wc/testing';
import {a11ySnapshot, executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {normalize} from '../helpers.js';
import {outline, type AccessibilityNode} from '../table-helpers.js';
import {clipped, overlaps, splitWords, textBoxes} from '../visual/boxes.js';

export const ODS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
export const ORLEANS = 'epci = "Orléans Métropole"';
export const LOIRET = '/portal/files/communes-45-loiret.geojson';

interface FocusedNode extends AccessibilityNode {
  focused?: boolean;
  children?: FocusedNode[];
}

function focusedIn(node: FocusedNode): FocusedNode | undefined {
  if (node.focused) return node;
  for (const child of node.children ?? []) {
    const found = focusedIn(child);
    if (found) return found;
  }
  return undefined;
}

/** The focused node as a screen reader names it: « role: name ». */
export async function focused(): Promise<string> {
  const node = focusedIn((await a11ySnapshot({})) as unknown as FocusedNode);
  return node ? `${node.role}: ${normalize(node.name)}` : 'nothing';
}

/** The element that has the focus, through shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A Tab stop: the element focused and how the accessibility tree names it (« role: name »). */
export interface TabStop {
  name: string;
  element: Element;
}

/**
 * Tab from a button put before `container` until a button put after it: the stops on the way,
 * each with its role and name in the accessibility tree.
 */
export async function tabWalk(container: HTMLElement, limit = 120): Promise<TabStop[]> {
  const before = document.createElement('button');
  const after = document.createElement('button');
  before.textContent = 'Avant';
  after.textContent = 'Après';
  container.before(before);
  container.after(after);
  try {
    before.focus();
    const stops: TabStop[] = [];
    for (let i = 0; i < limit; i++) {
      await sendKeys({press: 'Tab'});
      if (document.activeElement === after) return stops;
      stops.push({name: await focused(), element: deepActive()!});
    }
    throw new Error(`more than ${limit} Tab stops: ${stops.map((stop) => stop.name).join(' | ')}`);
  } finally {
    before.remove();
    after.remove();
  }
}

/** The names of the Tab stops from before `container` to after it. */
export async function tabStops(container: HTMLElement, limit = 120): Promise<string[]> {
  return (await tabWalk(container, limit)).map((stop) => stop.name);
}

/** Whether `element` lies in its shadow root's `[part~=actions]`. */
export const inActions = (element: Element) => Boolean(element.closest('[part~=actions]'));

/**
 * The WAI-ARIA menu-button pattern of the frame's actions (DESIGN.md): one button that opens a
 * menu with Enter, the focus on its first item, the items in `expected` order (names matched by
 * each pattern), Escape closing it with the focus back on the button. Answers the items' names.
 */
export async function expectActionsMenu(widget: Element, expected: RegExp[]): Promise<string[]> {
  const root = widget.shadowRoot!;
  const button = root.querySelector<HTMLElement>('[part~=actions] [aria-haspopup]');
  expect(button, 'an actions menu button').to.not.equal(null);
  expect(button!.getAttribute('aria-haspopup')).to.be.oneOf(['menu', 'true']);
  expect(button!.getAttribute('aria-expanded') ?? 'false').to.equal('false');
  await focusByKeyboard(button!);
  await sendKeys({press: 'Enter'});
  await waitUntil(() => button!.getAttribute('aria-expanded') === 'true', 'the menu opens');
  const items = [...root.querySelectorAll('[role=menuitem]')].map((item) => normalize(item.textContent));
  expect(items.length, items.join(' | ')).to.equal(expected.length);
  expected.forEach((pattern, index) => expect(items[index]).to.match(pattern));
  expect(deepActive()?.getAttribute('role'), 'the focus on the first item').to.equal('menuitem');
  await sendKeys({press: 'Escape'});
  await waitUntil(() => button!.getAttribute('aria-expanded') !== 'true', 'the menu closes');
  expect(deepActive(), 'the focus back on the button').to.equal(button);
  return items;
}

/** The menu's items for chart, map and table (DESIGN.md « Look, accessibility, language »). */
export const ACTIONS = [/CSV/, /PNG/, /SVG/, /plein écran/i, /jeu de données/i];

/** Tabs from a button put just before `host` until `target` (in its shadow root) has the focus, as a keyboard user would. */
export async function focusByKeyboard(
  target: Element,
  host: Element = (target.getRootNode() as ShadowRoot).host,
): Promise<void> {
  const before = document.createElement('button');
  before.textContent = 'Avant';
  host.before(before);
  try {
    before.focus();
    for (let i = 0; i < 60 && deepActive() !== target; i++) await sendKeys({press: 'Tab'});
    expect(deepActive(), 'reached by Tab').to.equal(target);
  } finally {
    before.remove();
  }
}

/** The page's accessibility tree as « role: name » lines, for the roles given. */
export async function tree(roles: readonly string[]): Promise<string[]> {
  return outline((await a11ySnapshot({})) as unknown as AccessibilityNode, roles);
}

/** Turns Chromium's forced colours (Windows high contrast) on or off; they are on once the page's query says so. */
export async function forcedColors(active: boolean): Promise<void> {
  await executeServerCommand('emulate-forced-colors', {forcedColors: active ? 'active' : 'none'});
  await waitUntil(() => matchMedia('(forced-colors: active)').matches === active, 'forced colours');
}

/** Text drawn invisibly: a text colour, or an SVG fill and stroke, that is transparent or none. */
export function invisibleText(root: Element): string[] {
  return textBoxes(root).flatMap(({text, owner, svg}) => {
    const element = (svg ? owner : owner.parentElement) as Element;
    const style = getComputedStyle(element);
    const transparent = (colour: string) => colour === 'transparent' || /^rgba\(.*,\s*0\)$/.test(colour);
    const hidden = svg
      ? (style.fill === 'none' || transparent(style.fill)) &&
        (style.stroke === 'none' || transparent(style.stroke))
      : transparent(style.color);
    return hidden ? [`« ${text} » drawn in ${svg ? `fill ${style.fill}` : style.color}`] : [];
  });
}

/** How the focused element shows its focus: its outline, or a ring drawn for it. */
export function focusIndicator(element: Element): string {
  const style = getComputedStyle(element);
  return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    ? `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`
    : 'none';
}

/**
 * Three rendering updates: the widgets' resize observers have reported the new sizes (after the
 * first frame's layout), and the actions row placed again in the frame after that
 * (src/core/actions-menu-placement.ts places out of the observer's callback).
 */
export async function renderingSettled(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Sets the page's text to 200 % for `test`, then back. */
export async function withLargeText<T>(test: () => Promise<T>): Promise<T> {
  document.documentElement.style.fontSize = '200%';
  try {
    return await test();
  } finally {
    document.documentElement.style.fontSize = '';
  }
}

/** The box rules of test/visual/boxes.ts for the text under `root`: overlaps, cut-off text, split words. */
export function readability(root: Element): string[] {
  const boxes = textBoxes(root);
  return [...overlaps(boxes), ...clipped(boxes), ...splitWords(boxes)];
}

/** The font size of the first SVG text under `root`'s shadow root. */
export function svgFontSize(root: Element, selector = 'svg text'): number {
  const text = root.shadowRoot!.querySelector(selector);
  expect(text, `${selector} drawn`).to.not.equal(null);
  return parseFloat(getComputedStyle(text!).fontSize);
}

/** The text of the page's live region, which lives at the top of a widget's shadow root (src/core/data-element.ts). */
export function liveRegionText(): string {
  const regions: Element[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.matches('[aria-live="polite"]') && element.parentNode instanceof ShadowRoot)
        regions.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  return normalize(regions.map((region) => region.textContent).join(' '));
}
