// The SQL subset CKAN's datastore_search_sql receives from the connectors, parsed into the AST of
// engine.mjs: SELECT [DISTINCT] … FROM "<resource id>" [WHERE …] [GROUP BY …] [ORDER BY …]
// [LIMIT n] [OFFSET n]. Identifiers in double quotes keep their case; bare ones fold to lower case.
import {QueryError} from './engine.mjs';

const KEYWORDS = new Set([
  'select',
  'distinct',
  'from',
  'where',
  'group',
  'by',
  'order',
  'asc',
  'desc',
  'nulls',
  'first',
  'last',
  'limit',
  'offset',
  'as',
  'and',
  'or',
  'not',
  'in',
  'is',
  'null',
  'like',
  'ilike',
  'true',
  'false',
]);

/** Thrown for malformed SQL; CKAN reports these as PostgreSQL syntax errors. */
export class SqlSyntaxError extends QueryError {}

function tokenize(sql) {
  const tokens = [];
  let i = 0;
  while (i < sql.length) {
    const char = sql[i];
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
      continue;
    }
    const start = i;
    if (char === "'" || char === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= sql.length)
          throw new SqlSyntaxError(
            `unterminated quoted ${char === "'" ? 'string' : 'identifier'} at or near "${sql.slice(start, start + 10)}"`,
          );
        if (sql[i] === char) {
          if (sql[i + 1] === char) {
            value += char;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += sql[i++];
      }
      tokens.push({type: char === "'" ? 'string' : 'identifier', value, start});
    } else if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const match = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(sql.slice(i));
      i += match[0].length;
      tokens.push({type: 'number', value: Number(match[0]), start});
    } else if (/[\p{L}_]/u.test(char)) {
      const match = /^[\p{L}\p{N}_$]+/u.exec(sql.slice(i));
      i += match[0].length;
      const lower = match[0].toLowerCase();
      tokens.push(
        KEYWORDS.has(lower)
          ? {type: 'keyword', value: lower, start}
          : {type: 'identifier', value: lower, start},
      );
    } else {
      const two = sql.slice(i, i + 2);
      if (['<=', '>=', '<>', '!='].includes(two)) {
        tokens.push({type: 'symbol', value: two === '<>' ? '!=' : two, start});
        i += 2;
      } else if ('=<>(),*+-/;'.includes(char)) {
        tokens.push({type: 'symbol', value: char, start});
        i++;
      } else {
        throw new SqlSyntaxError(`syntax error at or near "${char}"`);
      }
    }
  }
  tokens.push({type: 'end', value: '', start: sql.length});
  return tokens;
}

class SqlParser {
  constructor(sql) {
    this.tokens = tokenize(sql);
    this.position = 0;
  }

  get current() {
    return this.tokens[this.position];
  }

  fail() {
    const token = this.current;
    throw new SqlSyntaxError(
      token.type === 'end' ? 'syntax error at end of input' : `syntax error at or near "${token.value}"`,
    );
  }

  isKeyword(word) {
    return this.current.type === 'keyword' && this.current.value === word;
  }

  acceptKeyword(word) {
    if (!this.isKeyword(word)) return false;
    this.position++;
    return true;
  }

  expectKeyword(word) {
    if (!this.acceptKeyword(word)) this.fail();
  }

  acceptSymbol(symbol) {
    if (this.current.type !== 'symbol' || this.current.value !== symbol) return false;
    this.position++;
    return true;
  }

  expectSymbol(symbol) {
    if (!this.acceptSymbol(symbol)) this.fail();
  }

  parseQuery() {
    this.expectKeyword('select');
    const distinct = this.acceptKeyword('distinct');
    const select = [];
    do {
      if (this.acceptSymbol('*')) {
        select.push({expr: {type: 'star'}, label: '*'});
        continue;
      }
      const expr = this.parseExpression();
      let alias;
      if (this.acceptKeyword('as') || this.current.type === 'identifier') {
        if (this.current.type !== 'identifier') this.fail();
        alias = this.current.value;
        this.position++;
      }
      select.push({expr, label: alias ?? defaultLabel(expr)});
    } while (this.acceptSymbol(','));
    this.expectKeyword('from');
    if (this.current.type !== 'identifier') this.fail();
    const table = this.current.value;
    this.position++;
    const query = {
      distinct,
      select,
      table,
      where: undefined,
      groupBy: [],
      orderBy: [],
      limit: undefined,
      offset: undefined,
    };
    if (this.acceptKeyword('where')) query.where = this.parseExpression();
    if (this.acceptKeyword('group')) {
      this.expectKeyword('by');
      do query.groupBy.push(this.parseExpression());
      while (this.acceptSymbol(','));
    }
    if (this.acceptKeyword('order')) {
      this.expectKeyword('by');
      do {
        const expr = this.parseExpression();
        let direction = 'asc';
        if (this.acceptKeyword('desc')) direction = 'desc';
        else this.acceptKeyword('asc');
        if (this.acceptKeyword('nulls') && !this.acceptKeyword('first') && !this.acceptKeyword('last'))
          this.fail();
        query.orderBy.push({expr, direction});
      } while (this.acceptSymbol(','));
    }
    for (;;) {
      if (this.acceptKeyword('limit')) query.limit = this.parseCount();
      else if (this.acceptKeyword('offset')) query.offset = this.parseCount();
      else break;
    }
    this.acceptSymbol(';');
    if (this.current.type !== 'end') this.fail();
    return query;
  }

  parseCount() {
    const token = this.current;
    if (token.type !== 'number' || !Number.isInteger(token.value)) this.fail();
    this.position++;
    return token.value;
  }

  parseExpression() {
    let node = this.parseAnd();
    while (this.acceptKeyword('or')) node = {type: 'binary', op: 'or', left: node, right: this.parseAnd()};
    return node;
  }

  parseAnd() {
    let node = this.parseNot();
    while (this.acceptKeyword('and')) node = {type: 'binary', op: 'and', left: node, right: this.parseNot()};
    return node;
  }

  parseNot() {
    if (this.acceptKeyword('not')) return {type: 'not', expr: this.parseNot()};
    return this.parseComparison();
  }

  parseComparison() {
    const left = this.parseAdditive();
    const token = this.current;
    if (token.type === 'symbol' && ['=', '!=', '<', '<=', '>', '>='].includes(token.value)) {
      this.position++;
      return {type: 'binary', op: token.value, left, right: this.parseAdditive()};
    }
    if (this.acceptKeyword('is')) {
      const negated = this.acceptKeyword('not');
      this.expectKeyword('null');
      return {type: 'isnull', expr: left, negated};
    }
    const negated = this.acceptKeyword('not');
    if (this.acceptKeyword('in')) {
      this.expectSymbol('(');
      const values = [];
      do values.push(this.parseAdditive());
      while (this.acceptSymbol(','));
      this.expectSymbol(')');
      return {type: 'in', expr: left, values, negated};
    }
    for (const op of ['like', 'ilike']) {
      if (this.acceptKeyword(op)) {
        const node = {type: 'binary', op, left, right: this.parseAdditive()};
        return negated ? {type: 'not', expr: node} : node;
      }
    }
    if (negated) this.fail();
    return left;
  }

  parseAdditive() {
    let node = this.parseMultiplicative();
    for (;;) {
      const token = this.current;
      if (token.type !== 'symbol' || (token.value !== '+' && token.value !== '-')) return node;
      this.position++;
      node = {type: 'binary', op: token.value, left: node, right: this.parseMultiplicative()};
    }
  }

  parseMultiplicative() {
    let node = this.parseUnary();
    for (;;) {
      const token = this.current;
      if (token.type !== 'symbol' || (token.value !== '*' && token.value !== '/')) return node;
      this.position++;
      node = {type: 'binary', op: token.value, left: node, right: this.parseUnary()};
    }
  }

  parseUnary() {
    if (this.acceptSymbol('-')) {
      const operand = this.parseUnary();
      if (operand.type === 'literal' && typeof operand.value === 'number')
        return {type: 'literal', value: -operand.value};
      return {type: 'binary', op: '-', left: {type: 'literal', value: 0}, right: operand};
    }
    return this.parsePrimary();
  }

  parsePrimary() {
    const token = this.current;
    if (token.type === 'number' || token.type === 'string') {
      this.position++;
      return {type: 'literal', value: token.value};
    }
    if (token.type === 'keyword') {
      if (token.value === 'null' || token.value === 'true' || token.value === 'false') {
        this.position++;
        return {type: 'literal', value: token.value === 'null' ? null : token.value === 'true'};
      }
      this.fail();
    }
    if (this.acceptSymbol('(')) {
      const inner = this.parseExpression();
      this.expectSymbol(')');
      return inner;
    }
    if (token.type !== 'identifier') this.fail();
    this.position++;
    if (this.acceptSymbol('(')) {
      const args = [];
      if (this.acceptSymbol('*')) args.push({type: 'star'});
      else if (!(this.current.type === 'symbol' && this.current.value === ')')) {
        do args.push(this.parseExpression());
        while (this.acceptSymbol(','));
      }
      this.expectSymbol(')');
      return {type: 'call', name: token.value, args};
    }
    return {type: 'field', name: token.value};
  }
}

/** PostgreSQL's column name of an unnamed select item: the column, the function, or `?column?`. */
function defaultLabel(expr) {
  if (expr.type === 'field') return expr.name;
  if (expr.type === 'call') return expr.name;
  return '?column?';
}

export function parseSql(sql) {
  return new SqlParser(sql).parseQuery();
}
