// No built JavaScript file calls what the floor's engines lack (tools/browser-floor.mjs).
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';
import {apisBelowFloor} from './api-floor.mjs';

const scripts = (dir) =>
  readdirSync(dir, {recursive: true})
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(dir, name));

test('the checker finds what Safari 15.0 lacks, and lets a checked use through', () => {
  assert.deepEqual(apisBelowFloor('const l=a.at(-1);'), [
    '1:10 Array.prototype.at or String.prototype.at (Safari 15.4)',
  ]);
  assert.equal(apisBelowFloor('x=Object.hasOwn(a,b)').length, 1);
  assert.equal(apisBelowFloor('const c=structuredClone;\ny=e.structuredClone').length, 1);
  assert.equal(apisBelowFloor('new OffscreenCanvas(1,1)').length, 1);
  assert.equal(apisBelowFloor('typeof OffscreenCanvas=="function"&&new OffscreenCanvas(1,1)').length, 0);
  assert.equal(apisBelowFloor('a.attribute(b);c.atan(d);e.data(f)').length, 0);
});

test('no built file calls what Safari 15.0 or Firefox ESR 115 lacks', () => {
  const files = scripts('dist');
  assert.ok(files.includes(join('dist', 'open-data-widgets.js')), 'dist/ is built');
  const found = files.flatMap((file) =>
    apisBelowFloor(readFileSync(file, 'utf8')).map((use) => `${file}:${use}`),
  );
  assert.deepEqual(found, []);
});
