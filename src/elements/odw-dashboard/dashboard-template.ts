/**
 * Turns a parsed JSON dashboard with `params` into a plain one: chooses each parameter's value,
 * loads the choices of those that have some (for the selector and `${name.label}`), and replaces
 * the placeholders (dashboard-params.ts). What is left is validated like any configuration.
 */
import {query} from '../../data/index.js';
import type {ApiFamily} from '../../data/types.js';
import type {OfflineCopyOptions} from '../../data/offline-copy.js';
import type {ConfigProblem} from './dashboard-config.js';
import {
  chooseValues,
  readParams,
  substitute,
  type ParamValue,
  type TemplateParam,
} from './dashboard-params.js';

export interface Choice {
  value: string;
  label: string;
}

/** The parameters in force: what the selector shows. */
export interface TemplateState {
  params: TemplateParam[];
  values: Map<string, ParamValue>;
  /** The choices of each parameter that has some. */
  choices: Map<string, Choice[]>;
}

export type TemplateResult =
  {ok: true; input: unknown; template: TemplateState} | {ok: false; problems: ConfigProblem[]};

export interface TemplateOptions {
  /** Values picked in the selector, which win over every other. */
  picked: ReadonlyMap<string, string>;
  /** The page URL's query (`?commune=45234`). */
  pageQuery: string;
  /** The dashboard's `params` attribute. */
  attribute?: string;
  signal: AbortSignal;
  offlineCopy?: OfflineCopyOptions;
}

/** Most choices listed in a selector. */
const MAX_CHOICES = 1000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function applyTemplate(input: unknown, options: TemplateOptions): Promise<TemplateResult> {
  const problems: ConfigProblem[] = [];
  const empty: TemplateState = {params: [], values: new Map(), choices: new Map()};
  if (!isObject(input)) return {ok: true, input, template: empty};
  const {params: declared, ...rest} = input;
  const params = readParams(declared, problems);
  const chosen = chooseValues(params, options, problems);
  if (problems.length > 0) return {ok: false, problems};
  const provisional = new Map([...chosen].map(([name, value]) => [name, {value, label: value}]));
  // Undeclared placeholders are reported here, before any choice is loaded.
  const draft = substitute(rest, provisional, problems);
  if (problems.length > 0) return {ok: false, problems};

  const choices = new Map<string, Choice[]>();
  await Promise.all(
    params.map(async (param, index) => {
      const from = param.choices;
      if (!from) return;
      if (Array.isArray(from)) {
        choices.set(param.name, from);
        return;
      }
      const sources = isObject(draft) && Array.isArray(draft.sources) ? draft.sources.filter(isObject) : [];
      const source = sources.find((candidate) => candidate.id === from.source);
      if (!source || typeof source.src !== 'string') {
        problems.push({
          path: `params[${index}].choices.source`,
          code: 'unknown-source',
          value: JSON.stringify(from.source),
          allowed: sources.map((candidate) => String(candidate.id)),
        });
        return;
      }
      choices.set(param.name, await loadChoices(source, from, options));
    }),
  );
  if (problems.length > 0) return {ok: false, problems};

  const values = new Map<string, ParamValue>();
  for (const [name, value] of chosen) {
    const label = choices.get(name)?.find((choice) => choice.value === value)?.label ?? value;
    values.set(name, {value, label});
  }
  return {ok: true, input: substitute(rest, values, problems), template: {params, values, choices}};
}

/**
 * The distinct value–label pairs of a source, sorted by label. When they cannot be loaded the
 * selector is left out and `${name.label}` shows the value: the widgets still draw.
 */
async function loadChoices(
  source: Record<string, unknown>,
  fields: {value: string; label: string},
  {signal, offlineCopy}: TemplateOptions,
): Promise<Choice[]> {
  const name = (field: string) => `\`${field.replace(/`/g, '\\`')}\``;
  try {
    const {rows} = await query(source.src as string, {
      api: typeof source.api === 'string' ? (source.api as ApiFamily) : undefined,
      where: typeof source.where === 'string' ? source.where : undefined,
      groupBy: `${name(fields.value)}, ${name(fields.label)}`,
      orderBy: name(fields.label),
      limit: MAX_CHOICES,
      signal,
      offlineCopy,
    });
    return rows.map((row) => ({
      value: String(row[fields.value] ?? ''),
      label: String(row[fields.label] ?? ''),
    }));
  } catch {
    return [];
  }
}
