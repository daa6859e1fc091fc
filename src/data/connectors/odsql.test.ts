import {expect} from '@open-wc/testing';
import {QueryError} from '../errors.js';
import type {Filter, ResolvedSource} from '../types.js';
import {datasetUrl, identifier, odsqlFilter, planOdsSelection, recordsUrl, stringLiteral} from './odsql.js';
import {facetsUrl} from './facets.js';
import {exportUrl} from './ods-pages.js';
import {planOdsQuery} from './ods-plan.js';
import {ODS_BASE, ODS_POP, ORLEANS, q} from '../../../test/connector-queries.js';

const BASE = ODS_BASE;
const SOURCE = ODS_POP;

describe('ODSQL: filters as where expressions', () => {
  const s = (value: string) => ({type: 'string' as const, value});
  const n = (value: number) => ({type: 'number' as const, value});
  const cases: Array<[string, Filter, string]> = [
    [
      'a string in double quotes',
      {type: 'compare', field: 'commune', op: '=', value: s('Orléans')},
      'commune = "Orléans"',
    ],
    [
      'quotes and backslashes escaped',
      {type: 'compare', field: 'nom', op: '!=', value: s('L"a\\b')},
      'nom != "L\\"a\\\\b"',
    ],
    ['a number', {type: 'compare', field: 'population', op: '>=', value: n(10_000)}, 'population >= 10000'],
    [
      'a date literal',
      {type: 'compare', field: 'date', op: '<', value: {type: 'date', value: '2025-01-01'}},
      "`date` < date'2025-01-01'",
    ],
    [
      'a boolean with is',
      {type: 'compare', field: 'gratuit', op: '=', value: {type: 'boolean', value: true}},
      'gratuit is true',
    ],
    [
      '!= true keeps the false ones',
      {type: 'compare', field: 'gratuit', op: '!=', value: {type: 'boolean', value: true}},
      'gratuit is false',
    ],
    [
      'a keyword field in backquotes',
      {type: 'compare', field: 'type', op: '=', value: s('abri')},
      '`type` = "abri"',
    ],
    [
      'a field that is not an identifier',
      {type: 'compare', field: 'Code région', op: '=', value: s('24')},
      '`Code région` = "24"',
    ],
    ['a numeric field name', {type: 'null', field: '2024'}, '`2024` is null'],
    ['is null', {type: 'null', field: 'epci'}, 'epci is null'],
    ['is not null', {type: 'not', filter: {type: 'null', field: 'epci'}}, 'epci is not null'],
    ['not', {type: 'not', filter: {type: 'compare', field: 'a', op: '=', value: n(1)}}, 'not (a = 1)'],
    ['in', {type: 'in', field: 'code', values: [s('45234'), s('45232')]}, 'code in ("45234", "45232")'],
    [
      'in with dates, spelled as equalities',
      {
        type: 'in',
        field: 'd',
        values: [
          {type: 'date', value: '2024-01-01'},
          {type: 'date', value: '2024-02-01'},
        ],
      },
      "(d = date'2024-01-01') or (d = date'2024-02-01')",
    ],
    [
      'and of or: parenthesised',
      {
        type: 'and',
        filters: [
          {
            type: 'or',
            filters: [
              {type: 'compare', field: 'a', op: '=', value: n(1)},
              {type: 'compare', field: 'b', op: '=', value: n(2)},
            ],
          },
          {type: 'compare', field: 'c', op: '<', value: n(3)},
        ],
      },
      '(a = 1 or b = 2) and c < 3',
    ],
  ];
  for (const [name, filter, expected] of cases) {
    it(name, () => {
      expect(odsqlFilter(filter)).to.equal(expected);
    });
  }

  it('refuses to order a boolean', () => {
    expect(() =>
      odsqlFilter({type: 'compare', field: 'b', op: '<', value: {type: 'boolean', value: true}}),
    ).to.throw(QueryError);
  });

  it('refuses a date literal that is not a date', () => {
    expect(() =>
      odsqlFilter({type: 'compare', field: 'd', op: '=', value: {type: 'date', value: "2024' or '1"}}),
    ).to.throw(QueryError);
  });

  it('quotes identifiers and strings', () => {
    expect(identifier('population')).to.equal('population');
    expect(identifier('select')).to.equal('`select`');
    expect(identifier('a`b')).to.equal('`a\\`b`');
    expect(stringLiteral('a"b')).to.equal('"a\\"b"');
  });
});

describe('ODSQL: a query without group keys or order', () => {
  // A key figure's query is planned without ods-plan.ts; the plan is the one it would make.
  const queries = {
    'an aggregate, filtered': q({
      select: [{type: 'aggregate', fn: 'sum', field: 'population', as: 'sum(population)'}],
      where: ORLEANS,
    }),
    'a count and a renamed aggregate': q({
      select: [
        {type: 'aggregate', fn: 'count', as: 'count()'},
        {type: 'aggregate', fn: 'avg', field: 'type', as: 'a0'},
      ],
    }),
    'fields, one renamed': q({
      select: [
        {type: 'field', field: 'commune', as: 'commune'},
        {type: 'field', field: 'population', as: 'habitants'},
      ],
      limit: 1,
    }),
    'an empty in list': q({where: {type: 'in', field: 'code', values: []}}),
    nothing: q({}),
  };
  for (const [name, query] of Object.entries(queries)) {
    it(`${name}: the plan of planOdsQuery`, () => {
      expect(planOdsSelection(query, SOURCE)).to.deep.equal(planOdsQuery(query, SOURCE));
    });
  }
});

describe('ODSQL: a query as Explore v2.1 URLs', () => {
  it('the dataset’s metadata', () => {
    expect(datasetUrl(SOURCE)).to.equal(`${BASE}catalog/datasets/pop`);
    expect(datasetUrl({...SOURCE, id: 'pop/2025 été'})).to.equal(
      `${BASE}catalog/datasets/pop%2F2025%20%C3%A9t%C3%A9`,
    );
  });

  it('records: select, where, the portal’s language and time zone, group_by, order_by, the page; every part percent-encoded', () => {
    const plan = planOdsQuery(
      q({
        select: [
          {type: 'field', field: 'epci', as: 'epci'},
          {type: 'aggregate', fn: 'sum', field: 'population', as: 'sum(population)'},
        ],
        where: ORLEANS,
        groupBy: [{field: 'epci', as: 'epci'}],
        orderBy: [{key: 'sum(population)', direction: 'desc'}],
      }),
      SOURCE,
    );
    expect(recordsUrl(SOURCE, plan, {limit: 11, offset: 20})).to.equal(
      `${BASE}catalog/datasets/pop/records` +
        '?select=sum(population)%20as%20a0' +
        '&where=epci%20%3D%20%22Orl%C3%A9ans%20M%C3%A9tropole%22' +
        '&lang=fr&timezone=Europe%2FParis' +
        '&group_by=epci&order_by=a0%20desc&limit=11&offset=20',
    );
    // A count: limit 0, no offset written.
    expect(recordsUrl(SOURCE, planOdsQuery(q({}), SOURCE), {limit: 0, offset: 0})).to.equal(
      `${BASE}catalog/datasets/pop/records?lang=fr&timezone=Europe%2FParis&limit=0`,
    );
  });

  it('the URL’s own where, q, refine and exclude are kept, the query’s filter and-ed after them', () => {
    const source: ResolvedSource = {
      ...SOURCE,
      params: {where: ['population > 1000'], q: ['parc'], refine: ['dep:45'], exclude: ['type:privé']},
    };
    const url = new URL(exportUrl(source, planOdsQuery(q({where: ORLEANS}), source), 500));
    expect(url.pathname).to.equal('/api/explore/v2.1/catalog/datasets/pop/exports/json');
    expect([...url.searchParams]).to.deep.equal([
      ['where', '(population > 1000) and ("parc") and (epci = "Orléans Métropole")'],
      ['refine', 'dep:45'],
      ['exclude', 'type:privé'],
      ['lang', 'fr'],
      ['timezone', 'Europe/Paris'],
      ['limit', '500'],
    ]);
  });

  it('facets: one facet parameter per field, under the filter', () => {
    expect(facetsUrl(SOURCE, ['commune', 'type'], ORLEANS)).to.equal(
      `${BASE}catalog/datasets/pop/facets?facet=commune&facet=type` +
        '&where=epci%20%3D%20%22Orl%C3%A9ans%20M%C3%A9tropole%22&lang=fr&timezone=Europe%2FParis',
    );
    expect(facetsUrl(SOURCE, ['commune'], true)).to.equal(
      `${BASE}catalog/datasets/pop/facets?facet=commune&lang=fr&timezone=Europe%2FParis`,
    );
  });

  it('an empty in matches nothing: the plan says so and writes no where', () => {
    const plan = planOdsQuery(q({where: {type: 'in', field: 'code', values: []}}), SOURCE);
    expect(plan.matchesNothing).to.equal(true);
    expect(plan.where).to.equal(undefined);
  });

  it('a source without a dataset id is refused', () => {
    expect(() => datasetUrl({...SOURCE, id: undefined})).to.throw(QueryError);
  });
});
