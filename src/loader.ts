/**
 * Loads the module of each `odw-*` tag found in a page or a shadow root, as it appears. Importing
 * this changes nothing: the CDN entry (src/autoloader.ts) watches the document with it, and the
 * builder watches its preview. It knows the widgets only: the autoloader adds the builder
 * (`register`), so that the builder, which imports this module, is not among its imports.
 */
const elementModules: Record<string, () => Promise<unknown>> = {
  'odw-source': () => import('./elements/odw-source/define.js'),
  'odw-kpi': () => import('./elements/odw-kpi/define.js'),
  'odw-chart': () => import('./elements/odw-chart/define.js'),
  'odw-map': () => import('./elements/odw-map/define.js'),
  'odw-table': () => import('./elements/odw-table/define.js'),
  'odw-filter': () => import('./elements/odw-filter/define.js'),
  'odw-dashboard': () => import('./elements/odw-dashboard/define.js'),
};

/** Adds a tag to those loaded as they appear, with the import of its module. */
export function register(tag: string, loadModule: () => Promise<unknown>): void {
  elementModules[tag] = loadModule;
}

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
  /**
   * Indices in `files`, by tag; under `chart-prefetch` those of a chart's early requests, under
   * `chart-shape-layouts` those of the layouts some chart types draw with.
   */
  needs: Record<string, readonly number[]>;
}
const chunkFiles = import.meta.odwChunks;

/** The elements seen of each tag whose module is loading: told in words if it cannot load. */
const waiting = new Map<string, Set<Element>>();

/**
 * The key of `ChunkFiles.needs` under which the build lists the chunks of a chart's early requests
 * (src/elements/odw-chart/chart-prefetch.ts and what it imports).
 */
const CHART_PREFETCH = 'chart-prefetch';

/** The chunks asked for already, by index in `ChunkFiles.files`: tags share most of theirs. */
const preloaded = new Set<number>();

/** Preloads the chunks a tag needs, or those of a chart's early requests, not asked for yet. */
function preload(name: string): void {
  if (!chunkFiles) return;
  for (const index of chunkFiles.needs[name] ?? []) {
    if (preloaded.has(index)) continue;
    preloaded.add(index);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = new URL(`./chunks/${chunkFiles.files[index]}.js`, import.meta.url).href;
    document.head.append(link);
  }
}

const LOAD_FAILED = {
  fr: 'Ce contenu n’a pas pu s’afficher : son script ne s’est pas chargé.',
  en: 'This content could not be shown: its script did not load.',
};

/**
 * Says in the element itself that its code did not load. The element is not defined, so the page
 * shows what the tag holds (a link to the dataset, a sentence), and this line after it.
 */
function reportFailure(element: Element): void {
  if (customElements.get(element.localName) || element.querySelector(':scope > .odw-load-error')) return;
  const lang = element.closest('[lang]')?.getAttribute('lang')?.startsWith('en') ? 'en' : 'fr';
  const message = document.createElement('p');
  message.className = 'odw-load-error';
  message.setAttribute('role', 'status');
  message.textContent = LOAD_FAILED[lang];
  element.append(message);
}

/**
 * A chart's data leaves while its code downloads (src/elements/odw-chart/chart-prefetch.ts). Its
 * few chunks are asked for before any widget's own: on HTTP/1.1 the browser opens six connections
 * to a host, and the request for the data waits for the last of these chunks.
 */
function requestEarly(element: Element): void {
  if (element.localName !== 'odw-chart' || customElements.get('odw-chart')) return;
  void import('./elements/odw-chart/chart-prefetch.js').then(
    ({prefetchChart}) => prefetchChart(element, preload),
    () => undefined,
  );
  preload(CHART_PREFETCH);
}

function load(element: Element): void {
  const tag = element.localName;
  const loader = elementModules[tag];
  if (!loader || customElements.get(tag)) return;
  const seen = waiting.get(tag);
  if (seen) {
    seen.add(element);
    return;
  }
  waiting.set(tag, new Set([element]));
  // The tag's own chunk, the largest, is asked for first: the chunks it imports follow it on the
  // browser's few connections to the host.
  const loading = loader();
  preload(tag);
  loading.then(
    () => waiting.delete(tag),
    (error: unknown) => {
      const elements = waiting.get(tag) ?? [];
      waiting.delete(tag);
      console.error(`open-data-widgets: could not load <${tag}>`, error);
      for (const failed of elements) reportFailure(failed);
    },
  );
}

/** Loads the modules of the undefined `odw-*` elements in `root` and its subtree. */
export function discover(root: Document | Element | DocumentFragment): void {
  const found = [...root.querySelectorAll(':not(:defined)')];
  if (root instanceof Element && !customElements.get(root.localName)) found.unshift(root);
  found.forEach(requestEarly);
  found.forEach(load);
}

/** Created on first use, so that importing this module does nothing. */
let observer: MutationObserver | undefined;

/** Watches `root` for `odw-*` elements to load (widgets add their shadow roots). */
export function observe(root: Document | ShadowRoot): void {
  discover(root);
  observer ??= new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (node instanceof Element) discover(node);
      }
    }
  });
  observer.observe(root, {childList: true, subtree: true});
}
