/**
 * The DSFR theme (`theme="dsfr"`, French State design system): loaded with the first widget of
 * that theme (src/core/theme.ts `themeIn`), so that a page without it never downloads it.
 */
import {css} from 'lit';
import {DSFR_BACKGROUND, declarations, forcedColors, shared, type Tokens} from './theme-tokens.js';

/**
 * DSFR 1.x colours. Where the page loads the DSFR CSS, its custom properties win (and follow its
 * own dark mode, `data-fr-theme="dark"`); the values after them are the DSFR's light ones. Marianne
 * when the page loads it. The palette is blue France and illustrative colours that reach 3:1.
 */
const dsfrColours: Array<[token: string, dsfrProperty: string, value: string]> = [
  ['text-color', 'text-title-grey', '#161616'],
  ['muted-color', 'text-mention-grey', '#666666'],
  ['background', 'background-default-grey', DSFR_BACKGROUND],
  ['surface', 'background-alt-grey', '#f6f6f6'],
  ['border-color', 'border-default-grey', '#dddddd'],
  ['accent', 'text-action-high-blue-france', '#000091'],
  ['error-color', 'text-default-error', '#ce0500'],
  ['error-surface', 'background-contrast-error', '#ffe9e9'],
  ['warning-color', 'text-default-warning', '#b34000'],
  ['warning-surface', 'background-contrast-warning', '#ffe9e6'],
  ['positive-color', 'text-default-success', '#18753c'],
  ['negative-color', 'text-default-error', '#ce0500'],
  ['skeleton-color', 'background-contrast-grey', '#eeeeee'],
  ['palette-1', 'blue-france-sun-113-625', '#000091'],
  ['palette-2', 'pink-tuile-main-556', '#ce614a'],
  ['palette-3', 'green-menthe-main-548', '#009081'],
  ['palette-4', 'purple-glycine-main-494', '#a558a0'],
  ['palette-5', 'blue-cumulus-main-526', '#417dc4'],
  ['palette-6', 'brown-caramel-sun-425-moon-901', '#845d48'],
  ['palette-7', 'green-tilleul-verveine-sun-418-moon-817', '#66673d'],
  ['palette-8', 'red-marianne-main-472', '#e1000f'],
];

const dsfrShared: Tokens = {
  ...shared,
  radius: '0',
  'font-family': 'Marianne, arial, sans-serif',
  // The DSFR draws its focus ring in this blue, in light and dark mode alike.
  'focus-color': '#0a76f6',
};

/** The DSFR's own values: for print, where the page's DSFR may be in dark mode. */
export const dsfrLight: Tokens = {
  ...dsfrShared,
  ...Object.fromEntries(dsfrColours.map(([token, , value]) => [token, value])),
};

export const dsfr: Tokens = {
  ...dsfrShared,
  ...Object.fromEntries(
    dsfrColours.map(([token, property, value]) => [token, `var(--${property}, ${value})`]),
  ),
};

/**
 * The DSFR's tokens, printed in its light colours; under forced colours, system colours as in
 * every theme (these rules come after theme.ts's, which they would otherwise win over).
 */
export const dsfrStyles = css`
  :host([theme='dsfr']) {
    ${declarations(dsfr)}
  }
  @media print {
    :host([theme='dsfr']) {
      ${declarations(dsfrLight)}
    }
  }
  @media (forced-colors: active) {
    :host([theme='dsfr']) {
      ${declarations(forcedColors, false)}
    }
  }
`;

const filled = new WeakSet<CSSStyleSheet>();

/**
 * Gives `root` the DSFR's rules: they fill `sheet`, which every widget adopts; where stylesheets
 * cannot be adopted, the element's linked stylesheet holds them (tools/element-styles.mjs), or
 * they go in a `<style>` as Lit writes the others.
 */
export function applyDsfrTheme(root: Node, sheet: CSSStyleSheet | undefined): void {
  if (sheet) {
    if (!filled.has(sheet)) sheet.replaceSync(dsfrStyles.cssText);
    filled.add(sheet);
    return;
  }
  if (!(root instanceof ShadowRoot) || root.querySelector('link[rel="stylesheet"], style.odw-dsfr')) return;
  const style = document.createElement('style');
  style.className = 'odw-dsfr';
  const nonce = (globalThis as {litNonce?: string}).litNonce;
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = dsfrStyles.cssText;
  root.append(style);
}
