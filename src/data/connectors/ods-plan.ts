/**
 * A query with group keys or an order as Opendatasoft's ODSQL clauses: group keys bare or as a
 * labelled `date_format`, order keys as the API answers them. A module of its own: the connector
 * loads it for such queries (ods.ts), and it ships with what the widgets that group or sort share
 * (rollup.config.mjs), so a key figure's page never downloads it.
 */
import type {NormalizedQuery, ResolvedSource, TimeUnit} from '../types.js';
import {
  assemblePlan,
  columnNamer,
  identifier,
  selectionClause,
  stringLiteral,
  type OdsPlan,
} from './odsql.js';
import {groupKeyOf} from './util.js';

/**
 * `date_format` patterns naming each time unit's period, completed to its ISO start by
 * `periodStart` (`2024-03` → `2024-03-01`). No quoted literal (`'T'`): a space separates the
 * hour. Weeks are ISO weeks: week-year `xxxx` and week `ww` (`2024-10` → Monday 2024-03-04).
 */
const TIME_FORMATS: Record<TimeUnit, string> = {
  year: 'yyyy',
  month: 'yyyy-MM',
  week: 'xxxx-ww',
  day: 'yyyy-MM-dd',
  hour: 'yyyy-MM-dd HH',
};

/** Translates a query to ODSQL clauses. */
export function planOdsQuery(q: NormalizedQuery, source?: ResolvedSource): OdsPlan {
  const grouped = q.groupBy.length > 0 || q.select.some((selection) => selection.type === 'aggregate');
  const renames = new Map<string, string>();
  const copies: Array<[string, string]> = [];
  const alias = columnNamer(q);

  // Group keys: a plain field keeps its name; a time unit becomes a labelled date_format.
  const groupParts: string[] = [];
  const groupKeyApi = new Map<string, string>();
  q.groupBy.forEach((key) => {
    if (key.timeunit) {
      const label = alias('g');
      groupParts.push(
        `date_format(${identifier(key.field)}, ${stringLiteral(TIME_FORMATS[key.timeunit])}) as ${label}`,
      );
      groupKeyApi.set(key.as, label);
      renames.set(label, key.as);
    } else {
      groupParts.push(identifier(key.field));
      groupKeyApi.set(key.as, key.field);
      if (key.field !== key.as) renames.set(key.field, key.as);
    }
  });

  const selectParts: string[] = [];
  const selectionApi = new Map<string, string>();
  q.select.forEach((selection) => {
    const key = selection.type === 'field' && grouped ? groupKeyOf(q.groupBy, selection) : undefined;
    if (key) {
      // The group key already brings the value; select it again only under another name.
      if (key.as !== selection.as) copies.push([key.as, selection.as]);
      selectionApi.set(selection.as, orderableGroupKey(groupKeyApi.get(key.as)!));
      return;
    }
    const {part, apiKey} = selectionClause(selection, alias, renames);
    selectParts.push(part);
    selectionApi.set(selection.as, apiKey);
  });

  // Order keys may also be the canonical text of a selection or group key (`sum(population)`, `month(date)`).
  q.select.forEach((selection) => {
    const canonical =
      selection.type === 'aggregate' ? `${selection.fn}(${selection.field ?? ''})` : selection.field;
    if (!selectionApi.has(canonical)) selectionApi.set(canonical, selectionApi.get(selection.as)!);
  });
  q.groupBy.forEach((key) => {
    const canonical = key.timeunit ? `${key.timeunit}(${key.field})` : key.field;
    if (!groupKeyApi.has(canonical)) groupKeyApi.set(canonical, groupKeyApi.get(key.as)!);
  });

  const orderKeys = q.orderBy.map(
    (order) =>
      selectionApi.get(order.key) ??
      (groupKeyApi.has(order.key) ? orderableGroupKey(groupKeyApi.get(order.key)!) : undefined) ??
      expressionKey(order.key),
  );
  return assemblePlan(q, source, {
    grouped,
    renames,
    copies,
    select: selectParts,
    groupBy: groupParts,
    orderBy: q.orderBy.map((order, index) => `${orderKeys[index]} ${order.direction}`),
    reverseOrderBy: q.orderBy.map(
      (order, index) => `${orderKeys[index]} ${order.direction === 'asc' ? 'desc' : 'asc'}`,
    ),
  });
}

/** A group key as the API answers it: a label (`g0`) stays, a field name may need backquotes. */
function orderableGroupKey(apiKey: string): string {
  return /^_*g\d+$/.test(apiKey) ? apiKey : identifier(apiKey);
}

/** An order key that is no selection: an aggregate written out (`sum(population)`) or a field. */
function expressionKey(key: string): string {
  const match = /^(count|sum|avg|min|max|median)\(\s*([^()]*?)\s*\)$/.exec(key);
  if (!match) return identifier(key);
  const [, fn, field] = match;
  if (fn === 'count' && (field === '' || field === '*')) return 'count(*)';
  return `${fn}(${identifier(field)})`;
}
