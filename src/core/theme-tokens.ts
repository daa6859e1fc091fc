/**
 * The values of the design tokens in each theme (theme.ts turns them into CSS custom properties;
 * the DSFR's are in theme-dsfr.ts, loaded with the first widget of that theme).
 */
import {css, unsafeCSS, type CSSResult} from 'lit';

export type Theme = 'light' | 'dark' | 'auto' | 'dsfr';

/** The tokens; each is exposed as `--odw-<name>` (public) and `--_odw-<name>` (resolved). */
export type Tokens = Record<string, string>;

const SYSTEM_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** What every theme shares; the DSFR's radius and font differ (src/core/theme-dsfr.ts). */
export const shared: Tokens = {
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

/** The light theme; its categorical palette, which only charts and maps draw with, is in theme-colours.ts. */
export const light: Tokens = {
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
};

/** The dark theme. No dark colour equals a light one (see theme-colours.ts `darkDrawingPrintedLight`). */
export const dark: Tokens = {
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
};

/** The DSFR's background (src/core/theme-dsfr.ts), for the builder's checks without that theme. */
export const DSFR_BACKGROUND = '#ffffff';

/** Windows high contrast and the like: system colours only, whatever the page set. */
export const forcedColors: Tokens = {
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

/** `--_odw-x: var(--odw-x, value)`, or `--_odw-x: value` where the page must not override. */
export function declarations(tokens: Tokens, overridable = true): CSSResult {
  return unsafeCSS(
    Object.entries(tokens)
      .map(([name, value]) => `--_odw-${name}: ${overridable ? `var(--odw-${name}, ${value})` : value};`)
      .join('\n'),
  );
}

/**
 * A widget's `light` or `dark` tokens after its theme, its page (page-scheme.ts) and the medium:
 * printed, every theme but the DSFR takes its light values.
 */
export function schemeStyles(lightTokens: Tokens, darkTokens: Tokens): CSSResult {
  return css`
    :host {
      ${declarations(lightTokens)}
    }
    @media (prefers-color-scheme: dark) {
      :host(:not([theme])[data-odw-dark-page]),
      :host([theme='auto']) {
        ${declarations(darkTokens)}
      }
    }
    :host([theme='dark']) {
      ${declarations(darkTokens)}
    }
    @media print {
      :host,
      :host(:not([theme])),
      :host([theme='auto']),
      :host([theme='light']),
      :host([theme='dark']) {
        ${declarations(lightTokens)}
      }
    }
  `;
}
