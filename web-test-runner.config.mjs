import commonjs from '@rollup/plugin-commonjs';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {fromRollup} from '@web/dev-server-rollup';
import {defaultReporter} from '@web/test-runner';
import {chromeLauncher} from '@web/test-runner-chrome';
import {summaryReporter} from './tools/summary-reporter.mjs';
import {portalPlugin} from './tools/portal/wds-plugin.mjs';

/** React ships CommonJS only: the framework tests (test/frameworks/) import it as ES modules. */
const reactFiles = /\/node_modules\/(react|react-dom|scheduler)\//;

/** React picks its build from `process.env.NODE_ENV`, which a browser does not have. */
const reactDevelopmentBuild = {
  name: 'react-development-build',
  transform(context) {
    if (!reactFiles.test(context.path) || typeof context.body !== 'string') return undefined;
    return {body: context.body.replaceAll('process.env.NODE_ENV', '"development"')};
  },
};

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: a test page in a background tab gets no animation frames, which hangs
  // fixtures and renderers that wait for one.
  concurrency: 1,
  testsFinishTimeout: 5 * 60_000,
  testFramework: {config: {timeout: 10_000}},
  reporters: [defaultReporter(), summaryReporter()],
  filterBrowserLogs: ({args}) => !String(args[0]).startsWith('Lit is in dev mode'),
  middleware: [
    // Pages under test/csp/ and test/cdn/ are served with the strict policy DESIGN.md promises to work under.
    async function strictCsp(context, next) {
      await next();
      if (context.path.startsWith('/test/csp/') || context.path.startsWith('/test/cdn/')) {
        context.set('Content-Security-Policy', "script-src 'self'; style-src 'self'");
      }
    },
  ],
  plugins: [
    esbuildPlugin({ts: true, tsconfig: './tsconfig.json', target: 'es2022'}),
    portalPlugin(),
    reactDevelopmentBuild,
    // The dev server transforms each file alone, so the plugin never learns which modules are
    // CommonJS: `strictRequires: false` gives every one a default export (its `module.exports`) and
    // `requireReturnsDefault` makes `require()` read that default, not a namespace.
    fromRollup(commonjs)({include: reactFiles, strictRequires: false, requireReturnsDefault: true}),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
      },
    }),
  ],
};
