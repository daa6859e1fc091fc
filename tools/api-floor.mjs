// Where a built file calls what the floor's engines lack (MISSING_AT_FLOOR, tools/browser-floor.mjs).
import {parse} from 'acorn';
import {MISSING_AT_FLOOR} from './browser-floor.mjs';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How a use of `api` reads in minified code: a method called on any value (`.at(`), a static
 * member on its object (`Object.hasOwn`), a global by its name.
 */
function usePattern(api) {
  const parts = api.split('.');
  const name = escape(parts[parts.length - 1]);
  if (parts[1] === 'prototype') return new RegExp(`\\.${name}\\(`, 'g');
  if (parts.length === 2) return new RegExp(`\\b${escape(parts[0])}\\.${name}\\b`, 'g');
  return new RegExp(`(?<![\\w$.])${name}\\b`, 'g');
}

/** Whether `code` checks that the global `name` exists before it uses it. */
const checksFor = (code, name) =>
  new RegExp(`typeof (?:globalThis\\.|window\\.|self\\.)?${name}\\b|["']${name}["']\\s*in\\b`).test(code);

/** `code` with its comments blanked out (line breaks kept): the npm build keeps its comments. */
function withoutComments(code) {
  let text = code;
  parse(code, {
    ecmaVersion: 'latest',
    sourceType: 'module',
    onComment: (_block, _comment, start, end) => {
      text = text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
    },
  });
  return text;
}

/**
 * Each use in `source` of an API missing at the floor, as `line:column api (since …)`; a call that
 * could be either of two methods (`.at(`) names both.
 */
export function apisBelowFloor(source) {
  const code = withoutComments(source);
  const uses = new Map();
  for (const {api, since, guarded} of MISSING_AT_FLOOR) {
    if (guarded && checksFor(code, api.split('.')[0])) continue;
    for (const {index} of code.matchAll(usePattern(api))) {
      const use = uses.get(index) ?? {apis: [], since};
      use.apis.push(api);
      uses.set(index, use);
    }
  }
  return [...uses]
    .sort(([a], [b]) => a - b)
    .map(([index, {apis, since}]) => {
      const before = code.slice(0, index).split('\n');
      return `${before.length}:${before[before.length - 1].length + 1} ${apis.join(' or ')} (${since})`;
    });
}
