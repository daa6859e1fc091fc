import {expect} from '@open-wc/testing';
import {QueryError} from '../errors.js';
import type {Filter, GroupKey, Literal, Order, Selection} from '../types.js';
import {and, formatFilter, parseFilter, parseGroupBy, parseOrderBy, parseSelect} from './index.js';

const str = (value: string): Literal => ({type: 'string', value});
const num = (value: number): Literal => ({type: 'number', value});
const cmp = (field: string, op: string, value: Literal) => ({type: 'compare', field, op, value}) as Filter;
const a1: Filter = cmp('a', '=', num(1));
const b2: Filter = cmp('b', '=', num(2));
const c3: Filter = cmp('c', '=', num(3));

function caught(run: () => unknown): QueryError {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(QueryError);
    return error as QueryError;
  }
  throw new Error('expected a QueryError');
}

describe('parseFilter', () => {
  const cases: Array<[string, Filter]> = [
    // every comparison operator
    ['population = 100', cmp('population', '=', num(100))],
    ['population != 100', cmp('population', '!=', num(100))],
    ['population <> 100', cmp('population', '!=', num(100))],
    ['population < 100', cmp('population', '<', num(100))],
    ['population <= 100', cmp('population', '<=', num(100))],
    ['population > 100', cmp('population', '>', num(100))],
    ['population >= 100', cmp('population', '>=', num(100))],
    ['population>=100', cmp('population', '>=', num(100))],
    // literal op field flips the operator
    ['100 < population', cmp('population', '>', num(100))],
    ['100 >= population', cmp('population', '<=', num(100))],
    ['"Orléans" = commune', cmp('commune', '=', str('Orléans'))],
    // literals
    ['t = -3', cmp('t', '=', num(-3))],
    ['t = - 3', cmp('t', '=', num(-3))],
    ['t = +3', cmp('t', '=', num(3))],
    ['t = 12.5', cmp('t', '=', num(12.5))],
    ['t = 1e3', cmp('t', '=', num(1000))],
    ['t = 2.5E-2', cmp('t', '=', num(0.025))],
    ['t = 1e+21', cmp('t', '=', num(1e21))],
    ['t >= -0.5', cmp('t', '>=', num(-0.5))],
    ['ok = true', cmp('ok', '=', {type: 'boolean', value: true})],
    ['ok = FALSE', cmp('ok', '=', {type: 'boolean', value: false})],
    ['s = "a b"', cmp('s', '=', str('a b'))],
    ["s = 'a b'", cmp('s', '=', str('a b'))],
    ['s = ""', cmp('s', '=', str(''))],
    ['s = "say \\"hi\\""', cmp('s', '=', str('say "hi"'))],
    ["s = 'l\\'eau'", cmp('s', '=', str("l'eau"))],
    ['s = "back\\\\slash"', cmp('s', '=', str('back\\slash'))],
    ['s = "C:\\data"', cmp('s', '=', str('C:\\data'))],
    ['s = "it\'s"', cmp('s', '=', str("it's"))],
    ['s = "and or not"', cmp('s', '=', str('and or not'))],
    ["d = date'2025-01-01'", cmp('d', '=', {type: 'date', value: '2025-01-01'})],
    ["d < DATE'2025-01-01T10:00:00'", cmp('d', '<', {type: 'date', value: '2025-01-01T10:00:00'})],
    ['d >= date"2024-02-29T23:59"', cmp('d', '>=', {type: 'date', value: '2024-02-29T23:59'})],
    ["d > date'2025-01-01T10:00:00.250Z'", cmp('d', '>', {type: 'date', value: '2025-01-01T10:00:00.250Z'})],
    [
      "d <= date'2025-01-01T10:00:00+02:00'",
      cmp('d', '<=', {type: 'date', value: '2025-01-01T10:00:00+02:00'}),
    ],
    // a field called date is still a field
    ["date = date'2025-01-01'", cmp('date', '=', {type: 'date', value: '2025-01-01'})],
    // field names
    ['Année = 2025', cmp('Année', '=', num(2025))],
    ['région_2 = "x"', cmp('région_2', '=', str('x'))],
    ['_id = 1', cmp('_id', '=', num(1))],
    ['Libellé_Œuvre2 = "x"', cmp('Libellé_Œuvre2', '=', str('x'))],
    ['Ｅ = 1', cmp('Ｅ', '=', num(1))],
    ['КОД = DATE"2025-01-01"', cmp('КОД', '=', {type: 'date', value: '2025-01-01'})],
    ['e\u0301 = 1E3', cmp('e\u0301', '=', num(1000))],
    ['a\u00a0=\u00a01', a1],
    ['`type` = "a"', cmp('type', '=', str('a'))],
    ['`code postal` = "45000"', cmp('code postal', '=', str('45000'))],
    ['`and` = 1', cmp('and', '=', num(1))],
    ['`a\\`b` = 1', cmp('a`b', '=', num(1))],
    ['`2019` = 1', cmp('2019', '=', num(1))],
    // in, not in
    ['code in ("45", "21")', {type: 'in', field: 'code', values: [str('45'), str('21')]}],
    [
      'code IN (1, -2, true)',
      {type: 'in', field: 'code', values: [num(1), num(-2), {type: 'boolean', value: true}]},
    ],
    ['code in ("45")', {type: 'in', field: 'code', values: [str('45')]}],
    ['code not in ("45")', {type: 'not', filter: {type: 'in', field: 'code', values: [str('45')]}}],
    ['code Not In ("45")', {type: 'not', filter: {type: 'in', field: 'code', values: [str('45')]}}],
    // is null
    ['epci is null', {type: 'null', field: 'epci'}],
    ['epci IS NULL', {type: 'null', field: 'epci'}],
    ['epci is not null', {type: 'not', filter: {type: 'null', field: 'epci'}}],
    // boolean operators and precedence: not > and > or
    ['a = 1 and b = 2', {type: 'and', filters: [a1, b2]}],
    ['a = 1 AND b = 2 And c = 3', {type: 'and', filters: [a1, b2, c3]}],
    ['a = 1 or b = 2', {type: 'or', filters: [a1, b2]}],
    ['a = 1 or b = 2 and c = 3', {type: 'or', filters: [a1, {type: 'and', filters: [b2, c3]}]}],
    ['a = 1 and b = 2 or c = 3', {type: 'or', filters: [{type: 'and', filters: [a1, b2]}, c3]}],
    ['(a = 1 or b = 2) and c = 3', {type: 'and', filters: [{type: 'or', filters: [a1, b2]}, c3]}],
    ['not a = 1', {type: 'not', filter: a1}],
    ['not a = 1 and b = 2', {type: 'and', filters: [{type: 'not', filter: a1}, b2]}],
    ['not (a = 1 and b = 2)', {type: 'not', filter: {type: 'and', filters: [a1, b2]}}],
    ['not not a = 1', {type: 'not', filter: {type: 'not', filter: a1}}],
    ['((a = 1))', a1],
    ['(a = 1 and b = 2) and c = 3', {type: 'and', filters: [a1, b2, c3]}],
    ['a = 1 or (b = 2 or c = 3)', {type: 'or', filters: [a1, b2, c3]}],
    ['  a = 1  ', a1],
  ];
  for (const [text, expected] of cases) {
    it(`parses ${text}`, () => {
      expect(parseFilter(text)).to.deep.equal(expected);
    });
  }
});

describe('parseSelect', () => {
  const cases: Array<[string, Selection[]]> = [
    ['count()', [{type: 'aggregate', fn: 'count', as: 'count()'}]],
    ['count(*)', [{type: 'aggregate', fn: 'count', as: 'count()'}]],
    ['COUNT( * )', [{type: 'aggregate', fn: 'count', as: 'count()'}]],
    ['count(epci)', [{type: 'aggregate', fn: 'count', field: 'epci', as: 'count(epci)'}]],
    ['sum(population)', [{type: 'aggregate', fn: 'sum', field: 'population', as: 'sum(population)'}]],
    ['Sum( population )', [{type: 'aggregate', fn: 'sum', field: 'population', as: 'sum(population)'}]],
    ['avg(population)', [{type: 'aggregate', fn: 'avg', field: 'population', as: 'avg(population)'}]],
    ['min(population)', [{type: 'aggregate', fn: 'min', field: 'population', as: 'min(population)'}]],
    ['max(population)', [{type: 'aggregate', fn: 'max', field: 'population', as: 'max(population)'}]],
    [
      'median(population)',
      [{type: 'aggregate', fn: 'median', field: 'population', as: 'median(population)'}],
    ],
    ['sum(`pop totale`)', [{type: 'aggregate', fn: 'sum', field: 'pop totale', as: 'sum(pop totale)'}]],
    ['sum(population) as total', [{type: 'aggregate', fn: 'sum', field: 'population', as: 'total'}]],
    ['count() AS n', [{type: 'aggregate', fn: 'count', as: 'n'}]],
    ['sum(p) as "Population totale"', [{type: 'aggregate', fn: 'sum', field: 'p', as: 'Population totale'}]],
    ['sum(p) as `x y`', [{type: 'aggregate', fn: 'sum', field: 'p', as: 'x y'}]],
    ['commune', [{type: 'field', field: 'commune', as: 'commune'}]],
    ['commune as nom', [{type: 'field', field: 'commune', as: 'nom'}]],
    ['`type`', [{type: 'field', field: 'type', as: 'type'}]],
    ['count', [{type: 'field', field: 'count', as: 'count'}]],
    [
      'commune, sum(population), count()',
      [
        {type: 'field', field: 'commune', as: 'commune'},
        {type: 'aggregate', fn: 'sum', field: 'population', as: 'sum(population)'},
        {type: 'aggregate', fn: 'count', as: 'count()'},
      ],
    ],
    ['', []],
    ['   ', []],
  ];
  for (const [text, expected] of cases) {
    it(`parses ${JSON.stringify(text)}`, () => {
      expect(parseSelect(text)).to.deep.equal(expected);
    });
  }

  it('names the known functions when the function is unknown', () => {
    const error = caught(() => parseSelect('total(population)'));
    expect(error.details).to.include({column: 1, expected: 'aggregate', found: 'total'});
    expect(error.message).to.equal(
      "total(population): aggregate function (count, sum, avg, min, max, median) expected, column 1, found 'total'",
    );
  });
});

describe('parseGroupBy', () => {
  const cases: Array<[string, GroupKey[]]> = [
    ['region', [{field: 'region', as: 'region'}]],
    ['region as r', [{field: 'region', as: 'r'}]],
    ['year(date)', [{field: 'date', timeunit: 'year', as: 'year(date)'}]],
    ['MONTH(date)', [{field: 'date', timeunit: 'month', as: 'month(date)'}]],
    ['week(date)', [{field: 'date', timeunit: 'week', as: 'week(date)'}]],
    ['day(`date début`)', [{field: 'date début', timeunit: 'day', as: 'day(date début)'}]],
    ['hour(horodatage) as h', [{field: 'horodatage', timeunit: 'hour', as: 'h'}]],
    [
      'region, year(date)',
      [
        {field: 'region', as: 'region'},
        {field: 'date', timeunit: 'year', as: 'year(date)'},
      ],
    ],
    ['', []],
  ];
  for (const [text, expected] of cases) {
    it(`parses ${JSON.stringify(text)}`, () => {
      expect(parseGroupBy(text)).to.deep.equal(expected);
    });
  }
});

describe('parseOrderBy', () => {
  const cases: Array<[string, Order[]]> = [
    ['population', [{key: 'population', direction: 'asc'}]],
    ['-population', [{key: 'population', direction: 'desc'}]],
    ['+population', [{key: 'population', direction: 'asc'}]],
    ['population desc', [{key: 'population', direction: 'desc'}]],
    ['population DESC', [{key: 'population', direction: 'desc'}]],
    ['population asc', [{key: 'population', direction: 'asc'}]],
    ['-sum(population)', [{key: 'sum(population)', direction: 'desc'}]],
    ['sum( population ) desc', [{key: 'sum(population)', direction: 'desc'}]],
    ['-count(*)', [{key: 'count()', direction: 'desc'}]],
    ['year(date)', [{key: 'year(date)', direction: 'asc'}]],
    ['-`type`', [{key: 'type', direction: 'desc'}]],
    ['desc', [{key: 'desc', direction: 'asc'}]],
    [
      '-population, commune',
      [
        {key: 'population', direction: 'desc'},
        {key: 'commune', direction: 'asc'},
      ],
    ],
    ['', []],
  ];
  for (const [text, expected] of cases) {
    it(`parses ${JSON.stringify(text)}`, () => {
      expect(parseOrderBy(text)).to.deep.equal(expected);
    });
  }
});

describe('formatFilter', () => {
  const cases: Array<[Filter, string]> = [
    [a1, 'a = 1'],
    [cmp('s', '!=', str('say "hi" \\o/')), 's != "say \\"hi\\" \\\\o/"'],
    [cmp('Année', '>=', num(-2.5)), 'Année >= -2.5'],
    [cmp('code postal', '=', str('45000')), '`code postal` = "45000"'],
    [cmp('_id2', '=', num(1)), '_id2 = 1'],
    [cmp('2019', '=', num(1)), '`2019` = 1'],
    [cmp('Libellé_Œuvre', '=', num(1)), 'Libellé_Œuvre = 1'],
    [cmp('prix€', '=', num(1)), '`prix€` = 1'],
    [cmp('\u0301a', '=', num(1)), '`\u0301a` = 1'],
    [cmp('and', '=', num(1)), '`and` = 1'],
    [cmp('NULL', '=', num(1)), '`NULL` = 1'],
    [cmp('a`b', '=', num(1)), '`a\\`b` = 1'],
    [cmp('d', '<', {type: 'date', value: '2025-01-01'}), "d < date'2025-01-01'"],
    [cmp('ok', '=', {type: 'boolean', value: false}), 'ok = false'],
    [{type: 'in', field: 'c', values: [str('45'), num(21)]}, 'c in ("45", 21)'],
    [{type: 'not', filter: {type: 'in', field: 'c', values: [str('45')]}}, 'c not in ("45")'],
    [{type: 'null', field: 'c'}, 'c is null'],
    [{type: 'not', filter: {type: 'null', field: 'c'}}, 'c is not null'],
    [{type: 'not', filter: a1}, 'not a = 1'],
    [{type: 'not', filter: {type: 'or', filters: [a1, b2]}}, 'not (a = 1 or b = 2)'],
    [{type: 'and', filters: [{type: 'or', filters: [a1, b2]}, c3]}, '(a = 1 or b = 2) and c = 3'],
    [{type: 'or', filters: [{type: 'and', filters: [a1, b2]}, c3]}, 'a = 1 and b = 2 or c = 3'],
    [{type: 'and', filters: [a1]}, 'a = 1'],
  ];
  for (const [filter, text] of cases) {
    it(`writes ${text}`, () => {
      expect(formatFilter(filter)).to.equal(text);
    });
  }

  const roundTrips = [
    'population >= 2000 and (epci = "Orléans Métropole" or code in ("45", "21"))',
    'not (a = 1 or b = 2) and c is not null',
    "`code postal` not in ('45000', \"it's\") or d >= date'2025-01-01T10:00:00'",
    's = "a \\\\ \\" b" and `weird name\\`` = -1e-7',
    'not not a = 1 or b is null and not c != true',
    'a = 1 or b = 2 or c = 3 and (d = 4 or e = 5)',
  ];
  for (const text of roundTrips) {
    it(`round-trips ${text}`, () => {
      const parsed = parseFilter(text);
      expect(parseFilter(formatFilter(parsed))).to.deep.equal(parsed);
      expect(formatFilter(parseFilter(formatFilter(parsed)))).to.equal(formatFilter(parsed));
    });
  }

  it('refuses what the language cannot write', () => {
    expect(() => formatFilter({type: 'and', filters: []})).to.throw(TypeError);
    expect(() => formatFilter({type: 'in', field: 'a', values: []})).to.throw(TypeError);
    expect(() => formatFilter(cmp('a', '=', num(NaN)))).to.throw(TypeError);
  });
});

describe('and', () => {
  it('is undefined when nothing is left', () => {
    expect(and()).to.equal(undefined);
    expect(and(undefined, undefined)).to.equal(undefined);
    expect(and({type: 'and', filters: []})).to.equal(undefined);
  });

  it('answers a single filter as is', () => {
    expect(and(undefined, a1)).to.equal(a1);
  });

  it('flattens nested conjunctions and keeps disjunctions whole', () => {
    const or: Filter = {type: 'or', filters: [b2, c3]};
    expect(and(a1, undefined, {type: 'and', filters: [b2, {type: 'and', filters: [c3]}]}, or)).to.deep.equal({
      type: 'and',
      filters: [a1, b2, c3, or],
    });
  });
});

describe('expression errors', () => {
  // [parse, text, column, expected, found]
  const cases: Array<[(text: string) => unknown, string, number, string, string | undefined]> = [
    [parseSelect, 'sum(population', 15, 'closing-paren', undefined],
    [parseSelect, 'sum(population   ', 15, 'closing-paren', undefined],
    [parseSelect, 'sum(population x)', 16, 'closing-paren', 'x'],
    [parseSelect, 'sum()', 5, 'field', ')'],
    [parseSelect, 'sum(', 5, 'field', undefined],
    [parseSelect, 'count(*', 8, 'closing-paren', undefined],
    [parseSelect, 'count(), ', 9, 'field', undefined],
    [parseSelect, ', count()', 1, 'field', ','],
    [parseSelect, 'commune population', 9, 'comma', 'population'],
    [parseSelect, 'sum(p) as', 10, 'field', undefined],
    [parseSelect, 'foo(p)', 1, 'aggregate', 'foo'],
    [parseSelect, 'sum(p) as "x', 11, 'string-end', undefined],
    [parseGroupBy, 'quarter(date)', 1, 'field', 'quarter'],
    [parseGroupBy, 'year(date', 10, 'closing-paren', undefined],
    [parseGroupBy, 'region region', 8, 'comma', 'region'],
    [parseOrderBy, '-population desc', 13, 'comma', 'desc'],
    [parseOrderBy, '-', 2, 'field', undefined],
    [parseOrderBy, '-foo(x)', 2, 'aggregate', 'foo'],
    [parseFilter, '', 1, 'expression', undefined],
    [parseFilter, '   ', 1, 'expression', undefined],
    [parseFilter, 'a = 1 b', 7, 'end', 'b'],
    [parseFilter, 'a = 1 )', 7, 'end', ')'],
    [parseFilter, 'a b', 3, 'operator', 'b'],
    [parseFilter, 'a', 2, 'operator', undefined],
    [parseFilter, 'a # 1', 3, 'operator', '#'],
    [parseFilter, 'a == 1', 4, 'value', '='],
    [parseFilter, 'a =', 4, 'value', undefined],
    [parseFilter, 'a = b', 5, 'value', 'b'],
    [parseFilter, 'a = null', 5, 'value', 'null'],
    [parseFilter, '1 = 2', 5, 'field', '2'],
    [parseFilter, '1 in (1)', 3, 'operator', 'in'],
    [parseFilter, 'a = 1 and', 10, 'field', undefined],
    [parseFilter, 'and a = 1', 1, 'field', 'and'],
    [parseFilter, 'a = 1 or or b = 2', 10, 'field', 'or'],
    [parseFilter, '(a = 1', 7, 'closing-paren', undefined],
    [parseFilter, '(a = 1 b = 2)', 8, 'closing-paren', 'b'],
    [parseFilter, '()', 2, 'field', ')'],
    [parseFilter, 'a in "x"', 6, 'opening-paren', '"x"'],
    [parseFilter, 'a in ("x"', 10, 'closing-paren', undefined],
    [parseFilter, 'a in ("x" "y")', 11, 'comma', '"y"'],
    [parseFilter, 'a in ()', 7, 'value', ')'],
    [parseFilter, 'a in ("x",)', 11, 'value', ')'],
    [parseFilter, 'a not = 1', 7, 'operator', '='],
    [parseFilter, 'a is 1', 6, 'value', '1'],
    [parseFilter, 'a is not', 9, 'value', undefined],
    [parseFilter, 'a = "abc', 5, 'string-end', undefined],
    [parseFilter, "a = 'abc\\'", 5, 'string-end', undefined],
    [parseFilter, '`a = 1', 1, 'string-end', undefined],
    [parseFilter, "d = date'2025-01-01", 9, 'string-end', undefined],
    [parseFilter, "d = date'2025-02-30'", 5, 'date', "date'2025-02-30'"],
    [parseFilter, "d = date'2025-13-01'", 5, 'date', "date'2025-13-01'"],
    [parseFilter, "d = date'2025-01-01T25:00'", 5, 'date', "date'2025-01-01T25:00'"],
    [parseFilter, "d = date'01/02/2025'", 5, 'date', "date'01/02/2025'"],
    [parseFilter, "d = date''", 5, 'date', "date''"],
    [parseFilter, '`` = 1', 1, 'field', '``'],
    [parseFilter, 'a = 12abc', 7, 'end', 'abc'],
    // characters beyond ASCII that a name cannot hold
    [parseFilter, 'prix€ = 1', 5, 'operator', '€'],
    [parseFilter, 'a = 1 and \u0301b = 2', 11, 'field', '\u0301'],
    [parseFilter, 'a = 1 and ٣b = 2', 11, 'field', '٣'],
    [parseFilter, 'a = 1 and b😀 = 2', 12, 'operator', '😀'],
  ];
  for (const [parse, text, column, expected, found] of cases) {
    it(`${parse.name}(${JSON.stringify(text)}) fails at column ${column}, expected ${expected}`, () => {
      const error = caught(() => parse(text));
      expect(error.details).to.deep.equal({expression: text, column, expected, found});
    });
  }

  it('explains the DESIGN example in English', () => {
    const error = caught(() => parseSelect('sum(population'));
    expect(error.message).to.equal('sum(population: closing parenthesis expected, column 15');
    expect(error.code).to.equal('query');
  });

  it('says what it found', () => {
    expect(caught(() => parseFilter('a = 1 b')).message).to.equal(
      "a = 1 b: end of expression expected, column 7, found 'b'",
    );
    expect(caught(() => parseFilter('a is 1')).message).to.equal(
      "a is 1: 'null' expected, column 6, found '1'",
    );
    expect(caught(() => parseFilter('a = "x')).message).to.equal('a = "x: closing quote expected, column 5');
  });
});
