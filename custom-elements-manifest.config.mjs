export default {
  globs: ['src/elements/**/*.ts', 'src/core/data-element.ts', 'src/core/events.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
