// Evaluation of parsed queries (ODSQL and the CKAN SQL subset share this AST) over in-memory rows.
// Expressions are compiled once into closures, then run over the rows: no eval, no new Function.
//
// AST nodes:
//   {type: 'field', name}            {type: 'literal', value}     {type: 'date', value}
//   {type: 'star'}                   {type: 'call', name, args}   {type: 'fulltext', query}
//   {type: 'binary', op, left, right}   op: + - * / = != < <= > >= like ilike and or
//   {type: 'not', expr}   {type: 'in', expr, values, negated}   {type: 'isnull', expr, negated}
// Every node may carry `text`, the source it was parsed from (used for result labels).

/** A query the client got wrong; the API layer turns it into its own error body. */
export class QueryError extends Error {
  /** @param {string} message @param {string} [clause] where, select, group_by, order_by… */
  constructor(message, clause) {
    super(message);
    this.clause = clause;
  }
}

const AGGREGATE_FUNCTIONS = new Set(['count', 'sum', 'avg', 'min', 'max', 'median', 'percentile']);

function isAggregate(node) {
  return node.type === 'call' && AGGREGATE_FUNCTIONS.has(node.name);
}

function containsAggregate(node) {
  if (!node || typeof node !== 'object') return false;
  if (isAggregate(node)) return true;
  return childrenOf(node).some(containsAggregate);
}

function childrenOf(node) {
  switch (node.type) {
    case 'call':
      return node.args;
    case 'binary':
      return [node.left, node.right];
    case 'not':
      return [node.expr];
    case 'in':
      return [node.expr, ...node.values];
    case 'isnull':
      return [node.expr];
    default:
      return [];
  }
}

/** A stable text of an expression, to recognise the same expression written twice. */
export function canonical(node) {
  switch (node.type) {
    case 'field':
      return node.name;
    case 'literal':
      return JSON.stringify(node.value);
    case 'date':
      return `date'${node.value}'`;
    case 'star':
      return '*';
    case 'call':
      return `${node.name}(${node.args.map(canonical).join(',')})`;
    case 'fulltext':
      return `search(${JSON.stringify(node.query)})`;
    case 'binary':
      return `(${canonical(node.left)} ${node.op} ${canonical(node.right)})`;
    case 'not':
      return `not ${canonical(node.expr)}`;
    case 'in':
      return `${canonical(node.expr)} ${node.negated ? 'not in' : 'in'} (${node.values.map(canonical).join(',')})`;
    case 'isnull':
      return `${canonical(node.expr)} is ${node.negated ? 'not ' : ''}null`;
    default:
      throw new Error(`unknown node ${node.type}`);
  }
}

/** The key of a result column: the alias, the field name, or the expression as written. */
export function labelOf(node, alias) {
  if (alias) return alias;
  if (node.type === 'field') return node.name;
  return node.text?.trim() || canonical(node);
}

// ---------------------------------------------------------------------------------------------
// Text search: accents and case folded, every query word must start a word of the text.

function foldText(text) {
  return String(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function wordsOf(text) {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Folded text of a value with a leading space, so `includes(' ' + word)` finds a word start. */
export function searchable(value) {
  if (value === null || value === undefined) return '';
  return ' ' + wordsOf(typeof value === 'object' ? JSON.stringify(value) : value).join(' ');
}

function matchesWords(haystack, words, wholeWords) {
  return words.every((word) =>
    wholeWords ? (haystack + ' ').includes(` ${word} `) : haystack.includes(` ${word}`),
  );
}

// ---------------------------------------------------------------------------------------------
// Comparisons

function toNumberIfNumeric(value) {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

/** -1, 0, 1, or undefined when either side is null. Mixed number/text compares as numbers if it can. */
export function compareValues(a, b) {
  if (typeof a === typeof b && (typeof a === 'string' || typeof a === 'number'))
    return a < b ? -1 : a > b ? 1 : 0;
  if (a === null || a === undefined || b === null || b === undefined) return undefined;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = toNumberIfNumeric(a);
    const y = toNumberIfNumeric(b);
    if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    return String(a) === String(b) ? 0 : String(a) < String(b) ? -1 : 1;
  }
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sort order: nulls last ascending, first descending (as PostgreSQL does). */
export function sortCompare(a, b) {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1;
  return compareValues(a, b);
}

function likeToRegExp(pattern, caseInsensitive) {
  let source = '';
  for (const char of pattern) {
    if (char === '%') source += '[\\s\\S]*';
    else if (char === '_') source += '[\\s\\S]';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, caseInsensitive ? 'iu' : 'u');
}

// ---------------------------------------------------------------------------------------------
// Dates: values are ISO 8601 texts (`2019-03-20`, `2019-03-20T10:00:00+00:00`).

function dateParts(value) {
  if (value === null || value === undefined) return undefined;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?)?)?/.exec(String(value));
  if (!match) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00'] = match;
  return {y, mo, d, h, mi, s};
}

/** The ISO 8601 week-year and week of a day (weeks start on Monday; week 1 holds January 4th). */
function isoWeek({y, mo, d}) {
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  // The Thursday of the same week decides the week-year.
  day.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const weekYear = day.getUTCFullYear();
  const week = 1 + Math.floor((day.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * 86_400_000));
  return {weekYear: String(weekYear), week: String(week).padStart(2, '0')};
}

/**
 * Java-style patterns as ODS takes them: yyyy, MM, dd, HH, mm, ss, and the ISO week-year `xxxx`
 * and week `ww`; other letters kept as written.
 */
function formatDate(value, pattern) {
  const parts = dateParts(value);
  if (!parts) return null;
  return String(pattern).replace(/yyyy|xxxx|ww|MM|dd|HH|mm|ss/g, (token) => {
    switch (token) {
      case 'yyyy':
        return parts.y;
      case 'xxxx':
        return isoWeek(parts).weekYear;
      case 'ww':
        return isoWeek(parts).week;
      case 'MM':
        return parts.mo;
      case 'dd':
        return parts.d;
      case 'HH':
        return parts.h;
      case 'mm':
        return parts.mi;
      default:
        return parts.s;
    }
  });
}

const DATE_PART_FUNCTIONS = {
  year: (p) => Number(p.y),
  month: (p) => Number(p.mo),
  day: (p) => Number(p.d),
  hour: (p) => Number(p.h),
  minute: (p) => Number(p.mi),
  second: (p) => Number(p.s),
};

// ---------------------------------------------------------------------------------------------
// Compilation of row expressions

/**
 * @typedef {object} Schema
 * @property {(name: string) => boolean} hasField
 * @property {string[]} textFields fields a bare full-text search looks into
 * @property {boolean} [wholeWordSearch] CKAN matches whole words, ODS word prefixes
 * @property {(row: object, fields: string[], key: string) => string} [searchText] cached searchable text
 * @property {string} [clause] clause being compiled, for error messages
 */

/** Compiles an expression without aggregates into `(row) => value`. */
function compileRow(node, schema) {
  switch (node.type) {
    case 'field': {
      if (!schema.hasField(node.name)) throw new QueryError(`Unknown field: ${node.name}`, schema.clause);
      const name = node.name;
      return (row) => row[name] ?? null;
    }
    case 'literal':
    case 'date': {
      const value = node.value;
      return () => value;
    }
    case 'star':
      throw new QueryError('`*` is only allowed in select or count(*)', schema.clause);
    case 'fulltext':
      return compileFullText(node.query, schema.textFields, schema);
    case 'not': {
      const inner = compileRow(node.expr, schema);
      return (row) => {
        const value = inner(row);
        return value === null ? null : !value;
      };
    }
    case 'isnull': {
      const inner = compileRow(node.expr, schema);
      return node.negated ? (row) => inner(row) !== null : (row) => inner(row) === null;
    }
    case 'in': {
      const inner = compileRow(node.expr, schema);
      const values = node.values.map((value) => {
        if (value.type !== 'literal' && value.type !== 'date')
          throw new QueryError('IN takes literal values', schema.clause);
        return value.value;
      });
      const negated = node.negated;
      return (row) => {
        const value = inner(row);
        if (value === null) return null;
        const found = values.some((candidate) => compareValues(value, candidate) === 0);
        return negated ? !found : found;
      };
    }
    case 'binary':
      return compileBinary(node, schema);
    case 'call':
      if (isAggregate(node)) {
        throw new QueryError(`Aggregation function ${node.name}() is not allowed here`, schema.clause);
      }
      return compileScalarCall(node, schema);
    default:
      throw new QueryError(`Unsupported expression`, schema.clause);
  }
}

function compileFullText(text, fields, schema) {
  const words = wordsOf(text);
  const whole = Boolean(schema.wholeWordSearch);
  const key = fields.join('\u0001');
  const textOf = schema.searchText ?? ((row) => fields.map((field) => searchable(row[field])).join(''));
  return (row) => matchesWords(textOf(row, fields, key), words, whole);
}

/** Operators applied to two evaluated operands (comparisons are null when a side is null). */
const BINARY_OPERATIONS = {
  '=': (a, b) => nullable(compareValues(a, b), (c) => c === 0),
  '!=': (a, b) => nullable(compareValues(a, b), (c) => c !== 0),
  '<': (a, b) => nullable(compareValues(a, b), (c) => c < 0),
  '<=': (a, b) => nullable(compareValues(a, b), (c) => c <= 0),
  '>': (a, b) => nullable(compareValues(a, b), (c) => c > 0),
  '>=': (a, b) => nullable(compareValues(a, b), (c) => c >= 0),
  '+': (a, b) => arithmetic('+', a, b),
  '-': (a, b) => arithmetic('-', a, b),
  '*': (a, b) => arithmetic('*', a, b),
  '/': (a, b) => arithmetic('/', a, b),
  and: (a, b) => Boolean(a) && Boolean(b),
  or: (a, b) => Boolean(a) || Boolean(b),
};

function compileBinary(node, schema) {
  const {op} = node;
  const left = compileRow(node.left, schema);
  if (op === 'like' || op === 'ilike') {
    if (node.right.type !== 'literal' || typeof node.right.value !== 'string') {
      throw new QueryError('LIKE needs a text pattern', schema.clause);
    }
    const pattern = likeToRegExp(node.right.value, op === 'ilike');
    return (row) => {
      const value = left(row);
      return value === null ? null : pattern.test(String(value));
    };
  }
  const right = compileRow(node.right, schema);
  if (op === 'and') return (row) => Boolean(left(row)) && Boolean(right(row));
  if (op === 'or') return (row) => Boolean(left(row)) || Boolean(right(row));
  const operation = BINARY_OPERATIONS[op];
  if (!operation) throw new QueryError(`Unsupported operator ${op}`, schema.clause);
  return (row) => operation(left(row), right(row));
}

function nullable(comparison, test) {
  return comparison === undefined ? null : test(comparison);
}

function arithmetic(op, a, b) {
  const x = toNumberIfNumeric(a);
  const y = toNumberIfNumeric(b);
  if (x === undefined || y === undefined) return null;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    default:
      return y === 0 ? null : x / y;
  }
}

function literalArgument(node, schema, what) {
  if (node?.type !== 'literal') throw new QueryError(`${what} must be a literal`, schema.clause);
  return node.value;
}

function compileScalarCall(node, schema) {
  const {name, args} = node;
  if (name in DATE_PART_FUNCTIONS) {
    expectArgs(node, 1, schema);
    const inner = compileRow(args[0], schema);
    const part = DATE_PART_FUNCTIONS[name];
    return (row) => {
      const parts = dateParts(inner(row));
      return parts ? part(parts) : null;
    };
  }
  switch (name) {
    case 'date_format': {
      expectArgs(node, 2, schema);
      const inner = compileRow(args[0], schema);
      const pattern = literalArgument(args[1], schema, 'The date_format pattern');
      return (row) => formatDate(inner(row), pattern);
    }
    case 'search': {
      if (args.length === 1)
        return compileFullText(
          String(literalArgument(args[0], schema, 'The searched text')),
          schema.textFields,
          schema,
        );
      expectArgs(node, 2, schema);
      if (args[0].type !== 'field') throw new QueryError('search() takes a field name first', schema.clause);
      compileRow(args[0], schema);
      const text = String(literalArgument(args[1], schema, 'The searched text'));
      return compileFullText(text, [args[0].name], schema);
    }
    case 'startswith': {
      expectArgs(node, 2, schema);
      const inner = compileRow(args[0], schema);
      const prefix = String(literalArgument(args[1], schema, 'The startswith prefix'));
      return (row) => {
        const value = inner(row);
        return value === null ? null : String(value).startsWith(prefix);
      };
    }
    case 'lower':
    case 'upper': {
      expectArgs(node, 1, schema);
      const inner = compileRow(args[0], schema);
      return (row) => {
        const value = inner(row);
        if (value === null) return null;
        return name === 'lower' ? String(value).toLowerCase() : String(value).toUpperCase();
      };
    }
    default:
      throw new QueryError(`Unknown function: ${name}`, schema.clause);
  }
}

function expectArgs(node, count, schema) {
  if (node.args.length !== count) {
    throw new QueryError(`${node.name}() takes ${count} argument${count > 1 ? 's' : ''}`, schema.clause);
  }
}

// ---------------------------------------------------------------------------------------------
// Aggregates and grouped expressions

function numericValues(rows, valueOf) {
  const values = [];
  for (const row of rows) {
    const value = toNumberIfNumeric(valueOf(row));
    if (value !== undefined) values.push(value);
  }
  return values;
}

function percentileOf(values, percent) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (percent / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

function compileAggregate(node, schema) {
  const {name, args} = node;
  if (name === 'count') {
    if (args.length === 0 || args[0].type === 'star') return (rows) => rows.length;
    const inner = compileRow(args[0], schema);
    return (rows) => rows.reduce((count, row) => (inner(row) === null ? count : count + 1), 0);
  }
  if (args.length < 1 || args[0].type === 'star') {
    throw new QueryError(`${name}() takes a field or an expression`, schema.clause);
  }
  const inner = compileRow(args[0], schema);
  switch (name) {
    case 'sum':
      return (rows) => {
        const values = numericValues(rows, inner);
        return values.length ? values.reduce((a, b) => a + b, 0) : null;
      };
    case 'avg':
      return (rows) => {
        const values = numericValues(rows, inner);
        return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
      };
    case 'min':
    case 'max': {
      const sign = name === 'min' ? -1 : 1;
      return (rows) => {
        let best = null;
        for (const row of rows) {
          const value = inner(row);
          if (value === null) continue;
          if (best === null || compareValues(value, best) * sign > 0) best = value;
        }
        return best;
      };
    }
    case 'median':
      return (rows) => percentileOf(numericValues(rows, inner), 50);
    case 'percentile': {
      if (args.length !== 2)
        throw new QueryError('percentile() takes a field and a percentage', schema.clause);
      const percent = Number(literalArgument(args[1], schema, 'The percentile'));
      if (!(percent >= 0 && percent <= 100))
        throw new QueryError('The percentile must be between 0 and 100', schema.clause);
      return (rows) => percentileOf(numericValues(rows, inner), percent);
    }
    default:
      throw new QueryError(`Unknown function: ${name}`, schema.clause);
  }
}

/**
 * Compiles an expression evaluated once per group into `(group) => value`, where a group is
 * `{keys: unknown[], rows: Row[]}`. Outside aggregates, only the group-by expressions may appear.
 */
function compileGrouped(node, schema, groupKeyTexts) {
  const keyIndex = groupKeyTexts.indexOf(canonical(node));
  if (keyIndex !== -1) return (group) => group.keys[keyIndex];
  if (isAggregate(node)) {
    const aggregate = compileAggregate(node, schema);
    return (group) => aggregate(group.rows);
  }
  switch (node.type) {
    case 'literal':
    case 'date': {
      const value = node.value;
      return () => value;
    }
    case 'field':
      if (!schema.hasField(node.name)) throw new QueryError(`Unknown field: ${node.name}`, schema.clause);
      throw new QueryError(
        `Field ${node.name} must be aggregated or appear in the group by clause`,
        schema.clause,
      );
    case 'binary': {
      const operation = BINARY_OPERATIONS[node.op];
      if (!operation)
        throw new QueryError(`Operator ${node.op} is not allowed with aggregation`, schema.clause);
      const left = compileGrouped(node.left, schema, groupKeyTexts);
      const right = compileGrouped(node.right, schema, groupKeyTexts);
      return (group) => operation(left(group), right(group));
    }
    default:
      throw new QueryError(`Expression not allowed with aggregation: ${labelOf(node)}`, schema.clause);
  }
}

// ---------------------------------------------------------------------------------------------
// Running a query

/**
 * @typedef {object} SelectItem
 * @property {object} expr
 * @property {string} label
 * @typedef {object} OrderItem
 * @property {object} expr
 * @property {'asc'|'desc'} direction
 * @typedef {object} QueryPlan
 * @property {SelectItem[]|undefined} select undefined = every field
 * @property {object[]} [filters] conditions, all to hold
 * @property {SelectItem[]} [groupBy]
 * @property {OrderItem[]} [orderBy]
 * @property {number} [limit] undefined = no limit
 * @property {number} [offset]
 */

/** Rows for which every filter holds (is true, not null). */
export function applyFilters(rows, filters, schema) {
  const tests = filters.map((filter) => {
    if (containsAggregate(filter)) throw new QueryError('Aggregations are not allowed in a filter', 'where');
    return compileRow(filter, {...schema, clause: 'where'});
  });
  return tests.length ? rows.filter((row) => tests.every((test) => test(row) === true)) : rows;
}

/**
 * Runs a plan over rows. Answers `{aggregated, total, rows, sources}`: `total` counts the matching
 * records (plain query) or the groups (aggregation); `sources` are the records behind `rows` (plain
 * query only).
 * @param {object[]} rows
 * @param {QueryPlan} plan
 * @param {Schema & {fieldNames: string[]}} schema
 */
export function runQuery(rows, plan, schema) {
  const matching = applyFilters(rows, plan.filters ?? [], schema);

  const groupBy = plan.groupBy ?? [];
  const aggregated = groupBy.length > 0 || (plan.select ?? []).some((item) => containsAggregate(item.expr));
  return aggregated ? runAggregation(matching, plan, schema) : runRecords(matching, plan, schema);
}

/**
 * The first `count` items in sorted order. A full sort of 35 000 texts costs ~100 ms; keeping only
 * the head (binary insertion, cheap rejection against the last kept item) costs a few.
 */
function sortedHead(items, compare, count) {
  if (count >= items.length / 4) return [...items].sort(compare).slice(0, count);
  const head = [];
  for (const item of items) {
    if (head.length === count && compare(item, head[count - 1]) >= 0) continue;
    let low = 0;
    let high = head.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(item, head[middle]) < 0) high = middle;
      else low = middle + 1;
    }
    head.splice(low, 0, item);
    if (head.length > count) head.pop();
  }
  return head;
}

/** Sorts items by the order keys (`keysOf(item)` per order) and applies offset/limit. */
function orderAndSlice(items, orders, keysOf, plan) {
  const offset = plan.offset ?? 0;
  const end = plan.limit === undefined ? items.length : offset + plan.limit;
  if (!orders.length) return items.slice(offset, end);
  const keyed = items.map((item) => ({item, keys: keysOf(item)}));
  const compare = (a, b) => {
    for (let i = 0; i < orders.length; i++) {
      const comparison = sortCompare(a.keys[i], b.keys[i]);
      if (comparison) return orders[i].sign * comparison;
    }
    return 0;
  };
  return sortedHead(keyed, compare, end)
    .slice(offset)
    .map((entry) => entry.item);
}

function runRecords(matching, plan, schema) {
  const selectSchema = {...schema, clause: 'select'};
  const select = plan.select;
  const aliases = new Map(
    (select ?? []).filter((item) => item.expr.type !== 'star').map((item) => [item.label, item.expr]),
  );

  const orderSchema = {...schema, clause: 'order_by'};
  const orders = (plan.orderBy ?? []).map(({expr, direction}) => {
    const aliased = expr.type === 'field' && !schema.hasField(expr.name) ? aliases.get(expr.name) : undefined;
    return {valueOf: compileRow(aliased ?? expr, orderSchema), sign: direction === 'desc' ? -1 : 1};
  });

  const projections = select?.map((item) =>
    item.expr.type === 'star'
      ? {star: true}
      : {label: item.label, valueOf: compileRow(item.expr, selectSchema)},
  );

  const page = orderAndSlice(matching, orders, (row) => orders.map((order) => order.valueOf(row)), plan);
  const project = (row) => {
    if (!projections) return pick(row, schema.fieldNames);
    const out = {};
    for (const projection of projections) {
      if (projection.star) Object.assign(out, pick(row, schema.fieldNames));
      else out[projection.label] = projection.valueOf(row);
    }
    return out;
  };
  return {aggregated: false, total: matching.length, rows: page.map(project), sources: page};
}

function pick(row, names) {
  const out = {};
  for (const name of names) out[name] = row[name] ?? null;
  return out;
}

function runAggregation(matching, plan, schema) {
  const groupSchema = {...schema, clause: 'group_by'};
  const groupBy = plan.groupBy ?? [];
  for (const item of groupBy) {
    if (containsAggregate(item.expr))
      throw new QueryError('Aggregations are not allowed in group by', 'group_by');
  }
  const keyFns = groupBy.map((item) => compileRow(item.expr, groupSchema));
  const keyTexts = groupBy.map((item) => canonical(item.expr));

  const groups = [];
  if (keyFns.length === 0) {
    groups.push({keys: [], rows: matching});
  } else {
    const byKey = new Map();
    for (const row of matching) {
      const keys = keyFns.map((keyOf) => keyOf(row));
      const mapKey = keys.length === 1 ? keys[0] : JSON.stringify(keys);
      let group = byKey.get(mapKey);
      if (!group) {
        group = {keys, rows: []};
        byKey.set(mapKey, group);
        groups.push(group);
      }
      group.rows.push(row);
    }
  }

  // Output columns: the group keys, then the selected expressions not already there.
  const columns = groupBy.map((item, index) => ({label: item.label, valueOf: (group) => group.keys[index]}));
  const selectSchema = {...schema, clause: 'select'};
  for (const item of plan.select ?? []) {
    if (item.expr.type === 'star')
      throw new QueryError('`*` cannot be selected with an aggregation', 'select');
    const valueOf = compileGrouped(item.expr, selectSchema, keyTexts);
    const existing = columns.findIndex((column) => column.label === item.label);
    if (existing === -1) columns.push({label: item.label, valueOf, expr: item.expr});
    else columns[existing] = {label: item.label, valueOf, expr: item.expr};
  }

  const orderSchema = {...schema, clause: 'order_by'};
  const orders = (plan.orderBy ?? []).map(({expr, direction}) => {
    const sign = direction === 'desc' ? -1 : 1;
    const byLabel =
      expr.type === 'field'
        ? columns.find((column) => column.label === expr.name)
        : columns.find((column) => column.expr && canonical(column.expr) === canonical(expr));
    return {valueOf: byLabel ? byLabel.valueOf : compileGrouped(expr, orderSchema, keyTexts), sign};
  });

  const page = orderAndSlice(
    groups,
    orders,
    (group) => orders.map((order) => order.valueOf(group)),
    plan,
  ).map((group) => {
    const out = {};
    for (const column of columns) out[column.label] = column.valueOf(group);
    return out;
  });
  return {aggregated: true, total: groups.length, rows: page};
}
