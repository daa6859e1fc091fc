/**
 * Design tokens of every widget, as CSS custom properties.
 *
 * Two layers, so that a page can set a token anywhere (`:root`, a container, the element itself)
 * and have it win over the theme:
 * - public `--odw-*` properties, set by the page, never by the widgets;
 * - resolved `--_odw-*` properties, set on each widget's `:host` to `var(--odw-x, <theme value>)`.
 *   Element styles read only the resolved ones.
 *
 * Themes (`theme` attribute): `light`, `dark`, `dsfr` (French State design system), `auto`
 * (light or dark after `prefers-color-scheme`). Without the attribute a widget follows its page:
 * light, and dark as `auto` only where the page can be dark (page-scheme.ts).
 * Printed, every theme takes its light colours. Everything ships as Lit `css` (constructable
 * stylesheets), so it works under `style-src 'self'`.
 *
 * Every colour pair a widget draws passes WCAG 2.1 AA in every theme: text ≥ 4.5:1 on its
 * background, palette colours, focus ring and control borders ≥ 3:1 (test/theme/contrast.test.ts).
 */
import {css, supportsAdoptingStyleSheets, type ReactiveElement} from 'lit';
import {dark, declarations, forcedColors, light, schemeStyles} from './theme-tokens.js';

export type {Theme} from './theme-tokens.js';

// What only charts, maps and the builder use, in a module a key figure's page never downloads.
export {darkDrawingPrintedLight, paletteStyles, themeBackgrounds} from './theme-colours.js';

/**
 * Token declarations for every theme; include first in each element's `static styles`. The
 * categorical palette is in `paletteStyles`, which the elements that draw with it include.
 */
export const themeStyles = css`
  ${schemeStyles(light, dark)}
  @media (forced-colors: active) {
    :host,
    :host([theme]) {
      ${declarations(forcedColors, false)}
    }
  }
`;

/**
 * The DSFR theme's rules (src/core/theme-dsfr.ts), filled when the first element of that theme
 * asks for them: one stylesheet that the elements adopt after `themeStyles`. Until then it hides
 * them rather than show another look. Absent where stylesheets cannot be adopted (theme-dsfr.ts
 * then says where the rules go).
 */
export const dsfrSheet: CSSStyleSheet | undefined = supportsAdoptingStyleSheets
  ? new CSSStyleSheet()
  : undefined;
dsfrSheet?.replaceSync(":host([theme='dsfr']) { visibility: hidden; }");

let dsfrTheme: typeof import('./theme-dsfr.js') | undefined;
let dsfrLoading: Promise<unknown> | undefined;

/**
 * Whether `host` may render in its theme now. The DSFR's rules load with the first element of that
 * theme: until they are in, a widget draws nothing rather than another look, and updates once
 * they are (its data loads meanwhile).
 */
export function themeIn(host: ReactiveElement & {theme?: string}): boolean {
  if (host.theme !== 'dsfr') return true;
  if (dsfrTheme) {
    dsfrTheme.applyDsfrTheme(host.renderRoot, dsfrSheet);
    return true;
  }
  dsfrLoading ??= import('./theme-dsfr.js').then((module) => (dsfrTheme = module));
  void dsfrLoading.then(() => host.requestUpdate());
  return false;
}
