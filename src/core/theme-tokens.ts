/**
 * The values of the design tokens in each theme (theme.ts turns them into CSS custom properties;
 * the DSFR's are in theme-dsfr.ts, loaded with the first widget of that theme).
 */
import {unsafeCSS, type CSSResult} from 'lit';

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

/**
 * The palette is Okabe–Ito (distinguishable with the common colour-vision deficiencies), its
 * orange, sky blue, reddish purple and yellow darkened to reach 3:1 on the background and surface.
 */
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
 * every colour reaches 3:1 on this background and surface. No dark colour equals a light one (see
 * `darkDrawingPrintedLight`).
 */
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
  'palette-1': '#56b4e9',
  'palette-2': '#e69f00',
  'palette-3': '#1aa57c',
  'palette-4': '#f0e442',
  'palette-5': '#cc79a7',
  'palette-6': '#e66a10',
  'palette-7': '#1f7fc4',
  'palette-8': '#e8e8e8',
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
