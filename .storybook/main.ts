import type {StorybookConfig} from '@storybook/web-components-vite';
import type {Plugin} from 'vite';

/**
 * The element definitions, message catalogues and story helpers do their work when imported.
 * package.json's `sideEffects` lists the built copies only (dist/), so without this the build drops
 * the bare `import '…/define.js'` of the stories and no element is defined.
 */
function sourcesWithSideEffects(): Plugin {
  const registering =
    /\/(src\/(index|autoloader|elements\/[^/]+\/(define|[^/]+\.messages))|stories\/[^/]+)\.ts$/;
  return {
    name: 'odw-sources-with-side-effects',
    transform: (code, id) => (registering.test(id) ? {code, map: null, moduleSideEffects: true} : null),
  };
}

const LIT_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'];
const LIT_ENTRIES = [
  'lit',
  'lit/decorators.js',
  'lit/directive.js',
  'lit/directive-helpers.js',
  'lit/directives/if-defined.js',
  'lit/directives/join.js',
  'lit/directives/keyed.js',
  'lit/directives/repeat.js',
  '@lit/task',
];

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: {name: '@storybook/web-components-vite', options: {}},
  core: {disableTelemetry: true},
  // The stories read real data from the portal emulator running in the page (.storybook/preview.ts):
  // msw's service worker, and the data folder it reads.
  staticDirs: ['./public', {from: '../examples/data', to: '/emulator-data'}],
  viteFinal: async (viteConfig) => ({
    ...viteConfig,
    plugins: [...(viteConfig.plugins ?? []), sourcesWithSideEffects()],
    // One copy of Lit: every Lit entry the stories, elements and renderer use is pre-bundled in the
    // dev server's first pass (a later pass would load a second copy next to the first), and all
    // resolve to the same files.
    resolve: {...viteConfig.resolve, dedupe: [...LIT_PACKAGES]},
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), ...LIT_ENTRIES],
    },
  }),
};
export default config;
