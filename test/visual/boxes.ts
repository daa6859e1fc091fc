/**
 * What a reader sees, measured from boxes rather than pixels, in any engine: every piece of text
 * that is drawn (HTML text through `Range.getClientRects`, SVG `<text>` through its box), through
 * shadow roots; then the rules of issue 15 item 9: no two texts overlap, no text cut off by an
 * ancestor that hides its overflow (an SVG included), no word split across lines, no horizontal
 * scroll of the page, and on a phone the frame (title, actions, footer) no taller than the figure.
 * Each rule answers a list of problems in words, so that one failure names every box at fault.
 */

/** A piece of text as drawn: one line box of an HTML text node, or one SVG `<text>`. */
export interface TextBox {
  text: string;
  /** The text node (HTML) or `<text>` element (SVG) it belongs to. */
  owner: Node;
  box: DOMRect;
  svg: boolean;
  /** The four corners of the text's own box, turned with it (an SVG label drawn at an angle). */
  corners: Point[];
}

type Point = [number, number];

const cornersOf = (box: DOMRect): Point[] => [
  [box.left, box.top],
  [box.right, box.top],
  [box.right, box.bottom],
  [box.left, box.bottom],
];

/** The corners of an SVG text's box, through its transforms (a rotated axis label). */
function svgCorners(text: SVGTextElement): Point[] {
  const box = text.getBBox();
  const matrix = text.getScreenCTM();
  if (!matrix) return cornersOf(text.getBoundingClientRect());
  const local: Point[] = [
    [box.x, box.y],
    [box.x + box.width, box.y],
    [box.x + box.width, box.y + box.height],
    [box.x, box.y + box.height],
  ];
  return local.map(([x, y]) => [
    matrix.a * x + matrix.c * y + matrix.e,
    matrix.b * x + matrix.d * y + matrix.f,
  ]);
}

/** Elements whose text is not drawn as it stands in the DOM (a text area draws its value). */
const SKIPPED = new Set(['STYLE', 'SCRIPT', 'TEMPLATE', 'TITLE', 'OPTION', 'NOSCRIPT', 'TEXTAREA']);

/**
 * The parent in the composed tree: the slot a node is assigned to, its parent, or its shadow host.
 * Nodes come from the test page's iframe, whose classes are not this window's: no `instanceof`.
 */
function composedParent(node: Node): Element | null {
  const slot = (node as Partial<Slottable>).assignedSlot;
  if (slot) return slot;
  if (node.parentElement) return node.parentElement;
  return (node.getRootNode() as Partial<ShadowRoot>).host ?? null;
}

function* ancestors(node: Node): Generator<Element> {
  for (let parent = composedParent(node); parent; parent = composedParent(parent)) yield parent;
}

const transparent = (colour: string) => colour === 'transparent' || /^rgba\(.*,\s*0\)$/.test(colour);

/** Whether an element's text is drawn: not hidden, not transparent, not the 1-pixel « visually hidden » box. */
function drawn(element: Element): boolean {
  const view = element.ownerDocument.defaultView!;
  const own = view.getComputedStyle(element);
  if (own.visibility !== 'visible' || own.display === 'none') return false;
  if (
    element instanceof view.SVGElement ? own.fill === 'none' && own.stroke === 'none' : transparent(own.color)
  ) {
    return false;
  }
  for (const node of [element, ...ancestors(element)]) {
    const style = view.getComputedStyle(node);
    if (Number(style.opacity) === 0 || style.display === 'none') return false;
    if (/hidden|clip/.test(style.overflowX + style.overflowY)) {
      const box = node.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return false;
    }
  }
  return true;
}

/** Every text drawn under `root`, shadow roots and slotted content included. */
export function textBoxes(root: Document | Element | ShadowRoot): TextBox[] {
  const found: TextBox[] = [];
  const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : root.ownerDocument!;
  const view = doc.defaultView!;
  const visit = (node: Node): void => {
    if (node instanceof view.Element) {
      if (SKIPPED.has(node.tagName.toUpperCase())) return;
      if (node instanceof view.SVGTextElement) {
        const text = normalized(node.textContent);
        const box = node.getBoundingClientRect();
        if (text && box.width > 0 && drawn(node)) {
          found.push({text, owner: node, box, svg: true, corners: svgCorners(node)});
        }
        return;
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    if (node instanceof view.Text) {
      const text = normalized(node.data);
      if (!text || !node.parentElement || !drawn(node.parentElement)) return;
      const range = doc.createRange();
      range.selectNodeContents(node);
      for (const box of range.getClientRects()) {
        if (box.width > 0.5 && box.height > 0.5)
          found.push({text, owner: node, box, svg: false, corners: cornersOf(box)});
      }
      return;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(root);
  return found;
}

export function normalized(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const px = (value: number) => Math.round(value);
export const describeBox = (box: DOMRect) =>
  `[${px(box.left)},${px(box.top)} ${px(box.width)}×${px(box.height)}]`;

/** The part of `box` not hidden by an ancestor that clips or scrolls: where the text is seen. */
function visiblePart(owner: Node, box: DOMRect): DOMRect | undefined {
  const view = owner.ownerDocument!.defaultView!;
  let [left, top, right, bottom] = [box.left, box.top, box.right, box.bottom];
  for (const ancestor of ancestors(owner)) {
    const style = view.getComputedStyle(ancestor);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const limit = ancestor.getBoundingClientRect();
    if (style.overflowX !== 'visible')
      [left, right] = [Math.max(left, limit.left), Math.min(right, limit.right)];
    if (style.overflowY !== 'visible')
      [top, bottom] = [Math.max(top, limit.top), Math.min(bottom, limit.bottom)];
  }
  return right - left > 0.5 && bottom - top > 0.5
    ? new DOMRect(left, top, right - left, bottom - top)
    : undefined;
}

/** Whether a box is turned (its top edge not horizontal). */
const turned = ({corners: [a, b]}: TextBox) => Math.abs(a[1] - b[1]) > 0.5;

/**
 * How deep two turned boxes go into each other: the least overlap of their projections on the
 * four edge directions (separating axes); 0 or less when a line parts them.
 */
function depth(a: Point[], b: Point[]): number {
  let least = Infinity;
  for (const shape of [a, b]) {
    for (let i = 0; i < 2; i++) {
      const [x1, y1] = shape[i];
      const [x2, y2] = shape[i + 1];
      const length = Math.hypot(x2 - x1, y2 - y1) || 1;
      const axis: Point = [(y1 - y2) / length, (x2 - x1) / length];
      const project = (points: Point[]) => points.map(([x, y]) => x * axis[0] + y * axis[1]);
      const [pa, pb] = [project(a), project(b)];
      least = Math.min(
        least,
        Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)),
      );
    }
  }
  return least;
}

/**
 * Texts drawn over each other. Two level boxes overlap when they share more than a quarter of the
 * smaller one's height and more than 2 px of width: the glyph boxes of two lines of one
 * paragraph touch by a pixel, which is not an overlap. Turned labels overlap when their own
 * boxes go more than 2 px into each other. A halo drawn under its own label (the same text in
 * the same place) is one label.
 */
export function overlaps(boxes: TextBox[]): string[] {
  const problems: string[] = [];
  // Text scrolled out of its region, or hidden by a clipping ancestor, is drawn nowhere.
  const seen = boxes.flatMap((text) => {
    const box = visiblePart(text.owner, text.box);
    return box ? [{...text, box}] : [];
  });
  for (let i = 0; i < seen.length; i++) {
    for (let j = i + 1; j < seen.length; j++) {
      const a = seen[i];
      const b = seen[j];
      if (a.owner === b.owner) continue;
      const width = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const height = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (width <= 2 || height <= Math.min(a.box.height, b.box.height) / 4) continue;
      if ((turned(a) || turned(b)) && depth(a.corners, b.corners) <= 2) continue;
      const halo =
        a.text === b.text && Math.abs(a.box.left - b.box.left) < 2 && Math.abs(a.box.top - b.box.top) < 2;
      if (halo) continue;
      problems.push(`« ${a.text} » ${describeBox(a.box)} overlaps « ${b.text} » ${describeBox(b.box)}`);
    }
  }
  return problems;
}

/** Whether `element` is a scrolling region a keyboard can reach (its own Tab stop, or a control inside). */
function reachableScroller(element: Element): boolean {
  const tabindex = element.getAttribute('tabindex');
  if (tabindex !== null && Number(tabindex) >= 0) return true;
  return Boolean(element.querySelector('a[href], button, input, select, textarea, [tabindex="0"]'));
}

/**
 * Texts cut off: by an ancestor that hides what overflows it (an SVG's viewport included), or
 * inside a region that scrolls but that no keyboard can reach. Text inside a scrolling region
 * with its own Tab stop counts as shown: it can be scrolled to.
 */
export function clipped(boxes: TextBox[]): string[] {
  const problems: string[] = [];
  for (const {text, owner, box} of boxes) {
    const view = owner.ownerDocument!.defaultView!;
    for (const ancestor of ancestors(owner)) {
      const style = view.getComputedStyle(ancestor);
      const overflow = `${style.overflowX} ${style.overflowY}`;
      if (/auto|scroll/.test(overflow)) {
        const scrolls =
          ancestor.scrollWidth > ancestor.clientWidth + 1 ||
          ancestor.scrollHeight > ancestor.clientHeight + 1;
        if (scrolls && !reachableScroller(ancestor)) {
          problems.push(
            `« ${text} » in <${ancestor.localName} class="${ancestor.getAttribute('class') ?? ''}">, which scrolls but cannot be focused`,
          );
        }
        break;
      }
      if (!/hidden|clip/.test(overflow)) continue;
      const limit = ancestor.getBoundingClientRect();
      const outside =
        box.left < limit.left - 1 ||
        box.right > limit.right + 1 ||
        (/hidden|clip/.test(style.overflowY) && (box.top < limit.top - 1 || box.bottom > limit.bottom + 1));
      if (outside) {
        problems.push(
          `« ${text} » ${describeBox(box)} cut off by <${ancestor.localName} class="${ancestor.getAttribute('class') ?? ''}"> ${describeBox(limit)}`,
        );
        break;
      }
    }
  }
  return problems;
}

/** The words of a text: runs of letters between spaces, hyphens and slashes, where lines may break. */
const WORD = /[^\s\-‐‑–—/]{2,}/g;

/** Words of HTML text whose letters lie on two lines (SVG text breaks only where its code puts a new line). */
export function splitWords(boxes: TextBox[]): string[] {
  const problems: string[] = [];
  const nodes = new Set(boxes.filter((box) => !box.svg).map((box) => box.owner as Text));
  for (const node of nodes) {
    // Code is written to be copied: a long address in it may wrap anywhere.
    if (node.parentElement!.closest('pre, code')) continue;
    for (const match of node.data.matchAll(WORD)) {
      if (/^https?:|[@=&%<>]/.test(match[0])) continue;
      const range = node.ownerDocument.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = [...range.getClientRects()].filter((box) => box.width > 0.5);
      const first = lines[0];
      const split = lines.some(
        (box) => Math.abs(box.top - first.top) > Math.min(box.height, first.height) / 2,
      );
      if (split) problems.push(`« ${match[0]} » split across lines (in « ${normalized(node.data)} »)`);
    }
  }
  return problems;
}

/** Every element under `root`, through shadow roots. */
function* deepElements(root: Document | ShadowRoot | Element): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

/** The page scrolls sideways; the deepest elements that reach past its right edge are named. */
export function pageScroll(doc: Document): string[] {
  const scrolling = doc.scrollingElement!;
  const width = doc.defaultView!.innerWidth;
  if (scrolling.scrollWidth <= width) return [];
  const view = doc.defaultView!;
  const contained = (element: Element) =>
    ancestorsOf(element).some((ancestor) => view.getComputedStyle(ancestor).overflowX !== 'visible');
  const past = [...deepElements(doc)].filter(
    (element) => element.getBoundingClientRect().right > width + 0.5 && !contained(element),
  );
  const deepest = past.filter(
    (element) => !past.some((other) => other !== element && ancestorsOf(other).includes(element)),
  );
  const names = deepest
    .slice(0, 3)
    .map(
      (element) =>
        `<${element.localName} class="${element.getAttribute('class') ?? ''}"> ${describeBox(element.getBoundingClientRect())}`,
    );
  return [`the page scrolls sideways: ${scrolling.scrollWidth} px in ${width} px (${names.join(', ')})`];
}

const ancestorsOf = (element: Element) => [...ancestors(element)];

/** The height covered by `elements` (a title beside its actions counts once). */
export function coveredHeight(elements: Element[]): number {
  const spans = elements
    .map((element) => element.getBoundingClientRect())
    .filter((box) => box.height > 0 && box.width > 0)
    .map((box) => [box.top, box.bottom])
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [top, bottom] of spans) {
    total += Math.max(0, bottom - Math.max(top, end));
    end = Math.max(end, bottom);
  }
  return total;
}

/** « Voir les données » and its English twin, wherever the frame puts it. */
const DATA_TOGGLE = /^(voir|masquer|afficher) les données|^(show|hide) (the )?data/i;

/**
 * The frame of a widget: its title, its actions, its « Voir les données » toggle (when not among
 * the actions) and its footer.
 */
export function frameParts(widget: Element): Element[] {
  const root = widget.shadowRoot!;
  const parts = [...root.querySelectorAll('[part~=title], [part~=actions], [part~=footer]')];
  const toggles = [...root.querySelectorAll('button, summary')].filter(
    (control) => DATA_TOGGLE.test(normalized(control.textContent)) && !parts.some((p) => p.contains(control)),
  );
  return [...parts, ...toggles];
}

/** On a phone the frame takes no more room than the figure it frames. */
export function frameTallerThanFigure(widget: Element, figure: Element | null | undefined): string[] {
  const name = `${widget.localName}${widget.getAttribute('title') ? ` « ${widget.getAttribute('title')} »` : ''}`;
  if (!figure) return [`${name}: no figure drawn`];
  const frame = coveredHeight(frameParts(widget));
  const height = figure.getBoundingClientRect().height;
  return frame > height + 1
    ? [
        `${name}: frame (title, actions, footer) ${Math.round(frame)} px tall, figure ${Math.round(height)} px`,
      ]
    : [];
}

/** Every rule but the frame's, for the texts under `root` and the page `doc`. */
export function boxProblems(doc: Document, root: Document | Element = doc): string[] {
  const boxes = textBoxes(root);
  return [...overlaps(boxes), ...clipped(boxes), ...splitWords(boxes), ...pageScroll(doc)];
}
