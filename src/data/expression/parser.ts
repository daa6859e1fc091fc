/**
 * Recursive-descent parser of the expression language (README, "Expressions"): filters and
 * selections. Group keys and order keys are read by key-parser.ts, which extends this parser.
 */

import type {AggregateFn, CompareOp, Filter, Literal, Selection} from '../types.js';
import {parseIsoDate} from './dates.js';
import {tokenize, type Token} from './lexer.js';
import {syntaxError, type SyntaxExpected} from './syntax-error.js';

/** Words that cannot name a field in a filter without backquotes. */
export const FILTER_KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'null',
  'true',
  'false',
]);

export const AGGREGATE_FNS: readonly AggregateFn[] = ['count', 'sum', 'avg', 'min', 'max', 'median'];

/** `sum(population)`, `count()`, `year(date)`: how results name a computed column. */
export function canonicalCall(fn: string, field: string | undefined): string {
  return `${fn}(${field ?? ''})`;
}

const FLIPPED: Record<CompareOp, CompareOp> = {
  '=': '=',
  '!=': '!=',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

export class Parser {
  private readonly tokens: Token[];
  private index = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  // --- token access --------------------------------------------------------------------------

  protected peek(ahead = 0): Token {
    const token = this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
    // An unclosed quote swallowed the rest of the text: nothing after it can be read.
    if (token.kind === 'unterminated') {
      throw syntaxError(this.text, token.start + 1, 'string-end');
    }
    return token;
  }

  protected next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  private error(token: Token, expected: SyntaxExpected, wanted?: string) {
    const found = token.kind === 'end' ? undefined : token.text;
    return syntaxError(this.text, token.start + 1, expected, found, wanted);
  }

  protected isPunct(token: Token, char: string): boolean {
    return token.kind === 'punct' && token.value === char;
  }

  protected isWord(token: Token, word: string): boolean {
    return token.kind === 'name' && token.value.toLowerCase() === word;
  }

  protected expectPunct(char: string, expected: SyntaxExpected): void {
    const token = this.peek();
    if (!this.isPunct(token, char)) throw this.error(token, expected);
    this.next();
  }

  protected isCall(): boolean {
    return this.peek().kind === 'name' && this.isPunct(this.peek(1), '(');
  }

  expectEnd(expected: SyntaxExpected): void {
    const token = this.peek();
    if (token.kind !== 'end') throw this.error(token, expected);
  }

  // --- filters -------------------------------------------------------------------------------

  filter(): Filter {
    if (this.peek().kind === 'end') {
      throw syntaxError(this.text, this.peek().start + 1, 'expression');
    }
    const filter = this.or();
    this.expectEnd('end');
    return filter;
  }

  private or(): Filter {
    const filters = [this.and()];
    while (this.isWord(this.peek(), 'or')) {
      this.next();
      filters.push(this.and());
    }
    return filters.length === 1
      ? filters[0]
      : {type: 'or', filters: filters.flatMap((f) => (f.type === 'or' ? f.filters : [f]))};
  }

  private and(): Filter {
    const filters = [this.not()];
    while (this.isWord(this.peek(), 'and')) {
      this.next();
      filters.push(this.not());
    }
    return filters.length === 1
      ? filters[0]
      : {type: 'and', filters: filters.flatMap((f) => (f.type === 'and' ? f.filters : [f]))};
  }

  private not(): Filter {
    if (this.isWord(this.peek(), 'not')) {
      this.next();
      return {type: 'not', filter: this.not()};
    }
    if (this.isPunct(this.peek(), '(')) {
      this.next();
      const filter = this.or();
      this.expectPunct(')', 'closing-paren');
      return filter;
    }
    return this.predicate();
  }

  private predicate(): Filter {
    if (this.startsLiteral()) {
      // `2000 < population` reads as `population > 2000`.
      const value = this.literal();
      const op = this.compareOperator();
      const field = this.filterField();
      return {type: 'compare', field, op: FLIPPED[op], value};
    }
    const field = this.filterField();
    const token = this.peek();
    if (token.kind === 'operator') {
      const op = this.compareOperator();
      return {type: 'compare', field, op, value: this.literal()};
    }
    if (this.isWord(token, 'in')) return this.inList(field);
    if (this.isWord(token, 'not')) {
      this.next();
      if (!this.isWord(this.peek(), 'in')) throw this.error(this.peek(), 'operator', "'in'");
      return {type: 'not', filter: this.inList(field)};
    }
    if (this.isWord(token, 'is')) {
      this.next();
      const negated = this.isWord(this.peek(), 'not');
      if (negated) this.next();
      if (!this.isWord(this.peek(), 'null')) throw this.error(this.peek(), 'value', "'null'");
      this.next();
      const isNull: Filter = {type: 'null', field};
      return negated ? {type: 'not', filter: isNull} : isNull;
    }
    throw this.error(token, 'operator');
  }

  private inList(field: string): Filter {
    this.next();
    this.expectPunct('(', 'opening-paren');
    const values = [this.literal()];
    for (;;) {
      const token = this.peek();
      if (this.isPunct(token, ')')) break;
      if (!this.isPunct(token, ',')) {
        throw this.error(token, token.kind === 'end' ? 'closing-paren' : 'comma');
      }
      this.next();
      values.push(this.literal());
    }
    this.next();
    return {type: 'in', field, values};
  }

  private compareOperator(): CompareOp {
    const token = this.peek();
    if (token.kind !== 'operator') throw this.error(token, 'operator');
    this.next();
    return token.value as CompareOp;
  }

  private filterField(): string {
    const token = this.peek();
    const plain = token.kind === 'name' && !FILTER_KEYWORDS.has(token.value.toLowerCase());
    if (!plain && !(token.kind === 'quoted-name' && token.value)) throw this.error(token, 'field');
    this.next();
    return token.value;
  }

  private startsLiteral(): boolean {
    const token = this.peek();
    return (
      token.kind === 'string' ||
      token.kind === 'number' ||
      token.kind === 'date' ||
      this.isWord(token, 'true') ||
      this.isWord(token, 'false') ||
      ((this.isPunct(token, '-') || this.isPunct(token, '+')) && this.peek(1).kind === 'number')
    );
  }

  private literal(): Literal {
    const token = this.peek();
    if (!this.startsLiteral()) throw this.error(token, 'value');
    this.next();
    switch (token.kind) {
      case 'string':
        return {type: 'string', value: token.value};
      case 'number':
        return {type: 'number', value: Number(token.value)};
      case 'date':
        if (!parseIsoDate(token.value)) throw this.error(token, 'date');
        return {type: 'date', value: token.value};
      case 'punct': {
        const number = Number(this.next().value);
        return {type: 'number', value: token.value === '-' ? -number : number};
      }
      default:
        return {type: 'boolean', value: token.value.toLowerCase() === 'true'};
    }
  }

  // --- lists: select, group by, order by -----------------------------------------------------

  list<T>(item: () => T): T[] {
    if (this.peek().kind === 'end') return [];
    const items = [item()];
    while (this.peek().kind !== 'end') {
      this.expectPunct(',', 'comma');
      items.push(item());
    }
    return items;
  }

  protected listField(): string {
    const token = this.peek();
    if (!(token.kind === 'name' || (token.kind === 'quoted-name' && token.value))) {
      throw this.error(token, 'field');
    }
    this.next();
    return token.value;
  }

  /** After `fn(`: the argument and the `)`. `count` takes none, `*` or a field. */
  protected callArgument(fn: string): string | undefined {
    if (fn === 'count') {
      const star = this.isPunct(this.peek(), '*');
      if (star) this.next();
      if (star || this.isPunct(this.peek(), ')')) {
        this.expectPunct(')', 'closing-paren');
        return undefined;
      }
    }
    const field = this.listField();
    this.expectPunct(')', 'closing-paren');
    return field;
  }

  protected alias(): string | undefined {
    if (!this.isWord(this.peek(), 'as')) return undefined;
    this.next();
    const token = this.peek();
    const named = token.kind === 'name' || token.kind === 'quoted-name' || token.kind === 'string';
    if (!named || !token.value) throw this.error(token, 'field');
    this.next();
    return token.value;
  }

  /** `fn(` of a known function, answered lowercase; an error naming `known` otherwise. */
  protected callName<T extends string>(known: readonly T[], expected: SyntaxExpected, wanted?: string): T {
    const token = this.peek();
    const fn = token.value.toLowerCase() as T;
    if (!known.includes(fn)) throw this.error(token, expected, wanted);
    this.next();
    this.next();
    return fn;
  }

  selection(): Selection {
    if (this.isCall()) {
      const fn = this.callName(AGGREGATE_FNS, 'aggregate');
      const field = this.callArgument(fn);
      const as = this.alias() ?? canonicalCall(fn, field);
      return field === undefined ? {type: 'aggregate', fn, as} : {type: 'aggregate', fn, field, as};
    }
    const field = this.listField();
    return {type: 'field', field, as: this.alias() ?? field};
  }
}

export function parseFilterText(text: string): Filter {
  return new Parser(text).filter();
}

export function parseSelectText(text: string): Selection[] {
  const parser = new Parser(text);
  return parser.list(() => parser.selection());
}
