// Every built JavaScript file parses in the oldest engines of the floor (tools/browser-floor.mjs).
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {syntaxAboveFloor} from './syntax-floor.mjs';

/** Every `.js` file under `dir`. */
const scripts = (dir) =>
  readdirSync(dir, {recursive: true})
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(dir, name));

test('the checker finds what Safari 15 cannot parse', () => {
  assert.equal(syntaxAboveFloor('class A { static { this.b = 1; } }').length, 1);
  assert.equal(syntaxAboveFloor('export const r = /(?<!a)b/;').length, 1);
  assert.equal(syntaxAboveFloor('const a = b ?? c; class C { #d = 1; static e = 2; }').length, 0);
  assert.match(syntaxAboveFloor('const x = a.#b in c; using d = e;')[0], /newer than ES2022/);
});

test('every built file parses in Safari 15 and Firefox ESR 115', () => {
  const files = scripts('dist');
  assert.ok(files.includes(join('dist', 'open-data-widgets.js')), 'dist/ is built');
  assert.ok(files.length > 20, `${files.length} files`);
  const above = files.flatMap((file) =>
    syntaxAboveFloor(readFileSync(file, 'utf8')).map((place) => `${file}:${place}`),
  );
  assert.deepEqual(above, []);
});
