import {esbuildPlugin} from '@web/dev-server-esbuild';
import {defaultReporter} from '@web/test-runner';
import {chromeLauncher} from '@web/test-runner-chrome';
import {summaryReporter} from './tools/summary-reporter.mjs';
import {portalPlugin} from './tools/portal/wds-plugin.mjs';

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
    // Pages under test/csp/ are served with the strict policy DESIGN.md promises to work under.
    async function strictCsp(context, next) {
      await next();
      if (context.path.startsWith('/test/csp/')) {
        context.set('Content-Security-Policy', "script-src 'self'; style-src 'self'");
      }
    },
  ],
  plugins: [esbuildPlugin({ts: true, tsconfig: './tsconfig.json', target: 'es2022'}), portalPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
      },
    }),
  ],
};
