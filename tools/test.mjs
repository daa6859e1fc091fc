// `npm test`: the build when it is older than its sources, the Node tests (emulator, package,
// syntax floor), then the browser tests in Chromium, and in Firefox and WebKit those that must hold
// in every engine (web-test-runner.config.mjs), then the WordPress plugin (tools/wordpress/test.mjs). A missing engine is named with how to install it;
// in CI (`CI` set) it fails the run.
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {ENGINES} from './engines.mjs';

const inCi = Boolean(process.env.CI);
const found = Object.fromEntries(
  Object.entries(ENGINES).flatMap(([name, engine]) => {
    const path = engine.find();
    return path ? [[name, path]] : [];
  }),
);
const missing = Object.keys(ENGINES).filter((name) => !found[name]);
for (const name of missing) console.error(ENGINES[name].hint);
if (!found.chromium || (inCi && missing.length)) {
  console.error(inCi ? 'CI runs every engine: install the missing ones.' : 'Chromium is needed.');
  process.exit(1);
}

const extraArgs = process.argv.slice(2);
const env = {
  ...process.env,
  CHROME_PATH: found.chromium,
  // A run of chosen files stays in Chromium unless ODW_ENGINES names more.
  ODW_ENGINES:
    process.env.ODW_ENGINES ??
    (extraArgs.length
      ? ''
      : Object.keys(found)
          .filter((name) => name !== 'chromium')
          .join(',')),
};
const run = (command, args) => spawnSync(command, args, {stdio: 'inherit', env}).status ?? 1;

const BUILT_FILE = 'dist/open-data-widgets.js';
/** What `npm run build` is made from (tests and stories under src/ are not part of it). */
const BUILD_INPUTS = ['src', 'rollup.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

/** The latest modification time under `path`. */
function lastChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.(test|stories)\.ts$/.test(path) ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => lastChange(join(path, name))));
}

// The CDN pages, the package and syntax tests read `dist/`: built unless newer than its sources,
// as after `npm run build` in CI.
const fresh =
  existsSync(BUILT_FILE) && statSync(BUILT_FILE).mtimeMs > Math.max(...BUILD_INPUTS.map(lastChange));
if (!fresh) {
  console.log(`Building dist/ for the tests (older than its sources)…`);
  const buildStatus = run('npm', ['run', '--silent', 'build']);
  if (buildStatus) process.exit(buildStatus);
}

// Every `tools/*.test.mjs`, so that a new one cannot be left out, and the emulator's.
const NODE_TESTS = [
  'tools/portal/',
  ...readdirSync('tools')
    .filter((name) => name.endsWith('.test.mjs'))
    .map((name) => `tools/${name}`),
];
const nodeStatus = extraArgs.length ? 0 : run(process.execPath, ['--test', ...NODE_TESTS]);
const browserStatus = run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...extraArgs]);
// The WordPress plugin in Debian's WordPress; without it, one line on installing it (a failure in CI).
const wordpressStatus = extraArgs.length ? 0 : run(process.execPath, ['tools/wordpress/test.mjs']);
process.exit(nodeStatus || browserStatus || wordpressStatus);
