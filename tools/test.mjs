// `npm test`: the emulator's own tests in Node, then every browser test in real Chromium.
import {spawnSync} from 'node:child_process';
import {findChromium, installHint} from './chromium.mjs';

const chrome = findChromium();
if (!chrome) {
  console.error(installHint);
  process.exit(1);
}

const env = {...process.env, CHROME_PATH: chrome};
const run = (command, args) => spawnSync(command, args, {stdio: 'inherit', env}).status ?? 1;

const extraArgs = process.argv.slice(2);
const nodeStatus = extraArgs.length ? 0 : run(process.execPath, ['--test', 'tools/portal/']);
const browserStatus = run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...extraArgs]);
process.exit(nodeStatus || browserStatus);
