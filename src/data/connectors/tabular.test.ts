import {expect} from '@open-wc/testing';
import {failureOf, TABULAR_AGGREGATION_REFUSED, TABULAR_UNKNOWN_COLUMN} from '../../../test/real-answers.js';
import {QueryError} from '../errors.js';
import type {FetchContext, Row} from '../types.js';
import {TabularConnector, tabularConnector} from './tabular.js';
import {apiSource, num, ORLEANS, q, str} from '../../../test/connector-queries.js';

const BASE = 'https://tabular.example.fr/api/';
const RID = 'rid-1';

/** The resource, with the URL's own operators. */
const newSource = (params?: Record<string, string[]>) =>
  apiSource('tabular', BASE, `resources/${RID}/data/`, RID, params);

const PROFILE = {
  profile: {
    header: ['commune', 'epci', 'population', 'date_maj'],
    columns: {
      commune: {python_type: 'string', format: 'commune'},
      epci: {python_type: 'string', format: 'string'},
      population: {python_type: 'int', format: 'int'},
      date_maj: {python_type: 'date', format: 'date'},
    },
    total_lines: 35_000,
  },
};

interface Fake {
  ctx: FetchContext;
  /** Data requests as `?decoded&params`, in order. */
  requests: string[];
}

/** Answers profile and resource records, and `data/` from `data(params)`; records every data request. */
function fakeContext(data: (params: URLSearchParams) => unknown): Fake {
  const requests: string[] = [];
  const ctx: FetchContext = {
    fetchJson: async <T>(url: string) => {
      const parsed = new URL(url);
      if (parsed.pathname.endsWith('/profile/')) return structuredClone(PROFILE) as T;
      if (!parsed.pathname.endsWith('/data/')) {
        return {
          created_at: '2024-12-19T08:05:12+00:00',
          url: `https://www.example.fr/api/1/datasets/r/x`,
        } as T;
      }
      requests.push(
        `?${[...parsed.searchParams].map(([name, value]) => (value === '' ? name : `${name}=${value}`)).join('&')}`,
      );
      return structuredClone(data(parsed.searchParams)) as T;
    },
    fetchText: async () => '',
  };
  return {ctx, requests};
}

/** Pages of `rows`, 50 each, with meta.total, as the API serves unaggregated data. */
function pagesOf(rows: Row[]): (params: URLSearchParams) => unknown {
  return (params) => {
    const size = Number(params.get('page_size'));
    const page = Number(params.get('page'));
    return {
      data: rows.slice((page - 1) * size, page * size),
      links: {next: null},
      meta: {page, page_size: size, total: rows.length},
    };
  };
}

const COMMUNES: Row[] = Array.from({length: 130}, (_, i) => ({
  __id: i + 1,
  commune: `Commune ${i + 1}`,
  epci: i < 22 ? 'Orléans Métropole' : 'Autre',
  population: 1000 + i,
  date_maj: '2024-01-01',
}));

describe('tabular connector: requests', () => {
  /** A connector of its own per test: what one learns about a resource never leaks into the next. */
  let connector: TabularConnector;
  beforeEach(() => {
    connector = new TabularConnector();
  });

  it('sends the filter, sort and columns, and fetches only the pages holding offset…offset+limit', async () => {
    const fake = fakeContext(pagesOf(COMMUNES));
    const result = await connector.query(
      newSource(),
      q({
        select: [{type: 'field', field: 'commune', as: 'nom'}],
        where: {type: 'compare', field: 'population', op: '>=', value: num(1000)},
        orderBy: [{key: 'nom', direction: 'asc'}],
        limit: 60,
        offset: 30,
      }),
      fake.ctx,
    );
    expect(fake.requests).to.deep.equal([
      '?population__greater=1000&commune__sort=asc&columns=commune&page=1&page_size=50',
      '?population__greater=1000&commune__sort=asc&columns=commune&page=2&page_size=50',
    ]);
    expect(result.total).to.equal(130);
    expect(result.rows).to.have.length(60);
    expect(result.rows[0]).to.deep.equal({nom: 'Commune 31'});
    expect(result.rows[59]).to.deep.equal({nom: 'Commune 90'});
  });

  it('starts at the page of the offset and leaves out the API’s __id', async () => {
    const fake = fakeContext(pagesOf(COMMUNES));
    const result = await connector.query(newSource(), q({limit: 10, offset: 105}), fake.ctx);
    expect(fake.requests).to.deep.equal(['?page=3&page_size=50']);
    expect(result.rows[0]).to.deep.equal({
      commune: 'Commune 106',
      epci: 'Autre',
      population: 1105,
      date_maj: '2024-01-01',
    });
  });

  it('several sort keys: every filtered page is fetched and the browser sorts', async () => {
    const fake = fakeContext(pagesOf(COMMUNES));
    const result = await connector.query(
      newSource(),
      q({
        orderBy: [
          {key: 'epci', direction: 'asc'},
          {key: 'population', direction: 'desc'},
        ],
        limit: 2,
      }),
      fake.ctx,
    );
    expect(fake.requests).to.deep.equal([
      '?page=1&page_size=50',
      '?page=2&page_size=50',
      '?page=3&page_size=50',
    ]);
    expect(result.rows.map((row) => row.commune)).to.deep.equal(['Commune 130', 'Commune 129']);
    expect(result.total).to.equal(130);
  });

  it('a filter the operators cannot express: the API narrows, the browser finishes', async () => {
    const orleans = COMMUNES.slice(0, 22);
    const fake = fakeContext(pagesOf(orleans));
    const result = await connector.query(
      newSource(),
      q({
        where: {
          type: 'and',
          filters: [
            ORLEANS,
            {
              type: 'or',
              filters: [
                {type: 'compare', field: 'population', op: '<', value: num(1002)},
                {type: 'compare', field: 'commune', op: '=', value: str('Commune 22')},
              ],
            },
          ],
        },
      }),
      fake.ctx,
    );
    expect(fake.requests).to.deep.equal(['?epci__exact=Orléans Métropole&page=1&page_size=50']);
    expect(result.rows.map((row) => row.commune)).to.deep.equal(['Commune 1', 'Commune 2', 'Commune 22']);
    expect(result.total).to.equal(3);
  });

  it('aggregates with the API’s operators, renames their keys, sorts and pages in the browser', async () => {
    const fake = fakeContext(() => ({
      data: [
        {epci: 'Autre', population__sum: 10, population__avg: 5},
        {epci: 'Orléans Métropole', population__sum: 293_673, population__avg: 13_348.77},
      ],
      links: {next: null},
      meta: {page: 1, page_size: 50},
    }));
    const result = await connector.query(
      newSource(),
      q({
        select: [
          {type: 'field', field: 'epci', as: 'epci'},
          {type: 'aggregate', fn: 'sum', field: 'population', as: 'sum(population)'},
          {type: 'aggregate', fn: 'avg', field: 'population', as: 'moyenne'},
        ],
        groupBy: [{field: 'epci', as: 'epci'}],
        orderBy: [{key: 'sum(population)', direction: 'desc'}],
        limit: 1,
      }),
      fake.ctx,
    );
    expect(fake.requests).to.deep.equal([
      '?epci__groupby&population__sum&population__avg&page=1&page_size=50',
    ]);
    expect(result.rows).to.deep.equal([
      {epci: 'Orléans Métropole', 'sum(population)': 293_673, moyenne: 13_348.77},
    ]);
    expect(result.total).to.equal(2);
  });

  it('count() without groups is the total of the filtered rows (one row asked)', async () => {
    const fake = fakeContext(pagesOf(COMMUNES.slice(0, 22)));
    const result = await connector.query(
      newSource(),
      q({
        select: [
          {type: 'aggregate', fn: 'count', as: 'count()'},
          {type: 'aggregate', fn: 'sum', field: 'population', as: 's'},
        ],
        where: ORLEANS,
      }),
      fake.ctx,
    );
    expect(fake.requests).to.have.members([
      '?epci__exact=Orléans Métropole&population__sum&page=1&page_size=50',
      '?epci__exact=Orléans Métropole&page=1&page_size=1',
    ]);
    expect(result.rows[0]['count()']).to.equal(22);
  });

  it('follows links.next through the pages of groups (aggregated answers have no total)', async () => {
    const groups = Array.from({length: 70}, (_, i) => ({commune: `C${i}`, population__max: i}));
    const fake = fakeContext((params) => {
      const page = Number(params.get('page'));
      return {
        data: groups.slice((page - 1) * 50, page * 50),
        links: {next: page === 1 ? 'next' : null},
        meta: {page, page_size: 50},
      };
    });
    const result = await connector.query(
      newSource(),
      q({
        select: [{type: 'aggregate', fn: 'max', field: 'population', as: 'm'}],
        groupBy: [{field: 'commune', as: 'commune'}],
      }),
      fake.ctx,
    );
    expect(fake.requests).to.have.length(2);
    expect(result.total).to.equal(70);
  });

  /**
   * A resource whose `__sum` answers `refusal` (a real api-tabular error) and whose plain pages
   * hold `rows`; every data request's query string is recorded.
   */
  function refusingContext(rows: Row[], refusal: unknown): {ctx: FetchContext; requests: string[]} {
    const requests: string[] = [];
    const ctx: FetchContext = {
      fetchJson: async <T>(url: string) => {
        const parsed = new URL(url);
        if (parsed.pathname.endsWith('/profile/')) return structuredClone(PROFILE) as T;
        if (!parsed.pathname.endsWith('/data/')) return {} as T;
        requests.push(decodeURIComponent(parsed.search));
        if (parsed.search.includes('__sum')) throw refusal;
        return pagesOf(rows)(parsed.searchParams) as T;
      },
      fetchText: async () => '',
    };
    return {ctx, requests};
  }

  const SUM_ORLEANS = q({
    select: [{type: 'aggregate', fn: 'sum', field: 'population', as: 'total'}],
    where: ORLEANS,
  });
  const COUNT_ORLEANS = q({select: [{type: 'aggregate', fn: 'count', as: 'n'}], where: ORLEANS});

  it('aggregation refused (403 Unauthorized parameters): computed in the browser, not asked again for that resource', async () => {
    const source = newSource();
    const rows = COMMUNES.slice(0, 22);
    const refusal = await failureOf(403, TABULAR_AGGREGATION_REFUSED);
    const {ctx, requests} = refusingContext(rows, refusal);
    const first = await connector.query(source, SUM_ORLEANS, ctx);
    expect(first.rows).to.deep.equal([
      {total: rows.reduce((sum, row) => sum + (row.population as number), 0)},
    ]);
    expect(requests.filter((search) => search.includes('__sum'))).to.have.length(1);

    requests.length = 0;
    const second = await connector.query(source, SUM_ORLEANS, ctx);
    expect(second.rows).to.deep.equal(first.rows);
    expect(requests.some((search) => search.includes('__sum'))).to.equal(false);
  });

  it('what a connector remembers lasts as long as it: another resource, a new connector or clear() ask again', async () => {
    const {ctx, requests} = refusingContext(
      COMMUNES.slice(0, 22),
      await failureOf(403, TABULAR_AGGREGATION_REFUSED),
    );
    await connector.query(newSource(), SUM_ORLEANS, ctx);
    expect([...connector.aggregationRefused]).to.deep.equal([BASE + RID]);
    const asked = () => requests.splice(0).some((search) => search.includes('__sum'));
    asked();

    await connector.query(
      {...newSource(), id: 'rid-2', url: `${BASE}resources/rid-2/data/`},
      SUM_ORLEANS,
      ctx,
    );
    expect(asked()).to.equal(true);
    await new TabularConnector().query(newSource(), SUM_ORLEANS, ctx);
    expect(asked()).to.equal(true);
    connector.aggregationRefused.clear();
    await connector.query(newSource(), SUM_ORLEANS, ctx);
    expect(asked()).to.equal(true);
    // The page's connector is one such object, not a hidden memory.
    expect(tabularConnector).to.be.instanceOf(TabularConnector);
  });

  it('after the 403 refusal, a filtered count() is one request reading meta.total, not every page', async () => {
    const source = newSource();
    const rows = Array.from({length: 900}, (_, i) => ({...COMMUNES[0], __id: i + 1}));
    const {ctx, requests} = refusingContext(rows, await failureOf(403, TABULAR_AGGREGATION_REFUSED));
    await connector.query(source, SUM_ORLEANS, ctx);
    requests.length = 0;
    const counted = await connector.query(source, COUNT_ORLEANS, ctx);
    expect(requests).to.deep.equal(['?epci__exact=Orléans Métropole&page=1&page_size=1']);
    expect(counted.rows).to.deep.equal([{n: 900}]);
  });

  it('a 400 for an unknown column is the user’s answer, in the API’s words, and refuses nothing', async () => {
    const source = newSource();
    const error = await failureOf(400, TABULAR_UNKNOWN_COLUMN);
    const {ctx, requests} = refusingContext(COMMUNES, error);
    let caught: unknown;
    try {
      await connector.query(source, SUM_ORLEANS, ctx);
    } catch (thrown) {
      caught = thrown;
    }
    expect(caught).to.be.instanceOf(QueryError);
    expect((caught as QueryError).details.apiMessage).to.equal(
      'Database error: column "nombre" does not exist',
    );
    // The resource was not marked: a plain count() is still one request.
    expect(connector.aggregationRefused.size).to.equal(0);
    requests.length = 0;
    await connector.query(source, COUNT_ORLEANS, ctx);
    expect(requests).to.have.length(1);
  });

  it('time units and median are computed in the browser over the filtered rows', async () => {
    const fake = fakeContext(pagesOf(COMMUNES.slice(0, 3)));
    const result = await connector.query(
      newSource(),
      q({
        select: [{type: 'aggregate', fn: 'median', field: 'population', as: 'med'}],
        groupBy: [{field: 'date_maj', timeunit: 'year', as: 'year(date_maj)'}],
        where: ORLEANS,
      }),
      fake.ctx,
    );
    expect(fake.requests).to.deep.equal(['?epci__exact=Orléans Métropole&page=1&page_size=50']);
    expect(result.rows).to.deep.equal([{'year(date_maj)': '2024-01-01', med: 1001}]);
  });

  it('keeps at most 4 pages in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const ctx: FetchContext = {
      fetchJson: async <T>(url: string) => {
        const parsed = new URL(url);
        if (parsed.pathname.endsWith('/profile/')) return structuredClone(PROFILE) as T;
        if (!parsed.pathname.endsWith('/data/')) return {} as T;
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return pagesOf(Array.from({length: 500}, (_, i) => ({__id: i + 1, commune: `C${i}`})))(
          parsed.searchParams,
        ) as T;
      },
      fetchText: async () => '',
    };
    const result = await connector.query(newSource(), q({limit: 500}), ctx);
    expect(result.rows).to.have.length(500);
    expect(most).to.equal(4);
  });

  it('info: columns and types from the profile, update date and data.gouv.fr page from the resource record', async () => {
    const fake = fakeContext(() => ({}));
    const info = await connector.info(newSource(), fake.ctx);
    expect(info.fields).to.deep.equal([
      {name: 'commune', label: 'commune', type: 'text'},
      {name: 'epci', label: 'epci', type: 'text'},
      {name: 'population', label: 'population', type: 'int'},
      {name: 'date_maj', label: 'date_maj', type: 'date'},
    ]);
    expect(info.meta).to.deep.equal({
      recordsCount: 35_000,
      modified: '2024-12-19T08:05:12+00:00',
      pageUrl: 'https://www.example.fr/fr/datasets/r/x',
    });
  });
});
