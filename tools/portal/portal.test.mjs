// Node tests of the portal emulator: `node --test tools/portal/`.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {startPortal} from './server.mjs';

const POP = '7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01';
const RESTRICTED = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const ODS = '/portal/ods/api/explore/v2.1/catalog/datasets';
const TABULAR = '/portal/tabular/api/resources';
const CKAN = '/portal/ckan/api/3/action';
/** A CKAN portal with SQL search turned on (`ckan.datastore.sqlsearch.enabled = true`). */
const CKAN_SQL = '/portal/~ckan-sql/ckan/api/3/action';
const RECORDS = '/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records?limit=1';

const EPCI_FIGURES = [
  ['Orléans Métropole', 22, 293673],
  ['Dijon Métropole', 23, 258630],
  ['Communauté urbaine Angers Loire Métropole', 29, 308806],
];

let portal;
before(async () => {
  portal = await startPortal({port: 0});
});
after(() => portal.close());

function url(path, params) {
  const search = params ? `?${new URLSearchParams(params)}` : '';
  return `${portal.url}${path}${search}`;
}

async function get(path, params, init) {
  const response = await fetch(url(path, params), init);
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return {status: response.status, headers: response.headers, body, text};
}

describe('Opendatasoft records', () => {
  for (const [epci, communes, population] of EPCI_FIGURES) {
    it(`sums the population of ${epci}`, async () => {
      const {status, body} = await get(`${ODS}/populations-legales-2025/records`, {
        select: 'sum(population) as total, count(*)',
        where: `epci="${epci}"`,
      });
      assert.equal(status, 200);
      assert.deepEqual(body.results, [{total: population, 'count(*)': communes}]);
    });
  }

  it('serves flat records with total_count and the default limit of 10', async () => {
    const {body} = await get(`${ODS}/populations-legales-2025/records`, {where: 'code_departement = "45"'});
    assert.equal(body.total_count, 325);
    assert.equal(body.results.length, 10);
    assert.equal(typeof body.results[0].population, 'number');
    assert.equal(typeof body.results[0].code_insee, 'string');
  });

  it('finds Orléans by INSEE code, quotes single or double', async () => {
    for (const where of [
      `code_insee = "45234"`,
      `code_insee = '45234'`,
      'code_insee in ("45234", "45232")',
    ]) {
      const {body} = await get(`${ODS}/populations-legales-2025/records`, {
        where,
        select: 'commune, population',
        order_by: 'population desc',
      });
      assert.deepEqual(body.results[0], {commune: 'Orléans', population: 116344}, where);
    }
  });

  it('groups by EPCI, ordered by an aggregate alias', async () => {
    const {body} = await get(`${ODS}/populations-legales-2025/records`, {
      select: 'epci, sum(population) as total, count(*) as communes',
      where: 'epci in ("Orléans Métropole", "Dijon Métropole", "Communauté urbaine Angers Loire Métropole")',
      group_by: 'epci',
      order_by: 'total desc',
    });
    assert.deepEqual(body, {
      results: [
        {epci: 'Communauté urbaine Angers Loire Métropole', total: 308806, communes: 29},
        {epci: 'Orléans Métropole', total: 293673, communes: 22},
        {epci: 'Dijon Métropole', total: 258630, communes: 23},
      ],
    });
  });

  it('keys results by the expression when no alias is given', async () => {
    const {body} = await get(`${ODS}/populations-legales-2025/records`, {
      select: 'count(*), max(population)',
      group_by: 'code_departement',
      where: 'code_departement = "45"',
    });
    assert.deepEqual(body.results, [{code_departement: '45', 'count(*)': 325, 'max(population)': 116344}]);
  });

  it('orders by an aggregate expression and several keys', async () => {
    const {body} = await get(`${ODS}/populations-legales-2025/records`, {
      select: 'code_departement, sum(population)',
      group_by: 'code_departement',
      where: 'code_departement in ("45", "21", "49")',
      order_by: 'sum(population) asc, code_departement',
    });
    assert.deepEqual(
      body.results.map((row) => row.code_departement),
      ['21', '45', '49'],
    );
  });

  const conditions = [
    ['population > 100000 and code_departement = "45"', 1],
    ['not epci is not null', 8],
    ['epci is null', 8],
    ['startswith(commune, "Saint-Jean-de-B") and code_departement = "45"', 1],
    ['search(commune, "orleans")', 1],
    ['"orléans" and code_departement = "45"', 22],
    ['(code_departement = "21" or code_departement = "49") and population >= 50000', 3],
    ['`code_region` = "24" and population_totale - population > 2000', 3],
  ];
  for (const [where, expected] of conditions) {
    it(`filters where ${where}`, async () => {
      const {status, body} = await get(`${ODS}/populations-legales-2025/records`, {where, limit: 0});
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.total_count, expected);
    });
  }

  it('compares dates and groups them by year and by month', async () => {
    const recent = await get(`${ODS}/festivals-du-finistere/records`, {
      where: "date_debut_ancien >= date'2019-07-01'",
      limit: 0,
    });
    assert.equal(recent.body.total_count, 6);
    const byYear = await get(`${ODS}/festivals-du-finistere/records`, {
      select: 'year(date_debut_ancien) as annee, count(*) as n',
      group_by: 'annee',
      where: 'date_debut_ancien is not null',
      order_by: 'annee',
    });
    assert.deepEqual(byYear.body.results, [
      {annee: 2018, n: 34},
      {annee: 2019, n: 17},
      {annee: 2020, n: 1},
    ]);
    const byMonth = await get(`${ODS}/festivals-du-finistere/records`, {
      select: 'count(*) as n',
      group_by: 'date_format(date_debut_ancien, "yyyy-MM") as mois',
      where: "date_debut_ancien >= date'2019-01-01'",
      order_by: 'mois',
      limit: 2,
    });
    assert.deepEqual(byMonth.body.results, [
      {mois: '2019-01', n: 2},
      {mois: '2019-02', n: 2},
    ]);
  });

  it('groups by ISO week with the xxxx-ww pattern, across a year boundary', async () => {
    const {body} = await get(`${ODS}/festivals-du-finistere/records`, {
      select: 'count(*) as n, min(date_debut_ancien) as first',
      group_by: 'date_format(date_debut_ancien, "xxxx-ww") as semaine',
      where: 'date_debut_ancien is not null',
      order_by: 'semaine',
      limit: 100,
    });
    assert.ok(body.results.length > 1);
    for (const {semaine, first} of body.results) {
      assert.match(semaine, /^\d{4}-\d{2}$/);
      // Recomputed here the long way: the Thursday of the first day's week gives the week-year.
      const day = new Date(`${String(first).slice(0, 10)}T00:00:00Z`);
      const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * 86_400_000);
      const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
      const week = Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
      assert.equal(semaine, `${thursday.getUTCFullYear()}-${String(week).padStart(2, '0')}`);
    }
  });

  it('formats known ISO weeks: 2021-01-03 is 2020-53, 2019-12-30 is 2020-01', async () => {
    const {body} = await get(`${ODS}/festivals-du-finistere/records`, {
      select: `date_format(date'2021-01-03', "xxxx-ww") as a, date_format(date'2019-12-30', "xxxx-ww") as b`,
      limit: 1,
    });
    assert.deepEqual(body.results[0], {a: '2020-53', b: '2020-01'});
  });

  it('serves geo_point_2d as {lon, lat} in records', async () => {
    const {body} = await get(`${ODS}/paris-stationnement/records`, {
      select: 'geo_point_2d, capacite',
      limit: 1,
    });
    assert.equal(body.total_count, 9814);
    assert.deepEqual(Object.keys(body.results[0].geo_point_2d).sort(), ['lat', 'lon']);
    assert.ok(body.results[0].geo_point_2d.lat > 48 && body.results[0].geo_point_2d.lon < 3);
  });

  it('applies refine and exclude, repeatable', async () => {
    const refined = await get(
      `${ODS}/populations-legales-2025/records?refine=epci:Dijon%20M%C3%A9tropole&refine=code_departement:21&limit=0`,
    );
    assert.equal(refined.body.total_count, 23);
    const excluded = await get(
      `${ODS}/populations-legales-2025/records?refine=code_departement:45&exclude=epci:Orl%C3%A9ans%20M%C3%A9tropole&limit=0`,
    );
    assert.equal(excluded.body.total_count, 325 - 22);
    const byYear = await get(`${ODS}/festivals-du-finistere/records?refine=date_debut_ancien:2019&limit=0`);
    assert.equal(byYear.body.total_count, 17);
  });

  const badQueries = [
    [{limit: '101'}, 'InvalidRESTParameterError', /limit/],
    [{limit: '-1'}, 'InvalidRESTParameterError', /limit/],
    [{limit: '100', offset: '9901'}, 'InvalidRESTParameterError', /offset/],
    [{group_by: 'epci', limit: '20001'}, 'InvalidRESTParameterError', /limit/],
    [{group_by: 'epci', limit: '100', offset: '19901'}, 'InvalidRESTParameterError', /offset/],
    [{where: 'inconnu = 1'}, 'ODSQLError', /Unknown field: inconnu[\s\S]*where/],
    [{select: 'sum(inconnu)'}, 'ODSQLError', /select/],
    [{where: 'population >'}, 'ODSQLError', /where/],
    [{order_by: 'nope desc'}, 'ODSQLError', /order_by/],
    [{select: 'commune, sum(population)', group_by: 'epci'}, 'ODSQLError', /group by/],
  ];
  for (const [params, errorCode, message] of badQueries) {
    it(`answers 400 ${errorCode} to ${JSON.stringify(params)}`, async () => {
      const {status, body} = await get(`${ODS}/populations-legales-2025/records`, params);
      assert.equal(status, 400);
      assert.equal(body.error_code, errorCode);
      assert.match(body.message, message);
    });
  }

  it('accepts the largest windows', async () => {
    assert.equal(
      (await get(`${ODS}/populations-legales-2025/records`, {limit: '100', offset: '9900'})).status,
      200,
    );
    assert.equal(
      (await get(`${ODS}/populations-legales-2025/records`, {group_by: 'commune', limit: '20000'})).status,
      200,
    );
  });

  it('answers 404 to an unknown dataset', async () => {
    const {status, body} = await get(`${ODS}/inconnu/records`);
    assert.equal(status, 404);
    assert.ok(body.message && body.error_code);
  });
});

describe('Opendatasoft metadata, facets, exports, catalog, page', () => {
  it('describes a dataset', async () => {
    const {body} = await get(`${ODS}/populations-legales-2025`);
    assert.equal(body.dataset_id, 'populations-legales-2025');
    assert.equal(body.metas.default.records_count, 34964);
    assert.equal(body.metas.default.license_url, 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/');
    assert.deepEqual(
      body.fields.find((f) => f.name === 'population'),
      {
        name: 'population',
        label: 'Population municipale',
        type: 'int',
        description: 'Personnes ayant leur résidence habituelle sur le territoire de la commune',
        annotations: {},
      },
    );
    const paris = await get(`${ODS}/paris-stationnement`);
    assert.match(paris.body.metas.default.license, /ODbL/);
    assert.ok(paris.body.features.includes('geo'));
    const festivals = await get(`${ODS}/festivals-du-finistere`);
    assert.equal(festivals.body.fields.find((f) => f.name === 'date_de_creation').type, 'date');
  });

  it('counts facets under where and refine, with their state', async () => {
    const {body} = await get(
      `${ODS}/populations-legales-2025/facets?facet=epci&facet=code_departement&where=population%20%3E%2020000&refine=code_departement:45&exclude=epci:Orl%C3%A9ans%20M%C3%A9tropole`,
    );
    const epci = body.facets.find((facet) => facet.name === 'epci').facets;
    assert.deepEqual(epci, [
      {name: 'Orléans Métropole', value: 'Orléans Métropole', count: 4, state: 'excluded'},
    ]);
    const departements = body.facets.find((facet) => facet.name === 'code_departement').facets;
    assert.deepEqual(departements, []);
    const refined = await get(
      `${ODS}/populations-legales-2025/facets?facet=code_departement&refine=code_departement:45`,
    );
    assert.deepEqual(refined.body.facets[0].facets, [
      {name: '45', value: '45', count: 325, state: 'refined'},
    ]);
    assert.deepEqual(refined.body.links, []);
  });

  it('holds an export with an offset to the 10 000 window; without one, no bound', async () => {
    const whole = await get(`${ODS}/populations-legales-2025/exports/json`, {
      limit: 10010,
      select: 'commune',
    });
    assert.equal(whole.body.length, 10010);
    const paged = await get(`${ODS}/populations-legales-2025/exports/json`, {limit: 50, offset: 9960});
    assert.equal(paged.status, 400);
    assert.deepEqual(paged.body, {
      message:
        'Invalid value for sum of offset + limit API parameter: 10010 was found but <= 10000 is expected.',
      error_code: 'InvalidRESTParameterError',
    });
  });

  it('exports every matching row as JSON, CSV and GeoJSON', async () => {
    const json = await get(`${ODS}/populations-legales-2025/exports/json`, {
      where: 'code_departement = "45"',
    });
    assert.equal(json.body.length, 325);
    const points = await get(`${ODS}/paris-stationnement/exports/json`, {select: 'geo_point_2d', limit: 1});
    assert.ok(Array.isArray(points.body[0].geo_point_2d) && points.body[0].geo_point_2d[0] > 48);

    const csv = await get(`${ODS}/populations-legales-2025/exports/csv`, {
      select: 'commune, population',
      where: 'epci = "Dijon Métropole"',
    });
    assert.match(csv.headers.get('content-type'), /^text\/csv/);
    const csvResponse = await fetch(
      url(`${ODS}/populations-legales-2025/exports/csv`, {select: 'commune', limit: 1}),
    );
    assert.deepEqual([...new Uint8Array(await csvResponse.arrayBuffer()).slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], 'commune;population');
    assert.equal(lines.length, 24);

    const geojson = await get(`${ODS}/paris-stationnement/exports/geojson`);
    assert.equal(geojson.body.type, 'FeatureCollection');
    assert.equal(geojson.body.features.length, 9814);
    assert.equal(geojson.body.features[0].geometry.type, 'MultiPoint');
    assert.ok(!('geo_shape' in geojson.body.features[0].properties));
  });

  it('lists the catalog, filtered by search()', async () => {
    const all = await get(`${ODS}`);
    assert.equal(all.body.total_count, 3);
    const found = await get(`${ODS}`, {where: 'search(title, "festivals")'});
    assert.deepEqual(
      found.body.results.map((dataset) => dataset.dataset_id),
      ['festivals-du-finistere'],
    );
  });

  it('serves the dataset page as HTML', async () => {
    const {status, headers, text} = await get('/portal/ods/explore/dataset/populations-legales-2025/table/');
    assert.equal(status, 200);
    assert.match(headers.get('content-type'), /text\/html/);
    assert.match(text, /Populations légales 2025 des communes/);
    assert.match(
      text,
      /\/portal\/ods\/api\/explore\/v2\.1\/catalog\/datasets\/populations-legales-2025\/records/,
    );
  });
});

describe('data.gouv.fr catalogue and tabular API', () => {
  it('describes the dataset with its resources and serves the CSV', async () => {
    const {body} = await get('/portal/datagouv/api/1/datasets/populations-legales-2025/');
    assert.equal(body.slug, 'populations-legales-2025');
    const resource = body.resources.find((r) => r.id === POP);
    assert.equal(resource.url, `${portal.url}/portal/datagouv/api/1/datasets/r/${POP}`);
    const file = await get(`/portal/datagouv/api/1/datasets/r/${POP}`);
    assert.match(file.headers.get('content-type'), /^text\/csv/);
    assert.match(file.text, /^# Populations légales 2025/);
    assert.match(file.text, /45234;Orléans;244500468;Orléans Métropole;116\u00a0344;/);
  });

  it('pages with absolute next/prev links', async () => {
    const path = `${TABULAR}/${POP}/data/`;
    const first = await get(`${path}?code_departement__exact=45&page_size=50`);
    assert.deepEqual(first.body.meta, {page: 1, page_size: 50, total: 325});
    assert.equal(first.body.data[0].__id > 0, true);
    assert.equal(first.body.links.prev, null);
    assert.equal(
      first.body.links.next,
      `${portal.url}${path}?code_departement__exact=45&page=2&page_size=50`,
    );
    const last = await get(`${path}?code_departement__exact=45&page=7&page_size=50`);
    assert.equal(last.body.data.length, 25);
    assert.equal(last.body.links.next, null);
    assert.equal(last.body.links.prev, `${portal.url}${path}?code_departement__exact=45&page=6&page_size=50`);
    assert.equal(last.body.links.profile, `${portal.url}${TABULAR}/${POP}/profile/`);
  });

  it('refuses page_size over 50 like the real API', async () => {
    const {status, body} = await get(`${TABULAR}/${POP}/data/?page_size=51`);
    assert.equal(status, 400);
    assert.deepEqual(body, {
      errors: [{code: null, title: 'Invalid query string', detail: 'Page size exceeds allowed maximum: 50'}],
    });
  });

  const operators = [
    ['epci__exact=Dijon%20M%C3%A9tropole', 23],
    ['code_departement__exact=45&epci__differs=Orl%C3%A9ans%20M%C3%A9tropole', 303],
    ['commune__contains=orl%C3%A9ans', 2],
    ['code_departement__exact=21&commune__notcontains=a', 247],
    ['code_insee__in=45234,21231,49007', 3],
    ['code_departement__exact=45&code_departement__notin=21,49', 325],
    ['code_departement__exact=45&population__greater=22988', 2],
    ['code_departement__exact=45&population__strictly_greater=22988', 1],
    ['code_departement__exact=45&population__less=0', 0],
    ['code_departement__exact=45&population__strictly_less=100', 7],
    ['epci__isnull', 8],
    ['code_departement__exact=45&epci_siren__isnotnull', 325],
  ];
  for (const [query, expected] of operators) {
    it(`filters ${decodeURIComponent(query)}`, async () => {
      const {status, body} = await get(`${TABULAR}/${POP}/data/?${query}&page_size=1`);
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.meta.total, expected);
    });
  }

  it('sorts and selects columns', async () => {
    const {body} = await get(
      `${TABULAR}/${POP}/data/?code_departement__exact=45&population__sort=desc&columns=commune,population&page_size=2`,
    );
    assert.deepEqual(body.data, [
      {commune: 'Orléans', population: 116344},
      {commune: 'Olivet', population: 22988},
    ]);
  });

  it('aggregates with __groupby and __sum/__count/__avg/__min/__max', async () => {
    const {status, body} = await get(
      `${TABULAR}/${POP}/data/?epci__in=Orl%C3%A9ans%20M%C3%A9tropole,Dijon%20M%C3%A9tropole&epci__groupby&population__sum&population__count&population__min&population__max&population__avg`,
    );
    assert.equal(status, 200);
    assert.deepEqual(body.meta, {page: 1, page_size: 20});
    const orleans = body.data.find((row) => row.epci === 'Orléans Métropole');
    assert.equal(orleans.population__sum, 293673);
    assert.equal(orleans.population__count, 22);
    assert.equal(orleans.population__max, 116344);
    assert.equal(orleans.population__avg, 293673 / 22);
    const total = await get(`${TABULAR}/${POP}/data/?epci__exact=Dijon%20M%C3%A9tropole&population__sum`);
    assert.deepEqual(total.body.data, [{population__sum: 258630}]);
  });

  it('refuses aggregation on a resource without it (403, as api-tabular)', async () => {
    const {status, body} = await get(`${TABULAR}/${RESTRICTED}/data/?epci__groupby&population__sum`);
    assert.equal(status, 403);
    assert.deepEqual(body, {
      errors: [
        {
          code: null,
          title: 'Unauthorized parameters',
          detail: `Aggregation parameters \`groupby\`, \`sum\` are not allowed for resource '${RESTRICTED}'`,
        },
      ],
    });
    const plain = await get(`${TABULAR}/${RESTRICTED}/data/?epci__exact=Dijon%20M%C3%A9tropole`);
    assert.equal(plain.body.meta.total, 23);
  });

  it('answers 400 to unknown columns and arguments, 404 to unknown resources', async () => {
    const unknown = await get(`${TABULAR}/${POP}/data/?nombre__exact=1`);
    assert.equal(unknown.status, 400);
    // api-tabular's QueryException (api_tabular/core/error.py): `code` is a Sentry event id, null
    // without Sentry; `detail` is PostgREST's error object as it came.
    assert.deepEqual(Object.keys(unknown.body.errors[0]), ['code', 'title', 'detail']);
    assert.equal(unknown.body.errors[0].title, 'Database error');
    assert.deepEqual(Object.keys(unknown.body.errors[0].detail), ['code', 'details', 'hint', 'message']);
    assert.equal(unknown.body.errors[0].detail.code, '42703');
    assert.match(unknown.body.errors[0].detail.message, /^column .*nombre does not exist$/);
    assert.equal(
      (await get(`${TABULAR}/${POP}/data/?limit=1`)).body.errors[0].detail,
      "Malformed query: argument 'limit=1' could not be parsed",
    );
    const missing = await get(`${TABULAR}/00000000-0000-0000-0000-000000000000/data/`);
    assert.equal(missing.status, 404);
    assert.equal(missing.text, '404: Not Found');
  });

  it('profiles the columns', async () => {
    const {body} = await get(`${TABULAR}/${POP}/profile/`);
    assert.equal(body.profile.columns.population.python_type, 'int');
    assert.equal(body.profile.columns.code_insee.python_type, 'string');
    assert.equal(body.profile.total_lines, 34964);
    assert.equal(body.indexes, null);
  });
});

describe('CKAN', () => {
  const search = (params) => get(`${CKAN}/datastore_search`, {resource_id: POP, ...params});

  it('searches with filters, sort, fields, limit and offset', async () => {
    const {body} = await search({
      filters: JSON.stringify({epci: 'Orléans Métropole'}),
      sort: 'population desc, commune asc',
      fields: 'commune,population',
      limit: '2',
      offset: '1',
    });
    assert.equal(body.success, true);
    assert.equal(body.result.total, 22);
    assert.deepEqual(body.result.records, [
      {commune: 'Olivet', population: 22988},
      {commune: 'Saint-Jean-de-Braye', population: 22088},
    ]);
    assert.deepEqual(body.result.fields, [
      {id: 'commune', type: 'text'},
      {id: 'population', type: 'int4'},
    ]);
    assert.match(body.result._links.next, /^\/portal\/ckan\/api\/3\/action\/datastore_search\?.*&offset=3$/);
    assert.equal(body.result.limit, 2);
  });

  it('defaults to 100 records with _id, filters on value lists and searches full text', async () => {
    const all = await search({});
    assert.equal(all.body.result.records.length, 100);
    assert.equal(all.body.result.records[0]._id, 1);
    assert.equal(all.body.result.total, 34964);
    const list = await search({filters: JSON.stringify({code_insee: ['45234', '21231']})});
    assert.equal(list.body.result.total, 2);
    const text = await search({q: 'orléans', filters: JSON.stringify({code_departement: '45'})});
    assert.ok(text.body.result.total >= 1 && text.body.result.records.some((r) => r.commune === 'Orléans'));
  });

  it('answers 409 Validation Error to unknown filter, sort or fields', async () => {
    for (const params of [
      {filters: '{"inconnu": "x"}'},
      {sort: 'inconnu desc'},
      {fields: 'commune,inconnu'},
    ]) {
      const {status, body} = await search(params);
      assert.equal(status, 409, JSON.stringify(params));
      assert.equal(body.success, false);
      assert.equal(body.error.__type, 'Validation Error');
    }
    const missing = await get(`${CKAN}/datastore_search`, {resource_id: 'inconnu'});
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.__type, 'Not Found Error');
  });

  it('SQL search is off by default: 400 with a bare JSON string, as CKAN answers an unknown action', async () => {
    // ckan/ckan ckan/views/api.py: `_finish_bad_request('Action name not known: …')`, json.dumps of a string.
    const off = await get(`${CKAN}/datastore_search_sql`, {sql: `SELECT COUNT(*) FROM "${POP}"`});
    assert.equal(off.status, 400);
    assert.equal(off.text, '"Bad request - Action name not known: datastore_search_sql"');
    assert.match(off.headers.get('content-type'), /^application\/json/);
    const unknown = await get(`${CKAN}/datastore_nope`);
    assert.equal(unknown.body, 'Bad request - Action name not known: datastore_nope');
  });

  it('numeric columns come back as JSON strings, int columns as numbers', async () => {
    const sql = `SELECT "epci", AVG("population") AS "moyenne", COUNT(*) AS "n" FROM "${POP}" WHERE "epci" = 'Orléans Métropole' GROUP BY 1`;
    const {status, body} = await get(`${CKAN_SQL}/datastore_search_sql`, {sql});
    assert.equal(status, 200);
    assert.deepEqual(body.result.fields, [
      {id: 'epci', type: 'text'},
      {id: 'moyenne', type: 'numeric'},
      {id: 'n', type: 'int8'},
    ]);
    const [row] = body.result.records;
    assert.equal(typeof row.moyenne, 'string');
    assert.equal(Number(row.moyenne), 293673 / 22);
    assert.equal(row.n, 22);
  });

  it('aggregates with datastore_search_sql', async () => {
    const sql = `SELECT "epci", SUM("population") AS "total", COUNT(*) FROM "${POP}" WHERE "epci" IN ('Orléans Métropole', 'Dijon Métropole', 'Communauté urbaine Angers Loire Métropole') GROUP BY 1 ORDER BY "total" DESC`;
    const {status, body} = await get(`${CKAN_SQL}/datastore_search_sql`, {sql});
    assert.equal(status, 200);
    assert.deepEqual(body.result.records, [
      {epci: 'Communauté urbaine Angers Loire Métropole', total: 308806, count: 29},
      {epci: 'Orléans Métropole', total: 293673, count: 22},
      {epci: 'Dijon Métropole', total: 258630, count: 23},
    ]);
    assert.deepEqual(body.result.fields, [
      {id: 'epci', type: 'text'},
      {id: 'total', type: 'int8'},
      {id: 'count', type: 'int8'},
    ]);
    const plain = await get(`${CKAN_SQL}/datastore_search_sql`, {
      sql: `SELECT commune, population FROM "${POP}" WHERE code_departement = '45' AND population > 20000 AND NOT epci IS NULL ORDER BY population DESC LIMIT 2 OFFSET 1`,
    });
    assert.deepEqual(plain.body.result.records, [
      {commune: 'Olivet', population: 22988},
      {commune: 'Saint-Jean-de-Braye', population: 22088},
    ]);
  });

  it('with SQL on: 403 Authorization Error for a resource that refuses it, 409 to bad SQL', async () => {
    const denied = await get(`${CKAN_SQL}/datastore_search_sql`, {
      sql: `SELECT COUNT(*) FROM "${RESTRICTED}"`,
    });
    assert.equal(denied.status, 403);
    assert.deepEqual(Object.keys(denied.body.error).sort(), ['__type', 'message']);
    assert.equal(denied.body.error.__type, 'Authorization Error');
    assert.match(denied.body.error.message, /^Access denied/);
    const search = await get(`${CKAN}/datastore_search`, {resource_id: RESTRICTED, limit: '0'});
    assert.equal(search.body.result.total, 34964);
    for (const sql of [`SELECT FROM "${POP}"`, `SELECT "inconnu" FROM "${POP}"`]) {
      const bad = await get(`${CKAN_SQL}/datastore_search_sql`, {sql});
      assert.equal(bad.status, 409, sql);
      assert.equal(bad.body.error.__type, 'Validation Error');
    }
  });

  it('shows the resource and the package', async () => {
    const resource = await get(`${CKAN}/resource_show`, {id: POP});
    assert.equal(resource.body.result.datastore_active, true);
    const pkg = await get(`${CKAN}/package_show`, {id: 'populations-legales-2025'});
    assert.equal(pkg.body.result.organization.title, 'Insee');
    assert.ok(
      pkg.body.result.license_title && pkg.body.result.license_url && pkg.body.result.metadata_modified,
    );
  });
});

describe('plain files', () => {
  const files = [
    ['populations-legales-2025.csv', /^text\/csv/],
    ['populations-45-21-49.json', /^application\/json/],
    ['communes-45-loiret.geojson', /^application\/geo\+json/],
    ['festivals-du-finistere.geojson', /^application\/geo\+json/],
    ['valeursfoncieres-2024-extrait-45.txt', /^text\/plain/],
    ['subventions-orleans-metropole-2024.csv', /^text\/csv/],
    ['meteo-france-horaire-45-21-202501.csv', /^text\/csv/],
  ];
  for (const [name, type] of files) {
    it(`serves ${name}`, async () => {
      const {status, headers} = await get(`/portal/files/${name}`);
      assert.equal(status, 200);
      assert.match(headers.get('content-type'), type);
      assert.ok(Date.parse(headers.get('last-modified')) > 0);
    });
  }

  it('serves the DGFiP « valeurs foncières » file as published: `|`-separated, decimal commas', async () => {
    const {text} = await get('/portal/files/valeursfoncieres-2024-extrait-45.txt');
    const [header, first] = text.split('\n');
    assert.equal(header.split('|').length, 43);
    assert.equal(first.split('|').length, 43);
    assert.match(first.split('|')[10], /^\d+,\d{2}$/);
  });

  it('revalidates with ETag and refuses unknown names', async () => {
    const first = await fetch(url('/portal/files/regions.geojson'));
    await first.arrayBuffer();
    const again = await fetch(url('/portal/files/regions.geojson'), {
      headers: {'If-None-Match': first.headers.get('etag')},
    });
    assert.equal(again.status, 304);
    assert.equal((await get('/portal/files/inconnu.csv')).status, 404);
    assert.equal((await get('/portal/files/..%2Fpackage.json')).status, 404);
  });

  it('has the INSEE look: BOM, comments, semicolons, no-break-space thousands', async () => {
    const response = await fetch(url('/portal/files/populations-legales-2025.csv'));
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
    const lines = text.split('\r\n');
    assert.ok(lines.slice(0, 3).every((line) => line.startsWith('#')));
    const header = lines.find((line) => !line.startsWith('#'));
    assert.equal(
      header,
      'code_region;region;code_departement;code_insee;commune;epci_siren;epci;population;population_comptee_a_part;population_totale',
    );
    assert.ok(text.includes('116\u00a0344'));
  });
});

describe('fault injection and request log', () => {
  const records = RECORDS;

  it('answers the injected status with each family’s error body', async () => {
    const ods = await get(`/portal/~status=503${records}`);
    assert.equal(ods.status, 503);
    assert.ok(ods.body.message && ods.body.error_code);
    const ckan = await get(`/portal/~status=500/ckan/api/3/action/datastore_search?resource_id=${POP}`);
    assert.equal(ckan.status, 500);
    assert.equal(ckan.body.success, false);
    assert.ok(ckan.body.error.message && ckan.body.error.__type);
    const files = await get('/portal/~status=502/files/regions.geojson');
    assert.equal(files.status, 502);
    assert.ok(files.body.message);
    assert.equal(files.headers.get('access-control-allow-origin'), '*');
  });

  it('answers an ODS quota error with rate-limit headers, Retry-After and X-RateLimit-Reset', async () => {
    const before = Math.floor(Date.now() / 1000);
    const {status, headers, body} = await get(`/portal/~status=429,retry-after=2,reset-after=60${records}`);
    assert.equal(status, 429);
    assert.equal(body.errorcode, 10002);
    assert.equal(body.limit_time_unit, 'day');
    assert.equal(headers.get('retry-after'), '2');
    assert.equal(headers.get('x-ratelimit-remaining'), '0');
    assert.equal(headers.get('x-ratelimit-limit'), '10000');
    const reset = Number(headers.get('x-ratelimit-reset'));
    assert.ok(reset >= before + 60 && reset <= before + 62);
    const plain = await get(`/portal/~status=429${records}`);
    assert.equal(plain.headers.get('retry-after'), null);
    assert.ok(Number(plain.headers.get('x-ratelimit-reset')) > before);
  });

  it('answers 200 with an HTML page', async () => {
    const {status, headers, text} = await get(`/portal/~html${records}`);
    assert.equal(status, 200);
    assert.match(headers.get('content-type'), /text\/html/);
    assert.match(text, /<html/);
  });

  it('answers 200 JSON that does not parse', async () => {
    const response = await fetch(url(`/portal/~malformed${records}`));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /application\/json/);
    await assert.rejects(response.json(), SyntaxError);
  });

  it('cuts the connection in the middle of the body', async () => {
    const response = await fetch(url(`/portal/~cut${records}`));
    assert.equal(response.status, 200);
    await assert.rejects(response.text());
  });

  it('delays without holding the server', async () => {
    const started = performance.now();
    const slow = fetch(url(`/portal/~latency=300${records}`)).then(() => performance.now() - started);
    const fast = fetch(url(`/portal${records}`)).then(() => performance.now() - started);
    const [slowTime, fastTime] = await Promise.all([slow, fast]);
    assert.ok(slowTime >= 290, `slow answered after ${slowTime} ms`);
    assert.ok(fastTime < slowTime, `fast answered after ${fastTime} ms`);
  });

  it('plays a posted sequence, then answers ok', async () => {
    const posted = await fetch(url('/portal/__faults'), {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({name: 'retry-twice', faults: ['status=500', 'status=429,retry-after=1', 'ok']}),
    });
    assert.equal(posted.status, 200);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(`/portal/~seq=retry-twice${records}`)).status);
    assert.deepEqual(statuses, [500, 429, 200, 200]);
  });

  it('refuses an unknown fault', async () => {
    const {status, body} = await get(`/portal/~explode${records}`);
    assert.equal(status, 400);
    assert.match(body.message, /explode/);
  });

  it('logs requests as received, by tag, and clears them', async () => {
    await fetch(url('/portal/__requests?tag=t-log'), {method: 'DELETE'});
    await get(`/portal/~tag=t-log${records}`);
    await get(`/portal/~tag=t-log,latency=10/files/regions.geojson`);
    await get(`/portal/~tag=other${records}`);
    const {body} = await get('/portal/__requests', {tag: 't-log'});
    assert.deepEqual(
      body.requests.map(({method, url: received}) => [method, received]),
      [
        ['GET', `/portal/~tag=t-log${records}`],
        ['GET', '/portal/~tag=t-log,latency=10/files/regions.geojson'],
      ],
    );
    assert.ok(body.requests.every((entry) => typeof entry.time === 'number'));
    assert.equal((await fetch(url('/portal/__requests?tag=t-log'), {method: 'DELETE'})).status, 204);
    assert.deepEqual((await get('/portal/__requests', {tag: 't-log'})).body, {requests: []});
  });

  it('answers CORS preflights', async () => {
    const response = await fetch(url(`/portal${records}`), {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://example.test',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-allow-headers'), /authorization/i);
  });
});

describe('mounting', () => {
  it('serves /portal/ through the @web/dev-server plugin and leaves other paths to the dev server', async () => {
    const {startDevServer} = await import('@web/dev-server');
    const {portalPlugin} = await import('./wds-plugin.mjs');
    const server = await startDevServer({
      config: {
        rootDir: new URL('../..', import.meta.url).pathname,
        port: 0,
        plugins: [portalPlugin()],
        watch: false,
      },
      readCliArgs: false,
      readFileConfig: false,
      logStartMessage: false,
    });
    try {
      const origin = `http://127.0.0.1:${server.server.address().port}`;
      const portalResponse = await fetch(`${origin}/portal${RECORDS}`);
      assert.equal((await portalResponse.json()).total_count, 34964);
      const file = await fetch(`${origin}/package.json`);
      assert.equal((await file.json()).name, 'open-data-widgets');
    } finally {
      await server.stop();
    }
  });

  it('calls next() for paths outside /portal/', async () => {
    const {createPortal} = await import('./portal.mjs');
    const handler = createPortal();
    let called = false;
    await handler({url: '/index.html', headers: {}}, {}, () => {
      called = true;
    });
    assert.equal(called, true);
  });
});
