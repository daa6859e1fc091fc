/**
 * What the connectors that read rows in the browser share (data.gouv.fr tabular, CKAN, files):
 * pages requested at once, the most rows read, the fields a query names. Opendatasoft, which
 * computes everything on the server, needs none of it.
 */
import {QueryError} from '../errors.js';
import type {FieldInfo, Filter, NormalizedQuery} from '../types.js';

/** Pages a connector requests at once when it reads many. */
export const PAGES_IN_FLIGHT = 4;

/** Rows the browser accepts to download to compute a query itself (2 000 pages of the tabular API). */
export const MAX_BROWSER_ROWS = 100_000;

/**
 * Runs `task` over `items` with at most `limit` running at once, keeping the order of `items` in
 * the answer; the first failure rejects (the others still finish, their results are dropped).
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
  return results;
}

/** The filters of a conjunction (a lone filter is a conjunction of one; undefined of none). */
export function conjuncts(filter: Filter | undefined): Filter[] {
  if (!filter) return [];
  if (filter.type === 'and') return filter.filters.flatMap(conjuncts);
  return [filter];
}

/** The last path segment of a URL without its extension, decoded: a file's title. */
export function fileTitle(url: string): string | undefined {
  try {
    const segment = new URL(url, 'http://x/').pathname.split('/').filter(Boolean).pop();
    if (!segment) return undefined;
    return decodeURIComponent(segment).replace(/\.[a-z0-9]+$/i, '') || undefined;
  } catch {
    return undefined;
  }
}

/** Every field a query names: selections, group keys and filter operands. */
export function referencedFields(q: NormalizedQuery): string[] {
  const names = [
    ...q.select.flatMap((selection) => (selection.field ? [selection.field] : [])),
    ...q.groupBy.map((key) => key.field),
  ];
  const visit = (filter: Filter | undefined): void => {
    if (!filter) return;
    if (filter.type === 'and' || filter.type === 'or') filter.filters.forEach(visit);
    else if (filter.type === 'not') visit(filter.filter);
    else names.push(filter.field);
  };
  visit(q.where);
  return names;
}

/** The first field `q` names that `fields` lacks, if any. */
export function unknownField(fields: readonly FieldInfo[], q: NormalizedQuery): string | undefined {
  const known = new Set(fields.map((field) => field.name));
  return referencedFields(q).find((name) => !known.has(name));
}

/**
 * A field the query names but the data does not hold is an error, not an empty answer: the
 * engine would read it as null everywhere and the widget would show « Aucune donnée » or one
 * « Non renseigné » group.
 */
export function checkFields(fields: readonly FieldInfo[], q: NormalizedQuery): void {
  const unknown = unknownField(fields, q);
  if (unknown !== undefined) {
    throw new QueryError(`Unknown field "${unknown}"`, {found: unknown, expected: 'known-field'});
  }
}
