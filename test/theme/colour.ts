/** WCAG 2.1 contrast from computed colours, across shadow roots. */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/**
 * A computed CSS colour (`rgb()`, `rgba()`, `color(srgb …)`, or a token's `#rrggbb`) as 0–255
 * channels and an alpha; undefined for what is not a plain colour (`none`, `url(…)`).
 */
export function parseColour(text: string): Rgba | undefined {
  const value = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((digit) => digit + digit).join('') : hex[1];
    const [r, g, b] = [0, 2, 4].map((start) => parseInt(digits.slice(start, start + 2), 16));
    return {r, g, b, a: 1};
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(value);
  if (rgb) {
    const [r, g, b, a = 1] = rgb[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return {r, g, b, a};
  }
  const srgb = /^color\(srgb ([^)]+)\)$/.exec(value);
  if (srgb) {
    const [r, g, b, a = 1] = srgb[1]
      .split(/[\s/]+/)
      .filter(Boolean)
      .map(Number);
    return {r: r * 255, g: g * 255, b: b * 255, a};
  }
  return undefined;
}

/** `top` painted over the opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (a: number, b: number) => a * top.a + b * (1 - top.a);
  return {r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1};
}

function luminance({r, g, b}: Rgba): number {
  const [lr, lg, lb] = [r, g, b].map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
}

/** The WCAG contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The parent in the flat tree: across a shadow root to its host. */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

const WHITE: Rgba = {r: 255, g: 255, b: 255, a: 1};

/** The colour behind `el`: its own and its ancestors' backgrounds composed, on a white page. */
export function backgroundBehind(el: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = el; node; node = parentOf(node)) {
    const colour = parseColour(getComputedStyle(node).backgroundColor);
    if (colour && colour.a > 0) layers.push(colour);
    if (colour?.a === 1) break;
  }
  return layers.reduceRight((below, layer) => over(layer, below), WHITE);
}

/** Whether `el` is drawn on screen for a reader: displayed, sized, not clipped away. */
export function isShown(el: Element): boolean {
  if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) return false;
  const box = el.getBoundingClientRect();
  if (box.width <= 1 || box.height <= 1) return false;
  for (let node: Element | null = el; node; node = parentOf(node)) {
    const clip = getComputedStyle(node).clipPath;
    if (clip.startsWith('inset(50%')) return false;
  }
  return true;
}

/** Every element of `root` and of the shadow roots inside it. */
export function deepElements(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    found.push(el);
    if (el.shadowRoot) found.push(...deepElements(el.shadowRoot));
  }
  return found;
}

/** Text of `el`'s own text nodes (not its children's). */
export function ownText(el: Element): string {
  return [...el.childNodes]
    .filter((node) => node.nodeType === Node.TEXT_NODE)
    .map((node) => node.textContent ?? '')
    .join('')
    .trim();
}

/** WCAG « large text »: 24 px, or 18.66 px bold. */
export function isLargeText(el: Element): boolean {
  const style = getComputedStyle(el);
  const size = parseFloat(style.fontSize);
  return size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
}
