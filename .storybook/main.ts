import type {StorybookConfig} from '@storybook/web-components-vite';
import {portalVitePlugin} from '../tools/portal/vite-plugin.mjs';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: {name: '@storybook/web-components-vite', options: {}},
  core: {disableTelemetry: true},
  // Stories read real data from the portal emulator, mounted on Storybook's own origin.
  viteFinal: async (viteConfig) => ({
    ...viteConfig,
    plugins: [...(viteConfig.plugins ?? []), portalVitePlugin()],
  }),
};
export default config;
