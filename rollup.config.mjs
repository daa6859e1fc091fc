import {readdirSync, existsSync} from 'node:fs';
import {resolve} from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

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
 * What every widget needs goes in one `core` chunk — Lit's base, the widget frame, the data layer
 * without its engines, `odw-source` — rather than a cascade of small chunks for the page to wait on.
 */
const coreModules = [
  /node_modules\/(tslib|lit|lit-element|@lit\/task)\//,
  /node_modules\/lit-html\/(lit-html|is-server)\.js$/,
  /node_modules\/@lit\/reactive-element\/(reactive-element|css-tag|decorators\/[a-z-]+)\.js$/,
  /\/src\/core\/[a-z-.]+\.ts$/,
  /\/src\/data\/(errors|query|request|types|index)\.ts$/,
  /\/src\/data\/expression\//,
  /\/src\/data\/connectors\/(index|resolve|util)\.ts$/,
  /\/src\/elements\/odw-source\//,
];
/** Lit directives used by some widgets only, kept out of `core`. */
const litDirectives =
  /node_modules\/(lit|lit-html)\/(directive|directive-helpers|async-directive|directives\/(?!join)[a-z-]+)\.js$/;
/**
 * A module that needs a directive stays out of `core` (rollup places it with its users): `core`
 * importing `lit-directives`, which imports Lit from `core`, would be a cycle of chunks whose
 * bindings are read before they are initialised.
 */
const coreChunk = (id, {getModuleInfo}) => {
  if (litDirectives.test(id)) return 'lit-directives';
  if (!coreModules.some((pattern) => pattern.test(id))) return undefined;
  const usesDirectives = getModuleInfo(id)?.importedIds.some((imported) => litDirectives.test(imported));
  return usesDirectives ? undefined : 'core';
};

const isBareImport = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

export default [
  // npm: one ES module per source module, dependencies left to the app's bundler, with types.
  {
    input: moduleEntries,
    external: isBareImport,
    plugins: [typescript({tsconfig: './tsconfig.json', outDir: 'dist', declarationDir: 'dist/types'})],
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
    plugins: [
      vegaForVegaLite,
      nodeResolve({exportConditions: ['production']}),
      typescript({
        tsconfig: './tsconfig.json',
        declaration: false,
        declarationMap: false,
        declarationDir: undefined,
        outDir: 'dist',
      }),
      terser({format: {comments: false}, ecma: 2022, module: true}),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
      manualChunks: coreChunk,
    },
  },
];
