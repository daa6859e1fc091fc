import {expect} from '@open-wc/testing';
import type {FetchContext, NormalizedQuery, ResolvedSource} from '../types.js';
import {facets} from './facets.js';
import {odsConnector} from './ods.js';
import {ODS_BASE, ODS_POP, ORLEANS, q} from '../../../test/connector-queries.js';

const BASE = ODS_BASE;
const SOURCE = ODS_POP;

const METADATA = {
  dataset_id: 'pop',
  fields: [
    {name: 'commune', label: 'Commune', type: 'text'},
    {
      name: 'population',
      label: 'Population municipale',
      type: 'int',
      description: '<p>Résidents <b>habituels</b></p>',
    },
    {name: 'date', label: 'Date', type: 'date'},
    {name: 'geo_point_2d', label: 'Coordonnées', type: 'geo_point_2d'},
    {name: 'type', label: 'Type', type: 'mystery'},
  ],
  metas: {
    default: {
      title: 'Populations légales',
      description: '<p>Populations &amp; communes<br>au 1<sup>er</sup> janvier</p><script>alert(1)</script>',
      publisher: 'Insee',
      license: 'Licence Ouverte',
      license_url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
      modified: '2024-12-19T08:00:00+00:00',
      records_count: 34_875,
    },
  },
};

interface Call {
  url: string;
  headers?: Record<string, string>;
}

/** A FetchContext answering from `answer` (metadata by default) and recording every request. */
function fakeContext(
  answer: (url: URL) => unknown = () => ({results: []}),
  apiKey?: string,
): {ctx: FetchContext; calls: Call[]} {
  const calls: Call[] = [];
  const respond = (url: string, init?: {headers?: Record<string, string>}) => {
    calls.push({url, headers: init?.headers});
    const parsed = new URL(url);
    return structuredClone(/\/datasets\/[^/]+$/.test(parsed.pathname) ? METADATA : answer(parsed));
  };
  const ctx: FetchContext = {
    apiKey,
    fetchJson: async <T>(url: string, init?: {headers?: Record<string, string>}) => respond(url, init) as T,
    fetchText: async (url: string, init?: {headers?: Record<string, string>}) =>
      JSON.stringify(respond(url, init)),
  };
  return {ctx, calls};
}

/** A request as readable text: path under the API root, then the decoded parameters in order. */
function readable(url: string): string {
  const parsed = new URL(url);
  const params = [...parsed.searchParams].map(([name, value]) => `${name}=${value}`).join('&');
  return parsed.pathname.replace('/api/explore/v2.1/', '') + (params ? `?${params}` : '');
}

function dataCalls(calls: Call[]): string[] {
  return calls.map((call) => readable(call.url)).filter((url) => url !== 'catalog/datasets/pop');
}

const TAIL = 'lang=fr&timezone=Europe/Paris';

describe('ODS connector: translation of queries to Explore v2.1 requests', () => {
  const cases: Array<{name: string; query: NormalizedQuery; requests: string[]}> = [
    {
      name: 'an aggregate under a filter: select with a safe alias and where, one records request',
      query: q({
        select: [{type: 'aggregate', fn: 'sum', field: 'population', as: 'sum(population)'}],
        where: ORLEANS,
      }),
      requests: [
        `catalog/datasets/pop/records?select=sum(population) as a0&where=epci = "Orléans Métropole"&${TAIL}`,
      ],
    },
    {
      name: 'count() becomes count(*)',
      query: q({select: [{type: 'aggregate', fn: 'count', as: 'count()'}]}),
      requests: [`catalog/datasets/pop/records?select=count(*) as a0&${TAIL}`],
    },
    {
      name: 'groups sorted by an aggregate: group_by, order_by on the alias, one extra row to learn whether more exist',
      query: q({
        select: [
          {type: 'field', field: 'commune', as: 'commune'},
          {type: 'aggregate', fn: 'sum', field: 'population', as: 'sum(population)'},
        ],
        groupBy: [{field: 'commune', as: 'commune'}],
        orderBy: [{key: 'sum(population)', direction: 'desc'}],
        limit: 10,
      }),
      requests: [
        `catalog/datasets/pop/records?select=sum(population) as a0&${TAIL}&group_by=commune&order_by=a0 desc&limit=11`,
      ],
    },
    {
      name: 'a time unit groups by date_format and orders by its label',
      query: q({
        select: [{type: 'aggregate', fn: 'count', as: 'count()'}],
        groupBy: [{field: 'date', timeunit: 'month', as: 'month(date)'}],
        orderBy: [{key: 'month(date)', direction: 'asc'}],
        limit: 12,
        offset: 12,
      }),
      requests: [
        `catalog/datasets/pop/records?select=count(*) as a0&${TAIL}&group_by=date_format(\`date\`, "yyyy-MM") as g0&order_by=g0 asc&limit=13&offset=12`,
      ],
    },
    {
      name: 'groups without a limit: the whole records window (the answer is not full: no export)',
      query: q({
        select: [{type: 'aggregate', fn: 'avg', field: 'population', as: 'moyenne'}],
        groupBy: [{field: 'type', as: 'type'}],
      }),
      requests: [
        `catalog/datasets/pop/records?select=avg(population) as a0&${TAIL}&group_by=\`type\`&limit=19999`,
      ],
    },
    {
      name: 'records: fields, order by a renamed field, limit and offset',
      query: q({
        select: [
          {type: 'field', field: 'commune', as: 'nom'},
          {type: 'field', field: 'population', as: 'population'},
        ],
        orderBy: [
          {key: 'nom', direction: 'asc'},
          {key: 'population', direction: 'desc'},
        ],
        limit: 10,
        offset: 20,
      }),
      requests: [
        `catalog/datasets/pop/records?select=commune as f0, population&${TAIL}&order_by=f0 asc, population desc&limit=10&offset=20`,
      ],
    },
    {
      name: 'more records than a page: the export up to offset + limit, and a count',
      query: q({where: ORLEANS, limit: 500, offset: 100}),
      requests: [
        `catalog/datasets/pop/records?where=epci = "Orléans Métropole"&${TAIL}&limit=0`,
        `catalog/datasets/pop/exports/json?where=epci = "Orléans Métropole"&${TAIL}&limit=600`,
      ],
    },
    {
      name: 'records beyond the 10 000 window go through the export too',
      query: q({limit: 50, offset: 9_960}),
      requests: [
        `catalog/datasets/pop/records?${TAIL}&limit=0`,
        `catalog/datasets/pop/exports/json?${TAIL}&limit=10010`,
      ],
    },
    {
      name: 'every record (no limit): the export alone',
      query: q({orderBy: [{key: 'population', direction: 'desc'}]}),
      requests: [`catalog/datasets/pop/exports/json?${TAIL}&order_by=population desc`],
    },
    {
      name: 'an order key written as an aggregate that is not selected',
      query: q({
        groupBy: [{field: 'commune', as: 'commune'}],
        orderBy: [{key: 'count()', direction: 'desc'}],
        limit: 3,
      }),
      requests: [`catalog/datasets/pop/records?${TAIL}&group_by=commune&order_by=count(*) desc&limit=4`],
    },
  ];

  for (const {name, query, requests} of cases) {
    it(name, async () => {
      const {ctx, calls} = fakeContext((url) =>
        url.pathname.endsWith('/exports/json') ? [] : {total_count: 0, results: []},
      );
      await odsConnector.query(SOURCE, query, ctx);
      expect(dataCalls(calls)).to.deep.equal(requests);
    });
  }

  it('groups without a limit: a full records window is read again from the export (more may follow)', async () => {
    const {ctx, calls} = fakeContext((url) =>
      url.pathname.endsWith('/exports/json')
        ? Array.from({length: 20_500}, (_, i) => ({type: `t${i}`, a0: i}))
        : {
            results: Array.from({length: Number(url.searchParams.get('limit'))}, (_, i) => ({
              type: `t${i}`,
              a0: i,
            })),
          },
    );
    const query = q({
      select: [{type: 'aggregate', fn: 'avg', field: 'population', as: 'moyenne'}],
      groupBy: [{field: 'type', as: 'type'}],
    });
    const result = await odsConnector.query(SOURCE, query, ctx);
    expect(dataCalls(calls)).to.deep.equal([
      `catalog/datasets/pop/records?select=avg(population) as a0&${TAIL}&group_by=\`type\`&limit=19999`,
      `catalog/datasets/pop/exports/json?select=avg(population) as a0&${TAIL}&group_by=\`type\``,
    ]);
    expect(result.rows).to.have.length(20_500);
    expect(result.total).to.equal(20_500);
  });

  it('the last page of 34 964 sorted records: the first page of the reverse order, turned back', async () => {
    const total = 34_964;
    const {ctx, calls} = fakeContext((url) =>
      url.searchParams.get('limit') === '0'
        ? {total_count: total, results: []}
        : {
            total_count: total,
            results: Array.from({length: Number(url.searchParams.get('limit'))}, (_, i) => ({
              commune: `C${total - i}`,
            })),
          },
    );
    const result = await odsConnector.query(
      SOURCE,
      q({
        select: [{type: 'field', field: 'commune', as: 'commune'}],
        orderBy: [{key: 'commune', direction: 'asc'}],
        limit: 50,
        offset: 34_950,
      }),
      ctx,
    );
    expect(dataCalls(calls)).to.deep.equal([
      `catalog/datasets/pop/records?${TAIL}&limit=0`,
      `catalog/datasets/pop/records?select=commune&${TAIL}&order_by=commune desc&limit=14`,
    ]);
    expect(result.rows.map((row) => row.commune)).to.deep.equal(
      Array.from({length: 14}, (_, i) => `C${34_951 + i}`),
    );
    expect(result.total).to.equal(total);
  });

  it('names distinct and ifnull fields in backquotes: ODSQL reserves them', async () => {
    const {ctx, calls} = fakeContext();
    await odsConnector.query(
      SOURCE,
      q({
        select: [
          {type: 'field', field: 'distinct', as: 'distinct'},
          {type: 'field', field: 'ifnull', as: 'ifnull'},
        ],
        limit: 1,
      }),
      ctx,
    );
    expect(dataCalls(calls)).to.deep.equal([
      `catalog/datasets/pop/records?select=\`distinct\`, \`ifnull\`&${TAIL}&limit=1`,
    ]);
  });

  it('percent-encodes the parameters (spaces as %20, quotes, accents)', async () => {
    const {ctx, calls} = fakeContext();
    await odsConnector.query(
      SOURCE,
      q({select: [{type: 'aggregate', fn: 'sum', field: 'population', as: 's'}], where: ORLEANS}),
      ctx,
    );
    expect(calls.map((call) => call.url)).to.include(
      `${BASE}catalog/datasets/pop/records?select=sum(population)%20as%20a0&where=epci%20%3D%20%22Orl%C3%A9ans%20M%C3%A9tropole%22&lang=fr&timezone=Europe%2FParis`,
    );
  });

  it('adds the URL’s own where, full-text q, refine and exclude', async () => {
    const {ctx, calls} = fakeContext();
    const source: ResolvedSource = {
      ...SOURCE,
      params: {
        where: ['population > 1000'],
        q: ['parc'],
        refine: ['region:Centre-Val de Loire'],
        exclude: ['commune:Olivet'],
      },
    };
    await odsConnector.query(source, q({where: ORLEANS, limit: 5}), ctx);
    expect(dataCalls(calls)).to.deep.equal([
      'catalog/datasets/pop/records?where=(population > 1000) and ("parc") and (epci = "Orléans Métropole")' +
        `&refine=region:Centre-Val de Loire&exclude=commune:Olivet&${TAIL}&limit=5`,
    ]);
  });

  it('sends the API key as an Authorization header on every request', async () => {
    const {ctx, calls} = fakeContext(undefined, 's3cret');
    await odsConnector.query(SOURCE, q({limit: 1}), ctx);
    expect(calls).to.have.length(2);
    for (const call of calls) expect(call.headers).to.deep.equal({Authorization: 'Apikey s3cret'});
  });

  it('sends no header without a key', async () => {
    const {ctx, calls} = fakeContext();
    await odsConnector.query(SOURCE, q({limit: 1}), ctx);
    for (const call of calls) expect(call.headers).to.equal(undefined);
  });

  it('answers a filter that matches nothing (an empty in) without asking for records', async () => {
    const {ctx, calls} = fakeContext();
    const result = await odsConnector.query(
      SOURCE,
      q({
        select: [{type: 'aggregate', fn: 'count', as: 'count()'}],
        where: {type: 'in', field: 'commune', values: []},
      }),
      ctx,
    );
    expect(dataCalls(calls)).to.deep.equal([]);
    expect(result.rows).to.deep.equal([{'count()': 0}]);
  });
});

describe('ODS connector: reading the answers', () => {
  it('renames the aliases back to the selection keys', async () => {
    const {ctx} = fakeContext(() => ({results: [{a0: 293_673}]}));
    const result = await odsConnector.query(
      SOURCE,
      q({
        select: [{type: 'aggregate', fn: 'sum', field: 'population', as: 'sum(population)'}],
        where: ORLEANS,
      }),
      ctx,
    );
    expect(result.rows).to.deep.equal([{'sum(population)': 293_673}]);
    expect(result.total).to.equal(1);
  });

  it('groups: total is exact when the page is not full, a lower bound (one more) when it is', async () => {
    const query = q({
      select: [{type: 'aggregate', fn: 'count', as: 'n'}],
      groupBy: [{field: 'commune', as: 'commune'}],
      limit: 2,
      offset: 4,
    });
    const full = fakeContext(() => ({
      results: [
        {commune: 'A', a0: 1},
        {commune: 'B', a0: 2},
        {commune: 'C', a0: 3},
      ],
    }));
    const fullResult = await odsConnector.query(SOURCE, query, full.ctx);
    expect(fullResult.rows).to.deep.equal([
      {commune: 'A', n: 1},
      {commune: 'B', n: 2},
    ]);
    expect(fullResult.total).to.equal(7);

    const last = fakeContext(() => ({results: [{commune: 'A', a0: 1}]}));
    expect((await odsConnector.query(SOURCE, query, last.ctx)).total).to.equal(5);
  });

  it('turns time-unit groups into the ISO start of their period', async () => {
    const {ctx} = fakeContext(() => ({
      results: [{g0: '2024-03', g1: '2024', g2: '2024-03-05 14', g3: '2024-03-05', g4: '2024-10', a0: 1}],
    }));
    const result = await odsConnector.query(
      SOURCE,
      q({
        select: [{type: 'aggregate', fn: 'count', as: 'n'}],
        groupBy: [
          {field: 'date', timeunit: 'month', as: 'm'},
          {field: 'date', timeunit: 'year', as: 'y'},
          {field: 'date', timeunit: 'hour', as: 'h'},
          {field: 'date', timeunit: 'day', as: 'd'},
          {field: 'date', timeunit: 'week', as: 'w'},
        ],
        limit: 10,
      }),
      ctx,
    );
    expect(result.rows).to.deep.equal([
      {m: '2024-03-01', y: '2024-01-01', h: '2024-03-05T14:00:00', d: '2024-03-05', w: '2024-03-04', n: 1},
    ]);
  });

  it('records: total from total_count; geo_point_2d as {lat, lon}', async () => {
    const {ctx} = fakeContext(() => ({
      total_count: 9_814,
      results: [{commune: 'Paris', geo_point_2d: {lat: 48.8, lon: 2.3}}],
    }));
    const result = await odsConnector.query(SOURCE, q({limit: 1}), ctx);
    expect(result.total).to.equal(9_814);
    expect(result.rows).to.deep.equal([{commune: 'Paris', geo_point_2d: {lat: 48.8, lon: 2.3}}]);
  });

  it('exports: drops the rows before the offset, maps [lat, lon] points (also when renamed), counts with total_count', async () => {
    const {ctx} = fakeContext((url) =>
      url.pathname.endsWith('/exports/json')
        ? [
            {commune: 'A', pos: [47.9, 1.9]},
            {commune: 'B', pos: [47.8, 1.8]},
            {commune: 'C', pos: [47.7, 1.7]},
          ]
        : {total_count: 3, results: []},
    );
    const select = [
      {type: 'field' as const, field: 'commune', as: 'commune'},
      {type: 'field' as const, field: 'geo_point_2d', as: 'pos'},
    ];
    const result = await odsConnector.query(SOURCE, q({select, limit: 200, offset: 1}), ctx);
    expect(result.rows).to.deep.equal([
      {commune: 'B', pos: {lat: 47.8, lon: 1.8}},
      {commune: 'C', pos: {lat: 47.7, lon: 1.7}},
    ]);
    expect(result.total).to.equal(3);
  });

  it('never changes the answers it was given (they are shared by the request cache)', async () => {
    const answer = {total_count: 1, results: [{a0: 1, geo_point_2d: [1, 2]}]};
    const ctx: FetchContext = {
      fetchJson: async <T>(url: string) => (url.endsWith('/pop') ? METADATA : answer) as T,
      fetchText: async () => '',
    };
    await odsConnector.query(
      SOURCE,
      q({select: [{type: 'field', field: 'commune', as: 'x'}], limit: 1}),
      ctx,
    );
    expect(answer).to.deep.equal({total_count: 1, results: [{a0: 1, geo_point_2d: [1, 2]}]});
  });

  it('info: fields with labels and types, metadata as text, the dataset page', async () => {
    const {ctx, calls} = fakeContext();
    const info = await odsConnector.info(SOURCE, ctx);
    expect(calls.map((call) => call.url)).to.deep.equal([`${BASE}catalog/datasets/pop`]);
    expect(info.fields).to.deep.equal([
      {name: 'commune', label: 'Commune', type: 'text'},
      {name: 'population', label: 'Population municipale', type: 'int', description: 'Résidents habituels'},
      {name: 'date', label: 'Date', type: 'date'},
      {name: 'geo_point_2d', label: 'Coordonnées', type: 'geo_point_2d'},
      {name: 'type', label: 'Type', type: 'text'},
    ]);
    expect(info.meta).to.deep.equal({
      pageUrl: 'https://data.example.fr/explore/dataset/pop/',
      title: 'Populations légales',
      description: 'Populations & communes\nau 1er janvier',
      publisher: 'Insee',
      license: 'Licence Ouverte',
      licenseUrl: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
      modified: '2024-12-19T08:00:00+00:00',
      recordsCount: 34_875,
    });
  });

  it('info: reads the v2.0 shape ({dataset: …}) too', async () => {
    const ctx: FetchContext = {
      fetchJson: async <T>() => ({dataset: METADATA}) as T,
      fetchText: async () => '',
    };
    expect((await odsConnector.info(SOURCE, ctx)).meta.title).to.equal('Populations légales');
  });
});

describe('ODS facets', () => {
  it('asks the facets endpoint for each field under the filter and reads values and counts', async () => {
    const {ctx, calls} = fakeContext(() => ({
      links: [],
      facets: [
        {
          name: 'epci',
          facets: [{name: 'Orléans Métropole', value: 'Orléans Métropole', count: 22, state: 'displayed'}],
        },
        {
          name: 'region',
          facets: [
            {name: 'Centre-Val de Loire', value: 'Centre-Val de Loire', count: 22, state: 'displayed'},
          ],
        },
      ],
    }));
    const result = await facets(
      {...SOURCE, params: {refine: ['code_region:24']}},
      ['epci', 'region'],
      ORLEANS,
      ctx,
    );
    expect(calls.map((call) => readable(call.url))).to.deep.equal([
      `catalog/datasets/pop/facets?facet=epci&facet=region&where=epci = "Orléans Métropole"&refine=code_region:24&${TAIL}`,
    ]);
    expect(result).to.deep.equal([
      {field: 'epci', values: [{value: 'Orléans Métropole', count: 22}]},
      {field: 'region', values: [{value: 'Centre-Val de Loire', count: 22}]},
    ]);
  });
});
