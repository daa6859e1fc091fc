// The chunks of a widget's first draw carry V8's explicit compile hint on their first line, their
// source maps moved down one line (rollup.config.mjs `hintEagerCompile`); the lazy ones do not.
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {test} from 'node:test';

const HINT = '//# allFunctionsCalledOnLoad\n';
const chunks = readdirSync('dist/chunks').filter((name) => name.endsWith('.js'));
const chunk = (name) => {
  const file = chunks.find((candidate) => candidate.startsWith(`${name}-`));
  assert.ok(file, `dist/chunks/${name}-*.js is built`);
  return `dist/chunks/${file}`;
};

test('what a first draw runs is compiled as it loads', () => {
  for (const name of ['core', 'widgets', 'odw-chart', 'odw-map', 'odw-table']) {
    const file = chunk(name);
    assert.ok(readFileSync(file, 'utf8').startsWith(HINT), `${file} starts with the hint`);
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
    assert.ok(map.mappings.startsWith(';'), `${file}.map maps nothing on the hint's line`);
    assert.ok(!map.mappings.startsWith(';;'), `${file}.map moved down one line only`);
  }
});

test('what loads later (Vega, the builder, error answers, the offline store), and chunks of a few functions, are not', () => {
  for (const name of [
    'vega-lite',
    'odw-builder',
    'http-failure',
    'offline-store',
    'odw-kpi.schema',
    'odw-chart.schema',
  ]) {
    const file = chunk(name);
    assert.ok(!readFileSync(file, 'utf8').startsWith(HINT), `${file} has no hint`);
  }
});
