import commonjs from '@rollup/plugin-commonjs';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {fromRollup} from '@web/dev-server-rollup';
import {defaultReporter} from '@web/test-runner';
import {a11ySnapshotPlugin} from '@web/test-runner-commands/plugins';
import {ENGINES, chromium, firefox, webkit} from './tools/engines.mjs';
import {summaryReporter} from './tools/summary-reporter.mjs';
import {portalPlugin} from './tools/portal/wds-plugin.mjs';

/** React ships CommonJS only: the framework tests (test/frameworks/) import it as ES modules. */
const reactFiles = /\/node_modules\/(react|react-dom|scheduler)\//;
/** The fake clock of the tests (CommonJS); its Node-only `require`s sit in guarded branches. */
const fakeTimerFiles = /\/node_modules\/(@sinonjs\/(fake-timers|commons)|type-detect)\//;

/** React picks its build from `process.env.NODE_ENV`, which a browser does not have. */
const reactDevelopmentBuild = {
  name: 'react-development-build',
  transform(context) {
    if (!reactFiles.test(context.path) || typeof context.body !== 'string') return undefined;
    return {body: context.body.replaceAll('process.env.NODE_ENV', '"development"')};
  },
};

/** The engines tools/test.mjs found, besides Chromium. */
const engines = (process.env.ODW_ENGINES ?? '').split(',');

/** What must hold in every engine: a test per element, the CDN and strict-CSP pages, the keyboard basics. */
export const CROSS_ENGINE_FILES = [
  'test/engines/**/*.test.ts',
  'test/cdn/*.test.ts',
  'test/csp.test.ts',
  'test/hardening/csp.test.ts',
  'src/**/*.csp.test.ts',
  // Every element at 320, 390, 768 and 1 280 px, measured from boxes (issue 15).
  'test/visual/**/*.test.ts',
];

/**
 * `executeServerCommand('emulate-forced-colors', {forcedColors: 'active' | 'none'})`: Windows high
 * contrast in Chromium, which the test runner's `emulateMedia` command does not pass on to
 * Puppeteer (whose own `emulateMediaFeatures` refuses `forced-colors`); the DevTools protocol
 * emulates it, on a session kept per test page.
 */
function forcedColorsPlugin() {
  const sessions = new Map();
  return {
    name: 'forced-colors-command',
    async executeCommand({command, payload, session}) {
      if (command !== 'emulate-forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer')
        throw new Error('Forced colours are emulated in Chromium only.');
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', {
        features: [{name: 'forced-colors', value: payload?.forcedColors === 'active' ? 'active' : 'none'}],
      });
      return true;
    },
  };
}

/**
 * test/cdn/fallback.html shows what a tag holds when the code cannot run: with `?blocked=chunks`
 * only the loader may load (its chunks are refused), with `?blocked=all` no script may.
 */
const scriptSources = (context) =>
  context.path === '/test/cdn/fallback.html'
    ? ({chunks: `${context.origin}/dist/open-data-widgets.js`, all: "'none'"}[context.query.blocked] ??
      "'self'")
    : "'self'";

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
    // `/failing/<name>/<path>` serves <path>, but answers 503 for a file whose name starts with
    // <name>: a chunk a CDN lost or could not send. `/late/<name>/<path>` serves that file a second
    // late: a chunk that loses a race it would win. Both may be repeated (test/cdn/cdn.test.ts).
    async function chunksServedBadly(context, next) {
      const rules = [];
      for (let bad; (bad = /^\/(failing|late)\/([^/]+)(\/.*)$/.exec(context.path));) {
        rules.push({how: bad[1], name: bad[2]});
        context.url = context.url.slice(`/${bad[1]}/${bad[2]}`.length);
      }
      const file = context.path.slice(context.path.lastIndexOf('/') + 1);
      const concerned = rules.filter(({name}) => file.startsWith(name));
      if (concerned.some(({how}) => how === 'failing')) {
        context.status = 503;
        context.body = 'Service Unavailable';
        return;
      }
      if (concerned.length) await new Promise((resolve) => setTimeout(resolve, 1_000));
      return next();
    },
    // `/slow-css/<ms>/<path>` serves <path>, each stylesheet <ms> milliseconds late: a page as it is
    // while its styles are still on their way (test/cdn/embed.test.ts).
    async function slowStylesheets(context, next) {
      const slow = /^\/slow-css\/(\d+)(\/.*)$/.exec(context.path);
      if (!slow) return next();
      context.url = context.url.slice(`/slow-css/${slow[1]}`.length);
      if (slow[2].endsWith('.css')) await new Promise((resolve) => setTimeout(resolve, Number(slow[1])));
      return next();
    },
    // Pages under test/csp/ and test/cdn/ are served with the strict policy the README's
    // "Security and Content-Security-Policy" promises to work under.
    async function strictCsp(context, next) {
      await next();
      if (context.path.startsWith('/test/csp/') || context.path.startsWith('/test/cdn/')) {
        context.set('Content-Security-Policy', `script-src ${scriptSources(context)}; style-src 'self'`);
      }
    },
  ],
  plugins: [
    esbuildPlugin({ts: true, tsconfig: './tsconfig.json', target: 'es2022'}),
    portalPlugin(),
    // The browser's accessibility tree, for the tests of names and roles (a11ySnapshot).
    a11ySnapshotPlugin(),
    forcedColorsPlugin(),
    reactDevelopmentBuild,
    // The dev server transforms each file alone, so the plugin never learns which modules are
    // CommonJS: `strictRequires: false` gives every one a default export (its `module.exports`) and
    // `requireReturnsDefault` makes `require()` read that default, not a namespace.
    fromRollup(commonjs)({
      include: [reactFiles, fakeTimerFiles],
      ignore: ['timers', 'timers/promises', 'util'],
      strictRequires: false,
      requireReturnsDefault: true,
    }),
  ],
  browsers: [chromium(process.env.CHROME_PATH ?? '/usr/bin/chromium')],
  // Firefox and WebKit run what must hold in every engine (test/engines/CROSS_ENGINE.md), when
  // tools/test.mjs found them (`ODW_ENGINES`).
  groups: [
    {name: 'firefox', launcher: firefox},
    {name: 'webkit', launcher: webkit},
  ]
    .filter(({name}) => engines.includes(name))
    .map(({name, launcher}) => ({
      name,
      files: CROSS_ENGINE_FILES,
      browsers: [launcher(ENGINES[name].find())],
    })),
};
