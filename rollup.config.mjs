import {readdirSync, readFileSync, existsSync} from 'node:fs';
import {resolve} from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import {transform} from 'esbuild';
import MagicString from 'magic-string';
import {BROWSER_FLOOR} from './tools/browser-floor.mjs';

const elements = readdirSync('src/elements').filter((name) => existsSync(`src/elements/${name}/define.ts`));

/** Entry points of the npm build: the all-in-one, the data layer, and each element (class + define). */
const moduleEntries = [
  'src/index.ts',
  'src/autoloader.ts',
  'src/data/index.ts',
  ...elements.flatMap((name) => [`src/elements/${name}/${name}.ts`, `src/elements/${name}/define.ts`]),
];

/**
 * Vega-Lite imports four helpers from the whole `vega` bundle; served from `vega-util` instead, the
 * compiler chunk does not drag every Vega package along.
 */
const vegaForVegaLite = {
  name: 'vega-for-vega-lite',
  resolveId(source, importer) {
    if (source === 'vega' && importer?.includes('/node_modules/vega-lite/')) {
      return resolve('src/elements/odw-chart/vega-lite-shim.ts');
    }
    return null;
  },
};

/**
 * Vega's scenegraph draws with every d3-shape curve; the chart's own SVG needs d3-shape's arc, line,
 * area and fill symbols only. One shared d3-shape module put all of it in the chart's chunk (rollup
 * splits at modules, and that one is a single file): Vega now reads a copy of its own, and of
 * d3-path, in the chunk only a `.spec` loads. The chart's d3-shape and d3-path then stay in the
 * chunk of the chart types that draw with them (src/elements/odw-chart/chart-shape-layouts.ts). In
 * the chart's copy, the curves made by calling a factory are marked pure, so that those the chart
 * never draws with are left out.
 */
const VEGA_COPY = '?vega-copy';
const vegaOwnD3Shape = {
  name: 'vega-own-d3-shape',
  async resolveId(source, importer, options) {
    const byVega = importer?.includes('/node_modules/vega-scenegraph/') || importer?.endsWith(VEGA_COPY);
    if ((source !== 'd3-shape' && source !== 'd3-path') || !byVega) return null;
    const resolved = await this.resolve(source, importer, {...options, skipSelf: true});
    return resolved && {...resolved, id: `${resolved.id}${VEGA_COPY}`};
  },
  load(id) {
    return id.endsWith(VEGA_COPY) ? readFileSync(id.slice(0, -VEGA_COPY.length), 'utf8') : null;
  },
  transform(code, id) {
    if (!id.endsWith('/node_modules/d3-shape/dist/d3-shape.mjs')) return null;
    const text = new MagicString(code);
    for (const statement of this.parse(code).body) {
      if (statement.type !== 'VariableDeclaration') continue;
      for (const {init} of statement.declarations)
        if (init?.type === 'CallExpression') text.appendLeft(init.start, '/*#__PURE__*/ ');
    }
    return {code: text.toString(), map: text.generateMap({hires: true})};
  },
};

/**
 * Vega's transform packages, read from their per-operator modules rather than their one-file
 * builds: the chart engine then downloads only the operators it registers (chart-engine.ts), and
 * the rest land in the chunk that only a `.spec` loads. Each module only defines its operator, so
 * one that nothing imports is left out.
 */
const vegaOperatorPackages = ['vega-transforms', 'vega-view-transforms', 'vega-encode'];
const vegaOperatorModules = new RegExp(
  `/node_modules/(${vegaOperatorPackages.join('|')})/(index|src/.+)\\.js$`,
);
const vegaPerOperator = {
  name: 'vega-per-operator',
  resolveId(source) {
    return vegaOperatorPackages.includes(source) ? resolve(`node_modules/${source}/index.js`) : null;
  },
};

/**
 * Vega-Lite and Vega as Safari 15.0 to 15.3 run them (tools/browser-floor.mjs): Vega-Lite calls
 * `structuredClone` as it loads and Vega's `hasOwnProperty` calls `Object.hasOwn`, both missing
 * there, so a `.spec` chart would not draw. Vega-Lite gets src/elements/odw-chart/structured-copy.ts
 * instead, and `hasOwnProperty` the call every engine has. tools/api-floor.test.mjs checks the
 * build.
 */
const structuredCopy = resolve('src/elements/odw-chart/structured-copy.ts');
const vegaAtFloor = {
  name: 'vega-at-floor',
  transform(code, id) {
    const replacements = id.endsWith('/vega-lite/build/index.js')
      ? [
          [
            'const duplicate = structuredClone;',
            `import {structuredCopy} from ${JSON.stringify(structuredCopy)};\nconst duplicate = structuredCopy;`,
          ],
          ['Object.getPrototypeOf(structuredClone({}))', 'Object.getPrototypeOf(structuredCopy({}))'],
        ]
      : id.endsWith('/vega-util/build/hasOwnProperty.js')
        ? [['Object.hasOwn(object, property)', 'Object.prototype.hasOwnProperty.call(object, property)']]
        : [];
    if (!replacements.length) return null;
    const text = new MagicString(code);
    for (const [from, to] of replacements) {
      const at = code.indexOf(from);
      if (at < 0) this.error(`${id} changed: update vega-at-floor in rollup.config.mjs`);
      text.overwrite(at, at + from.length, to);
    }
    return {code: text.toString(), map: text.generateMap({hires: true})};
  },
};

/**
 * Colour schemes are built when first asked for, not when their module loads. `vega-scale` turns
 * its fifty continuous schemes into interpolators as it loads, and d3-scale-chromatic builds every
 * interpolator it exports: colour parsing on every cold chart or map page, for schemes neither uses
 * (the chart gives its colours as lists, the map uses a few arrays and viridis). vega-scale's scheme
 * table now builds a continuous scheme on its first lookup; d3-scale-chromatic's values are marked
 * pure, so those that nothing imports are left out.
 */
const lazyColourSchemes = {
  name: 'lazy-colour-schemes',
  transform(code, id) {
    if (id.includes('/node_modules/vega-scale/build/vega-scale.js')) {
      const eager = 'apply(discrete, colors);\napply(continuous, _ => interpolateColors(colors(_)));';
      const lookup = '    return schemes[name];';
      if (!code.includes(eager) || !code.includes(lookup)) {
        this.error('vega-scale changed: update lazy-colour-schemes in rollup.config.mjs');
      }
      const text = new MagicString(code);
      const at = (needle) => [code.indexOf(needle), code.indexOf(needle) + needle.length];
      text.overwrite(
        ...at(eager),
        'const unbuilt = {};\nfor (const k in continuous) unbuilt[k.toLowerCase()] = continuous[k];\n' +
          'apply(discrete, colors);',
      );
      text.overwrite(
        ...at(lookup),
        '    if (name in unbuilt) {\n' +
          '      schemes[name] = interpolateColors(colors(unbuilt[name]));\n' +
          '      delete unbuilt[name];\n' +
          '    }\n' +
          lookup,
      );
      text.appendLeft(at('schemes[name] = scheme;')[0], 'delete unbuilt[name];\n    ');
      return {code: text.toString(), map: text.generateMap({hires: true})};
    }
    if (id.includes('/node_modules/d3-scale-chromatic/')) {
      const text = new MagicString(code);
      for (const statement of this.parse(code).body) {
        if (statement.type !== 'VariableDeclaration') continue;
        for (const {init} of statement.declarations) {
          if (!init || !/CallExpression|NewExpression/.test(init.type)) continue;
          text.appendLeft(init.start, '/*#__PURE__*/ (() => (');
          text.appendRight(init.end, '))()');
        }
      }
      return {code: text.toString(), map: text.generateMap({hires: true})};
    }
    return null;
  },
};

/**
 * What every widget needs goes in one `core` chunk — Lit's base, the widget frame, the data layer
 * without its engines — rather than a cascade of small chunks for the page to wait on. Every widget
 * needs at least what a key figure needs, so `core` holds exactly that: what `odw-kpi` imports,
 * and of the data layer what reading Opendatasoft takes (the other API families and URL shapes, the
 * engine, the offline store, the reading of error answers and of time periods, group keys and
 * order load on first use). What only
 * other widgets use goes with its one user, or in `widgets` when several share it.
 */
const coreModules = [
  /node_modules\/(tslib|lit|lit-element)\//,
  /node_modules\/lit-html\/(lit-html|is-server)\.js$/,
  /node_modules\/@lit\/reactive-element\/(reactive-element|css-tag|decorators\/[a-z-]+)\.js$/,
  /\/src\/core\/[a-z-.]+\.ts$/,
  /\/src\/data\/(errors|query|request|request-settings|retryable-failure|types|index|offline-copy)\.ts$/,
  /\/src\/data\/expression\/(index|parser|dates)\.ts$/,
  /\/src\/data\/connectors\/(index|ods-source|util|ods|ods-requests|odsql|ods-answers)\.ts$/,
];
/**
 * Loaded on a page's first error (src/core/i18n.ts `errorMessage`), or with the dashboard and the
 * builder, which word errors themselves; never with a widget that draws.
 */
const errorWords = /\/src\/core\/error-words\.ts$/;
/**
 * Of the data layer, what only other widgets use: printing a filter back (sources, builder), the
 * values of a field (filters, builder), group keys, order and paging (charts, maps, tables), and
 * the reader of every URL shape (tables, maps, the values of a field), which the data layer loads
 * with the first query that needs them: there, already loaded. A key figure reading anything but
 * Opendatasoft loads them too.
 */
const notKeyFigureData =
  /\/src\/data\/(expression\/(format|key-parser)|facets|connectors\/(facets|ods-plan|ods-pages|resolve))\.ts$/;
/** Imported for its effect by the widgets that group or page: it hands them to the connector. */
const odsPagingReady = /\/src\/data\/connectors\/ods-paging-ready\.ts$/;
/**
 * French alphabetical order, for the charts, maps, tables and filters that sort categories: in
 * their shared chunk rather than in one of 0.4 kB, one more request that a chart's page waited
 * for (a browser opens six connections to a host over HTTP/1.1).
 */
const collation = /\/src\/data\/collation\.ts$/;
/**
 * Of the widgets' shared code, what a key figure does not use: the colours charts and maps draw or
 * the builder checks, month names, long dates and codes (charts, tables, filters), the events of
 * sources and filters, and what tells a source's element from another. Re-exported by theme.ts,
 * format.ts and events.ts.
 */
const notKeyFigureCore = /\/src\/core\/(theme-colours|format-words|filter-events|data-source)\.ts$/;
/**
 * The binding of a widget to an `odw-source`: imported by the source's element, whose chunks the
 * loader preloads with it (`widgets` among them), and loaded by a widget that names a source before
 * (src/core/source-link.ts). It registers itself as it runs.
 */
const sourceBinding = /\/src\/core\/source-binding-controller\.ts$/;
/** The DSFR theme, loaded with the first widget of that theme (src/core/theme.ts `themeIn`). */
const dsfrTheme = /\/src\/core\/theme-dsfr\.ts$/;
/** The key figure's module, the lightest widget: what it imports statically is `core`. */
const keyFigure = resolve('src/elements/odw-kpi/define.ts');
/** Lit directives used by some widgets only, kept out of `core`. */
const litDirectives =
  /node_modules\/(lit|lit-html)\/(directive|directive-helpers|async-directive|directives\/(?!join)[a-z-]+)\.js$/;
/** The modules `odw-kpi` imports, directly or not; the data layer is chosen by `coreModules`. */
let keyFigureModules;
const neededByKeyFigure = (id, getModuleInfo) => {
  if (!keyFigureModules) {
    keyFigureModules = new Set();
    const visit = (moduleId) => {
      if (keyFigureModules.has(moduleId)) return;
      keyFigureModules.add(moduleId);
      if (moduleId.includes('/src/data/') || errorWords.test(moduleId)) return;
      for (const imported of getModuleInfo(moduleId)?.importedIds ?? []) visit(imported);
    };
    visit(keyFigure);
  }
  return id.includes('/src/data/') || keyFigureModules.has(id);
};
/** The element folder of a module of an element. */
const elementFolder = /\/src\/elements\/(odw-[a-z-]+)\//;
/**
 * A module that needs a directive stays out of `core` (rollup places it with its users): `core`
 * importing `lit-directives`, which imports Lit from `core`, would be a cycle of chunks whose
 * bindings are read before they are initialised.
 */
const coreChunk = (id, {getModuleInfo}) => {
  if (litDirectives.test(id)) return 'lit-directives';
  // Named, else `core` would take them in as what its modules import or re-export.
  if (errorWords.test(id)) return 'error-words';
  if (dsfrTheme.test(id)) return 'theme-dsfr';
  const shared = [notKeyFigureData, notKeyFigureCore, odsPagingReady, sourceBinding, collation];
  if (shared.some((pattern) => pattern.test(id))) return 'widgets';
  if (!coreModules.some((pattern) => pattern.test(id))) return undefined;
  const info = getModuleInfo(id);
  const usesDirectives = info?.importedIds.some((imported) => litDirectives.test(imported));
  if (usesDirectives) return undefined;
  if (neededByKeyFigure(id, getModuleInfo)) return 'core';
  // What only other widgets use (downloads, full screen, their own filter…) stays out of a key
  // figure's page: with its one user, or in `widgets` when several share it.
  const users = new Set(info?.importers.map((importer) => elementFolder.exec(importer)?.[1] ?? importer));
  return users.size > 1 ? 'widgets' : undefined;
};

/**
 * In the CDN build the loader defines `odw-source` when its tag appears in the page, like every
 * other tag: a widget's module need not bring it, and a page without `odw-source` never downloads
 * it. The dashboard, which writes sources into its own shadow root, keeps its import.
 */
const sourceByTag = {
  name: 'source-by-tag',
  resolveId(source, importer) {
    if (source !== '../odw-source/define.js' || !importer) return null;
    const element = /\/src\/elements\/(odw-[a-z-]+)\/define\.ts$/.exec(importer)?.[1];
    return element && element !== 'odw-dashboard' ? '\0source-by-tag' : null;
  },
  load(id) {
    return id === '\0source-by-tag' ? 'export {};' : null;
  },
};

/**
 * Writes into the loader (`import.meta.odwChunks`, see src/autoloader.ts) the files each tag needs
 * — its module and their static imports, and the engine it always loads — so that the loader
 * preloads them together instead of the page discovering them one import after another.
 */
const GRAPH_PLACEHOLDER = '__odw_chunk_files__';
const alwaysLoaded = /\/src\/elements\/odw-(chart|map)\/(chart|map)-engine\.ts$/;
const chunkFiles = {
  name: 'chunk-files',
  resolveImportMeta(property) {
    return property === 'odwChunks' ? JSON.stringify(GRAPH_PLACEHOLDER) : null;
  },
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
    const holding = (pattern) => chunks.find((chunk) => chunk.moduleIds.some((id) => pattern.test(id)));
    const closure = (chunk, files = new Set()) => {
      // The loader itself is there already.
      if (!chunk || chunk.isEntry || files.has(chunk.fileName)) return files;
      files.add(chunk.fileName);
      for (const name of chunk.imports) closure(bundle[name], files);
      for (const name of chunk.dynamicImports)
        if (bundle[name]?.moduleIds.some((id) => alwaysLoaded.test(id))) closure(bundle[name], files);
      return files;
    };
    // Each file named once, without `chunks/` and `.js`; tags list their indices. Left out: a
    // tag's own module (its import() asks for it at once).
    const graph = {files: [], needs: {}};
    const indices = (files, known) =>
      [...files]
        .filter((name) => !known.has(name))
        .map((name) => {
          const short = /^chunks\/(.+)\.js$/.exec(name)[1];
          if (!graph.files.includes(short)) graph.files.push(short);
          return graph.files.indexOf(short);
        });
    for (const name of elements) {
      const module = holding(new RegExp(`/src/elements/${name}/define\\.ts$`));
      const needs = module && indices(closure(module), new Set([module.fileName]));
      if (needs?.length) graph.needs[name] = needs;
    }
    // A chart's early requests (src/loader.ts `requestEarly`): the chunks their module imports.
    const prefetch = holding(/\/src\/elements\/odw-chart\/chart-prefetch\.ts$/);
    if (!prefetch) this.error('No chunk holds src/elements/odw-chart/chart-prefetch.ts');
    graph.needs['chart-prefetch'] = indices(closure(prefetch), new Set([prefetch.fileName]));
    const shapeLayouts = holding(/\/src\/elements\/odw-chart\/chart-shape-layouts\.ts$/);
    if (!shapeLayouts) this.error('No chunk holds src/elements/odw-chart/chart-shape-layouts.ts');
    // Those the chart's tag does not already preload: the layouts and the chart's own module.
    const chart = holding(/\/src\/elements\/odw-chart\/define\.ts$/);
    const chartFiles = new Set([...closure(chart)].filter((name) => name !== chart.fileName));
    graph.needs['chart-shape-layouts'] = indices(closure(shapeLayouts), chartFiles);
    // What a widget's first draw runs: V8 compiles it whole while it downloads (explicit compile
    // hints), off the main thread, instead of each function on its first call. Other engines read
    // a comment.
    const firstDraw = new Set(
      elements
        .filter((name) => name !== 'odw-builder')
        .flatMap((name) => [...closure(holding(new RegExp(`/src/elements/${name}/define\\.ts$`)))]),
    );
    // The layouts of lines, areas, scatters and pies: loaded by the charts that draw them, and
    // asked for early when the markup names such a type (src/elements/odw-chart/chart-prefetch.ts).
    firstDraw.add(shapeLayouts.fileName);
    for (const fileName of firstDraw) hintEagerCompile(bundle, fileName);
    const entry = chunks.find((chunk) => chunk.isEntry);
    const placeholder = new RegExp(`(["'])${GRAPH_PLACEHOLDER}\\1`);
    if (!placeholder.test(entry.code)) this.error('The loader no longer reads import.meta.odwChunks');
    entry.code = entry.code.replace(placeholder, JSON.stringify(graph));
  },
};

/** V8's explicit compile hint: every function of the file is compiled as it loads. */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Puts the compile hint on the first line of a chunk; its source map moves down one line. Not on a
 * chunk of a few functions (a schema, the key figure's own), whose compiling takes no time worth
 * the hint's bytes on a key figure's page.
 */
function hintEagerCompile(bundle, fileName) {
  const chunk = bundle[fileName];
  if (chunk.code.length < 8_000 || chunk.code.startsWith(COMPILE_HINT)) return;
  chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
  const mapFile = bundle[`${fileName}.map`];
  const map = JSON.parse(String(mapFile.source));
  map.mappings = `;${map.mappings}`;
  mapFile.source = JSON.stringify(map);
}

/**
 * Chunks named after what they hold, so that `npm run size` can hold each to a budget: an
 * element's module after its tag (`odw-chart`), a package's code after the package (`vega-lite`).
 */
const chunkName = (chunk) => {
  // An element's chunk that exports modules to others (the chart's d3 to Vega's) has no facade:
  // rollup names it after its `define` module.
  const defines = chunk.facadeModuleId
    ? [chunk.facadeModuleId]
    : chunk.name === 'define'
      ? chunk.moduleIds
      : [];
  const element = defines.map((id) => /\/src\/elements\/(odw-[a-z-]+)\/define\.ts$/.exec(id)).find(Boolean);
  if (element) return element[1];
  const packageOf = (id) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1].replace('/', '-');
  // The d3 modules the map's and Vega's engines share: one name, whichever module rollup names it by.
  const packages = new Set(chunk.moduleIds.map(packageOf));
  if (packages.size > 1 && [...packages].every((name) => name?.startsWith('d3-'))) return 'd3-shared';
  if (chunk.name !== 'index') return chunk.name;
  return packageOf(chunk.facadeModuleId ?? chunk.moduleIds.at(-1) ?? '') ?? chunk.name;
};

/**
 * The CSS of Lit's css`` templates, once TypeScript compiled them, without comments and
 * indentation (line breaks kept, so the source maps stay right): every page downloads less. The
 * `${…}` parts are left as they are.
 */
const minifyCssTemplates = {
  name: 'minify-css-templates',
  transform(code, id) {
    if (!/\/src\/.+\.ts$/.test(id)) return null;
    // TypeScript writes the tag with a space: css `…`; not `css` quoted in a comment.
    const tag = /(?<![\w`.$])css ?`/g;
    const minify = (text) =>
      text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/[ \t]+/g, ' ')
        .replace(/ ?\n[ \n]*/g, '\n')
        .replace(/ ?([{};,]) ?/g, '$1');
    let out = '';
    let at = 0;
    for (let found = tag.exec(code); found; found = tag.exec(code)) {
      out += code.slice(at, tag.lastIndex);
      let index = tag.lastIndex;
      let text = '';
      while (index < code.length && code[index] !== '`') {
        if (code[index] === '\\') {
          text += code.slice(index, index + 2);
          index += 2;
        } else if (code.startsWith('${', index)) {
          out += minify(text);
          text = '';
          let depth = 0;
          const from = index;
          do {
            if (code[index] === '{') depth++;
            else if (code[index] === '}') depth--;
            index++;
          } while (depth > 0 && index < code.length);
          out += code.slice(from, index);
        } else text += code[index++];
      }
      out += `${minify(text)}\``;
      at = index + 1;
      tag.lastIndex = at;
    }
    if (at === 0) return null;
    return {code: out + code.slice(at), map: null};
  },
};

/**
 * Every chunk, dependencies included, in syntax the oldest engines of the floor parse
 * (tools/browser-floor.mjs): Safari 15 rejects a whole file for one class static block. The test
 * `tools/syntax-floor.test.mjs` parses each built file to prove it.
 */
const lowerToBrowserFloor = {
  name: 'lower-to-browser-floor',
  async renderChunk(code, chunk) {
    const lowered = await transform(code, {
      target: BROWSER_FLOOR,
      format: 'esm',
      loader: 'js',
      sourcemap: true,
      sourcefile: chunk.fileName,
    });
    return {code: lowered.code, map: lowered.map};
  },
};

const isBareImport = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

// ---------------------------------------------------------------------------------------------
// The embed page (DESIGN.md, « Embeds where a CMS forbids scripts »): `dist/embed.html`, its
// script `embed.js`, its styles, and `embed-resize.js` for host pages, written beside the CDN
// build they rely on. `embed.ts` imports nothing: it is compiled alone, to ES2020 (Safari 14+);
// `embed-resize.js` is a classic script, copied as written. The page's scripts point at the sources
// (so that the dev server serves src/embed/embed.html as it is) and at the built files in dist/.
const EMBED_DIR = 'src/embed';
const embedPage = {
  name: 'embed-page',
  buildStart() {
    for (const name of ['embed.html', 'embed.css', 'embed-resize.js', 'embed.ts'])
      this.addWatchFile(`${EMBED_DIR}/${name}`);
  },
  async generateBundle() {
    const {readFileSync} = await import('node:fs');
    const {default: ts} = await import('typescript');
    const read = (name) => readFileSync(`${EMBED_DIR}/${name}`, 'utf8');
    const page = read('embed.html')
      .replace('src="../autoloader.ts"', 'src="./open-data-widgets.js"')
      .replace('src="./embed.ts"', 'src="./embed.js"');
    if (page.includes('.ts"'))
      this.error('src/embed/embed.html changed: update embed-page in rollup.config.mjs');
    const script = ts.transpileModule(read('embed.ts'), {
      compilerOptions: {target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ES2020, removeComments: true},
    }).outputText;
    for (const [fileName, source] of [
      ['embed.html', page],
      ['embed.css', read('embed.css')],
      ['embed-resize.js', read('embed-resize.js')],
      ['embed.js', script],
    ])
      this.emitFile({type: 'asset', fileName, source});
  },
};
// ---------------------------------------------------------------------------------------------

export default [
  // npm: one ES module per source module, dependencies left to the app's bundler, with types.
  {
    input: moduleEntries,
    external: isBareImport,
    plugins: [
      // Sources inlined in the maps: the package ships `dist/` without `src/`.
      typescript({
        tsconfig: './tsconfig.json',
        outDir: 'dist',
        declarationDir: 'dist/types',
        inlineSources: true,
      }),
      minifyCssTemplates,
    ],
    output: {
      dir: 'dist',
      entryFileNames: 'esm/[name].js',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
  },
  // CDN: `dist/open-data-widgets.js` registers every element lazily, as each tag appears; heavy
  // engines are lazy chunks of their own.
  {
    input: {'open-data-widgets': 'src/autoloader.ts'},
    // Lets the shared code live in the entry file itself rather than in one more chunk to wait for.
    preserveEntrySignatures: 'allow-extension',
    // Modules that `core` only re-exports (the error words, which i18n.ts re-exports, and what
    // data/index.ts, theme.ts and format.ts re-export for other widgets) are free of side effects: `core` then need not
    // import their chunks. The error words still register themselves (src/core/messages.ts) when
    // they load.
    treeshake: {
      moduleSideEffects: (id) =>
        !vegaOperatorModules.test(id) &&
        !errorWords.test(id) &&
        !notKeyFigureData.test(id) &&
        !notKeyFigureCore.test(id),
    },
    plugins: [
      sourceByTag,
      vegaForVegaLite,
      vegaOwnD3Shape,
      vegaPerOperator,
      lazyColourSchemes,
      vegaAtFloor,
      chunkFiles,
      nodeResolve({exportConditions: ['production']}),
      typescript({
        tsconfig: './tsconfig.json',
        declaration: false,
        declarationMap: false,
        declarationDir: undefined,
        outDir: 'dist',
        inlineSources: true,
      }),
      minifyCssTemplates,
      lowerToBrowserFloor,
      terser({format: {comments: false}, ecma: 2020, module: true, compress: {passes: 3}}),
      embedPage,
    ],
    output: {
      dir: 'dist',
      format: 'es',
      generatedCode: 'es2015',
      entryFileNames: '[name].js',
      // Six characters of hash: enough to tell versions apart, and the loader lists the names.
      chunkFileNames: (chunk) => `chunks/${chunkName(chunk)}-[hash:6].js`,
      sourcemap: true,
      manualChunks: coreChunk,
    },
  },
];
