import {expect} from '@open-wc/testing';
import {matches, runQuery} from './engine.js';
import {QueryError} from './errors.js';
import {parseFilter, parseGroupBy, parseOrderBy, parseSelect} from './expression/index.js';
import type {NormalizedQuery, Row} from './types.js';

/** A query written the way a widget writes it. */
function q(parts: {
  select?: string;
  where?: string;
  groupBy?: string;
  orderBy?: string;
  limit?: number;
  offset?: number;
}) {
  const query: NormalizedQuery = {
    select: parseSelect(parts.select ?? ''),
    where: parts.where ? parseFilter(parts.where) : undefined,
    groupBy: parseGroupBy(parts.groupBy ?? ''),
    orderBy: parseOrderBy(parts.orderBy ?? ''),
  };
  if (parts.limit !== undefined) query.limit = parts.limit;
  if (parts.offset !== undefined) query.offset = parts.offset;
  return query;
}

describe('matches', () => {
  // [where, row, expected]
  const cases: Array<[string, Row, boolean]> = [
    // numbers, numeric strings
    ['n = 3', {n: 3}, true],
    ['n = 3', {n: '3'}, true],
    ['n = 3', {n: ' 3.0 '}, true],
    ['n = "3"', {n: 3}, true],
    ['n > "10"', {n: 9}, false],
    ['n > 10', {n: '9'}, false],
    ['n < 10', {n: '9'}, true],
    ['n <= 3', {n: 3}, true],
    ['n >= 3.5', {n: 3}, false],
    ['n != 3', {n: 4}, true],
    ['n = 1e3', {n: 1000}, true],
    ['n = 3', {n: 'trois'}, false],
    ['n != 3', {n: 'trois'}, true],
    ['n < 3', {n: 'trois'}, false],
    ['not n < 3', {n: 'trois'}, false],
    // strings: exact, by code points, never numerically
    ['s = "Orléans"', {s: 'Orléans'}, true],
    ['s = "Orléans"', {s: 'orléans'}, false],
    ['s = "Orléans"', {s: 'Orleans'}, false],
    ['s = "01001"', {s: '1001'}, false],
    ['s < "b"', {s: 'a'}, true],
    ['s < "2025-06-01"', {s: '2025-05-31'}, true],
    ['s != "a"', {s: 'b'}, true],
    // booleans
    ['b = true', {b: true}, true],
    ['b = true', {b: false}, false],
    ['b = false', {b: 'false'}, true],
    ['b = true', {b: 1}, true],
    ['b != true', {b: 0}, true],
    // in, not in
    ['c in ("45", "21")', {c: '21'}, true],
    ['c in ("45", "21")', {c: '49'}, false],
    ['c in (45, 21)', {c: '45'}, true],
    ['c not in ("45", "21")', {c: '49'}, true],
    ['c not in ("45", "21")', {c: '45'}, false],
    // nulls: null, undefined, '' are null; comparisons with null are never true
    ['x is null', {x: null}, true],
    ['x is null', {}, true],
    ['x is null', {x: ''}, true],
    ['x is null', {x: 0}, false],
    ['x is null', {x: false}, false],
    ['x is not null', {x: 'a'}, true],
    ['x is not null', {x: ''}, false],
    ['x = 1', {x: null}, false],
    ['x != 1', {x: null}, false],
    ['x != 1', {}, false],
    ['x < 1', {x: ''}, false],
    ['x = ""', {x: ''}, false],
    ['not x = 1', {x: null}, false],
    ['x not in (1, 2)', {x: null}, false],
    ['x in (1, 2)', {}, false],
    ['not (x = 1 and y = 2)', {x: null, y: 3}, true],
    ['not (x = 1 and y = 2)', {x: null, y: 2}, false],
    ['x = 1 or y = 2', {x: null, y: 2}, true],
    ['x = 1 or y = 2', {x: null, y: 3}, false],
    ['not (x = 1 or y = 2)', {x: null, y: 3}, false],
    ['x is null or x = 1', {x: null}, true],
    // and, or, not, precedence
    ['a = 1 and b = 2', {a: 1, b: 2}, true],
    ['a = 1 and b = 2', {a: 1, b: 3}, false],
    ['a = 1 or b = 2', {a: 0, b: 2}, true],
    ['a = 1 or b = 2 and c = 3', {a: 1, b: 0, c: 0}, true],
    ['(a = 1 or b = 2) and c = 3', {a: 1, b: 0, c: 0}, false],
    ['not a = 1', {a: 2}, true],
    // dates: a day literal is its whole day
    ["d = date'2025-03-05'", {d: '2025-03-05'}, true],
    ["d = date'2025-03-05'", {d: '2025-03-05T23:59:59'}, true],
    ["d = date'2025-03-05'", {d: '2025-03-05 08:00'}, true],
    ["d = date'2025-03-05'", {d: '2025-03-06T00:00:00'}, false],
    ["d != date'2025-03-05'", {d: '2025-03-05T10:00:00'}, false],
    ["d < date'2025-03-05'", {d: '2025-03-04T23:59:59'}, true],
    ["d < date'2025-03-05'", {d: '2025-03-05T00:00:00'}, false],
    ["d <= date'2025-03-05'", {d: '2025-03-05T23:00:00'}, true],
    ["d > date'2025-03-05'", {d: '2025-03-05T23:00:00'}, false],
    ["d > date'2025-03-05'", {d: '2025-03-06'}, true],
    ["d >= date'2025-03-05'", {d: '2025-03-05T00:00:00'}, true],
    ["d >= date'2025-03-05'", {d: '2025-03-04T23:59:59.999'}, false],
    ["d >= date'2025-01-01' and d < date'2026-01-01'", {d: '2025-12-31T23:59:59'}, true],
    // a literal with a time is an instant
    ["d = date'2025-03-05T10:00:00'", {d: '2025-03-05T10:00:00'}, true],
    ["d = date'2025-03-05T10:00'", {d: '2025-03-05T10:00:00.000'}, true],
    ["d = date'2025-03-05T10:00:00'", {d: '2025-03-05T10:00:01'}, false],
    ["d > date'2025-03-05T10:00:00'", {d: '2025-03-05T10:00:01'}, true],
    ["d < date'2025-03-05T10:00:00'", {d: '2025-03-05'}, true],
    // offsets are not applied: the value is the wall-clock time it spells
    ["d = date'2025-01-01'", {d: '2025-01-01T00:30:00+01:00'}, true],
    ["d = date'2024-12-31'", {d: '2024-12-31T23:30:00Z'}, true],
    // Date values are read in the browser's zone
    ["d = date'2025-03-05'", {d: new Date(2025, 2, 5, 14, 30)}, true],
    ["d < date'2025-03-05T14:00'", {d: new Date(2025, 2, 5, 13, 59)}, true],
    // dates that are not dates
    ["d = date'2025-03-05'", {d: 'le 5 mars'}, false],
    ["d != date'2025-03-05'", {d: 'le 5 mars'}, true],
    ["d < date'2025-03-05'", {d: 20250304}, false],
    ['d = "2025-03-05"', {d: new Date(2025, 2, 5, 9)}, true],
    // literal op field
    ['10 < n', {n: 11}, true],
    ['10 < n', {n: 10}, false],
    // fields with odd names
    ['`code postal` = "45000"', {'code postal': '45000'}, true],
  ];
  for (const [where, row, expected] of cases) {
    it(`${where} is ${expected} for ${JSON.stringify(row)}`, () => {
      expect(matches(parseFilter(where), row)).to.equal(expected);
    });
  }

  it('lets every row through without a filter', () => {
    expect(matches(undefined, {})).to.equal(true);
  });

  it('treats an empty conjunction as true and an empty disjunction as false', () => {
    expect(matches({type: 'and', filters: []}, {})).to.equal(true);
    expect(matches({type: 'or', filters: []}, {})).to.equal(false);
  });
});

const communes: Row[] = [
  {commune: 'Orléans', epci: 'Orléans Métropole', population: 116344, date: '2025-03-05T14:30:00'},
  {commune: 'Olivet', epci: 'Orléans Métropole', population: 22550, date: '2025-03-09T08:00:00'},
  {commune: 'Saran', epci: 'Orléans Métropole', population: 16616, date: '2024-12-30'},
  {commune: 'Dijon', epci: 'Dijon Métropole', population: 156920, date: '2025-03-10'},
  {commune: 'Chenôve', epci: 'Dijon Métropole', population: '13878', date: '2025-01-01T00:00:00'},
  {commune: 'Écueillé', epci: null, population: null, date: null},
  {commune: 'Angers', epci: '', population: 'n/a', date: 'inconnue'},
];

describe('runQuery', () => {
  it('returns every row and the total without a query', () => {
    const result = runQuery(communes, q({}));
    expect(result.rows).to.deep.equal(communes);
    expect(result.rows).to.not.equal(communes);
    expect(result.total).to.equal(7);
  });

  it('filters and counts the matching rows in total', () => {
    const result = runQuery(communes, q({where: 'epci = "Orléans Métropole"', limit: 2}));
    expect(result.rows.map((row) => row.commune)).to.deep.equal(['Orléans', 'Olivet']);
    expect(result.total).to.equal(3);
  });

  it('projects the selected fields under their aliases', () => {
    const result = runQuery(
      communes,
      q({select: 'commune as nom, population', where: 'population > 100000'}),
    );
    expect(result.rows).to.deep.equal([
      {nom: 'Orléans', population: 116344},
      {nom: 'Dijon', population: 156920},
    ]);
  });

  it('sorts on a field that is not selected, and on an alias', () => {
    const byPopulation = runQuery(communes, q({select: 'commune', orderBy: '-population', limit: 3}));
    expect(byPopulation.rows).to.deep.equal([{commune: 'Dijon'}, {commune: 'Orléans'}, {commune: 'Olivet'}]);
    const byAlias = runQuery(
      communes,
      q({select: 'population as p', where: 'population > 20000', orderBy: 'p'}),
    );
    expect(byAlias.rows).to.deep.equal([{p: 22550}, {p: 116344}, {p: 156920}]);
  });

  it('sorts text with the French collation and numbers numerically', () => {
    const names = runQuery(communes, q({select: 'commune', orderBy: 'commune'})).rows.map(
      (row) => row.commune,
    );
    expect(names).to.deep.equal(['Angers', 'Chenôve', 'Dijon', 'Écueillé', 'Olivet', 'Orléans', 'Saran']);
    const rows = [{n: 10}, {n: 9}, {n: 100}, {n: -1}];
    expect(runQuery(rows, q({orderBy: 'n'})).rows.map((row) => row.n)).to.deep.equal([-1, 9, 10, 100]);
  });

  it('sorts numeric strings of a numeric column as numbers, other text after the numbers', () => {
    const rows = [{n: 'n/a'}, {n: '13878'}, {n: 9}, {n: null}, {n: 100}];
    const sorted = (orderBy: string) => runQuery(rows, q({orderBy})).rows.map((row) => row.n);
    expect(sorted('n')).to.deep.equal([9, 100, '13878', 'n/a', null]);
    expect(sorted('-n')).to.deep.equal(['13878', 100, 9, 'n/a', null]);
  });

  it('puts nulls last in both directions', () => {
    const rows = [{n: null}, {n: 2}, {}, {n: ''}, {n: 1}];
    expect(runQuery(rows, q({orderBy: 'n'})).rows.slice(0, 2)).to.deep.equal([{n: 1}, {n: 2}]);
    expect(runQuery(rows, q({orderBy: '-n'})).rows.slice(0, 2)).to.deep.equal([{n: 2}, {n: 1}]);
    const tail = runQuery(rows, q({orderBy: 'n desc'})).rows.slice(2);
    expect(tail.map((row) => row.n ?? null)).to.deep.equal([null, null, '']);
  });

  it('sorts on several keys, keeping the input order on ties', () => {
    const rows = [
      {g: 'b', n: 1, i: 0},
      {g: 'a', n: 2, i: 1},
      {g: 'b', n: 3, i: 2},
      {g: 'a', n: 2, i: 3},
    ];
    expect(runQuery(rows, q({orderBy: 'g, -n'})).rows.map((row) => row.i)).to.deep.equal([1, 3, 2, 0]);
  });

  // [offset, limit, indexes]
  const pages: Array<[number | undefined, number | undefined, number[]]> = [
    [undefined, 2, [0, 1]],
    [2, undefined, [2, 3, 4]],
    [1, 2, [1, 2]],
    [4, 10, [4]],
    [9, 2, []],
    [0, 0, []],
  ];
  for (const [offset, limit, indexes] of pages) {
    it(`pages with offset ${offset} and limit ${limit}, total unchanged`, () => {
      const rows = [0, 1, 2, 3, 4].map((i) => ({i}));
      const result = runQuery(rows, q({offset, limit}));
      expect(result.rows.map((row) => row.i)).to.deep.equal(indexes);
      expect(result.total).to.equal(5);
    });
  }

  it('groups by a text field with one output row per group', () => {
    const result = runQuery(
      communes,
      q({select: 'epci, sum(population), count()', groupBy: 'epci', orderBy: '-sum(population)'}),
    );
    expect(result.rows).to.deep.equal([
      {epci: 'Dijon Métropole', 'sum(population)': 170798, 'count()': 2},
      {epci: 'Orléans Métropole', 'sum(population)': 155510, 'count()': 3},
      {epci: null, 'sum(population)': null, 'count()': 2},
    ]);
    expect(result.total).to.equal(3);
  });

  it('computes every aggregate, skipping nulls and non-numbers', () => {
    const rows = [{v: 1}, {v: '4'}, {v: null}, {v: 'x'}, {v: 2}, {}, {v: 10}];
    const result = runQuery(
      rows,
      q({select: 'count(), count(v), sum(v), avg(v), min(v), max(v), median(v) as med'}),
    );
    expect(result.rows).to.deep.equal([
      {'count()': 7, 'count(v)': 5, 'sum(v)': 17, 'avg(v)': 4.25, 'min(v)': 1, 'max(v)': 10, med: 3},
    ]);
    expect(result.total).to.equal(1);
  });

  it('takes the middle value as median of an odd count', () => {
    const rows = [{v: 5}, {v: 1}, {v: 3}];
    expect(runQuery(rows, q({select: 'median(v)'})).rows).to.deep.equal([{'median(v)': 3}]);
  });

  it('answers one row over no rows: count 0, other aggregates null', () => {
    const result = runQuery(
      communes,
      q({select: 'count(), sum(population), avg(population), median(population)', where: 'population > 1e9'}),
    );
    expect(result.rows).to.deep.equal([
      {'count()': 0, 'sum(population)': null, 'avg(population)': null, 'median(population)': null},
    ]);
    expect(result.total).to.equal(1);
  });

  it('answers no groups over no rows when grouped', () => {
    const result = runQuery(communes, q({select: 'count()', groupBy: 'epci', where: 'population > 1e9'}));
    expect(result).to.deep.equal({rows: [], total: 0});
  });

  it('keeps sums exact', () => {
    const decimals = [{v: 0.1}, {v: 0.2}, {v: '12.50'}];
    expect(runQuery(decimals, q({select: 'sum(v)'})).rows[0]['sum(v)']).to.equal(12.8);
    const big = [{v: 2 ** 52}, {v: 1}, {v: 2}];
    expect(runQuery(big, q({select: 'sum(v)'})).rows[0]['sum(v)']).to.equal(2 ** 52 + 3);
  });

  it('answers the earliest and latest date for min and max of a date field', () => {
    const result = runQuery(communes, q({select: 'min(date), max(date)'}));
    expect(result.rows).to.deep.equal([{'min(date)': '2024-12-30', 'max(date)': '2025-03-10'}]);
  });

  it('groups by several keys', () => {
    const rows = [
      {r: 'a', c: 1},
      {r: 'a', c: '1'},
      {r: 'a', c: 1},
      {r: 'b', c: 1},
    ];
    const result = runQuery(rows, q({select: 'count()', groupBy: 'r, c'}));
    expect(result.rows).to.deep.equal([
      {r: 'a', c: 1, 'count()': 2},
      {r: 'a', c: '1', 'count()': 1},
      {r: 'b', c: 1, 'count()': 1},
    ]);
  });

  it('returns the group keys alone when nothing is selected', () => {
    const result = runQuery(communes, q({groupBy: 'epci as e', orderBy: 'e'}));
    expect(result.rows).to.deep.equal([{e: 'Dijon Métropole'}, {e: 'Orléans Métropole'}, {e: null}]);
  });

  // [unit, value, period start]
  const truncations: Array<[string, unknown, string | null]> = [
    ['year', '2025-03-05T14:30:00', '2025-01-01'],
    ['month', '2025-03-05T14:30:00', '2025-03-01'],
    ['week', '2025-03-05T14:30:00', '2025-03-03'],
    ['week', '2025-03-03', '2025-03-03'],
    ['week', '2025-03-09T23:00:00', '2025-03-03'],
    ['week', '2025-01-01', '2024-12-30'],
    ['week', '2024-03-01', '2024-02-26'],
    ['day', '2025-03-05T14:30:00', '2025-03-05'],
    ['hour', '2025-03-05T14:30:00', '2025-03-05T14:00:00'],
    ['hour', '2025-03-05 09:05', '2025-03-05T09:00:00'],
    ['day', '2025-03-05T23:30:00-05:00', '2025-03-05'],
    ['hour', '2025-03-05T00:30:00+02:00', '2025-03-05T00:00:00'],
    ['day', new Date(2025, 2, 5, 23, 59), '2025-03-05'],
    ['hour', new Date(2025, 2, 5, 14, 30), '2025-03-05T14:00:00'],
    ['year', 'inconnue', null],
    ['year', 2025, null],
    ['month', null, null],
  ];
  for (const [unit, value, start] of truncations) {
    it(`groups ${String(value)} by ${unit} under ${start}`, () => {
      const result = runQuery([{d: value}], q({select: 'count()', groupBy: `${unit}(d)`}));
      expect(result.rows).to.deep.equal([{[`${unit}(d)`]: start, 'count()': 1}]);
    });
  }

  it('groups by month over rows, sorted by the period', () => {
    const result = runQuery(
      communes,
      q({select: 'sum(population) as habitants', groupBy: 'month(date) as mois', orderBy: 'mois'}),
    );
    expect(result.rows).to.deep.equal([
      {mois: '2024-12-01', habitants: 16616},
      {mois: '2025-01-01', habitants: 13878},
      {mois: '2025-03-01', habitants: 295814},
      {mois: null, habitants: null},
    ]);
  });

  it('sorts groups by a canonical text, an alias or an aggregate it does not select', () => {
    const byCanonical = runQuery(
      communes,
      q({
        select: 'sum(population) as total',
        groupBy: 'epci',
        where: 'epci is not null',
        orderBy: 'sum(population)',
      }),
    );
    expect(byCanonical.rows.map((row) => row.epci)).to.deep.equal(['Orléans Métropole', 'Dijon Métropole']);
    const byHidden = runQuery(communes, q({select: 'epci', groupBy: 'epci', orderBy: '-count(), epci'}));
    expect(byHidden.rows).to.deep.equal([
      {epci: 'Orléans Métropole'},
      {epci: 'Dijon Métropole'},
      {epci: null},
    ]);
    const byTimeUnit = runQuery(
      communes,
      q({select: 'count()', groupBy: 'year(date) as an', orderBy: '-year(date)'}),
    );
    expect(byTimeUnit.rows.map((row) => row.an)).to.deep.equal(['2025-01-01', '2024-01-01', null]);
  });

  it('refuses a bare field that is neither grouped nor aggregated', () => {
    expect(() => runQuery(communes, q({select: 'commune, sum(population)', groupBy: 'epci'}))).to.throw(
      QueryError,
      /commune/,
    );
    expect(() => runQuery(communes, q({select: 'commune, count()'}))).to.throw(QueryError);
  });

  it('refuses to sort groups on a field outside the groups', () => {
    expect(() => runQuery(communes, q({select: 'count()', groupBy: 'epci', orderBy: 'commune'}))).to.throw(
      QueryError,
      /commune/,
    );
  });
});

describe('runQuery over the real populations', () => {
  let rows: Row[];
  before(async () => {
    rows = await (await fetch('/examples/data/populations-45-21-49.json')).json();
  });

  // [epci, communes, population]
  const metropoles: Array<[string, number, number]> = [
    ['Orléans Métropole', 22, 293673],
    ['Dijon Métropole', 23, 258630],
    ['Communauté urbaine Angers Loire Métropole', 29, 308806],
  ];
  for (const [epci, count, population] of metropoles) {
    it(`sums ${epci}: ${count} communes, ${population} inhabitants`, () => {
      const where = `epci = "${epci}"`;
      const result = runQuery(rows, q({select: 'count(), sum(population)', where}));
      expect(result.rows).to.deep.equal([{'count()': count, 'sum(population)': population}]);
    });
  }

  it('finds Orléans by its INSEE code', () => {
    const result = runQuery(rows, q({select: 'commune, population', where: 'code_insee = "45234"'}));
    expect(result).to.deep.equal({rows: [{commune: 'Orléans', population: 116344}], total: 1});
  });

  it('ranks the three metropoles among the groups', () => {
    const result = runQuery(
      rows,
      q({
        select: 'epci, sum(population) as p',
        groupBy: 'epci',
        where: 'epci is not null',
        orderBy: '-p',
        limit: 3,
      }),
    );
    expect(result.rows.map((row) => row.p)).to.deep.equal([308806, 293673, 258630]);
  });

  it('groups 35 000 rows by a text field with the same sums as on one copy', () => {
    const copies = Math.ceil(35_000 / rows.length);
    const many: Row[] = [];
    for (let copy = 0; copy < copies; copy += 1) {
      for (const row of rows) many.push({...row, commune: `${row.commune} ${copy}`});
    }
    const query = q({select: 'epci, sum(population), count()', groupBy: 'epci', orderBy: '-sum(population)'});
    const once = runQuery(rows, query).rows;
    const result = runQuery(many, query).rows;
    expect(many.length).to.be.at.least(35_000);
    expect(result.map((row) => row.epci)).to.deep.equal(once.map((row) => row.epci));
    result.forEach((row, index) => {
      expect(row['sum(population)']).to.equal((once[index]['sum(population)'] as number) * copies);
      expect(row['count()']).to.equal((once[index]['count()'] as number) * copies);
    });
  });
});
