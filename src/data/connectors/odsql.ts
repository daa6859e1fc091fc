/**
 * A query as Opendatasoft's ODSQL clauses (`select`, `where`, `group_by`, `order_by`) and the
 * Explore v2.1 URLs that carry them (the `exports/json` one is in ods-pages.ts, `facets` in facets.ts),
 * without fetching: field names bare or in backquotes, strings
 * in double quotes escaped, numbers and dates written by us, and the labels the answer comes back
 * under. Group keys (time units as `date_format`) and order keys are planned by ods-plan.ts.
 */
import {QueryError} from '../errors.js';
import type {Filter, Literal, NormalizedQuery, ResolvedSource, Selection} from '../types.js';
import {buildUrl, simplifyFilter} from './util.js';

/**
 * Words ODSQL reserves, its function names, and `type` (the reference's own example of a field
 * that needs backquotes): a field so named is written in backquotes.
 */
const KEYWORDS = new Set(
  (
    'and as asc avg by count date_format day dayofweek desc equi false group hour or limit lower max millisecond min ' +
    'minute month not null quarter range second select sum top true upper where year in is like to date geom now ' +
    'median percentile envelope include exclude length search startswith distance geometry bbox polygon ' +
    'within_distance week type distinct ifnull'
  ).split(' '),
);

/** The ODSQL clauses of a query, and how to turn the API's keys back into the query's. */
export interface OdsPlan {
  select?: string;
  where?: string;
  groupBy?: string;
  orderBy?: string;
  /** `orderBy` with every direction flipped: the last records are the first ones in this order. */
  reverseOrderBy?: string;
  /** The query has `group_by` or aggregates: one row per group. */
  grouped: boolean;
  /** Key in the API's answer → key the query asked for. */
  renames: Map<string, string>;
  /** Selections of a group key under another name: [group key, selection key]. */
  copies: Array<[string, string]>;
  /** The filter can match no record (an empty `in`…): answered without asking the API. */
  matchesNothing: boolean;
}

/**
 * Translates a query without group keys or order (a key figure's) to ODSQL clauses. The other
 * queries are planned by ods-plan.ts, which the connector loads for them (ods.ts).
 */
export function planOdsSelection(q: NormalizedQuery, source?: ResolvedSource): OdsPlan {
  const renames = new Map<string, string>();
  const alias = columnNamer(q);
  const select = q.select.map((selection) => selectionClause(selection, alias, renames).part);
  const grouped = q.select.some((selection) => selection.type === 'aggregate');
  return assemblePlan(q, source, {grouped, renames, copies: [], select});
}

/** The clauses of a plan, as lists of parts, and how to read the answer's keys. */
export interface PlanParts extends Pick<OdsPlan, 'grouped' | 'renames' | 'copies'> {
  select: string[];
  groupBy?: string[];
  orderBy?: string[];
  reverseOrderBy?: string[];
}

/** The plan of `q` from its clauses' parts, with the query's filter (and the URL's) as `where`. */
export function assemblePlan(
  q: NormalizedQuery,
  source: ResolvedSource | undefined,
  parts: PlanParts,
): OdsPlan {
  const {grouped, renames, copies, select, groupBy = [], orderBy = [], reverseOrderBy = []} = parts;
  const filter = simplifyFilter(q.where);
  const plan: OdsPlan = {grouped, renames, copies, matchesNothing: filter === false};
  if (select.length) plan.select = select.join(', ');
  const where = filter === false ? undefined : odsWhere(filter, source);
  if (where) plan.where = where;
  if (groupBy.length) plan.groupBy = groupBy.join(', ');
  if (orderBy.length) {
    plan.orderBy = orderBy.join(', ');
    plan.reverseOrderBy = reverseOrderBy.join(', ');
  }
  return plan;
}

/**
 * Names for the columns the API answers computed values under (`a0`, `f1`, `g0`: a stem and a
 * count), none of them a field the query reads.
 */
export function columnNamer(q: NormalizedQuery): (stem: string) => string {
  const taken = new Set<string>([
    ...q.groupBy.map((key) => key.field),
    ...q.select.flatMap((selection) => (selection.field ? [selection.field] : [])),
  ]);
  const counters = new Map<string, number>();
  return (stem) => {
    const index = counters.get(stem) ?? 0;
    counters.set(stem, index + 1);
    let name = `${stem}${index}`;
    while (taken.has(name)) name = `_${name}`;
    taken.add(name);
    return name;
  };
}

/**
 * A selection's part of `select` (`sum(population) as a0`, `commune`) and the key the API answers
 * it under; a key other than the selection's name is added to `renames`.
 */
export function selectionClause(
  selection: Selection,
  alias: (stem: string) => string,
  renames: Map<string, string>,
): {part: string; apiKey: string} {
  if (selection.type === 'aggregate') {
    const label = alias('a');
    renames.set(label, selection.as);
    return {part: `${aggregateExpression(selection)} as ${label}`, apiKey: label};
  }
  if (selection.as === selection.field) {
    const name = identifier(selection.field);
    return {part: name, apiKey: name};
  }
  const label = alias('f');
  renames.set(label, selection.as);
  return {part: `${identifier(selection.field)} as ${label}`, apiKey: label};
}

/** The `where` parameter: the URL's own `where`/`q`, then the query's filter, all and-ed. */
export function odsWhere(filter: Filter | true, source?: ResolvedSource): string | undefined {
  const parts = [
    ...(source?.params?.where ?? []),
    // `q` (full-text search on a page URL) becomes an ODSQL search query: a bare string literal.
    ...(source?.params?.q ?? []).map(stringLiteral),
  ];
  if (filter !== true) parts.push(odsqlFilter(filter));
  if (parts.length <= 1) return parts[0];
  return parts.map((part) => `(${part})`).join(' and ');
}

function aggregateExpression(selection: Extract<Selection, {type: 'aggregate'}>): string {
  if (selection.fn === 'count') return selection.field ? `count(${identifier(selection.field)})` : 'count(*)';
  if (!selection.field)
    throw new QueryError(`${selection.fn}() needs a field`, {expression: selection.as, expected: 'field'});
  return `${selection.fn}(${identifier(selection.field)})`;
}

/** A field name as ODSQL reads it: bare when a plain identifier, else in backquotes. */
export function identifier(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !KEYWORDS.has(name.toLowerCase())) return name;
  return '`' + name.replace(/[\\`]/g, '\\$&') + '`';
}

/** A string literal: double quotes, with `\` and `"` escaped by a backslash. */
export function stringLiteral(value: string): string {
  return '"' + value.replace(/[\\"]/g, '\\$&') + '"';
}

/** Serialises a filter (free of constants: see `simplifyFilter`) to an ODSQL `where` expression. */
export function odsqlFilter(filter: Filter): string {
  switch (filter.type) {
    case 'and':
    case 'or':
      return filter.filters.map(operand).join(` ${filter.type} `);
    case 'not':
      if (filter.filter.type === 'null') return `${identifier(filter.filter.field)} is not null`;
      return `not (${odsqlFilter(filter.filter)})`;
    case 'null':
      return `${identifier(filter.field)} is null`;
    case 'in': {
      if (filter.values.every((value) => value.type === 'string' || value.type === 'number')) {
        return `${identifier(filter.field)} in (${filter.values.map(literal).join(', ')})`;
      }
      return filter.values.map((value) => `(${comparison(filter.field, '=', value)})`).join(' or ');
    }
    case 'compare':
      return comparison(filter.field, filter.op, filter.value);
  }
}

/** A sub-expression, parenthesised unless it is a single comparison. */
function operand(filter: Filter): string {
  const text = odsqlFilter(filter);
  return filter.type === 'compare' || filter.type === 'null' ? text : `(${text})`;
}

function comparison(fieldName: string, op: string, value: Literal): string {
  const field = identifier(fieldName);
  if (value.type === 'boolean') {
    // ODSQL tests booleans with `is true|false`; `!= true` keeps the `false` ones, like SQL.
    if (op === '=') return `${field} is ${value.value}`;
    if (op === '!=') return `${field} is ${!value.value}`;
    throw new QueryError(`A boolean cannot be compared with ${op}`, {
      expression: `${fieldName} ${op} ${value.value}`,
    });
  }
  return `${field} ${op} ${literal(value)}`;
}

function literal(value: Literal): string {
  switch (value.type) {
    case 'string':
      return stringLiteral(value.value);
    case 'number':
      if (!Number.isFinite(value.value))
        throw new QueryError(`Not a finite number: ${value.value}`, {found: String(value.value)});
      return String(value.value);
    case 'boolean':
      return String(value.value);
    case 'date':
      if (!/^[0-9][0-9T:.+\-Z/ ]*$/i.test(value.value))
        throw new QueryError(`Not a date: ${value.value}`, {found: value.value, expected: 'date'});
      return `date'${value.value}'`;
  }
}

// --- URLs --------------------------------------------------------------------------------------

/** `catalog/datasets/<id>`: the dataset's fields and metadata. */
export function datasetUrl(source: ResolvedSource): string {
  return buildUrl(source.base, datasetPath(source));
}

/** A page of `records` (`limit` 0: only `total_count`). */
export function recordsUrl(
  source: ResolvedSource,
  plan: OdsPlan,
  page: {limit?: number; offset?: number},
): string {
  const params = clauseParams(source, plan);
  if (page.limit !== undefined) params.push(['limit', String(page.limit)]);
  if (page.offset) params.push(['offset', String(page.offset)]);
  return buildUrl(source.base, `${datasetPath(source)}/records`, params);
}

/** The filters of a request: the plan's `where`, the source's `refine` and `exclude`, and the answer's language. */
export function commonParams(source: ResolvedSource, plan: Pick<OdsPlan, 'where'>): Array<[string, string]> {
  const params: Array<[string, string]> = [];
  if (plan.where) params.push(['where', plan.where]);
  for (const name of ['refine', 'exclude'] as const)
    for (const value of source.params?.[name] ?? []) params.push([name, value]);
  params.push(['lang', 'fr'], ['timezone', 'Europe/Paris']);
  return params;
}

/** The query string of `records` and `exports/json` requests, before their paging. */
export function clauseParams(source: ResolvedSource, plan: OdsPlan): Array<[string, string]> {
  const params: Array<[string, string]> = [];
  if (plan.select) params.push(['select', plan.select]);
  params.push(...commonParams(source, plan));
  if (plan.groupBy) params.push(['group_by', plan.groupBy]);
  if (plan.orderBy) params.push(['order_by', plan.orderBy]);
  return params;
}

export function datasetId(source: ResolvedSource): string {
  if (!source.id)
    throw new QueryError('An Opendatasoft source needs a dataset id', {
      expected: 'api-url',
      found: source.url,
    });
  return source.id;
}

/** `catalog/datasets/<id>`, the path every request of a dataset starts with. */
export function datasetPath(source: ResolvedSource): string {
  return `catalog/datasets/${encodeURIComponent(datasetId(source))}`;
}
