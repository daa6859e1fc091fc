/**
 * Dashboard templates (DESIGN.md, « Shared by communes »): a JSON dashboard declares `params`, and
 * `${name}` / `${name.label}` in any of its strings is replaced by the value chosen for the page.
 *
 * A value is inserted as data, never as code: inside an expression (`where`, `value`, `x`…) it
 * becomes one quoted string literal, quotes and backslashes escaped, so `45234" or "1"="1` stays
 * one string that matches nothing; inside a URL it is percent-encoded; elsewhere it is text, which
 * the elements only ever show as text.
 */
import type {ConfigProblem} from './dashboard-config.js';

/** Where a parameter's choices come from: a source of the configuration, or a fixed list. */
export type ParamChoices =
  {source: string; value: string; label: string} | Array<{value: string; label: string}>;

export interface TemplateParam {
  name: string;
  label?: string;
  default?: string;
  choices?: ParamChoices;
}

/** A parameter's value and the label of the matching choice (the value itself without one). */
export interface ParamValue {
  value: string;
  label: string;
}

/** Keys whose strings are expressions of the query language: a value goes in as a string literal. */
const EXPRESSION_KEYS = new Set([
  'where',
  'compare-where',
  'value',
  'compare',
  'x',
  'y',
  'series',
  'sort',
  'columns',
  'key',
  'lat',
  'lon',
  'color',
  'size',
  'popup',
]);

/** Keys whose strings are URLs: a value goes in percent-encoded. */
const URL_KEYS = new Set(['src', 'shapes', 'tiles']);

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const PLACEHOLDER = /\$\{([^}]*)\}/g;
const PARAM_KEYS = ['name', 'label', 'default', 'choices'];

/** One string literal of the expression language, whatever the value holds. */
export function stringLiteral(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and checks the `params` list of a configuration; problems go to `problems`. */
export function readParams(input: unknown, problems: ConfigProblem[]): TemplateParam[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) {
    problems.push({path: 'params', code: 'type', expected: 'list', value: JSON.stringify(input)});
    return [];
  }
  const params: TemplateParam[] = [];
  input.forEach((item: unknown, index) => {
    const path = `params[${index}]`;
    if (!isObject(item)) {
      problems.push({path, code: 'type', expected: 'object', value: JSON.stringify(item)});
      return;
    }
    for (const key of Object.keys(item)) {
      if (!PARAM_KEYS.includes(key))
        problems.push({path: `${path}.${key}`, code: 'unknown-key', allowed: PARAM_KEYS});
    }
    const {name, label, choices} = item;
    const fallback = item.default;
    if (typeof name !== 'string' || !PARAM_NAME.test(name)) {
      problems.push({
        path: `${path}.name`,
        code: name === undefined ? 'missing' : 'type',
        expected: 'param-name',
      });
      return;
    }
    const param: TemplateParam = {name};
    if (typeof label === 'string') param.label = label;
    else if (label !== undefined) problems.push({path: `${path}.label`, code: 'type', expected: 'text'});
    if (typeof fallback === 'string' || typeof fallback === 'number') param.default = String(fallback);
    else if (fallback !== undefined) problems.push({path: `${path}.default`, code: 'type', expected: 'text'});
    if (choices !== undefined) {
      const read = readChoices(choices);
      if (read) param.choices = read;
      else problems.push({path: `${path}.choices`, code: 'type', expected: 'choices'});
    }
    params.push(param);
  });
  return params;
}

function readChoices(choices: unknown): ParamChoices | undefined {
  if (Array.isArray(choices)) {
    const list = choices.map((choice: unknown) =>
      isObject(choice) && (typeof choice.value === 'string' || typeof choice.value === 'number')
        ? {value: String(choice.value), label: String(choice.label ?? choice.value)}
        : undefined,
    );
    return list.every(Boolean) ? (list as Array<{value: string; label: string}>) : undefined;
  }
  if (
    isObject(choices) &&
    typeof choices.source === 'string' &&
    typeof choices.value === 'string' &&
    typeof choices.label === 'string'
  ) {
    return {source: choices.source, value: choices.value, label: choices.label};
  }
  return undefined;
}

/**
 * The value of each parameter: the one picked in the selector, else the page URL's query, else the
 * `params` attribute (URL-query syntax), else the default. A parameter with none is a problem.
 */
export function chooseValues(
  params: readonly TemplateParam[],
  sources: {picked: ReadonlyMap<string, string>; pageQuery: string; attribute?: string},
  problems: ConfigProblem[],
): Map<string, string> {
  const fromUrl = new URLSearchParams(sources.pageQuery);
  const fromAttribute = new URLSearchParams(sources.attribute ?? '');
  const values = new Map<string, string>();
  params.forEach((param, index) => {
    const value =
      sources.picked.get(param.name) ??
      fromUrl.get(param.name) ??
      fromAttribute.get(param.name) ??
      param.default;
    if (value === undefined) {
      problems.push({path: `params[${index}]`, code: 'missing-param', value: param.name});
    } else values.set(param.name, value);
  });
  return values;
}

/**
 * A copy of `input` (the configuration without `params`) with every placeholder replaced, by the
 * rules of the module doc. A placeholder naming no declared parameter is a problem at its path.
 */
export function substitute(
  input: unknown,
  values: ReadonlyMap<string, ParamValue>,
  problems: ConfigProblem[],
  path = '',
  key = '',
): unknown {
  if (typeof input === 'string') return substituteText(input, values, problems, path, key);
  if (Array.isArray(input)) {
    return input.map((item: unknown, index) => substitute(item, values, problems, `${path}[${index}]`, key));
  }
  if (isObject(input)) {
    return Object.fromEntries(
      Object.entries(input).map(([name, value]) => [
        name,
        substitute(value, values, problems, path ? `${path}.${name}` : name, name),
      ]),
    );
  }
  return input;
}

function substituteText(
  text: string,
  values: ReadonlyMap<string, ParamValue>,
  problems: ConfigProblem[],
  path: string,
  key: string,
): string {
  return text.replace(PLACEHOLDER, (whole, inner: string) => {
    const [name, field, ...rest] = inner.trim().split('.');
    const param = values.get(name);
    if (!param || rest.length > 0 || (field !== undefined && field !== 'label')) {
      problems.push({path, code: 'unknown-param', value: inner.trim()});
      return whole;
    }
    const raw = field === 'label' ? param.label : param.value;
    if (EXPRESSION_KEYS.has(key)) return stringLiteral(raw);
    if (URL_KEYS.has(key)) return encodeURIComponent(raw);
    return raw;
  });
}
