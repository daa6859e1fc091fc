/** Tokenizer of the expression language. */

export type TokenKind =
  /** A plain identifier or keyword (`population`, `and`, `Année`). */
  | 'name'
  /** A backquoted name (`` `type` ``); `value` is the name without backquotes. */
  | 'quoted-name'
  | 'string'
  | 'number'
  /** `date'…'`; `value` is the text between the quotes. */
  | 'date'
  /** `= != <> < <= > >=` */
  | 'operator'
  /** `( ) , - + *` */
  | 'punct'
  /** A quote never closed: it swallows the rest of the text. */
  | 'unterminated'
  /** A character the language does not use; the parser reports it where it finds it. */
  | 'invalid'
  | 'end';

export interface Token {
  kind: TokenKind;
  /** Decoded value: escapes resolved, quotes removed, `<>` read as `!=`. */
  value: string;
  /** The source text of the token. */
  text: string;
  /** 0-based offset of the first character (the opening quote for `unterminated`). */
  start: number;
}

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{M}\p{N}_]/u;
const DIGIT = /[0-9]/;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const OPERATOR = /<=|>=|<>|!=|=|<|>/y;
const WHITESPACE = /\s/;

/** Reads a quoted run starting at `open`; undefined when the closing quote is missing. */
function readQuoted(text: string, open: number): {value: string; end: number} | undefined {
  const quote = text[open];
  let value = '';
  let i = open + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === quote) return {value, end: i + 1};
    if (char === '\\' && i + 1 < text.length) {
      const escaped = text[i + 1];
      // Only quotes and backslashes are escapes: `C:\data` keeps its backslash.
      if (escaped === '\\' || escaped === '"' || escaped === "'" || escaped === '`') {
        value += escaped;
        i += 2;
        continue;
      }
    }
    value += char;
    i += 1;
  }
  return undefined;
}

function nextCodePoint(text: string, index: number): string | undefined {
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, value: string, start: number, end: number) => {
    tokens.push({kind, value, text: text.slice(start, end), start});
    i = end;
  };
  const pushQuoted = (kind: 'string' | 'quoted-name' | 'date', start: number, open: number) => {
    const quoted = readQuoted(text, open);
    if (quoted) push(kind, quoted.value, start, quoted.end);
    else push('unterminated', text.slice(open), open, text.length);
  };

  while (i < text.length) {
    // Whole code points, so that letters and symbols outside the BMP stay in one piece.
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (WHITESPACE.test(char)) {
      i += 1;
    } else if (char === '"' || char === "'") {
      pushQuoted('string', i, i);
    } else if (char === '`') {
      pushQuoted('quoted-name', i, i);
    } else if (DIGIT.test(char)) {
      NUMBER.lastIndex = i;
      const number = NUMBER.exec(text)![0];
      push('number', number, i, i + number.length);
    } else if (NAME_START.test(char)) {
      let end = i + char.length;
      for (let part = nextCodePoint(text, end); part && NAME_PART.test(part);) {
        end += part.length;
        part = nextCodePoint(text, end);
      }
      const name = text.slice(i, end);
      const next = text[end];
      if (name.toLowerCase() === 'date' && (next === "'" || next === '"')) {
        pushQuoted('date', i, end);
      } else {
        push('name', name, i, end);
      }
    } else if ('(),-+*'.includes(char)) {
      push('punct', char, i, i + 1);
    } else {
      OPERATOR.lastIndex = i;
      const operator = OPERATOR.exec(text)?.[0];
      if (operator) push('operator', operator === '<>' ? '!=' : operator, i, i + operator.length);
      else push('invalid', char, i, i + char.length);
    }
  }
  tokens.push({kind: 'end', value: '', text: '', start: text.trimEnd().length});
  return tokens;
}
