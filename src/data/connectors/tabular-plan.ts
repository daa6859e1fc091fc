/**
 * A query as the data.gouv.fr tabular API's parameters and URLs, without fetching: the conjuncts
 * of `where` its column operators express exactly, one sort key, the columns, and the
 * aggregates it can compute; what they leave out, the browser computes.
 */
import type {
  FieldInfo,
  FieldType,
  Filter,
  Literal,
  NormalizedQuery,
  ResolvedSource,
  Selection,
} from '../types.js';
import {QueryError} from '../errors.js';
import {conjuncts} from './browser-rows.js';
import {buildUrl, simplifyFilter} from './util.js';

/** The API's largest page. */
export const TABULAR_PAGE_SIZE = 50;

/** How a query splits between the API and the browser. */
export interface TabularPlan {
  /** Operators the API applies: `[name, value]` (empty value: a bare flag such as `c__isnull`). */
  filters: Array<[string, string]>;
  /** The server filters are exactly the query's filter: no re-filtering needed here. */
  exact: boolean;
  /** The filter can match no row: nothing is fetched. */
  matchesNothing: boolean;
}

/** Splits `where` into the API's operators and what the browser must re-check (exported for tests). */
export function planTabularFilter(
  where: Filter | undefined,
  fields: readonly FieldInfo[],
  source?: ResolvedSource,
): TabularPlan {
  const types = new Map(fields.map((field) => [field.name, field.type]));
  const filters: Array<[string, string]> = [];
  for (const [name, values] of Object.entries(source?.params ?? {}))
    for (const value of values) filters.push([name, value]);
  const simplified = simplifyFilter(where);
  if (simplified === false) return {filters, exact: true, matchesNothing: true};
  let exact = true;
  for (const part of simplified === true ? [] : conjuncts(simplified)) {
    const translated = operator(part, types);
    if (!translated) {
      exact = false;
      continue;
    }
    filters.push(translated.param);
    exact &&= translated.exact;
  }
  return {filters, exact, matchesNothing: false};
}

/** One conjunct as a column operator; `exact: false` when the API's answer is a superset. */
function operator(
  filter: Filter,
  types: ReadonlyMap<string, FieldType>,
): {param: [string, string]; exact: boolean} | undefined {
  switch (filter.type) {
    case 'null':
      return {param: [`${filter.field}__isnull`, ''], exact: true};
    case 'compare': {
      const value = operand(filter.value, types.get(filter.field), filter.op !== '=' && filter.op !== '!=');
      if (value === undefined) return undefined;
      // `differs` is SQL's IS DISTINCT FROM: it keeps the nulls, which `!=` leaves out.
      return {param: [`${filter.field}__${COMPARE_OPERATORS[filter.op]}`, value], exact: filter.op !== '!='};
    }
    case 'in': {
      const values = listOperand(filter.values, types.get(filter.field));
      return values === undefined ? undefined : {param: [`${filter.field}__in`, values], exact: true};
    }
    case 'not': {
      const inner = filter.filter;
      if (inner.type === 'null') return {param: [`${inner.field}__isnotnull`, ''], exact: true};
      if (inner.type === 'in') {
        const values = listOperand(inner.values, types.get(inner.field));
        return values === undefined ? undefined : {param: [`${inner.field}__notin`, values], exact: true};
      }
      if (inner.type === 'compare' && inner.op === '=') {
        const value = operand(inner.value, types.get(inner.field), false);
        return value === undefined ? undefined : {param: [`${inner.field}__differs`, value], exact: false};
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

const COMPARE_OPERATORS = {
  '=': 'exact',
  '!=': 'differs',
  '<': 'strictly_less',
  '<=': 'less',
  '>': 'strictly_greater',
  '>=': 'greater',
} as const;

/**
 * A literal as operator text, or undefined when the API would not answer what the browser
 * would: an empty string (null for the engine), a date against a column not typed as a date,
 * a text range (the database's collation is not the engine's).
 */
function operand(literal: Literal, type: FieldType | undefined, range: boolean): string | undefined {
  switch (literal.type) {
    case 'string':
      return literal.value === '' || range ? undefined : literal.value;
    case 'number':
      return Number.isFinite(literal.value) ? String(literal.value) : undefined;
    case 'boolean':
      return range ? undefined : String(literal.value);
    case 'date':
      return type === 'date' || type === 'datetime' ? literal.value : undefined;
  }
}

/** `a,b,c` for `__in`; undefined when a value would break the list (commas, quotes, parentheses). */
function listOperand(values: readonly Literal[], type: FieldType | undefined): string | undefined {
  const texts: string[] = [];
  for (const value of values) {
    const text = operand(value, type, false);
    if (text === undefined || /[,"()]/.test(text)) return undefined;
    texts.push(text);
  }
  return texts.join(',');
}

/** The sort the API can do (none, or one field key), or undefined when the browser must sort. */
export function serverSort(q: NormalizedQuery): Array<[string, string]> | undefined {
  if (q.orderBy.length === 0) return [];
  if (q.orderBy.length > 1) return undefined;
  const [order] = q.orderBy;
  const selection = q.select.find(
    (s): s is Extract<Selection, {type: 'field'}> => s.type === 'field' && s.as === order.key,
  );
  return [[`${selection?.field ?? order.key}__sort`, order.direction]];
}

/** `columns` when every selection is a plain column without a comma, else nothing (every column). */
export function columnsParam(q: NormalizedQuery): Array<[string, string]> {
  const fields = q.select.map((selection) => (selection.type === 'field' ? selection.field : undefined));
  return fields.length && fields.every((field) => field !== undefined && !field.includes(','))
    ? [['columns', [...new Set(fields)].join(',')]]
    : [];
}

/** A query's aggregates as API operators. */
export interface ServerAggregation {
  params: Array<[string, string]>;
  /** API key (`population__sum`, `epci`) → the query's keys. */
  outputs: Array<[string, string]>;
  /** Keys of `count()` without group by: the number of filtered rows, read from a data page's total. */
  rowCounts: string[];
}

/**
 * The aggregation the API can compute, or undefined: group keys must be plain columns (no time
 * unit), aggregates count/sum/avg/min/max of a column. `count()` is the filtered rows' total
 * without group by; with one, it counts the first group key's values (the null group's count is
 * then 0, not its rows: the API counts values of a column, not rows).
 */
export function serverAggregation(q: NormalizedQuery): ServerAggregation | undefined {
  if (q.groupBy.some((key) => key.timeunit)) return undefined;
  const params: Array<[string, string]> = [];
  const outputs: Array<[string, string]> = [];
  const rowCounts: string[] = [];
  for (const key of q.groupBy) {
    params.push([`${key.field}__groupby`, '']);
    outputs.push([key.field, key.as]);
  }
  for (const selection of q.select) {
    if (selection.type === 'field') {
      const key = q.groupBy.find((k) => k.field === selection.field);
      if (!key) return undefined;
      outputs.push([key.field, selection.as]);
      continue;
    }
    if (selection.fn === 'median') return undefined;
    if (selection.fn === 'count' && !selection.field && q.groupBy.length === 0) {
      rowCounts.push(selection.as);
      continue;
    }
    const field = selection.field ?? q.groupBy[0].field;
    const name = `${field}__${selection.fn}`;
    if (!params.some(([param]) => param === name)) params.push([name, '']);
    outputs.push([name, selection.as]);
  }
  return {params, outputs, rowCounts};
}

/** The output key of an order key written as a selection's canonical text (`sum(population)`). */
export function canonicalKey(key: string, q: NormalizedQuery): string {
  const selection = q.select.find(
    (s) => (s.type === 'aggregate' ? `${s.fn}(${s.field ?? ''})` : s.field) === key,
  );
  const group = q.groupBy.find((k) => k.field === key);
  return selection?.as ?? group?.as ?? key;
}

/** Page `n` (from 1) of `data/` under `params`. */
export function dataUrl(
  source: ResolvedSource,
  params: Array<[string, string]>,
  n: number,
  size = TABULAR_PAGE_SIZE,
): string {
  return buildUrl(source.base, `${resourcePath(source)}/data/`, [
    ...params,
    ['page', String(n)],
    ['page_size', String(size)],
  ]);
}

/** `profile/`: the columns and their detected types. */
export function profileUrl(source: ResolvedSource): string {
  return buildUrl(source.base, `${resourcePath(source)}/profile/`);
}

/** The resource's own record (its update date and download URL). */
export function resourceUrl(source: ResolvedSource): string {
  return buildUrl(source.base, `${resourcePath(source)}/`);
}

function resourcePath(source: ResolvedSource): string {
  if (!source.id)
    throw new QueryError('A tabular-API source needs a resource id', {
      expected: 'api-url',
      found: source.url,
    });
  return `resources/${encodeURIComponent(source.id)}`;
}
