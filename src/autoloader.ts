/**
 * The CDN entry (`dist/open-data-widgets.js`): registers every element lazily. Each `odw-*` tag
 * found in the page — now or later, in the document or in a widget's shadow root — loads its own
 * module, so a page with one key figure never downloads the chart, map or table code.
 */
const elementModules: Record<string, () => Promise<unknown>> = {
  'odw-source': () => import('./elements/odw-source/define.js'),
  'odw-kpi': () => import('./elements/odw-kpi/define.js'),
  'odw-chart': () => import('./elements/odw-chart/define.js'),
  'odw-map': () => import('./elements/odw-map/define.js'),
  'odw-table': () => import('./elements/odw-table/define.js'),
  'odw-filter': () => import('./elements/odw-filter/define.js'),
  'odw-dashboard': () => import('./elements/odw-dashboard/define.js'),
  'odw-builder': () => import('./elements/odw-builder/define.js'),
};

declare global {
  interface ImportMeta {
    /** Written in by the CDN build (rollup.config.mjs); absent from the npm build. */
    odwChunks?: ChunkFiles;
  }
}

/**
 * The chunks each tag needs besides its module (the shared code, the engine it always loads).
 * Preloaded as soon as a tag is seen, they download at once rather than one import after another.
 * The npm build has none: the app's bundler plans its own loading.
 */
interface ChunkFiles {
  /** Names in `chunks/`, without `.js`. */
  files: readonly string[];
  /** Indices in `files`, by tag. */
  needs: Record<string, readonly number[]>;
}
const chunkFiles = import.meta.odwChunks;

const requested = new Set<string>();

/** Preloads the chunks a tag needs. */
function preload(tag: string): void {
  if (!chunkFiles) return;
  for (const index of chunkFiles.needs[tag] ?? []) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(`./chunks/${chunkFiles.files[index]}.js`, import.meta.url).href;
    document.head.append(link);
  }
}

function load(tag: string): void {
  const loader = elementModules[tag];
  if (!loader || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  preload(tag);
  loader().catch((error: unknown) => {
    requested.delete(tag);
    console.error(`open-data-widgets: could not load <${tag}>`, error);
  });
}

/** Loads the modules of the undefined `odw-*` elements in `root` and its subtree. */
export function discover(root: Document | Element | DocumentFragment): void {
  if (root instanceof Element && !customElements.get(root.localName)) load(root.localName);
  for (const element of root.querySelectorAll(':not(:defined)')) load(element.localName);
}

const observer = new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    for (const node of mutation.addedNodes) {
      if (node instanceof Element) discover(node);
    }
  }
});

/** Watches `root` for `odw-*` elements to load (the document by default; widgets add their shadow roots). */
export function observe(root: Document | ShadowRoot = document): void {
  discover(root);
  observer.observe(root, {childList: true, subtree: true});
}

observe();
