import {jsdocAttributeTypes} from './tools/reference.mjs';
import {schemaAttributes} from './tools/schema-manifest.mjs';

export default {
  globs: ['src/elements/**/*.ts', 'src/core/data-element.ts', 'src/core/events.ts', 'src/**/*.schema.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // The JSDoc `@attr {'column'|'bar'…}` types, not the TypeScript names (`ChartType`), reach the
  // reference and Storybook's controls.
  plugins: [jsdocAttributeTypes(), await schemaAttributes()],
};
