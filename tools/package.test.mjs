// What `npm pack` ships: the built library, its manifest, README and licence, and nothing of the
// project's workshop (tests, stories, emulator, sources). Run after `npm run build`.
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {test} from 'node:test';
import {unzipSync} from 'fflate';

const npm = (...args) => execFileSync('npm', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
const [packed] = JSON.parse(npm('pack', '--dry-run', '--json', '--ignore-scripts'));
const files = packed.files.map((file) => file.path);
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

test('ships the CDN file, its chunks and stylesheets, the npm modules, the types and the manifest', () => {
  for (const path of [
    'package.json',
    'README.md',
    'README.fr.md',
    'LICENSE',
    'custom-elements.json',
    'dist/open-data-widgets.js',
    'dist/types/index.d.ts',
    'dist/esm/index.js',
    'dist/styles/odw-kpi.css',
  ])
    assert.ok(files.includes(path), `${path} is shipped`);
  assert.ok(
    files.some((path) => /^dist\/chunks\/core-[\w-]+\.js$/.test(path)),
    'the chunks are shipped',
  );
  // The embed page and its resize script, once the build writes them.
  for (const path of ['dist/embed.html', 'dist/embed-resize.js'])
    if (existsSync(path)) assert.ok(files.includes(path), `${path} is shipped`);
});

test('every export of package.json is a shipped file', () => {
  const targets = Object.values(manifest.exports).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target),
  );
  for (const target of targets)
    assert.ok(files.includes(target.replace(/^\.\//, '')), `${target} is shipped`);
});

test('ships no test, story, emulator, benchmark, example or source file', () => {
  const workshop = files.filter(
    (path) =>
      /^(src|test|tools|stories|bench|examples|integrations|\.storybook|\.ci)\//.test(path) ||
      /\.(test|stories)\.|(^|\/)portal\//.test(path),
  );
  assert.deepEqual(workshop, []);
});

test('`npm publish --dry-run` accepts the package without a warning', () => {
  const publish = spawnSync('npm', ['publish', '--dry-run', '--ignore-scripts'], {encoding: 'utf8'});
  assert.equal(publish.status, 0, publish.stderr);
  assert.match(publish.stdout, new RegExp(`\\+ ${manifest.name}@${manifest.version.replaceAll('.', '\\.')}`));
  // Without a login npm says it would need one: the only warning allowed.
  const warnings = publish.stderr.split('\n').filter((line) => /warn/i.test(line) && !/logged in/.test(line));
  assert.deepEqual(warnings, []);
});

test('`npm run release` zips the browser files with the French hosting text', () => {
  execFileSync(process.execPath, ['tools/release.mjs'], {stdio: 'ignore'});
  const folder = `${manifest.name}-${manifest.version}`;
  const zipped = Object.keys(unzipSync(readFileSync(`release/${folder}.zip`)));
  for (const path of ['HEBERGER.txt', 'LICENSE', 'open-data-widgets.js', 'styles/odw-kpi.css'])
    assert.ok(zipped.includes(`${folder}/${path}`), `${path} is in the zip`);
  assert.ok(
    zipped.some((path) => path.startsWith(`${folder}/chunks/core-`)),
    'the chunks are in the zip',
  );
  assert.deepEqual(
    zipped.filter((path) => /\/(esm|types)\//.test(path)),
    [],
    'nothing for bundlers',
  );
});
