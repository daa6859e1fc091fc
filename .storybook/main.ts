import type {StorybookConfig} from '@storybook/web-components-vite';
import type {Plugin} from 'vite';

/**
 * The element definitions and message catalogues register themselves when imported. package.json's
 * `sideEffects` lists their built copies only (dist/), so without this the build drops the bare
 * `import '…/define.js'` of the stories and no element is defined.
 */
function sourcesWithSideEffects(): Plugin {
  const registering = /\/src\/(index|autoloader|elements\/[^/]+\/(define|[^/]+\.messages))\.ts$/;
  return {
    name: 'odw-sources-with-side-effects',
    transform: (code, id) => (registering.test(id) ? {code, map: null, moduleSideEffects: true} : null),
  };
}

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
  }),
};
export default config;
