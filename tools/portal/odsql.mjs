// ODSQL (Opendatasoft Query Language) subset: tokenizer and recursive-descent parser producing the
// AST of engine.mjs. Clauses: select, where, group_by, order_by.
import {QueryError, labelOf} from './engine.mjs';

const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'null',
  'as',
  'asc',
  'desc',
  'true',
  'false',
  'like',
]);

/**
 * Tokens: {type: 'name'|'quoted'|'string'|'number'|'symbol'|'end', value, start, end}.
 * `quoted` is a backquoted field name (never a keyword).
 */
export function tokenize(source, clause) {
  const tokens = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const start = i;
    if (char === '"' || char === "'") {
      let value = '';
      i++;
      while (i < source.length && source[i] !== char) {
        if (source[i] === '\\' && i + 1 < source.length) i++;
        value += source[i++];
      }
      if (i >= source.length)
        throw new QueryError(`Unterminated string starting at position ${start}`, clause);
      i++;
      tokens.push({type: 'string', value, start, end: i});
    } else if (char === '`') {
      const close = source.indexOf('`', i + 1);
      if (close === -1) throw new QueryError(`Unterminated backquoted name at position ${start}`, clause);
      tokens.push({type: 'quoted', value: source.slice(i + 1, close), start, end: close + 1});
      i = close + 1;
    } else if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const match = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i));
      i += match[0].length;
      tokens.push({type: 'number', value: Number(match[0]), start, end: i});
    } else if (/[\p{L}_]/u.test(char)) {
      const match = /^[\p{L}\p{N}_]+/u.exec(source.slice(i));
      i += match[0].length;
      tokens.push({type: 'name', value: match[0], start, end: i});
    } else {
      const two = source.slice(i, i + 2);
      if (['<=', '>=', '!=', '<>'].includes(two)) {
        tokens.push({type: 'symbol', value: two === '<>' ? '!=' : two, start, end: i + 2});
        i += 2;
      } else if ('=<>(),*+-/'.includes(char)) {
        tokens.push({type: 'symbol', value: char, start, end: i + 1});
        i++;
      } else {
        throw new QueryError(`Unexpected character ${JSON.stringify(char)} at position ${i}`, clause);
      }
    }
  }
  tokens.push({type: 'end', value: '', start: source.length, end: source.length});
  return tokens;
}

class Parser {
  constructor(source, clause) {
    this.source = source;
    this.clause = clause;
    this.tokens = tokenize(source, clause);
    this.position = 0;
  }

  get current() {
    return this.tokens[this.position];
  }

  fail(message) {
    const token = this.current;
    const where =
      token.type === 'end' ? 'at the end' : `at position ${token.start} (${JSON.stringify(token.value)})`;
    throw new QueryError(`${message} ${where}`, this.clause);
  }

  isKeyword(word) {
    const token = this.current;
    return token.type === 'name' && token.value.toLowerCase() === word;
  }

  acceptKeyword(word) {
    if (!this.isKeyword(word)) return false;
    this.position++;
    return true;
  }

  isSymbol(symbol) {
    return this.current.type === 'symbol' && this.current.value === symbol;
  }

  acceptSymbol(symbol) {
    if (!this.isSymbol(symbol)) return false;
    this.position++;
    return true;
  }

  expectSymbol(symbol) {
    if (!this.acceptSymbol(symbol)) this.fail(`Expected "${symbol}"`);
  }

  expectEnd() {
    if (this.current.type !== 'end') this.fail('Unexpected token');
  }

  /** Attaches the source text between two token positions to a node. */
  withText(node, startToken) {
    node.text = this.source.slice(startToken.start, this.tokens[this.position - 1].end);
    return node;
  }

  parseExpression() {
    return this.parseOr();
  }

  parseOr() {
    const first = this.current;
    let node = this.parseAnd();
    while (this.acceptKeyword('or')) {
      node = this.withText({type: 'binary', op: 'or', left: node, right: this.parseAnd()}, first);
    }
    return node;
  }

  parseAnd() {
    const first = this.current;
    let node = this.parseNot();
    while (this.acceptKeyword('and')) {
      node = this.withText({type: 'binary', op: 'and', left: node, right: this.parseNot()}, first);
    }
    return node;
  }

  parseNot() {
    const first = this.current;
    if (this.acceptKeyword('not')) return this.withText({type: 'not', expr: this.parseNot()}, first);
    return this.parsePredicate();
  }

  parsePredicate() {
    const first = this.current;
    const left = this.parseAdditive();
    const token = this.current;
    if (token.type === 'symbol' && ['=', '!=', '<', '<=', '>', '>='].includes(token.value)) {
      this.position++;
      return this.withText({type: 'binary', op: token.value, left, right: this.parseAdditive()}, first);
    }
    const negated = this.acceptKeyword('not');
    if (this.acceptKeyword('in')) {
      this.expectSymbol('(');
      const values = [this.parseLiteral()];
      while (this.acceptSymbol(',')) values.push(this.parseLiteral());
      this.expectSymbol(')');
      return this.withText({type: 'in', expr: left, values, negated}, first);
    }
    if (this.acceptKeyword('like')) {
      const pattern = this.parseLiteral();
      const node = this.withText({type: 'binary', op: 'like', left, right: pattern}, first);
      return negated ? {type: 'not', expr: node, text: node.text} : node;
    }
    if (negated) this.fail('Expected "in" or "like" after "not"');
    if (this.acceptKeyword('is')) {
      const isNot = this.acceptKeyword('not');
      if (!this.acceptKeyword('null')) this.fail('Expected "null"');
      return this.withText({type: 'isnull', expr: left, negated: isNot}, first);
    }
    return left;
  }

  parseLiteral() {
    const first = this.current;
    const node = this.parseUnary();
    if (node.type !== 'literal' && node.type !== 'date') {
      this.position = this.tokens.indexOf(first);
      this.fail('Expected a literal value');
    }
    return node;
  }

  parseAdditive() {
    const first = this.current;
    let node = this.parseMultiplicative();
    while (this.isSymbol('+') || this.isSymbol('-')) {
      const op = this.current.value;
      this.position++;
      node = this.withText({type: 'binary', op, left: node, right: this.parseMultiplicative()}, first);
    }
    return node;
  }

  parseMultiplicative() {
    const first = this.current;
    let node = this.parseUnary();
    while (this.isSymbol('*') || this.isSymbol('/')) {
      const op = this.current.value;
      this.position++;
      node = this.withText({type: 'binary', op, left: node, right: this.parseUnary()}, first);
    }
    return node;
  }

  parseUnary() {
    const first = this.current;
    if (this.acceptSymbol('-')) {
      const operand = this.parseUnary();
      if (operand.type === 'literal' && typeof operand.value === 'number') {
        return this.withText({type: 'literal', value: -operand.value}, first);
      }
      return this.withText(
        {type: 'binary', op: '-', left: {type: 'literal', value: 0}, right: operand},
        first,
      );
    }
    return this.parsePrimary();
  }

  parsePrimary() {
    const token = this.current;
    switch (token.type) {
      case 'number':
        this.position++;
        return this.withText({type: 'literal', value: token.value}, token);
      case 'string':
        this.position++;
        return this.withText({type: 'literal', value: token.value}, token);
      case 'quoted':
        this.position++;
        return this.withText({type: 'field', name: token.value}, token);
      case 'symbol':
        if (token.value === '(') {
          this.position++;
          const inner = this.parseExpression();
          this.expectSymbol(')');
          return inner;
        }
        if (token.value === '*') {
          this.position++;
          return this.withText({type: 'star'}, token);
        }
        return this.fail('Unexpected symbol');
      case 'name':
        return this.parseName();
      default:
        return this.fail('Unexpected end of expression');
    }
  }

  parseName() {
    const token = this.current;
    const lower = token.value.toLowerCase();
    const next = this.tokens[this.position + 1];
    // Typed literals: date'2024-01-01' (no space between the prefix and the quote).
    if (next.type === 'string' && next.start === token.end) {
      if (lower === 'date') {
        this.position += 2;
        if (
          !/^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/.test(
            next.value,
          )
        ) {
          this.position--;
          this.fail('Invalid date literal');
        }
        return this.withText({type: 'date', value: next.value}, token);
      }
      this.fail(`Unsupported literal type "${token.value}"`);
    }
    if (lower === 'true' || lower === 'false') {
      this.position++;
      return this.withText({type: 'literal', value: lower === 'true'}, token);
    }
    if (lower === 'null') {
      this.position++;
      return this.withText({type: 'literal', value: null}, token);
    }
    if (KEYWORDS.has(lower)) this.fail('Unexpected keyword');
    this.position++;
    if (this.acceptSymbol('(')) {
      const args = [];
      if (!this.acceptSymbol(')')) {
        do args.push(this.parseExpression());
        while (this.acceptSymbol(','));
        this.expectSymbol(')');
      }
      return this.withText({type: 'call', name: lower, args}, token);
    }
    return this.withText({type: 'field', name: token.value}, token);
  }

  parseAlias() {
    if (!this.acceptKeyword('as')) return undefined;
    const token = this.current;
    if (token.type !== 'name' && token.type !== 'quoted' && token.type !== 'string')
      this.fail('Expected an alias');
    this.position++;
    return token.value;
  }

  /** `expr [as alias], …` (select, group_by). */
  parseLabelledList() {
    const items = [];
    do {
      const expr = this.parseExpression();
      const alias = this.parseAlias();
      items.push({expr, label: labelOf(expr, alias), alias});
    } while (this.acceptSymbol(','));
    this.expectEnd();
    return items;
  }
}

/** A bare string where a condition is expected is a full-text search: where="orléans" and x > 1. */
function markFullText(node) {
  if (node.type === 'literal' && typeof node.value === 'string')
    return {type: 'fulltext', query: node.value, text: node.text};
  if (node.type === 'binary' && (node.op === 'and' || node.op === 'or')) {
    return {...node, left: markFullText(node.left), right: markFullText(node.right)};
  }
  if (node.type === 'not') return {...node, expr: markFullText(node.expr)};
  return node;
}

/** `select`: labelled expressions, `*` included. */
export function parseSelect(source) {
  return new Parser(source, 'select').parseLabelledList();
}

/** `where`: a boolean expression. */
export function parseWhere(source) {
  const parser = new Parser(source, 'where');
  const node = parser.parseExpression();
  parser.expectEnd();
  return markFullText(node);
}

export function parseGroupBy(source) {
  return new Parser(source, 'group_by').parseLabelledList();
}

/** `order_by`: `expr [asc|desc], …`. */
export function parseOrderBy(source) {
  const parser = new Parser(source, 'order_by');
  const items = [];
  do {
    const expr = parser.parseExpression();
    let direction = 'asc';
    if (parser.acceptKeyword('desc')) direction = 'desc';
    else parser.acceptKeyword('asc');
    items.push({expr, direction});
  } while (parser.acceptSymbol(','));
  parser.expectEnd();
  return items;
}
