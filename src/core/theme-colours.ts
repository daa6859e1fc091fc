/**
 * The theme's colours for code that draws or checks them: the categorical palette (charts, maps),
 * the backgrounds a widget is drawn on (the builder's contrast checks) and the print rules of
 * drawings in dark colours. Re-exported by theme.ts; a module of its own so that a key figure's
 * page never downloads it.
 */
import {unsafeCSS, type CSSResult} from 'lit';
import {DSFR_BACKGROUND, dark, light, schemeStyles, type Theme, type Tokens} from './theme-tokens.js';

/**
 * Okabe–Ito (distinguishable with the common colour-vision deficiencies), its orange, sky blue,
 * reddish purple and yellow darkened to reach 3:1 on the light background and surface.
 */
export const lightPalette: Tokens = {
  'palette-1': '#0072b2',
  'palette-2': '#bd8200',
  'palette-3': '#009e73',
  'palette-4': '#d55e00',
  'palette-5': '#c474a0',
  'palette-6': '#4795c1',
  'palette-7': '#000000',
  'palette-8': '#97902a',
};

/**
 * Okabe–Ito, its green, vermilion and blue a little lighter and a light grey in place of black:
 * every colour reaches 3:1 on the dark background and surface, and none equals a light one.
 */
export const darkPalette: Tokens = {
  'palette-1': '#56b4e9',
  'palette-2': '#e69f00',
  'palette-3': '#1aa57c',
  'palette-4': '#f0e442',
  'palette-5': '#cc79a7',
  'palette-6': '#e66a10',
  'palette-7': '#1f7fc4',
  'palette-8': '#e8e8e8',
};

/**
 * The palette's tokens, `--odw-palette-1…8`, in the light and dark themes as theme.ts gives the
 * others (the DSFR's are in theme-dsfr.ts); in the styles of the elements that draw with them.
 */
export const paletteStyles = schemeStyles(lightPalette, darkPalette);

/**
 * The backgrounds a widget of `theme` is drawn on (both for `auto`, which follows the system), for
 * checking colours a page chooses against them (the builder's custom palette). Without a theme,
 * the light one: a widget is dark only on a page that says it can be (src/core/page-scheme.ts).
 */
export function themeBackgrounds(theme: Theme | undefined): string[] {
  if (theme === 'dark') return [dark.background];
  if (theme === 'auto') return [light.background, dark.background];
  if (theme === 'dsfr') return [DSFR_BACKGROUND];
  return [light.background];
}

/** The colour tokens of the dark theme, one per distinct value, as drawn into SVG attributes. */
const darkColours = Object.entries({...dark, ...darkPalette}).filter(
  ([, value], index, entries) =>
    value.startsWith('#') && entries.findIndex(([, other]) => other === value) === index,
);

/**
 * Print rules for the SVG a chart or map drew in dark colours (`theme="dark"`, or `auto` in a dark
 * system): a mark filled or stroked with a dark token takes the same token's printed (light) value,
 * so that a printout needs no redraw. A drawing redrawn while printed is in light colours, which
 * these rules leave alone: no dark colour equals a light one. `scope` selects the drawing inside
 * the shadow root.
 */
export function darkDrawingPrintedLight(scope: string): CSSResult {
  const rules = (hosts: string[]) =>
    darkColours
      .flatMap(([name, value]) =>
        ['fill', 'stroke'].map((attribute) => {
          const selectors = hosts.map((host) => `${host} ${scope} [${attribute}='${value}' i]`);
          return `${selectors.join(', ')} { ${attribute}: var(--_odw-${name}); }`;
        }),
      )
      .join('\n');
  return unsafeCSS(`@media print {
  ${rules([":host([theme='dark'])"])}
}
@media print and (prefers-color-scheme: dark) {
  ${rules([':host(:not([theme])[data-odw-dark-page])', ":host([theme='auto'])"])}
}`);
}
