/**
 * Checks the colours of a custom palette: each must be a hexadecimal colour and reach 3:1 against
 * the background of the widget's theme, the contrast WCAG 1.4.11 asks of graphical objects (the
 * bars, slices, areas and points a palette fills).
 */
import {formatNumber} from '../../core/format.js';
import type {Lang} from '../../core/i18n.js';
import {themeBackgrounds, type Theme} from '../../core/theme.js';
import type {Message} from './message.js';

/** WCAG 1.4.11: non-text contrast of graphical objects. */
export const GRAPHICAL_CONTRAST = 3;

/** The categorical palette's size: `--odw-palette-1…8` (src/core/theme-colours.ts). */
export const PALETTE_SIZE = 8;

/** The colours of a palette as typed: separated by commas, spaces or semicolons. */
export function paletteColours(text: string | undefined): string[] {
  return (text ?? '').split(/[\s,;]+/).filter(Boolean);
}

/** `#rgb` or `#rrggbb` as red, green and blue from 0 to 255; undefined for anything else. */
export function parseHex(colour: string): [number, number, number] | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!match) return undefined;
  const hex = match[1].length === 3 ? [...match[1]].map((digit) => digit + digit).join('') : match[1];
  return [0, 2, 4].map((start) => parseInt(hex.slice(start, start + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance. */
function luminance([r, g, b]: [number, number, number]): number {
  const linear = (channel: number) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The WCAG contrast ratio of two hexadecimal colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(parseHex(a)!), luminance(parseHex(b)!)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * What is wrong with a custom palette on the backgrounds of `theme`: each colour that is not one,
 * or that falls below 3:1 on a background, named with its ratio. Empty when all is well.
 */
export function paletteProblems(text: string | undefined, theme: Theme | undefined, lang: Lang): Message[] {
  const colours = paletteColours(text);
  if (!colours.length) return [{key: 'builder.colours.missing'}];
  const problems: Message[] = [];
  if (colours.length > PALETTE_SIZE) {
    problems.push({key: 'builder.colours.too-many', params: {count: PALETTE_SIZE}});
  }
  for (const colour of colours.slice(0, PALETTE_SIZE)) {
    if (!parseHex(colour)) {
      problems.push({key: 'builder.colours.invalid', params: {colour}});
      continue;
    }
    for (const background of themeBackgrounds(theme)) {
      const ratio = contrastRatio(colour, background);
      if (ratio >= GRAPHICAL_CONTRAST) continue;
      // Cut, not rounded: 2.996:1 must not read as 3:1.
      const shown = formatNumber(Math.floor(ratio * 100) / 100, lang);
      problems.push({key: 'builder.colours.contrast', params: {colour, ratio: shown, background}});
    }
  }
  return problems;
}
