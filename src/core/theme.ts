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
 * (light or dark after `prefers-color-scheme`). Without the attribute a widget behaves as `auto`.
 * Everything ships as Lit `css` (constructable stylesheets), so it works under `style-src 'self'`.
 */
import {css, unsafeCSS, type CSSResult} from 'lit';

export type Theme = 'light' | 'dark' | 'auto' | 'dsfr';

/** The tokens; each is exposed as `--odw-<name>` (public) and `--_odw-<name>` (resolved). */
type Tokens = Record<string, string>;

const SYSTEM_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const shared: Tokens = {
  'font-size': '1rem',
  'font-size-small': '0.875rem',
  'font-size-title': '1.125rem',
  'font-size-value': '2.25rem',
  'line-height': '1.5',
  radius: '0.5rem',
  spacing: '1rem',
  'spacing-small': '0.5rem',
  'border-width': '1px',
};

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
const light: Tokens = {
  ...shared,
  'font-family': SYSTEM_FONTS,
  'text-color': '#1f2328',
  'muted-color': '#59636e',
  background: '#ffffff',
  surface: '#f6f8fa',
  'border-color': '#d1d9e0',
  accent: '#0b5fad',
  'error-color': '#b42318',
  'error-surface': '#fef3f2',
  'warning-color': '#9a5b00',
  'warning-surface': '#fffbeb',
  'positive-color': '#1a7f37',
  'negative-color': '#b42318',
  'focus-color': '#0b5fad',
  'skeleton-color': '#e6eaef',
  'palette-1': '#0072b2',
  'palette-2': '#e69f00',
  'palette-3': '#009e73',
  'palette-4': '#d55e00',
  'palette-5': '#cc79a7',
  'palette-6': '#56b4e9',
  'palette-7': '#000000',
  'palette-8': '#f0e442',
};

const dark: Tokens = {
  ...shared,
  'font-family': SYSTEM_FONTS,
  'text-color': '#e6edf3',
  'muted-color': '#9ba5b0',
  background: '#161b22',
  surface: '#1f2630',
  'border-color': '#3d444d',
  accent: '#6cb6ff',
  'error-color': '#ff8a80',
  'error-surface': '#2d1a1a',
  'warning-color': '#e3b341',
  'warning-surface': '#2b2311',
  'positive-color': '#56d364',
  'negative-color': '#ff8a80',
  'focus-color': '#6cb6ff',
  'skeleton-color': '#2a313c',
  'palette-1': '#56b4e9',
  'palette-2': '#e69f00',
  'palette-3': '#009e73',
  'palette-4': '#f0e442',
  'palette-5': '#cc79a7',
  'palette-6': '#d55e00',
  'palette-7': '#0072b2',
  'palette-8': '#ffffff',
};

/** DSFR: blue France, its greys and functional colours, Marianne when the page loads it. */
const dsfr: Tokens = {
  ...shared,
  radius: '0',
  'font-family': 'Marianne, arial, sans-serif',
  'text-color': '#161616',
  'muted-color': '#3a3a3a',
  background: '#ffffff',
  surface: '#f6f6f6',
  'border-color': '#dddddd',
  accent: '#000091',
  'error-color': '#ce0500',
  'error-surface': '#ffe9e9',
  'warning-color': '#b34000',
  'warning-surface': '#ffe9e6',
  'positive-color': '#18753c',
  'negative-color': '#ce0500',
  'focus-color': '#0a76f6',
  'skeleton-color': '#eeeeee',
  'palette-1': '#000091',
  'palette-2': '#e69f00',
  'palette-3': '#009e73',
  'palette-4': '#d55e00',
  'palette-5': '#cc79a7',
  'palette-6': '#56b4e9',
  'palette-7': '#000000',
  'palette-8': '#f0e442',
};

/** Windows high contrast and the like: system colours only, whatever the page set. */
const forcedColors: Tokens = {
  'text-color': 'CanvasText',
  'muted-color': 'CanvasText',
  background: 'Canvas',
  surface: 'Canvas',
  'border-color': 'CanvasText',
  accent: 'LinkText',
  'error-color': 'CanvasText',
  'error-surface': 'Canvas',
  'warning-color': 'CanvasText',
  'warning-surface': 'Canvas',
  'positive-color': 'CanvasText',
  'negative-color': 'CanvasText',
  'focus-color': 'Highlight',
  'skeleton-color': 'GrayText',
};

/** Names of every token, for documentation and for code that reads them (charts, maps). */
export const TOKEN_NAMES: readonly string[] = Object.keys(light);

/** `--_odw-x: var(--odw-x, value)`, or `--_odw-x: value` where the page must not override. */
function declarations(tokens: Tokens, overridable = true): CSSResult {
  return unsafeCSS(
    Object.entries(tokens)
      .map(([name, value]) => `--_odw-${name}: ${overridable ? `var(--odw-${name}, ${value})` : value};`)
      .join('\n'),
  );
}

/** Token declarations for every theme; include first in each element's `static styles`. */
export const themeStyles = css`
  :host {
    ${declarations(light)}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme])),
    :host([theme='auto']) {
      ${declarations(dark)}
    }
  }
  :host([theme='dark']) {
    ${declarations(dark)}
  }
  :host([theme='dsfr']) {
    ${declarations(dsfr)}
  }
  @media (forced-colors: active) {
    :host,
    :host([theme]) {
      ${declarations(forcedColors, false)}
    }
  }
`;
