import {expect} from '@open-wc/testing';
import {QueryError} from '../errors.js';
import type {FieldType, Filter, NormalizedQuery, Row} from '../types.js';
import {
  countedTotal,
  knownTotal,
  planCkanSql,
  sqlAnswerRows,
  sqlFilter,
  sqlIdentifier,
  sqlString,
} from './ckan-sql.js';
import {apiSource, num, ORLEANS, q, str} from '../../../test/connector-queries.js';

const BASE = 'https://ckan.example.fr/api/3/action/';

const newSource = (params?: Record<string, string[]>) =>
  apiSource('ckan', BASE, 'datastore_search?resource_id=res-1', 'res-1', params);

describe('CKAN SQL: a query as one datastore_search_sql statement', () => {
  const source = newSource();
  const cases: Array<[string, NormalizedQuery, string]> = [
    [
      'an aggregate under a filter',
      q({
        select: [{type: 'aggregate', fn: 'sum', field: 'population', as: 'sum(population)'}],
        where: ORLEANS,
      }),
      `SELECT SUM("population") AS "a0" FROM "res-1" WHERE "epci" = 'Orléans Métropole'`,
    ],
    [
      'groups, an order on an aggregate (nulls last, as the engine), limit and offset',
      q({
        select: [
          {type: 'field', field: 'epci', as: 'epci'},
          {type: 'aggregate', fn: 'count', as: 'count()'},
          {type: 'aggregate', fn: 'avg', field: 'population', as: 'moyenne'},
        ],
        groupBy: [{field: 'epci', as: 'epci'}],
        orderBy: [{key: 'count()', direction: 'desc'}],
        limit: 5,
        offset: 10,
      }),
      `SELECT "epci" AS "g0", COUNT(*) AS "a1", AVG("population") AS "a2" FROM "res-1" GROUP BY "epci" ORDER BY "a1" DESC NULLS LAST LIMIT 5 OFFSET 10`,
    ],
    [
      'a time unit with date_trunc; median with percentile_cont',
      q({
        select: [{type: 'aggregate', fn: 'median', field: 'population', as: 'med'}],
        groupBy: [{field: 'maj', timeunit: 'month', as: 'month(maj)'}],
        orderBy: [{key: 'month(maj)', direction: 'asc'}],
      }),
      `SELECT date_trunc('month', "maj") AS "g0", percentile_cont(0.5) WITHIN GROUP (ORDER BY "population") AS "a0" FROM "res-1" GROUP BY date_trunc('month', "maj") ORDER BY "g0" ASC NULLS LAST`,
    ],
    [
      'rows under an or, renamed fields',
      q({
        select: [{type: 'field', field: 'commune', as: 'nom'}],
        where: {
          type: 'or',
          filters: [ORLEANS, {type: 'compare', field: 'population', op: '>', value: num(100_000)}],
        },
        orderBy: [{key: 'nom', direction: 'asc'}],
        limit: 10,
      }),
      `SELECT "commune" AS "f0" FROM "res-1" WHERE ("epci" = 'Orléans Métropole') OR ("population" > 100000) ORDER BY "f0" ASC NULLS LAST LIMIT 10`,
    ],
  ];
  for (const [name, query, sql] of cases) {
    it(name, () => {
      expect(planCkanSql(source, query).sql).to.equal(sql);
    });
  }

  it('counts groups by listing their keys, rows with COUNT(*)', () => {
    const grouped = planCkanSql(
      source,
      q({groupBy: [{field: 'epci', as: 'epci'}], where: ORLEANS, limit: 1}),
    );
    expect(grouped.countSql).to.equal(
      `SELECT "epci" AS "g0" FROM "res-1" WHERE "epci" = 'Orléans Métropole' GROUP BY "epci"`,
    );
    const plain = planCkanSql(source, q({where: ORLEANS, limit: 1}));
    expect(plain.countSql).to.equal(`SELECT COUNT(*) AS "n" FROM "res-1" WHERE "epci" = 'Orléans Métropole'`);
  });

  const filters: Array<[string, Filter, string]> = [
    [
      'quotes in strings doubled',
      {type: 'compare', field: 'commune', op: '=', value: str("L'Abergement")},
      `"commune" = 'L''Abergement'`,
    ],
    ['quotes in identifiers doubled', {type: 'null', field: 'a"b'}, `"a""b" IS NULL`],
    ['!= as <>', {type: 'compare', field: 'population', op: '!=', value: num(3)}, `"population" <> 3`],
    [
      'booleans',
      {type: 'compare', field: 'ok', op: '=', value: {type: 'boolean', value: false}},
      `"ok" = FALSE`,
    ],
    ['in', {type: 'in', field: 'code', values: [str('45234'), num(2)]}, `"code" IN ('45234', 2)`],
    ['not', {type: 'not', filter: {type: 'null', field: 'epci'}}, `NOT ("epci" IS NULL)`],
    [
      'a day is the whole day',
      {type: 'compare', field: 'maj', op: '=', value: {type: 'date', value: '2024-12-31'}},
      `"maj" >= '2024-12-31' AND "maj" < '2025-01-01'`,
    ],
    [
      'after a day',
      {type: 'compare', field: 'maj', op: '>', value: {type: 'date', value: '2024-02-28'}},
      `"maj" >= '2024-02-29'`,
    ],
    [
      'up to a day',
      {type: 'compare', field: 'maj', op: '<=', value: {type: 'date', value: '2024-02-28'}},
      `"maj" < '2024-02-29'`,
    ],
    [
      'an instant',
      {type: 'compare', field: 'maj', op: '<', value: {type: 'date', value: '2024-02-28T10:00:00'}},
      `"maj" < '2024-02-28T10:00:00'`,
    ],
  ];
  for (const [name, filter, sql] of filters) {
    it(name, () => {
      expect(sqlFilter(filter)).to.equal(sql);
    });
  }

  it('refuses a date literal that could carry SQL', () => {
    expect(() =>
      sqlFilter({
        type: 'compare',
        field: 'maj',
        op: '=',
        value: {type: 'date', value: "2024-01-01' OR '1'='1"},
      }),
    ).to.throw(QueryError);
  });

  it('quotes', () => {
    expect(sqlIdentifier('Code région')).to.equal('"Code région"');
    expect(sqlString("a'b")).to.equal("'a''b'");
  });
});

describe('CKAN SQL: the answer as rows', () => {
  /** The resource's types, as `datastore_search` gives them (`numeric` → double). */
  const TYPES = new Map<string, FieldType>([
    ['commune', 'text'],
    ['epci', 'text'],
    ['population', 'int'],
    ['surface', 'double'],
    ['maj', 'datetime'],
  ]);

  it('aliases back to the query’s keys; aggregates and numeric columns given as text read as numbers', () => {
    const query = q({
      select: [
        {type: 'field', field: 'epci', as: 'epci'},
        {type: 'aggregate', fn: 'sum', field: 'surface', as: 'surface totale'},
        {type: 'aggregate', fn: 'count', as: 'count()'},
      ],
      groupBy: [{field: 'epci', as: 'epci'}],
    });
    const plan = planCkanSql(newSource(), query);
    // PostgreSQL's SUM of a numeric and its COUNT as the datastore's JSON writes them: text.
    const records: Row[] = [
      {g0: 'Orléans Métropole', a1: '360.7', a2: '22'},
      {g0: null, a1: null, a2: '3'},
    ];
    expect(sqlAnswerRows(plan, query, records, TYPES)).to.deep.equal([
      {epci: 'Orléans Métropole', 'surface totale': 360.7, 'count()': 22},
      {epci: null, 'surface totale': null, 'count()': 3},
    ]);
  });

  it('plain rows: renamed fields typed, internal columns left out', () => {
    const query = q({
      select: [
        {type: 'field', field: 'commune', as: 'nom'},
        {type: 'field', field: 'surface', as: 'surface'},
      ],
    });
    const plan = planCkanSql(newSource(), query);
    const rows = sqlAnswerRows(plan, query, [{_id: 4, f0: 'Olivet', f1: '0.000384'}], TYPES);
    expect(rows).to.deep.equal([{nom: 'Olivet', surface: 0.000384}]);
  });

  it('a time unit: date_trunc’s timestamp becomes the ISO start of the period', () => {
    const query = q({
      select: [{type: 'aggregate', fn: 'count', as: 'n'}],
      groupBy: [{field: 'maj', timeunit: 'month', as: 'mois'}],
    });
    const plan = planCkanSql(newSource(), query);
    expect(sqlAnswerRows(plan, query, [{g0: '2024-03-01T00:00:00', a0: 7}], TYPES)).to.deep.equal([
      {mois: '2024-03-01', n: 7},
    ]);
  });

  it('the total: known from a page that is not full, else counted by the second statement', () => {
    const rows = (n: number): Row[] => Array.from({length: n}, () => ({}));
    const sum = q({select: [{type: 'aggregate', fn: 'sum', field: 'population', as: 's'}]});
    expect(knownTotal(planCkanSql(newSource(), sum), sum, rows(1))).to.equal(1);
    const page = q({
      select: [{type: 'field', field: 'commune', as: 'commune'}],
      limit: 10,
      offset: 20,
    });
    const plan = planCkanSql(newSource(), page);
    expect(knownTotal(plan, page, rows(4))).to.equal(24);
    expect(knownTotal(plan, page, rows(10))).to.equal(undefined);
    expect(countedTotal(page, [{n: '130'}], rows(10))).to.equal(130);
    // Past the end, an empty page after offset 20 says nothing: counted.
    expect(knownTotal(plan, page, rows(0))).to.equal(undefined);
    const groups = q({groupBy: [{field: 'epci', as: 'epci'}], limit: 2});
    expect(countedTotal(groups, [{g0: 'a'}, {g0: 'b'}, {g0: 'c'}], rows(2))).to.equal(3);
  });
});
