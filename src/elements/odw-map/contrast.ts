/** Contrast of colours (WCAG 2.1), for the map's light classes: no dependency, shared with the engine. */

/** Contrast that non-text marks need against what is next to them (WCAG 1.4.11). */
export const MARK_CONTRAST = 3;

/** The relative luminance of a `#rgb`, `#rrggbb` or `rgb()` colour; undefined for other syntaxes. */
export function luminance(color: string): number | undefined {
  const text = color.trim();
  let channels: number[] | undefined;
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(text);
  if (hex) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d) : hex[1].match(/../g)!;
    channels = digits.map((pair) => parseInt(pair, 16));
  } else {
    const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(text);
    if (rgb) channels = rgb.slice(1, 4).map(Number);
  }
  if (!channels) return undefined;
  const [r, g, b] = channels.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Whether `color` stands out by less than 3:1 from `background` (false when either is unknown). */
export function tooLight(color: string, background: string | undefined): boolean {
  const a = luminance(color);
  const b = background === undefined ? undefined : luminance(background);
  if (a === undefined || b === undefined) return false;
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) < MARK_CONTRAST;
}
