/**
 * The theme's colours for code that draws or checks them: the backgrounds a widget is drawn on
 * (the builder's contrast checks) and the print rules of drawings in dark colours (charts, maps).
 * Re-exported by theme.ts; a module of its own so that a key figure's page never downloads it.
 */
import {unsafeCSS, type CSSResult} from 'lit';
import {DSFR_BACKGROUND, dark, light, type Theme} from './theme-tokens.js';

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
const darkColours = Object.entries(dark).filter(
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
