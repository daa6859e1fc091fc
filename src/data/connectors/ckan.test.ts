import {expect} from '@open-wc/testing';
import {CKAN_SQL_OFF, CKAN_UNKNOWN_FILTER, failureOf} from '../../../test/real-answers.js';
import {QueryError} from '../errors.js';
import type {FetchContext, Filter, Row} from '../types.js';
import {CkanConnector, ckanConnector} from './ckan.js';
import {apiSource, num, ORLEANS, q} from '../../../test/connector-queries.js';

const BASE = 'https://ckan.example.fr/api/3/action/';

/** A resource of the portal, with the URL's own parameters. */
const newSource = (params?: Record<string, string[]>) =>
  apiSource('ckan', BASE, 'datastore_search?resource_id=res-1', 'res-1', params);

const FIELDS = [
  {id: '_id', type: 'int'},
  {id: 'commune', type: 'text', info: {label: 'Commune', notes: 'Nom officiel'}},
  {id: 'epci', type: 'text'},
  {id: 'population', type: 'int4'},
  {id: 'surface', type: 'numeric'},
  {id: 'maj', type: 'timestamp'},
];

const RESOURCE = {
  id: 'res-1',
  name: 'Populations (CSV)',
  description: 'Une ligne par commune',
  package_id: 'pkg-1',
  last_modified: '2024-12-19T08:00:00',
};
const PACKAGE = {
  name: 'populations-2025',
  title: 'Populations légales 2025',
  organization: {title: 'Insee'},
  license_title: 'Licence Ouverte',
  license_url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
};

interface Fake {
  ctx: FetchContext;
  /** Requests other than metadata: action name and decoded parameters. */
  requests: Array<{action: string; params: Record<string, string>}>;
}

/**
 * A CKAN portal: metadata answered from the constants above, `datastore_search` from `rows`
 * (paged, without filtering), `datastore_search_sql` from `sql` (or refused with `sqlError`).
 */
function fakeContext(options: {rows?: Row[]; sql?: (sql: string) => Row[]; sqlError?: Error}): Fake {
  const requests: Fake['requests'] = [];
  const ok = (result: unknown) => structuredClone({success: true, result});
  const ctx: FetchContext = {
    fetchJson: async <T>(url: string) => {
      const parsed = new URL(url);
      const action = parsed.pathname.split('/').pop()!;
      const params = Object.fromEntries(parsed.searchParams);
      if (action === 'resource_show') return ok(RESOURCE) as T;
      if (action === 'package_show') return ok(PACKAGE) as T;
      if (action === 'datastore_search' && params.limit === '0' && !params.filters)
        return ok({fields: FIELDS, records: [], total: 130}) as T;
      requests.push({action, params});
      if (action === 'datastore_search') {
        const rows = options.rows ?? [];
        const offset = Number(params.offset ?? 0);
        return ok({
          fields: FIELDS,
          records: rows.slice(offset, offset + Number(params.limit)),
          total: rows.length,
        }) as T;
      }
      if (options.sqlError) throw options.sqlError;
      return ok({records: options.sql?.(params.sql) ?? []}) as T;
    },
    fetchText: async () => '',
  };
  return {ctx, requests};
}

const ROWS: Row[] = Array.from({length: 2500}, (_, i) => ({
  _id: i + 1,
  _full_text: "'x'",
  commune: `Commune ${i + 1}`,
  epci: i < 22 ? 'Orléans Métropole' : 'Autre',
  population: String(1000 + i),
  surface: '12.5',
  maj: '2024-03-05T10:00:00',
}));

describe('CKAN connector: requests', () => {
  /** A connector of its own per test: what one learns about the portal never leaks into the next. */
  let connector: CkanConnector;
  beforeEach(() => {
    connector = new CkanConnector();
  });

  it('plain rows under = filters: datastore_search with filters, fields, sort, limit and offset', async () => {
    const fake = fakeContext({rows: ROWS});
    const result = await connector.query(
      newSource(),
      q({
        select: [
          {type: 'field', field: 'commune', as: 'commune'},
          {type: 'field', field: 'population', as: 'population'},
        ],
        where: ORLEANS,
        orderBy: [{key: 'population', direction: 'desc'}],
        limit: 10,
        offset: 5,
      }),
      fake.ctx,
    );
    expect(fake.requests).to.deep.equal([
      {
        action: 'datastore_search',
        params: {
          resource_id: 'res-1',
          filters: '{"epci":"Orléans Métropole"}',
          fields: 'commune,population',
          sort: '"population" desc',
          limit: '10',
          offset: '5',
        },
      },
    ]);
    expect(result.total).to.equal(2500);
    expect(result.rows[0]).to.deep.equal({commune: 'Commune 6', population: 1005});
  });

  it('many rows: pages of 1 000 after the first answer tells the total', async () => {
    const fake = fakeContext({rows: ROWS});
    const result = await connector.query(newSource(), q({limit: 2200}), fake.ctx);
    expect(fake.requests.map((request) => `${request.params.offset}+${request.params.limit}`)).to.deep.equal([
      '0+1000',
      '1000+1000',
      '2000+200',
    ]);
    expect(result.rows).to.have.length(2200);
    expect(result.rows[0]).to.deep.equal({
      commune: 'Commune 1',
      epci: 'Orléans Métropole',
      population: 1000,
      surface: 12.5,
      maj: '2024-03-05T10:00:00',
    });
  });

  it('the URL’s own filters and q are kept', async () => {
    const fake = fakeContext({rows: ROWS});
    await connector.query(
      newSource({filters: ['{"code_region":"24"}'], q: ['loiret']}),
      q({where: ORLEANS, limit: 1}),
      fake.ctx,
    );
    expect(fake.requests[0].params).to.include({
      filters: '{"code_region":"24","epci":"Orléans Métropole"}',
      q: 'loiret',
    });
  });

  it('a full-text q with a filter SQL would need: datastore_search with q, the engine does the rest', async () => {
    const fake = fakeContext({rows: ROWS, sql: () => [{a0: '1'}]});
    const big: Filter = {type: 'compare', field: 'population', op: '>', value: num(1000)};
    const result = await connector.query(
      newSource({q: ['orléans']}),
      q({select: [{type: 'aggregate', fn: 'count', as: 'count()'}], where: big}),
      fake.ctx,
    );
    expect(fake.requests.map((request) => request.action)).to.not.include('datastore_search_sql');
    expect(fake.requests[0].params).to.include({q: 'orléans'});
    const expected = ROWS.filter((row) => Number(row.population) > 1000).length;
    expect(result.rows).to.deep.equal([{'count()': expected}]);
  });

  it('aggregates go to datastore_search_sql; keys renamed, numbers in text read as numbers', async () => {
    const fake = fakeContext({sql: () => [{a0: '293673'}]});
    const result = await connector.query(
      newSource(),
      q({
        select: [{type: 'aggregate', fn: 'sum', field: 'population', as: 'sum(population)'}],
        where: ORLEANS,
      }),
      fake.ctx,
    );
    expect(fake.requests).to.deep.equal([
      {
        action: 'datastore_search_sql',
        params: {sql: `SELECT SUM("population") AS "a0" FROM "res-1" WHERE "epci" = 'Orléans Métropole'`},
      },
    ]);
    expect(result.rows).to.deep.equal([{'sum(population)': 293_673}]);
    expect(result.total).to.equal(1);
  });

  it('a full page of groups: a second statement counts them', async () => {
    const fake = fakeContext({
      sql: (sql) => (sql.includes('LIMIT') ? [{g0: 'A', a0: 3}] : [{g0: 'A'}, {g0: 'B'}, {g0: 'C'}]),
    });
    const result = await connector.query(
      newSource(),
      q({
        select: [{type: 'aggregate', fn: 'count', as: 'n'}],
        groupBy: [{field: 'epci', as: 'epci'}],
        limit: 1,
      }),
      fake.ctx,
    );
    expect(fake.requests).to.have.length(2);
    expect(result.rows).to.deep.equal([{epci: 'A', n: 3}]);
    expect(result.total).to.equal(3);
  });

  it('time-unit groups come back as the ISO start of the period', async () => {
    const fake = fakeContext({sql: () => [{g0: '2024-03-01T00:00:00', a0: 4}]});
    const result = await connector.query(
      newSource(),
      q({
        select: [{type: 'aggregate', fn: 'count', as: 'n'}],
        groupBy: [{field: 'maj', timeunit: 'month', as: 'mois'}],
      }),
      fake.ctx,
    );
    expect(result.rows).to.deep.equal([{mois: '2024-03-01', n: 4}]);
  });

  const SUM_ORLEANS = q({
    select: [{type: 'aggregate', fn: 'sum', field: 'population', as: 'total'}],
    where: ORLEANS,
  });

  it('SQL search off (400, a bare JSON string): datastore_search with the = filters, the engine does the rest; the portal is remembered', async () => {
    const source = newSource();
    const fake = fakeContext({rows: ROWS.slice(0, 22), sqlError: await failureOf(400, CKAN_SQL_OFF)});
    const first = await connector.query(source, SUM_ORLEANS, fake.ctx);
    expect(fake.requests.map((request) => request.action)).to.deep.equal([
      'datastore_search_sql',
      'datastore_search',
    ]);
    expect(fake.requests[1].params).to.deep.equal({
      resource_id: 'res-1',
      filters: '{"epci":"Orléans Métropole"}',
      limit: '1000',
      offset: '0',
    });
    const expected = ROWS.slice(0, 22).reduce((sum, row) => sum + Number(row.population), 0);
    expect(first.rows).to.deep.equal([{total: expected}]);

    // Another query on another resource of the same portal: no SQL sent again.
    fake.requests.length = 0;
    const other = q({
      select: [{type: 'aggregate', fn: 'count', as: 'n'}],
      groupBy: [{field: 'epci', as: 'epci'}],
    });
    await connector.query({...source, id: 'res-2'}, other, fake.ctx);
    expect(fake.requests.map((request) => request.action)).to.not.include('datastore_search_sql');
    fake.requests.length = 0;
    const second = await connector.query(source, SUM_ORLEANS, fake.ctx);
    expect(fake.requests.map((request) => request.action)).to.deep.equal(['datastore_search']);
    expect(second.rows).to.deep.equal(first.rows);
  });

  it('SQL refused (403 Authorization Error): the portal is remembered too', async () => {
    const source = newSource();
    const refusal = await failureOf(403, {
      help: 'https://ckan.example.fr/api/3/action/help_show?name=datastore_search_sql',
      success: false,
      error: {__type: 'Authorization Error', message: 'Access denied: Not authorized to run SQL'},
    });
    const fake = fakeContext({rows: ROWS.slice(0, 22), sqlError: refusal});
    await connector.query(source, SUM_ORLEANS, fake.ctx);
    fake.requests.length = 0;
    await connector.query(source, SUM_ORLEANS, fake.ctx);
    expect(fake.requests.map((request) => request.action)).to.deep.equal(['datastore_search']);
  });

  it('what a connector remembers lasts as long as it: another portal, a new connector or clear() ask SQL again', async () => {
    const fake = fakeContext({rows: ROWS.slice(0, 22), sqlError: await failureOf(400, CKAN_SQL_OFF)});
    await connector.query(newSource(), SUM_ORLEANS, fake.ctx);
    expect([...connector.sqlRefused]).to.deep.equal([BASE]);
    const actions = () => fake.requests.splice(0).map((request) => request.action);
    actions();

    const otherBase = 'https://autre.example.fr/api/3/action/';
    await connector.query({...newSource(), base: otherBase}, SUM_ORLEANS, fake.ctx);
    expect(actions()).to.deep.equal(['datastore_search_sql', 'datastore_search']);
    await new CkanConnector().query(newSource(), SUM_ORLEANS, fake.ctx);
    expect(actions()).to.deep.equal(['datastore_search_sql', 'datastore_search']);
    connector.sqlRefused.clear();
    await connector.query(newSource(), SUM_ORLEANS, fake.ctx);
    expect(actions()).to.deep.equal(['datastore_search_sql', 'datastore_search']);
    // The page's connector is one such object, not a hidden memory.
    expect(ckanConnector).to.be.instanceOf(CkanConnector);
  });

  it('SQL search off and a field the resource lacks: the error names the field', async () => {
    const fake = fakeContext({rows: ROWS, sqlError: await failureOf(400, CKAN_SQL_OFF)});
    let caught: unknown;
    try {
      await connector.query(
        newSource(),
        q({select: [{type: 'aggregate', fn: 'sum', field: 'quater', as: 's'}]}),
        fake.ctx,
      );
    } catch (thrown) {
      caught = thrown;
    }
    expect(caught).to.be.instanceOf(QueryError);
    expect((caught as QueryError).details).to.deep.include({expected: 'known-field', found: 'quater'});
    expect(fake.requests.map((request) => request.action)).to.deep.equal(['datastore_search_sql']);
  });

  it('an SQL error on a known field (409 Validation Error) falls back for this query only', async () => {
    const source = newSource();
    const statement = 'SELECT date_trunc(\'day\', "maj") AS "g0", COUNT(*) AS "a0" FROM "res-1" GROUP BY 1';
    const error = await failureOf(409, {
      help: 'https://ckan.example.fr/api/3/action/help_show?name=datastore_search_sql',
      success: false,
      error: {
        query: [
          `(psycopg2.errors.UndefinedFunction) function date_trunc(unknown, text) does not exist\nLINE 1: ${statement}`,
        ],
        info: {
          statement: [statement],
          params: [{}],
          orig: ['function date_trunc(unknown, text) does not exist'],
        },
        __type: 'Validation Error',
      },
    });
    const fake = fakeContext({rows: ROWS.slice(0, 3), sqlError: error});
    const query = q({
      select: [{type: 'aggregate', fn: 'count', as: 'n'}],
      groupBy: [{field: 'maj', timeunit: 'day', as: 'jour'}],
    });
    const result = await connector.query(source, query, fake.ctx);
    expect(result.rows).to.deep.equal([{jour: '2024-03-05', n: 3}]);
    fake.requests.length = 0;
    await connector.query(source, query, fake.ctx);
    expect(fake.requests[0].action).to.equal('datastore_search_sql');
  });

  it('count() under = filters is datastore_search’s total: one request, no SQL, no page of rows', async () => {
    const fake = fakeContext({rows: ROWS});
    const result = await connector.query(
      newSource(),
      q({select: [{type: 'aggregate', fn: 'count', as: 'n'}], where: ORLEANS}),
      fake.ctx,
    );
    expect(fake.requests).to.deep.equal([
      {
        action: 'datastore_search',
        params: {resource_id: 'res-1', filters: '{"epci":"Orléans Métropole"}', limit: '0'},
      },
    ]);
    expect(result.rows).to.deep.equal([{n: ROWS.length}]);
  });

  it('numeric values given as JSON strings are numbers, small ones kept whole', async () => {
    const fake = fakeContext({
      rows: [
        {...ROWS[0], surface: '0.000384'},
        {...ROWS[1], surface: '360.7'},
      ],
    });
    const result = await connector.query(
      newSource(),
      q({select: [{type: 'field', field: 'surface', as: 'surface'}], limit: 2}),
      fake.ctx,
    );
    expect(result.rows).to.deep.equal([{surface: 0.000384}, {surface: 360.7}]);
  });

  it('a 409 on datastore_search names the parameter and its message, in CKAN’s words', async () => {
    const error = await failureOf(409, CKAN_UNKNOWN_FILTER);
    expect(error).to.be.instanceOf(QueryError);
    expect((error as QueryError).details.apiMessage).to.equal('filters: field "quater" not in table');
  });

  it('an SQL error naming an unknown field is the answer (no silent fallback)', async () => {
    const error = new QueryError('The API refused the query: column "popu" does not exist', {
      apiMessage: 'column "popu" does not exist',
    });
    const fake = fakeContext({rows: ROWS, sqlError: error});
    let caught: unknown;
    try {
      await connector.query(
        newSource(),
        q({select: [{type: 'aggregate', fn: 'sum', field: 'popu', as: 's'}]}),
        fake.ctx,
      );
    } catch (thrown) {
      caught = thrown;
    }
    expect(caught).to.equal(error);
  });

  it('info: fields (CKAN types mapped, internal columns left out), resource and package metadata', async () => {
    const fake = fakeContext({});
    const source = newSource();
    const info = await connector.info(source, fake.ctx);
    expect(info.fields).to.deep.equal([
      {name: 'commune', label: 'Commune', type: 'text', description: 'Nom officiel'},
      {name: 'epci', label: 'epci', type: 'text'},
      {name: 'population', label: 'population', type: 'int'},
      {name: 'surface', label: 'surface', type: 'double'},
      {name: 'maj', label: 'maj', type: 'datetime'},
    ]);
    expect(info.meta).to.deep.equal({
      title: 'Populations légales 2025',
      description: 'Une ligne par commune',
      publisher: 'Insee',
      license: 'Licence Ouverte',
      licenseUrl: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
      modified: '2024-12-19T08:00:00',
      recordsCount: 130,
      pageUrl: `${source.base.replace('api/3/action/', '')}dataset/populations-2025/resource/res-1`,
    });
  });
});
