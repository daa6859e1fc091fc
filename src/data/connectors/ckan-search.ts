/**
 * A query as CKAN's `datastore_search` parameters, without fetching: the URL's own `filters`, the
 * `=`/`in` conjuncts that `filters` can carry, the columns, the sort and the pages.
 */
import {and} from '../expression/index.js';
import {QueryError} from '../errors.js';
import type {Filter, Literal, NormalizedQuery, ResolvedSource} from '../types.js';
import {resourceId} from './ckan-answers.js';
import {sqlIdentifier} from './ckan-sql.js';
import {conjuncts} from './browser-rows.js';
import {isRecord} from './util.js';

/** Rows per `datastore_search` request when paging. */
export const CKAN_PAGE_SIZE = 1000;

/** The URL's own `filters` JSON (`{"ville": "Dijon", "code": ["21", "45"]}`) as a filter. */
export function urlFilters(source: ResolvedSource): Filter | undefined {
  const parts: Filter[] = [];
  for (const text of source.params?.filters ?? []) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new QueryError('The URL\'s "filters" parameter is not JSON', {found: text, expected: 'json'});
    }
    if (!isRecord(parsed)) continue;
    for (const [field, value] of Object.entries(parsed)) {
      const values = (Array.isArray(value) ? value : [value]).map(jsonLiteral);
      parts.push(
        values.length === 1
          ? {type: 'compare', field, op: '=', value: values[0]}
          : {type: 'in', field, values},
      );
    }
  }
  return and(...parts);
}

function jsonLiteral(value: unknown): Literal {
  if (typeof value === 'number') return {type: 'number', value};
  if (typeof value === 'boolean') return {type: 'boolean', value};
  return {type: 'string', value: String(value)};
}

/** `datastore_search` filters for the `=`/`in` conjuncts of a filter; `exact` when that is all of it. */
export function searchFilters(where: Filter | undefined): {
  filters: Record<string, unknown> | undefined;
  exact: boolean;
} {
  const filters: Record<string, unknown[]> = {};
  let exact = true;
  for (const part of conjuncts(where)) {
    const equality =
      part.type === 'compare' && part.op === '='
        ? {field: part.field, values: [part.value]}
        : part.type === 'in'
          ? {field: part.field, values: part.values}
          : undefined;
    // Dates need the day semantics of SQL; '' is null to the engine but a value to `filters`.
    if (
      !equality ||
      equality.values.some((value) => value.type === 'date' || value.value === '') ||
      filters[equality.field]
    ) {
      exact = false;
      continue;
    }
    filters[equality.field] = equality.values.map((value) => value.value);
  }
  const entries = Object.entries(filters);
  if (entries.length === 0) return {filters: undefined, exact};
  return {
    filters: Object.fromEntries(
      entries.map(([field, values]) => [field, values.length === 1 ? values[0] : values]),
    ),
    exact,
  };
}

/** The resource, its `filters` and the URL's full-text `q`: what every `datastore_search` of a query shares. */
export function searchParams(
  source: ResolvedSource,
  filters: Record<string, unknown> | undefined,
): Array<[string, string]> {
  const params: Array<[string, string]> = [['resource_id', resourceId(source)]];
  if (filters) params.push(['filters', JSON.stringify(filters)]);
  for (const text of source.params?.q ?? []) params.push(['q', text]);
  return params;
}

/** `fields` (when every selection is a plain column) and `sort` of a query of plain rows. */
export function rowParams(q: NormalizedQuery): Array<[string, string]> {
  const params: Array<[string, string]> = [];
  const fields = q.select.map((selection) => (selection.type === 'field' ? selection.field : ''));
  if (fields.length && fields.every((field) => field && !field.includes(',')))
    params.push(['fields', [...new Set(fields)].join(',')]);
  if (q.orderBy.length) {
    const fieldOf = (key: string) => q.select.find((s) => s.type === 'field' && s.as === key)?.field ?? key;
    params.push([
      'sort',
      q.orderBy.map((order) => `${sqlIdentifier(fieldOf(order.key))} ${order.direction}`).join(', '),
    ]);
  }
  return params;
}

/** `limit` and `offset` of one page. */
export function pageParams(limit: number, offset: number): Array<[string, string]> {
  return [
    ['limit', String(limit)],
    ['offset', String(offset)],
  ];
}

/** The offsets of the pages after the first one (`first` rows from `offset`) up to row `end`. */
export function nextPageStarts(offset: number, first: number, end: number): number[] {
  const starts: number[] = [];
  for (let start = offset + first; first > 0 && start < end; start += CKAN_PAGE_SIZE) starts.push(start);
  return starts;
}

/** Whether the query only counts rows: `count()` without a field, no group. */
export function isRowCount(q: NormalizedQuery): boolean {
  return (
    q.groupBy.length === 0 &&
    q.select.length > 0 &&
    q.select.every(
      (selection) => selection.type === 'aggregate' && selection.fn === 'count' && !selection.field,
    )
  );
}
