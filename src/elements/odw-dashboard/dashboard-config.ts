/**
 * The JSON description of a whole dashboard and its strict validation: every key is known, every
 * value has the right type, and each problem is reported with its path (`widgets[2].tpye`) so
 * that the page shows what to fix instead of a blank dashboard.
 *
 * Keys are the attribute names of the tags. In `widgets`, `type` is the kind of widget; the
 * `type` attribute of a chart or filter is written `chart-type` / `filter-type` there. In
 * `filters` (the bar of controls above the grid) `type` is the filter's own `type`.
 */
import type {Theme} from '../../core/theme.js';
import type {Lang} from '../../core/i18n.js';
import {byAttributeName, type AttributeKind, type AttributeSchema} from '../../core/schema.js';
import {dataElementAttributes, LANGUAGES, THEMES} from '../../core/data-element.schema.js';
import {kpiAttributes} from '../odw-kpi/odw-kpi.schema.js';
import {chartAttributes} from '../odw-chart/odw-chart.schema.js';
import {mapAttributes} from '../odw-map/odw-map.schema.js';
import {tableAttributes} from '../odw-table/odw-table.schema.js';
import {filterAttributes} from '../odw-filter/odw-filter.schema.js';
import {sourceAttributes} from '../odw-source/odw-source.schema.js';

export type WidgetKind = 'kpi' | 'chart' | 'map' | 'table' | 'filter';

/** An attribute value as given in JSON: set with `setAttribute` (`true` → present, `false` → absent). */
export type AttributeValue = string | number | boolean;

export interface SourceConfig {
  id: string;
  /** Attributes of the `odw-source`, `id` included. */
  attributes: Record<string, AttributeValue>;
}

export interface ElementConfig {
  /** The tag to create (`odw-kpi`). */
  tag: string;
  /** Attributes to set on it, with their attribute names (`chart-type` already renamed `type`). */
  attributes: Record<string, AttributeValue>;
}

export interface DashboardConfig {
  title?: string;
  description?: string;
  columns?: number;
  theme?: Theme;
  lang?: Lang;
  /** The id of the source used by widgets that name none (default: the first source). */
  source?: string;
  sources: SourceConfig[];
  filters: ElementConfig[];
  widgets: ElementConfig[];
}

export type ConfigProblemCode =
  | 'unknown-key'
  | 'missing'
  | 'type'
  | 'enum'
  | 'unknown-source'
  | 'duplicate-id'
  | 'empty'
  | 'unknown-param'
  | 'missing-param';

/** One thing wrong in a configuration, where it is and what was expected (words chosen by the element). */
export interface ConfigProblem {
  /** `widgets[2].tpye`, `sources[0].src`, `columns`; empty for the whole configuration. */
  path: string;
  code: ConfigProblemCode;
  /** `type`: `text`, `number`, `integer`, `boolean`, `list`, `object`, `url-sync`, `span`, `param-name`, `choices`. */
  expected?: string;
  /** `unknown-key`: the allowed keys, closest to the wrong one first; `enum`/`unknown-source`: the allowed values. */
  allowed?: string[];
  /** The value found (JSON text, shortened). */
  value?: string;
}

export type ConfigResult = {ok: true; config: DashboardConfig} | {ok: false; problems: ConfigProblem[]};

type ValueKind = AttributeKind | 'url-sync' | 'span';

interface KeySpec {
  kind: ValueKind;
  values?: readonly string[];
  required?: boolean;
}

type Schema = Record<string, KeySpec>;

export const WIDGET_KINDS: readonly WidgetKind[] = ['kpi', 'chart', 'map', 'table', 'filter'];

const text: KeySpec = {kind: 'text'};
const integer: KeySpec = {kind: 'integer'};

/** The keys of a tag's attribute schema, by attribute name; `renamed` gives keys another name. */
function keysOf(schema: AttributeSchema, renamed: Record<string, string> = {}): Schema {
  return Object.fromEntries(
    [...byAttributeName(schema)].map(([name, {kind, values, required}]) => [
      renamed[name] ?? name,
      {kind, values, required},
    ]),
  );
}

/** Attributes every data widget has (see `OdwDataElement`). */
const commonWidgetKeys: Schema = {id: text, ...keysOf(dataElementAttributes)};

const widgetSchemas: Record<WidgetKind, Schema> = {
  kpi: keysOf(kpiAttributes),
  chart: keysOf(chartAttributes, {type: 'chart-type'}),
  map: keysOf(mapAttributes),
  table: keysOf(tableAttributes),
  filter: keysOf(filterAttributes, {type: 'filter-type'}),
};

/** Keys of a widget that are not attributes of its tag, or are renamed. */
const WIDGET_ONLY_KEYS: Schema = {
  type: {kind: 'text', values: WIDGET_KINDS, required: true},
  span: {kind: 'span'},
};

const RENAMED: Record<string, string> = {'chart-type': 'type', 'filter-type': 'type'};

const filterBarSchema: Schema = {...keysOf(filterAttributes), ...commonWidgetKeys};

const sourceSchema: Schema = {
  id: {kind: 'text', required: true},
  ...keysOf(sourceAttributes),
  'url-sync': {kind: 'url-sync'},
};

const rootSchema: Schema = {
  title: text,
  description: text,
  columns: integer,
  theme: {kind: 'text', values: THEMES},
  lang: {kind: 'text', values: LANGUAGES},
  source: text,
};
const ROOT_LISTS = ['sources', 'filters', 'widgets'] as const;

/** Largest `columns` and `span` the grid styles know. */
export const MAX_COLUMNS = 12;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as short JSON text, for messages. */
function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 39)}…` : json;
}

/** Levenshtein distance, to list the keys closest to a misspelt one first. */
function distance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The allowed keys, the closest to `key` first (ties keep the schema order). */
function closestKeys(key: string, allowed: string[]): string[] {
  return allowed
    .map((name, index) => ({name, index, score: distance(key.toLowerCase(), name)}))
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map(({name}) => name);
}

function checkValue(value: unknown, spec: KeySpec, path: string, problems: ConfigProblem[]): boolean {
  const wrongType = (expected: string) => {
    problems.push({path, code: 'type', expected, value: shown(value)});
    return false;
  };
  switch (spec.kind) {
    case 'text':
      if (typeof value !== 'string') return wrongType('text');
      if (spec.values && !spec.values.includes(value)) {
        problems.push({path, code: 'enum', allowed: [...spec.values], value: shown(value)});
        return false;
      }
      return true;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? true : wrongType('number');
    case 'integer':
      return Number.isInteger(value) && (value as number) >= 0 ? true : wrongType('integer');
    case 'boolean':
      return typeof value === 'boolean' ? true : wrongType('boolean');
    case 'url-sync':
      return value === true || value === false || value === 'query' || value === 'hash'
        ? true
        : wrongType('url-sync');
    case 'span':
      return value === 'full' ||
        (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_COLUMNS)
        ? true
        : wrongType('span');
  }
}

/** Checks the keys of one object against `schema`; returns the valid attributes. */
function checkObject(
  object: Record<string, unknown>,
  schema: Schema,
  path: string,
  problems: ConfigProblem[],
): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  const allowed = Object.keys(schema);
  for (const [key, value] of Object.entries(object)) {
    const keyPath = path ? `${path}.${key}` : key;
    const spec = schema[key];
    if (!spec) {
      problems.push({path: keyPath, code: 'unknown-key', allowed: closestKeys(key, allowed)});
      continue;
    }
    if (checkValue(value, spec, keyPath, problems)) attributes[key] = value as AttributeValue;
  }
  for (const [key, spec] of Object.entries(schema)) {
    if (spec.required && !(key in object)) {
      problems.push({path: path ? `${path}.${key}` : key, code: 'missing'});
    }
  }
  return attributes;
}

function checkList(
  root: Record<string, unknown>,
  name: (typeof ROOT_LISTS)[number],
  problems: ConfigProblem[],
): Array<{item: Record<string, unknown>; path: string}> {
  const list = root[name];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.push({path: name, code: 'type', expected: 'list', value: shown(list)});
    return [];
  }
  const items: Array<{item: Record<string, unknown>; path: string}> = [];
  list.forEach((item: unknown, index) => {
    const path = `${name}[${index}]`;
    if (isObject(item)) items.push({item, path});
    else problems.push({path, code: 'type', expected: 'object', value: shown(item)});
  });
  return items;
}

function toElement(tag: string, attributes: Record<string, AttributeValue>): ElementConfig {
  const renamed: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(attributes)) renamed[RENAMED[key] ?? key] = value;
  return {tag, attributes: renamed};
}

export interface ValidationContext {
  /** Ids a widget may name besides the configuration's own sources (the page's `odw-source` elements). */
  knownSourceIds?: readonly string[];
  /** Whether the dashboard has a default source of its own (`src` or `source` attribute). */
  hasDefaultSource?: boolean;
}

/** Validates a parsed JSON configuration. */
export function validateConfig(input: unknown, context: ValidationContext = {}): ConfigResult {
  const knownSourceIds = context.knownSourceIds ?? [];
  const problems: ConfigProblem[] = [];
  if (!isObject(input)) {
    return {ok: false, problems: [{path: '', code: 'type', expected: 'object', value: shown(input)}]};
  }
  const rootAttributes = checkObject(
    Object.fromEntries(
      Object.entries(input).filter(([key]) => !(ROOT_LISTS as readonly string[]).includes(key)),
    ),
    {...rootSchema},
    '',
    problems,
  );
  // The lists are checked below; an unknown key's suggestions still name them.
  for (const problem of problems) {
    if (problem.code === 'unknown-key' && !problem.path.includes('.')) {
      problem.allowed = closestKeys(problem.path, [...Object.keys(rootSchema), ...ROOT_LISTS]);
    }
  }

  const sources: SourceConfig[] = [];
  const sourceIds = new Set<string>();
  for (const {item, path} of checkList(input, 'sources', problems)) {
    const attributes = checkObject(item, sourceSchema, path, problems);
    const id = attributes.id;
    if (typeof id !== 'string') continue;
    if (sourceIds.has(id)) {
      problems.push({path: `${path}.id`, code: 'duplicate-id', value: shown(id)});
      continue;
    }
    // Known even when another of its keys is wrong: widgets naming it are not reported too.
    sourceIds.add(id);
    if (attributes['url-sync'] === true) attributes['url-sync'] = '';
    sources.push({id, attributes});
  }
  const allowedSources = [...sourceIds, ...knownSourceIds];
  const checkSource = (attributes: Record<string, AttributeValue>, path: string) => {
    const id = attributes.source;
    if (typeof id === 'string' && !allowedSources.includes(id)) {
      problems.push({
        path: `${path}.source`,
        code: 'unknown-source',
        allowed: [...sourceIds],
        value: shown(id),
      });
    }
  };
  const hasDefault = sourceIds.size > 0 || Boolean(context.hasDefaultSource);
  const checkHasSource = (attributes: Record<string, AttributeValue>, path: string) => {
    if (!hasDefault && attributes.source === undefined && attributes.src === undefined) {
      problems.push({path: `${path}.source`, code: 'missing'});
    }
  };
  if (typeof rootAttributes.source === 'string' && !allowedSources.includes(rootAttributes.source)) {
    problems.push({
      path: 'source',
      code: 'unknown-source',
      allowed: [...sourceIds],
      value: shown(rootAttributes.source),
    });
  }

  const filters: ElementConfig[] = [];
  for (const {item, path} of checkList(input, 'filters', problems)) {
    const attributes = checkObject(item, filterBarSchema, path, problems);
    checkSource(attributes, path);
    checkHasSource(attributes, path);
    filters.push(toElement('odw-filter', attributes));
  }

  const widgets: ElementConfig[] = [];
  for (const {item, path} of checkList(input, 'widgets', problems)) {
    const kind = item.type;
    if (!('type' in item)) problems.push({path: `${path}.type`, code: 'missing'});
    if (!('type' in item) || !checkValue(kind, WIDGET_ONLY_KEYS.type, `${path}.type`, problems)) {
      // Without a kind the other keys cannot be judged: only the ones no widget has are reported.
      checkUnknownKeys(item, path, problems);
      continue;
    }
    const schema: Schema = {...WIDGET_ONLY_KEYS, ...widgetSchemas[kind as WidgetKind], ...commonWidgetKeys};
    const attributes = checkObject(item, schema, path, problems);
    checkSource(attributes, path);
    checkHasSource(attributes, path);
    delete attributes.type;
    widgets.push(toElement(`odw-${kind as WidgetKind}`, attributes));
  }

  if (widgets.length === 0 && filters.length === 0 && problems.length === 0) {
    problems.push({path: 'widgets', code: 'empty'});
  }
  if (problems.length > 0) return {ok: false, problems};
  return {
    ok: true,
    config: {
      title: rootAttributes.title as string | undefined,
      description: rootAttributes.description as string | undefined,
      columns: rootAttributes.columns as number | undefined,
      theme: rootAttributes.theme as Theme | undefined,
      lang: rootAttributes.lang as Lang | undefined,
      source: rootAttributes.source as string | undefined,
      sources,
      filters,
      widgets,
    },
  };
}

/** Keys that no kind of widget accepts, for a widget whose kind is missing or wrong. */
function checkUnknownKeys(item: Record<string, unknown>, path: string, problems: ConfigProblem[]): void {
  const every = new Set<string>([
    ...Object.keys(WIDGET_ONLY_KEYS),
    ...Object.keys(commonWidgetKeys),
    ...Object.values(widgetSchemas).flatMap((schema) => Object.keys(schema)),
  ]);
  for (const key of Object.keys(item)) {
    if (!every.has(key)) {
      problems.push({path: `${path}.${key}`, code: 'unknown-key', allowed: closestKeys(key, [...every])});
    }
  }
}
