import {expect} from '@open-wc/testing';
import {QueryError} from './errors.js';
import {clearCache, datasetInfo, facets, normalizeQuery, parseFilter, query} from './index.js';

const ODS_RECORDS = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records';
const JSON_FILE = 'files/populations-45-21-49.json';
const ORLEANS = 'epci = "Orléans Métropole"';

const realFetch = window.fetch.bind(window);

function newTag(): string {
  return `qry${Math.random().toString(36).slice(2, 10)}`;
}

function portal(tag: string, path: string): string {
  return `/portal/~tag=${tag}/${path}`;
}

async function countLogged(tag: string): Promise<number> {
  const response = await realFetch(`/portal/__requests?tag=${encodeURIComponent(tag)}`);
  return ((await response.json()) as {requests: unknown[]}).requests.length;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('normalizeQuery', () => {
  it('gives empty lists and no filter when nothing is asked', () => {
    expect(normalizeQuery({})).to.deep.equal({select: [], where: undefined, groupBy: [], orderBy: []});
  });

  it('parses the expression strings', () => {
    const normalized = normalizeQuery({
      select: 'sum(population) as total, epci',
      where: ORLEANS,
      groupBy: 'epci',
      orderBy: '-total',
      limit: 5,
      offset: 10,
    });
    expect(normalized.select).to.deep.equal([
      {type: 'aggregate', fn: 'sum', field: 'population', as: 'total'},
      {type: 'field', field: 'epci', as: 'epci'},
    ]);
    expect(normalized.where).to.deep.equal(parseFilter(ORLEANS));
    expect(normalized.groupBy).to.deep.equal([{field: 'epci', as: 'epci'}]);
    expect(normalized.orderBy).to.deep.equal([{key: 'total', direction: 'desc'}]);
    expect(normalized).to.include({limit: 5, offset: 10});
  });

  it('combines several where with and, skipping the blank and undefined ones', () => {
    const parsed = parseFilter('population > 1000');
    const normalized = normalizeQuery({where: [ORLEANS, undefined, '  ', parsed]});
    expect(normalized.where).to.deep.equal({type: 'and', filters: [parseFilter(ORLEANS), parsed]});
  });

  it('keeps already-parsed parts as they are', () => {
    const select = [{type: 'field', field: 'commune', as: 'commune'}] as const;
    const where = parseFilter(ORLEANS);
    const normalized = normalizeQuery({select: [...select], where});
    expect(normalized.select).to.deep.equal(select);
    expect(normalized.where).to.equal(where);
  });

  it('throws a QueryError with the column of a wrong expression', () => {
    let thrown: unknown;
    try {
      normalizeQuery({where: 'population >'});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(QueryError);
    expect((thrown as QueryError).details).to.include({expression: 'population >'});
    expect((thrown as QueryError).details.column).to.be.a('number');
  });
});

describe('query', () => {
  const originalFetch = window.fetch;
  let fetchCalls: Array<{url: string; init: RequestInit | undefined}>;

  beforeEach(() => {
    clearCache();
    fetchCalls = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      fetchCalls.push({url: String(input), init});
      return realFetch(input, init);
    };
  });

  afterEach(() => {
    window.fetch = originalFetch;
  });

  it('sums the population of Orléans Métropole from the Opendatasoft API', async () => {
    const tag = newTag();
    const result = await query(portal(tag, ODS_RECORDS), {select: 'sum(population)', where: ORLEANS});
    expect(result.rows[0]['sum(population)']).to.equal(293673);
  });

  it('answers the fields and metadata with the rows', async () => {
    const tag = newTag();
    const result = await query(portal(tag, ODS_RECORDS), {where: ORLEANS, orderBy: '-population', limit: 3});
    expect(result.rows).to.have.length(3);
    expect(result.rows[0]).to.include({commune: 'Orléans', population: 116344});
    expect(result.total).to.equal(22);
    const population = result.fields.find((field) => field.name === 'population');
    expect(population).to.include({label: 'Population municipale', type: 'int'});
    expect(result.meta.title).to.be.a('string').that.is.not.empty;
    expect(result.meta.pageUrl).to.be.a('string').that.is.not.empty;
  });

  it('reads a JSON file with the same query model', async () => {
    const tag = newTag();
    const result = await query(portal(tag, JSON_FILE), {select: 'sum(population), count()', where: ORLEANS});
    expect(result.rows[0]).to.include({'sum(population)': 293673, 'count()': 22});
  });

  it('rejects a wrong expression before any request', async () => {
    const tag = newTag();
    const error = await rejectionOf(
      query(portal(tag, ODS_RECORDS), {select: 'sum(population', where: ORLEANS}),
    );
    expect(error).to.be.instanceOf(QueryError);
    expect(fetchCalls).to.have.length(0);
    expect(await countLogged(tag)).to.equal(0);
  });

  // Group keys and order as text are read by a module loaded with the first query that has them.
  it('rejects a wrong group by or order before any request', async () => {
    const tag = newTag();
    for (const options of [{groupBy: 'year(date'}, {orderBy: '-population desc'}]) {
      const error = await rejectionOf(query(portal(tag, ODS_RECORDS), {select: 'count()', ...options}));
      expect(error, JSON.stringify(options)).to.be.instanceOf(QueryError);
    }
    expect(fetchCalls).to.have.length(0);
    expect(await countLogged(tag)).to.equal(0);
  });

  it('groups by a field given as text', async () => {
    const tag = newTag();
    const result = await query(portal(tag, ODS_RECORDS), {
      select: 'epci, sum(population) as total',
      where: ORLEANS,
      groupBy: 'epci',
      orderBy: '-total',
    });
    expect(result.rows).to.deep.equal([{epci: 'Orléans Métropole', total: 293673}]);
  });

  it('sends identical concurrent queries once', async () => {
    const single = newTag();
    await query(portal(single, ODS_RECORDS), {select: 'sum(population)', where: ORLEANS});
    const shared = newTag();
    const results = await Promise.all(
      Array.from({length: 3}, () =>
        query(portal(shared, ODS_RECORDS), {select: 'sum(population)', where: ORLEANS}),
      ),
    );
    expect(results.map((result) => result.rows[0]['sum(population)'])).to.deep.equal([
      293673, 293673, 293673,
    ]);
    expect(await countLogged(shared)).to.equal(await countLogged(single));
  });

  it('revalidates with fresh', async () => {
    const tag = newTag();
    const url = portal(tag, ODS_RECORDS);
    await query(url, {select: 'sum(population)'});
    const once = await countLogged(tag);
    await query(url, {select: 'sum(population)'});
    expect(await countLogged(tag), 'answered from the cache').to.equal(once);
    await query(url, {select: 'sum(population)', fresh: true});
    expect(await countLogged(tag)).to.equal(2 * once);
  });

  it('hands the API key to the connector, which sends it to Opendatasoft', async () => {
    const tag = newTag();
    await query(portal(tag, ODS_RECORDS), {select: 'count()', apiKey: 'k123'});
    expect(fetchCalls).not.to.be.empty;
    for (const call of fetchCalls) {
      expect((call.init!.headers as Record<string, string>).authorization).to.equal('Apikey k123');
      expect(call.init!.credentials).to.equal('omit');
    }
  });

  it('rejects with an AbortError when its signal aborts', async () => {
    const tag = newTag();
    const controller = new AbortController();
    const answer = query(`/portal/~tag=${tag},latency=500/${ODS_RECORDS}`, {signal: controller.signal});
    controller.abort();
    expect(await rejectionOf(answer)).to.have.property('name', 'AbortError');
  });
});

describe('datasetInfo', () => {
  it('answers the fields and metadata of a dataset', async () => {
    const info = await datasetInfo(portal(newTag(), ODS_RECORDS));
    expect(info.fields.map((field) => field.name)).to.include.members([
      'code_insee',
      'commune',
      'epci',
      'population',
    ]);
    expect(info.meta.title).to.be.a('string').that.is.not.empty;
    expect(info.meta.recordsCount).to.be.greaterThan(30_000);
  });
});

describe('facets', () => {
  it('counts the records of each value of a field under a filter', async () => {
    const [epci] = await facets(portal(newTag(), ODS_RECORDS), ['epci'], {where: 'code_departement = "45"'});
    expect(epci.field).to.equal('epci');
    expect(epci.values).to.deep.include({value: 'Orléans Métropole', count: 22});
  });
});
