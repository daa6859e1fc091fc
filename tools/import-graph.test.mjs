// The imports of src/ run one way — elements → core → data — with no cycle, type imports included
// (docs/development.md, "Architecture"). Node test: reads the sources, runs nothing.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join, normalize} from 'node:path';

const ROOT = 'src';
/**
 * What a layer may import; the entry files (src/*.ts) and the embed page may import anything. The
 * builder loads the widgets it previews through `src/loader.ts`, the side-effect-free tag → module
 * map that lists every element but the builder.
 */
const LAYERS = {data: ['data'], core: ['core', 'data'], elements: ['elements', 'core', 'data', 'loader.ts']};

function sources() {
  return readdirSync(ROOT, {recursive: true})
    .filter((file) => /\.ts$/.test(file) && !/\.(test|d)\.ts$/.test(file))
    .map((file) => join(ROOT, file));
}

/** The repository files `file` imports (`import`, `import type`, `export … from`, `import()`). */
function importsOf(file) {
  const code = readFileSync(file, 'utf8');
  const specifiers = [
    ...code.matchAll(/^\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"](\.[^'"]+)['"]/gm),
    ...code.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]);
  return specifiers.map((specifier) => normalize(join(dirname(file), specifier)).replace(/\.js$/, '.ts'));
}

const graph = new Map(sources().map((file) => [file, importsOf(file)]));
const layerOf = (file) => file.split('/')[1];

test('each layer imports only from itself and the layers below it', () => {
  const wrong = [];
  for (const [file, imports] of graph) {
    const allowed = LAYERS[layerOf(file)];
    if (!allowed) continue;
    for (const imported of imports) {
      if (!allowed.includes(layerOf(imported))) wrong.push(`${file} → ${imported}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('no import cycle', () => {
  const cycles = [];
  const state = new Map();
  const visit = (file, path) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const imported of graph.get(file) ?? []) visit(imported, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  assert.deepEqual(cycles, []);
});
