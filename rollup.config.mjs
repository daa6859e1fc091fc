import {readdirSync, existsSync} from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const elements = readdirSync('src/elements').filter((name) => existsSync(`src/elements/${name}/define.ts`));

/** Entry points of the npm build: the all-in-one, the data layer, and each element (class + define). */
const moduleEntries = [
  'src/index.ts',
  'src/data/index.ts',
  ...elements.flatMap((name) => [`src/elements/${name}/${name}.ts`, `src/elements/${name}/define.ts`]),
];

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
  // CDN: `dist/open-data-widgets.js` registers every element; heavy engines become lazy chunks.
  {
    input: {'open-data-widgets': 'src/index.ts'},
    // Lets the shared code live in the entry file itself rather than in one more chunk to wait for.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
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
    output: {dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true},
  },
];
