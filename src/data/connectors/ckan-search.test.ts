import {expect} from '@open-wc/testing';
import {QueryError} from '../errors.js';
import type {NormalizedQuery, ResolvedSource} from '../types.js';
import {actionUrl} from './ckan-answers.js';
import {
  isRowCount,
  nextPageStarts,
  pageParams,
  rowParams,
  searchFilters,
  searchParams,
  urlFilters,
} from './ckan-search.js';
import {apiSource, num, ORLEANS, q, str} from '../../../test/connector-queries.js';

const BASE = 'https://ckan.example.fr/api/3/action/';

const newSource = (params?: Record<string, string[]>) =>
  apiSource('ckan', BASE, 'datastore_search?resource_id=res-1', 'res-1', params);

/** The `datastore_search` URL of a query of plain rows: what the connector sends for its first page. */
function searchUrl(source: ResolvedSource, query: NormalizedQuery, limit: number, offset: number): string {
  const {filters} = searchFilters(query.where);
  return actionUrl(source, 'datastore_search', [
    ...searchParams(source, filters),
    ...rowParams(query),
    ...pageParams(limit, offset),
  ]);
}

describe('CKAN datastore_search: a query as parameters', () => {
  it('all rows: the resource and the page, nothing else', () => {
    expect(searchUrl(newSource(), q({}), 1000, 0)).to.equal(
      `${BASE}datastore_search?resource_id=res-1&limit=1000&offset=0`,
    );
  });

  it('= filters as the filters JSON, percent-encoded; columns as fields; the sort on quoted fields', () => {
    const query = q({
      select: [
        {type: 'field', field: 'commune', as: 'nom'},
        {type: 'field', field: 'population', as: 'population'},
      ],
      where: ORLEANS,
      orderBy: [
        {key: 'population', direction: 'desc'},
        {key: 'nom', direction: 'asc'},
      ],
    });
    expect(searchUrl(newSource(), query, 20, 40)).to.equal(
      `${BASE}datastore_search?resource_id=res-1` +
        '&filters=%7B%22epci%22%3A%22Orl%C3%A9ans%20M%C3%A9tropole%22%7D' +
        '&fields=commune%2Cpopulation' +
        '&sort=%22population%22%20desc%2C%20%22commune%22%20asc' +
        '&limit=20&offset=40',
    );
  });

  it('an in filter as a list; the URL’s own q kept; no fields when a selection is not a plain column', () => {
    const query = q({
      select: [
        {type: 'field', field: 'commune', as: 'commune'},
        {type: 'field', field: 'a,b', as: 'a,b'},
      ],
      where: {type: 'in', field: 'code', values: [str('45234'), num(45232)]},
    });
    const url = new URL(searchUrl(newSource({q: ['loiret']}), query, 100, 0));
    expect([...url.searchParams]).to.deep.equal([
      ['resource_id', 'res-1'],
      ['filters', '{"code":["45234",45232]}'],
      ['q', 'loiret'],
      ['limit', '100'],
      ['offset', '0'],
    ]);
  });

  it('the URL’s own filters JSON is read as a filter: one value an =, a list an in', () => {
    expect(urlFilters(newSource({filters: ['{"ville":"Dijon","code":["21",21]}']}))).to.deep.equal({
      type: 'and',
      filters: [
        {type: 'compare', field: 'ville', op: '=', value: str('Dijon')},
        {type: 'in', field: 'code', values: [str('21'), num(21)]},
      ],
    });
    expect(urlFilters(newSource())).to.equal(undefined);
    expect(() => urlFilters(newSource({filters: ['{ville']}))).to.throw(QueryError);
  });

  it('datastore_search filters: = and in conjuncts; anything else is not exact', () => {
    expect(
      searchFilters({
        type: 'and',
        filters: [ORLEANS, {type: 'in', field: 'code', values: [str('1'), str('2')]}],
      }),
    ).to.deep.equal({
      filters: {epci: 'Orléans Métropole', code: ['1', '2']},
      exact: true,
    });
    expect(
      searchFilters({
        type: 'and',
        filters: [ORLEANS, {type: 'compare', field: 'population', op: '>', value: num(1)}],
      }),
    ).to.deep.equal({
      filters: {epci: 'Orléans Métropole'},
      exact: false,
    });
    // Dates need SQL's day semantics, '' is null to the engine: neither goes to filters.
    expect(
      searchFilters({type: 'compare', field: 'maj', op: '=', value: {type: 'date', value: '2024-03-01'}}),
    ).to.deep.equal({filters: undefined, exact: false});
    expect(searchFilters({type: 'compare', field: 'code', op: '=', value: str('')}).exact).to.equal(false);
  });

  it('pages after the first: from its end, 1 000 rows apart, up to the last row wanted', () => {
    expect(nextPageStarts(0, 1000, 2200)).to.deep.equal([1000, 2000]);
    expect(nextPageStarts(10, 1000, 1010)).to.deep.equal([]);
    expect(nextPageStarts(0, 0, 5000)).to.deep.equal([]);
  });

  it('a row count is count() alone, without a field or a group', () => {
    expect(isRowCount(q({select: [{type: 'aggregate', fn: 'count', as: 'n'}]}))).to.equal(true);
    expect(isRowCount(q({select: [{type: 'aggregate', fn: 'count', field: 'code', as: 'n'}]}))).to.equal(
      false,
    );
    expect(
      isRowCount(
        q({select: [{type: 'aggregate', fn: 'count', as: 'n'}], groupBy: [{field: 'epci', as: 'epci'}]}),
      ),
    ).to.equal(false);
  });
});
