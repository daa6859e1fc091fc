import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import {configs as litConfigs} from 'eslint-plugin-lit';
import {configs as wcConfigs} from 'eslint-plugin-wc';
import globals from 'globals';
import {MISSING_AT_FLOOR} from './tools/browser-floor.mjs';

/**
 * What the floor's engines lack (tools/browser-floor.mjs), kept out of the code that runs there:
 * methods by name, static members on their object, globals. A use that checks first says so in a
 * disable comment (src/elements/odw-chart/chart-text.ts).
 */
const floorMessage = ({api, since}) =>
  `${api} is missing in the floor's engines (${since}): tools/browser-floor.mjs`;
const floorParts = MISSING_AT_FLOOR.map((entry) => ({...entry, parts: entry.api.split('.')}));
const floorRules = {
  // One selector per method name: `.at(` may be an array's or a string's.
  'no-restricted-syntax': [
    'error',
    ...[...new Set(floorParts.filter(({parts}) => parts[1] === 'prototype').map(({parts}) => parts[2]))].map(
      (name) => ({
        selector: `CallExpression > MemberExpression.callee[property.name="${name}"]`,
        message: floorParts
          .filter(({parts}) => parts[1] === 'prototype' && parts[2] === name)
          .map(floorMessage)
          .join('; '),
      }),
    ),
  ],
  'no-restricted-properties': [
    'error',
    ...floorParts
      .filter(({parts}) => parts.length === 2)
      .map((entry) => ({object: entry.parts[0], property: entry.parts[1], message: floorMessage(entry)})),
  ],
  'no-restricted-globals': [
    'error',
    ...floorParts
      .filter(({parts}) => parts.length === 1)
      .map((entry) => ({name: entry.api, message: floorMessage(entry)})),
  ],
};

export default tseslint.config(
  {ignores: ['node_modules/', 'dist/', 'storybook-static/', 'examples/data/', 'custom-elements.json']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts'],
    ...wcConfigs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts'],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts', 'test/**/*.js', 'examples/**/*.js'],
    languageOptions: {globals: {...globals.browser}},
    rules: {
      'no-new-func': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      // An element's fields come from its attribute schema through an interface of the class's
      // name that only extends (src/core/schema.ts).
      '@typescript-eslint/no-empty-object-type': ['error', {allowInterfaces: 'with-single-extends'}],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.stories.ts'],
    rules: floorRules,
  },
  {
    // chai assertions such as `expect(x).to.be.true` are expressions by design.
    files: ['**/*.test.ts'],
    rules: {'@typescript-eslint/no-unused-expressions': 'off'},
  },
  {
    files: ['**/*.mjs', '.storybook/**/*.ts'],
    languageOptions: {globals: {...globals.node}},
  },
);
