/**
 * Styles for engines without constructable stylesheets (Safari < 16.4) under a strict CSP. There,
 * Lit would write each element's styles into `<style>` elements, which `style-src 'self'` refuses:
 * the widgets would draw unstyled. Instead the shadow root links the element's stylesheet, a file
 * `npm run build` writes from the same styles (`dist/styles/<tag>.css`, tools/element-styles.mjs),
 * which `style-src 'self'` allows.
 */
import {supportsAdoptingStyleSheets, type ReactiveElement} from 'lit';

/**
 * Where the elements' stylesheets are (`dist/styles/`), kept on the global object under a shared
 * symbol: the CDN loader sets it without importing this module, so that the loader still runs, and
 * can say so, when the chunks holding Lit cannot load.
 */
export const STYLESHEET_BASE = Symbol.for('open-data-widgets.stylesheet-base');

type WithBase = typeof globalThis & {[STYLESHEET_BASE]?: string};

/**
 * Sets where the elements' stylesheets are. An app that imports the npm modules and must work
 * under a strict CSP in Safari < 16.4 serves a copy of `dist/styles/` and sets it; without it,
 * Lit's `<style>` elements are used, which a strict CSP refuses.
 */
export function setStylesheetBase(url: URL | string): void {
  (globalThis as WithBase)[STYLESHEET_BASE] = new URL(url, document.baseURI).href;
}

/**
 * The render root of `element`: a shadow root that links the element's stylesheet, where the
 * engine cannot adopt stylesheets and a stylesheet base is known; otherwise `undefined`, and Lit's
 * own (`super.createRenderRoot()`) is the one to use.
 */
export function linkedStylesRoot(element: ReactiveElement): ShadowRoot | undefined {
  const base = (globalThis as WithBase)[STYLESHEET_BASE];
  if (supportsAdoptingStyleSheets || !base) return undefined;
  const root = element.attachShadow((element.constructor as typeof ReactiveElement).shadowRootOptions);
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL(`${element.localName}.css`, base).href;
  root.append(link);
  return root;
}
