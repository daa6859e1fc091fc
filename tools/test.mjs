// `npm test`: the emulator's own tests in Node, then every browser test in real Chromium.
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import picomatch from 'picomatch';
import {findChromium, installHint} from './chromium.mjs';

const chrome = findChromium();
if (!chrome) {
  console.error(installHint);
  process.exit(1);
}

const env = {...process.env, CHROME_PATH: chrome};
const run = (command, args) => spawnSync(command, args, {stdio: 'inherit', env}).status ?? 1;

const CDN_ENTRY = 'open-data-widgets';
const CDN_FILE = `dist/${CDN_ENTRY}.js`;
/** What the CDN build is made from (tests and stories under src/ are not part of it). */
const BUILD_INPUTS = ['src', 'rollup.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

/** The latest modification time under `path`. */
function lastChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.(test|stories)\.ts$/.test(path) ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => lastChange(join(path, name))));
}

/** Whether the wtr run includes test/cdn/, whose pages load the built CDN file. */
function runsCdnTests(args) {
  const globs = args.filter((arg) => !arg.startsWith('-')).map((glob) => glob.replace(/^\.\//, ''));
  if (!globs.length) return true;
  const cdnTests = readdirSync('test/cdn')
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => `test/cdn/${name}`);
  return globs.some((glob) => cdnTests.some(picomatch(glob)));
}

/**
 * Builds the CDN output of rollup.config.mjs alone (a minute; the npm modules and types are not
 * needed by the tests), unless `dist/` is newer than its sources, as after `npm run build` in CI.
 */
async function buildCdnIfStale() {
  const fresh =
    existsSync(CDN_FILE) && statSync(CDN_FILE).mtimeMs > Math.max(...BUILD_INPUTS.map(lastChange));
  if (fresh) return 0;
  console.log(`Building ${CDN_FILE} for the tests of test/cdn/ (older than its sources)…`);
  const {default: configs} = await import('../rollup.config.mjs');
  const cdn = [configs].flat().find((config) => Object.hasOwn(Object(config?.input), CDN_ENTRY));
  if (!cdn) return run(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent']);
  // Chunk names carry a hash: last build's chunks would linger beside the new ones.
  rmSync('dist/chunks', {recursive: true, force: true});
  const {rollup} = await import('rollup');
  try {
    const bundle = await rollup(cdn);
    await bundle.write(cdn.output);
    await bundle.close();
    return 0;
  } catch (error) {
    console.error(error.message);
    return 1;
  }
}

const extraArgs = process.argv.slice(2);
const nodeStatus = extraArgs.length ? 0 : run(process.execPath, ['--test', 'tools/portal/']);
const buildStatus = runsCdnTests(extraArgs) ? await buildCdnIfStale() : 0;
if (buildStatus) {
  console.error(`Building ${CDN_FILE} failed.`);
  process.exit(buildStatus);
}
const browserStatus = run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...extraArgs]);
process.exit(nodeStatus || browserStatus);
