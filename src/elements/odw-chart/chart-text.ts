/**
 * Text measured before it is placed: the chart lays out its labels from their drawn widths
 * (canvas `measureText`, the font of the SVG), never from a guess per character. Wrapping on two
 * lines and ellipses work on any `Measure`, so the layout can be tested with a fixed one.
 */

/**
 * The drawn width, in pixels, of `text` (bold: the weight of the titles); with, when measured in a
 * page, how far a label turned by 45° reaches past its own width (`turnedReach`).
 */
export type Measure = ((text: string, bold?: boolean) => number) & {turnedReach?: number};

export const ELLIPSIS = '…';

let context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;
/** The font last set on `context`. */
let contextFont = '';

/** Widths measured, per font: a redraw (new rows, a new size) measures only new texts. */
const caches = new Map<string, Map<string, number>>();

/** Widths as the browser draws `family` at `size` pixels, cached per text. */
export function canvasMeasure(family: string, size: number): Measure {
  context ??=
    // eslint-disable-next-line no-restricted-globals -- checked first: Safari before 16.4 lacks it
    typeof OffscreenCanvas === 'function'
      ? // eslint-disable-next-line no-restricted-globals -- checked on the line above
        new OffscreenCanvas(1, 1).getContext('2d')
      : document.createElement('canvas').getContext('2d');
  const font = `${size}px ${family}`;
  let cache = caches.get(font);
  if (!cache || cache.size > 5000) caches.set(font, (cache = new Map()));
  const measure: Measure = (text, bold = false) => {
    const key = `${bold ? 'b' : 'r'}${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      if (!context) return text.length * size * 0.6;
      // Setting the font parses it again, even the same one: only when it changes.
      const wanted = `${bold ? 600 : 400} ${size}px ${family}`;
      if (wanted !== contextFont) context.font = contextFont = wanted;
      width = context.measureText(text).width;
      cache.set(key, width);
    }
    return width;
  };
  measure.turnedReach = turnedReach(family, size);
  return measure;
}

/** `turnedReach` per font. */
const reaches = new Map<string, number | undefined>();
const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * How far left of its end a label turned by −45° reaches beyond its own width, in pixels along
 * the label: the height of its box above the baseline, as the engine boxes SVG text. It differs
 * per engine (11 px at 12 px in Chromium, 14 px in Firefox, whose box takes in the font's whole
 * line), so it is measured once per font on a label drawn out of sight, not guessed.
 */
function turnedReach(family: string, size: number): number | undefined {
  const font = `${size}px ${family}`;
  if (reaches.has(font)) return reaches.get(font);
  const body = typeof document === 'object' ? document.body : null;
  if (!body) return undefined;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', '0');
  svg.setAttribute('height', '0');
  svg.setAttribute('aria-hidden', 'true');
  const label = document.createElementNS(SVG_NS, 'text');
  for (const [name, value] of Object.entries({
    x: '100',
    y: '100',
    'font-family': family,
    'font-size': String(size),
    'text-anchor': 'end',
    transform: 'rotate(-45 100 100)',
  })) {
    label.setAttribute(name, value);
  }
  // Capitals with accents and letters below the line: the tallest box a commune's name can have.
  label.textContent = 'Île-d’Écully gy';
  svg.append(label);
  body.append(svg);
  const anchor = svg.getBoundingClientRect().left + 100;
  const reach = (anchor - label.getBoundingClientRect().left) / Math.SQRT1_2 - label.getComputedTextLength();
  svg.remove();
  const found = Number.isFinite(reach) && reach > 0 ? reach : undefined;
  reaches.set(font, found);
  return found;
}

/**
 * Sets `family` up for measuring ahead of the first layout: a page's first measurement of a font
 * costs tens of milliseconds (the font is looked up and loaded), paid while the data travels
 * rather than after it arrived. Later calls answer from the cache.
 */
export function prepareFont(family: string, size: number): void {
  const measure = canvasMeasure(family, size);
  // Letters, accents, figures and the marks the labels and ticks use.
  const sample = 'Saint-Étienne-du-Rouvray (hab.) 0123456789 « … »';
  measure(sample);
  measure(sample, true);
}

/** `text` cut at a word or character boundary so that it fits `width`, ending with « … ». */
export function ellipsize(text: string, width: number, measure: Measure, bold = false): string {
  if (measure(text, bold) <= width) return text;
  const characters = [...text];
  let low = 0;
  let high = characters.length;
  // The longest prefix that fits with its ellipsis.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(characters.slice(0, middle).join('').trimEnd() + ELLIPSIS, bold) <= width) low = middle;
    else high = middle - 1;
  }
  return low ? characters.slice(0, low).join('').trimEnd() + ELLIPSIS : '';
}

/**
 * Places where a line may break: after a space or a hyphen (« Saint-Jean- / de-la-Ruelle »), the
 * hyphen staying on the first line.
 */
function breakPoints(text: string): number[] {
  const points: number[] = [];
  for (let index = 1; index < text.length; index++) {
    if (text[index - 1] === ' ' || text[index - 1] === '-' || text[index - 1] === '/') points.push(index);
  }
  return points;
}

/**
 * `text` on at most `maxLines` lines of `width` pixels: broken at spaces and hyphens, the most
 * balanced break first; the last line ends with « … » when the rest does not fit. Answers the
 * lines and whether the whole text is shown.
 */
export function wrapText(
  text: string,
  width: number,
  measure: Measure,
  maxLines = 2,
  bold = false,
): {lines: string[]; complete: boolean} {
  if (measure(text, bold) <= width || maxLines <= 1) {
    const line = ellipsize(text, width, measure, bold);
    return {lines: line ? [line] : [], complete: line === text};
  }
  // The break that leaves the widest line narrowest, among those whose first line fits.
  let best: {first: string; rest: string; widest: number} | undefined;
  for (const at of breakPoints(text)) {
    const first = text.slice(0, at).trimEnd();
    const rest = text.slice(at).trimStart();
    const firstWidth = measure(first, bold);
    if (firstWidth > width) break;
    const widest = Math.max(firstWidth, measure(rest, bold));
    if (!best || widest < best.widest) best = {first, rest, widest};
  }
  if (!best) {
    const line = ellipsize(text, width, measure, bold);
    return {lines: line ? [line] : [], complete: false};
  }
  const tail = wrapText(best.rest, width, measure, maxLines - 1, bold);
  return {lines: [best.first, ...tail.lines], complete: tail.complete};
}

/** A web font arrived: texts measured in its fallback are measured again. */
export function forgetWidths(): void {
  caches.clear();
  reaches.clear();
}
