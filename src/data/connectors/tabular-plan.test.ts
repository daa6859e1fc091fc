import {expect} from '@open-wc/testing';
import {QueryError} from '../errors.js';
import type {Filter} from '../types.js';
import {
  canonicalKey,
  columnsParam,
  dataUrl,
  planTabularFilter,
  profileUrl,
  resourceUrl,
  serverAggregation,
  serverSort,
} from './tabular-plan.js';
import {apiSource, num, ORLEANS, q, str} from '../../../test/connector-queries.js';

const BASE = 'https://tabular-api.data.gouv.fr/api/';
const RID = '5c4e1452-3850-4b59-b11c-3dd51d7fb8b5';

const newSource = (params?: Record<string, string[]>) =>
  apiSource('tabular', BASE, `resources/${RID}/data/`, RID, params);

describe('tabular API: filters as column operators', () => {
  const fields = [
    {name: 'commune', label: 'commune', type: 'text' as const},
    {name: 'population', label: 'population', type: 'int' as const},
    {name: 'date_maj', label: 'date_maj', type: 'date' as const},
  ];
  const cases: Array<[string, Filter, Array<[string, string]>, boolean]> = [
    ['= → exact', ORLEANS, [['epci__exact', 'Orléans Métropole']], true],
    [
      '< → strictly_less',
      {type: 'compare', field: 'population', op: '<', value: num(5)},
      [['population__strictly_less', '5']],
      true,
    ],
    [
      '<= → less',
      {type: 'compare', field: 'population', op: '<=', value: num(5)},
      [['population__less', '5']],
      true,
    ],
    [
      '> → strictly_greater',
      {type: 'compare', field: 'population', op: '>', value: num(5)},
      [['population__strictly_greater', '5']],
      true,
    ],
    [
      '>= → greater',
      {type: 'compare', field: 'population', op: '>=', value: num(5)},
      [['population__greater', '5']],
      true,
    ],
    [
      '!= → differs, re-checked here (the API keeps nulls)',
      {type: 'compare', field: 'epci', op: '!=', value: str('A')},
      [['epci__differs', 'A']],
      false,
    ],
    [
      'in → in',
      {type: 'in', field: 'commune', values: [str('Orléans'), str('Olivet')]},
      [['commune__in', 'Orléans,Olivet']],
      true,
    ],
    [
      'not in → notin',
      {type: 'not', filter: {type: 'in', field: 'commune', values: [str('A')]}},
      [['commune__notin', 'A']],
      true,
    ],
    ['is null → isnull', {type: 'null', field: 'epci'}, [['epci__isnull', '']], true],
    [
      'is not null → isnotnull',
      {type: 'not', filter: {type: 'null', field: 'epci'}},
      [['epci__isnotnull', '']],
      true,
    ],
    [
      'a date against a date column',
      {type: 'compare', field: 'date_maj', op: '>=', value: {type: 'date', value: '2024-01-01'}},
      [['date_maj__greater', '2024-01-01']],
      true,
    ],
    [
      'a date against a text column stays in the browser',
      {type: 'compare', field: 'commune', op: '>=', value: {type: 'date', value: '2024-01-01'}},
      [],
      false,
    ],
    [
      'a text range stays in the browser',
      {type: 'compare', field: 'commune', op: '<', value: str('M')},
      [],
      false,
    ],
    [
      'in with a comma in a value stays in the browser',
      {type: 'in', field: 'commune', values: [str('a,b')]},
      [],
      false,
    ],
    [
      'or stays in the browser, the rest of the conjunction goes to the API',
      {
        type: 'and',
        filters: [
          ORLEANS,
          {
            type: 'or',
            filters: [
              {type: 'compare', field: 'population', op: '>', value: num(1)},
              {type: 'null', field: 'commune'},
            ],
          },
        ],
      },
      [['epci__exact', 'Orléans Métropole']],
      false,
    ],
  ];
  for (const [name, filter, params, exact] of cases) {
    it(name, () => {
      const plan = planTabularFilter(filter, fields);
      expect(plan.filters).to.deep.equal(params);
      expect(plan.exact).to.equal(exact);
    });
  }

  it('keeps the operators of the URL', () => {
    const plan = planTabularFilter(ORLEANS, fields, newSource({code__exact: ['45234']}));
    expect(plan.filters).to.deep.equal([
      ['code__exact', '45234'],
      ['epci__exact', 'Orléans Métropole'],
    ]);
  });
});

describe('tabular API: a query as URLs', () => {
  it('profile, the resource’s record, and a page of data with its operators, sort and columns', () => {
    expect(profileUrl(newSource())).to.equal(`${BASE}resources/${RID}/profile/`);
    expect(resourceUrl(newSource())).to.equal(`${BASE}resources/${RID}/`);
    const query = q({
      select: [
        {type: 'field', field: 'commune', as: 'nom'},
        {type: 'field', field: 'population', as: 'population'},
      ],
      where: ORLEANS,
      orderBy: [{key: 'population', direction: 'desc'}],
    });
    const {filters} = planTabularFilter(query.where, [], newSource());
    expect(dataUrl(newSource(), [...filters, ...serverSort(query)!, ...columnsParam(query)], 3)).to.equal(
      `${BASE}resources/${RID}/data/?epci__exact=Orl%C3%A9ans%20M%C3%A9tropole` +
        '&population__sort=desc&columns=commune%2Cpopulation&page=3&page_size=50',
    );
  });

  it('a bare flag operator is written without a value', () => {
    const {filters} = planTabularFilter({type: 'null', field: 'code'}, [], newSource());
    expect(dataUrl(newSource(), filters, 1, 1)).to.equal(
      `${BASE}resources/${RID}/data/?code__isnull&page=1&page_size=1`,
    );
  });

  it('the sort: none, one key (a selection’s field), or the browser’s for several', () => {
    expect(serverSort(q({}))).to.deep.equal([]);
    expect(
      serverSort(
        q({
          select: [{type: 'field', field: 'commune', as: 'nom'}],
          orderBy: [{key: 'nom', direction: 'asc'}],
        }),
      ),
    ).to.deep.equal([['commune__sort', 'asc']]);
    expect(
      serverSort(
        q({
          orderBy: [
            {key: 'a', direction: 'asc'},
            {key: 'b', direction: 'asc'},
          ],
        }),
      ),
    ).to.equal(undefined);
    expect(columnsParam(q({select: [{type: 'aggregate', fn: 'count', as: 'n'}]}))).to.deep.equal([]);
  });

  it('aggregates as operators: groupby, sum…; count() alone read from meta.total; median and time units refused', () => {
    const grouped = q({
      select: [
        {type: 'field', field: 'epci', as: 'intercommunalité'},
        {type: 'aggregate', fn: 'sum', field: 'population', as: 'habitants'},
        {type: 'aggregate', fn: 'count', as: 'communes'},
      ],
      groupBy: [{field: 'epci', as: 'epci'}],
    });
    expect(serverAggregation(grouped)).to.deep.equal({
      params: [
        ['epci__groupby', ''],
        ['population__sum', ''],
        ['epci__count', ''],
      ],
      outputs: [
        ['epci', 'epci'],
        ['epci', 'intercommunalité'],
        ['population__sum', 'habitants'],
        ['epci__count', 'communes'],
      ],
      rowCounts: [],
    });
    expect(serverAggregation(q({select: [{type: 'aggregate', fn: 'count', as: 'n'}]}))).to.deep.equal({
      params: [],
      outputs: [],
      rowCounts: ['n'],
    });
    expect(
      serverAggregation(q({select: [{type: 'aggregate', fn: 'median', field: 'population', as: 'm'}]})),
    ).to.equal(undefined);
    expect(
      serverAggregation(
        q({
          select: [{type: 'aggregate', fn: 'count', as: 'n'}],
          groupBy: [{field: 'date_maj', timeunit: 'year', as: 'an'}],
        }),
      ),
    ).to.equal(undefined);
    expect(canonicalKey('sum(population)', grouped)).to.equal('habitants');
    expect(canonicalKey('epci', grouped)).to.equal('intercommunalité');
  });

  it('a source without a resource id is refused', () => {
    expect(() => profileUrl({...newSource(), id: undefined})).to.throw(QueryError);
  });
});
