/**
 * Recursive-descent parser of the expression language (README, "Expressions"): filters and
 * selections, read from the tokens of one regular expression. Group keys and order keys are read
 * by key-parser.ts, with the same parser.
 */

import {QueryError} from '../errors.js';
import type {AggregateFn, CompareOp, Filter, Literal, Selection} from '../types.js';
import {parseIsoDate} from './dates.js';

/**
 * What the parser wanted where an expression went wrong: `QueryError.details.expected`.
 * The i18n layer translates these codes; the set is closed.
 *
 * - `closing-paren` — a `)` (after a function argument, an `in` list, a parenthesised filter)
 * - `opening-paren` — a `(` (after `in`)
 * - `field` — a field name (also an alias after `as`, or a time unit call in group by)
 * - `value` — a literal: string, number, `true`/`false`, `date'…'` (or `null` after `is`)
 * - `operator` — a comparison operator, `in`, `not in` or `is` after a field
 * - `end` — nothing more: the filter was complete
 * - `string-end` — the closing quote of a string, backquoted name or date
 * - `aggregate` — a known function: count, sum, avg, min, max, median (also: a bare field used
 *   in a grouped query without being grouped)
 * - `comma` — a `,` between list items (select, group by, order by, `in` values)
 * - `date` — a valid ISO date inside `date'…'` (`2025-01-01`, `2025-01-01T10:00:00`)
 * - `expression` — something at all: the text is empty
 */
export type SyntaxExpected =
  | 'closing-paren'
  | 'opening-paren'
  | 'field'
  | 'value'
  | 'operator'
  | 'end'
  | 'string-end'
  | 'aggregate'
  | 'comma'
  | 'date'
  | 'expression';

const EXPECTED_TEXT: Record<SyntaxExpected, string> = {
  'closing-paren': 'closing parenthesis',
  'opening-paren': 'opening parenthesis',
  field: 'field name',
  value: 'value',
  operator: 'operator',
  end: 'end of expression',
  'string-end': 'closing quote',
  aggregate: 'aggregate function (count, sum, avg, min, max, median)',
  comma: 'comma',
  date: 'valid date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)',
  expression: 'expression',
};

/** Words that cannot name a field in a filter without backquotes. */
export const FILTER_KEYWORDS: ReadonlySet<string> = new Set('and or not in is null true false'.split(' '));

export const AGGREGATE_FNS: readonly AggregateFn[] = ['count', 'sum', 'avg', 'min', 'max', 'median'];

/** `sum(population)`, `count()`, `year(date)`: how results name a computed column. */
export function canonicalCall(fn: string, field: string | undefined): string {
  return `${fn}(${field ?? ''})`;
}

const FLIPPED: Partial<Record<CompareOp, CompareOp>> = {'<': '>', '<=': '>=', '>': '<', '>=': '<='};

export interface Token {
  /**
   * `name` (identifier or keyword), `quoted-name` (`` `type` ``), `string`, `number`, `date`
   * (`date'…'`), `operator` (`= != <> < <= > >=`), `punct` (`( ) , - + *`), `unterminated` (a
   * quote never closed: it swallows the rest), `invalid` (a character the language does not use,
   * reported where the parser finds it) or `end`.
   */
  kind: string;
  /** Decoded value: escapes resolved, quotes removed, `<>` read as `!=`. */
  value: string;
  /** The source text of the token. */
  text: string;
  /** 0-based offset of the first character (the opening quote for `unterminated`). */
  start: number;
}

/**
 * One token per match, in this order: blanks; a quoted run (string, `` `name` `` or `date'…'`:
 * only quotes and backslashes are escapes, so `C:\data` keeps its backslash; the closing quote
 * may be missing); a number; a name (letters, marks, digits and `_`, first a letter or `_`); an
 * operator; a punctuation; any other character.
 */
const TOKEN =
  /\s+|(date(?=["']))?(["'`])((?:\\[\\"'`]|(?!\2)[^])*)(\2)?|(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|([\p{L}_][\p{L}\p{M}\p{N}_]*)|([<>!]=|<>|[=<>])|([(),\-+*])|[^]/giu;

/**
 * TOKEN, reading any character beyond ASCII as part of a name. V8 takes about 2 ms to compile TOKEN's
 * Unicode classes, 8 ms at a quarter of the CPU, the first time a page reads an expression (a
 * widget's `where`, on its first draw); this one compiles eight times faster. Its tokens are
 * TOKEN's whenever each name it reads is plain (isPlainName).
 */
const BROAD_TOKEN =
  /\s+|([dD][aA][tT][eE](?=["']))?(["'`])((?:\\[\\"'`]|(?!\2)[^])*)(\2)?|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z_\u0080-\u{10ffff}][\w\u0080-\u{10ffff}]*)|([<>!]=|<>|[=<>])|([(),\-+*])|[^]/gu;

const NAME = /^[\p{L}_][\p{L}\p{M}\p{N}_]*$/u;

/**
 * Whether `name` is written without backquotes: letters, marks, digits and `_`, first a letter or
 * `_`. The Unicode classes are compiled only for a name beyond ASCII (see BROAD_TOKEN).
 */
export function isPlainName(name: string): boolean {
  return /[^\0-\x7f]/.test(name) ? NAME.test(name) : /^[A-Za-z_]\w*$/.test(name);
}

/** The kinds of the tokens of TOKEN's last capturing groups, in their order. */
const PLAIN_KINDS = ['number', 'name', 'operator', 'punct'];

function tokenize(text: string): Token[] {
  const tokens = tokensBy(BROAD_TOKEN, text);
  const misread = tokens.some((token) => token.kind === 'name' && !isPlainName(token.value));
  return misread ? tokensBy(TOKEN, text) : tokens;
}

function tokensBy(pattern: RegExp, text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(pattern)) {
    const [source, date, quote, quoted, closed, ...plain] = match;
    const start = match.index;
    if (quote && !closed) {
      const open = start + (date ? 4 : 0);
      tokens.push({kind: 'unterminated', value: '', text: text.slice(open), start: open});
    } else if (quote) {
      const kind = date ? 'date' : quote === '`' ? 'quoted-name' : 'string';
      tokens.push({kind, value: quoted.replace(/\\([\\"'`])/g, '$1'), text: source, start});
    } else if (source.trim()) {
      const kind = PLAIN_KINDS[plain.findIndex(Boolean)] ?? 'invalid';
      tokens.push({kind, value: source === '<>' ? '!=' : source, text: source, start});
    }
  }
  tokens.push({kind: 'end', value: '', text: '', start: text.trimEnd().length});
  return tokens;
}

/** A parser of `text`: filters and selections, and what key-parser.ts reads keys with. */
export function parser(text: string) {
  const tokens = tokenize(text);
  let index = 0;

  const fail = (token: Token, expected: SyntaxExpected, wanted = EXPECTED_TEXT[expected]): never => {
    const found = token.kind === 'end' ? undefined : token.text;
    const column = token.start + 1;
    throw new QueryError(
      `${text}: ${wanted} expected, column ${column}${found === undefined ? '' : `, found '${found}'`}`,
      {expression: text, column, expected, found},
    );
  };
  const peek = (ahead = 0): Token => {
    const token = tokens[Math.min(index + ahead, tokens.length - 1)];
    // An unclosed quote swallowed the rest of the text: nothing after it can be read.
    if (token.kind === 'unterminated') fail({...token, kind: 'end'}, 'string-end');
    return token;
  };
  const next = (): Token => {
    const token = peek();
    if (token.kind !== 'end') index += 1;
    return token;
  };
  const isPunct = (token: Token, char: string) => token.kind === 'punct' && token.value === char;
  const isWord = (token: Token, word: string) => token.kind === 'name' && token.value.toLowerCase() === word;
  /** Reads the punctuation `char` if it comes next. */
  const eat = (char: string) => isPunct(peek(), char) && !!next();
  /** Reads the word `word` (any case) if it comes next. */
  const eatWord = (word: string) => isWord(peek(), word) && !!next();
  const expect = (char: string, expected: SyntaxExpected) => eat(char) || fail(peek(), expected);
  const isCall = () => peek().kind === 'name' && isPunct(peek(1), '(');
  /** A field name, bare (not one of `keywords`) or backquoted. */
  const field = (keywords?: ReadonlySet<string>): string => {
    const {kind, value} = peek();
    const bare = kind === 'name' && !keywords?.has(value.toLowerCase());
    if (!bare && !(kind === 'quoted-name' && value)) fail(peek(), 'field');
    next();
    return value;
  };

  // --- filters -------------------------------------------------------------------------------

  /** `operand (word operand)*`, nested `word`s flattened. */
  const joined = (word: 'and' | 'or', operand: () => Filter): Filter => {
    const filters = [operand()];
    while (eatWord(word)) filters.push(operand());
    return filters.length === 1
      ? filters[0]
      : ({type: word, filters: filters.flatMap((f) => (f.type === word ? f.filters : [f]))} as Filter);
  };
  const or = (): Filter => joined('or', and);
  const and = (): Filter => joined('and', not);
  const not = (): Filter => {
    if (eatWord('not')) return {type: 'not', filter: not()};
    if (!eat('(')) return predicate();
    const filter = or();
    expect(')', 'closing-paren');
    return filter;
  };
  const predicate = (): Filter => {
    if (startsLiteral()) {
      // `2000 < population` reads as `population > 2000`.
      const value = literal();
      const op = operator();
      return {type: 'compare', field: field(FILTER_KEYWORDS), op: FLIPPED[op] ?? op, value};
    }
    const name = field(FILTER_KEYWORDS);
    const token = peek();
    if (token.kind === 'operator') return {type: 'compare', field: name, op: operator(), value: literal()};
    if (isWord(token, 'in')) return inList(name);
    if (eatWord('not')) {
      if (!isWord(peek(), 'in')) fail(peek(), 'operator', "'in'");
      return {type: 'not', filter: inList(name)};
    }
    if (!eatWord('is')) fail(token, 'operator');
    const negated = eatWord('not');
    if (!eatWord('null')) fail(peek(), 'value', "'null'");
    const isNull: Filter = {type: 'null', field: name};
    return negated ? {type: 'not', filter: isNull} : isNull;
  };
  const inList = (name: string): Filter => {
    next();
    expect('(', 'opening-paren');
    const values = [literal()];
    while (!eat(')')) {
      const token = peek();
      if (!eat(',')) fail(token, token.kind === 'end' ? 'closing-paren' : 'comma');
      values.push(literal());
    }
    return {type: 'in', field: name, values};
  };
  const operator = (): CompareOp => {
    const token = peek();
    if (token.kind !== 'operator') fail(token, 'operator');
    next();
    return token.value as CompareOp;
  };
  const startsLiteral = (): boolean => {
    const token = peek();
    return (
      /^(string|number|date)$/.test(token.kind) ||
      isWord(token, 'true') ||
      isWord(token, 'false') ||
      ((isPunct(token, '-') || isPunct(token, '+')) && peek(1).kind === 'number')
    );
  };
  const literal = (): Literal => {
    const token = peek();
    if (!startsLiteral()) fail(token, 'value');
    next();
    const {kind, value} = token;
    if (kind === 'string') return {type: 'string', value};
    if (kind === 'number') return {type: 'number', value: Number(value)};
    if (kind === 'date') return parseIsoDate(value) ? {type: 'date', value} : fail(token, 'date');
    if (kind === 'punct') return {type: 'number', value: Number(value + next().value)};
    return {type: 'boolean', value: value.toLowerCase() === 'true'};
  };

  // --- lists: select, group by, order by -----------------------------------------------------

  /** After `fn(`: the argument and the `)`. `count` takes none, `*` or a field. */
  const callArgument = (fn: string): string | undefined => {
    if (fn === 'count' && (eat('*') || isPunct(peek(), ')'))) {
      expect(')', 'closing-paren');
      return undefined;
    }
    const name = field();
    expect(')', 'closing-paren');
    return name;
  };
  /** `fn(` of a known function, answered lowercase; an error naming `known` otherwise. */
  const callName = <T extends string>(known: readonly T[], expected: SyntaxExpected, wanted?: string): T => {
    const fn = peek().value.toLowerCase() as T;
    if (!known.includes(fn)) fail(peek(), expected, wanted);
    next();
    next();
    return fn;
  };
  const alias = (): string | undefined => {
    if (!eatWord('as')) return undefined;
    const token = peek();
    if (!/^(name|quoted-name|string)$/.test(token.kind) || !token.value) fail(token, 'field');
    next();
    return token.value;
  };

  return {
    peek,
    next,
    isPunct,
    isWord,
    expect,
    isCall,
    field,
    callArgument,
    callName,
    alias,

    filter(): Filter {
      if (peek().kind === 'end') fail(peek(), 'expression');
      const filter = or();
      if (peek().kind !== 'end') fail(peek(), 'end');
      return filter;
    },

    list<T>(item: () => T): T[] {
      if (peek().kind === 'end') return [];
      const items = [item()];
      while (peek().kind !== 'end') {
        expect(',', 'comma');
        items.push(item());
      }
      return items;
    },

    selection(): Selection {
      if (isCall()) {
        const fn = callName(AGGREGATE_FNS, 'aggregate');
        const argument = callArgument(fn);
        const as = alias() ?? canonicalCall(fn, argument);
        return argument === undefined
          ? {type: 'aggregate', fn, as}
          : {type: 'aggregate', fn, field: argument, as};
      }
      const name = field();
      return {type: 'field', field: name, as: alias() ?? name};
    },
  };
}

export type Parser = ReturnType<typeof parser>;

/**
 * A `where` expression: `population >= 2000 and (epci = "Orléans Métropole" or code in ("45", "21"))`.
 * Comparisons `= != <> < <= > >=` (also `literal op field`), `in (…)`, `not in (…)`,
 * `is null`, `is not null`, `and`, `or`, `not`, parentheses (precedence: not > and > or).
 * Literals: `"text"` or `'text'` (escapes `\"`, `\'`, `\\`), numbers (`-3`, `12.5`, `1e3`),
 * `true`/`false`, `date'2025-01-01'` / `date'2025-01-01T10:00:00'`. Field names: identifiers
 * (letters with accents, digits, `_`) or backquoted `` `any name` ``. Keywords ignore case.
 * Empty text is an error (expected `expression`).
 *
 * @throws QueryError with `details.expected` one of the {@link SyntaxExpected} codes.
 */
export function parseFilter(text: string): Filter {
  return parser(text).filter();
}

/**
 * `count(), sum(population) as total, commune`: aggregates `count()` (also `count(*)`, or
 * `count(f)`: values of f that are not null), `sum`, `avg`, `min`, `max`, `median` of a field,
 * or bare fields; each with an optional `as alias`. The default alias is the canonical text
 * (`sum(population)`, `count()`: lowercase, no spaces, no backquotes) or the field name.
 * Blank text gives `[]` (every field).
 *
 * @throws QueryError with `details.expected` one of the {@link SyntaxExpected} codes;
 *   `aggregate` for an unknown function.
 */
export function parseSelect(text: string): Selection[] {
  const reader = parser(text);
  return reader.list(() => reader.selection());
}
