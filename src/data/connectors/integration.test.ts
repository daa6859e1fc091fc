/**
 * The connectors against the portal emulator (same origin, under /portal/), through the real
 * request layer. Each test labels its requests with a tag of its own and reads them back from the
 * emulator's log, to check what went over the wire, not only the numbers.
 */
import {expect} from '@open-wc/testing';
import {parseFilter, parseGroupBy, parseOrderBy, parseSelect} from '../expression/index.js';
import {createFetchContext} from '../request.js';
import type {NormalizedQuery, QueryResult} from '../types.js';
import {facets} from './facets.js';
import {connectorFor, resolveSource} from './index.js';

const RESOURCE = '7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01';
const RESTRICTED = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';

const EPCIS = [
  {name: 'Orléans Métropole', population: 293_673, communes: 22},
  {name: 'Dijon Métropole', population: 258_630, communes: 23},
  {name: 'Communauté urbaine Angers Loire Métropole', population: 308_806, communes: 29},
];

function newTag(): string {
  return `conn${Math.random().toString(36).slice(2, 10)}`;
}

/** The emulator URL of `path` with requests logged under `tag` (and more switches, `ckan-sql`…). */
function portal(tag: string, path: string, switches = ''): string {
  return `/portal/~tag=${tag}${switches ? `,${switches}` : ''}/${path}`;
}

/** The decoded URLs the emulator received under `tag`. */
async function logged(tag: string): Promise<string[]> {
  const response = await fetch(`/portal/__requests?tag=${encodeURIComponent(tag)}`);
  const body = (await response.json()) as {requests: Array<{url: string}>};
  return body.requests.map((request) => decodeURIComponent(request.url.replaceAll('+', ' ')));
}

function query(parts: {
  select?: string;
  where?: string;
  groupBy?: string;
  orderBy?: string;
  limit?: number;
  offset?: number;
}): NormalizedQuery {
  const q: NormalizedQuery = {
    select: parts.select ? parseSelect(parts.select) : [],
    groupBy: parts.groupBy ? parseGroupBy(parts.groupBy) : [],
    orderBy: parts.orderBy ? parseOrderBy(parts.orderBy) : [],
  };
  if (parts.where) q.where = parseFilter(parts.where);
  if (parts.limit !== undefined) q.limit = parts.limit;
  if (parts.offset !== undefined) q.offset = parts.offset;
  return q;
}

async function run(url: string, q: NormalizedQuery): Promise<QueryResult> {
  const source = resolveSource(url);
  return (await connectorFor(source.family)).query(source, q, createFetchContext());
}

const KPI = 'sum(population), count()';
const epciFilter = (name: string) => `epci = "${name}"`;

describe('integration: Opendatasoft (emulator)', function () {
  this.timeout(20_000);

  for (const epci of EPCIS) {
    it(`${epci.name}: ${epci.population} inhabitants in ${epci.communes} communes, aggregated by the server`, async () => {
      const tag = newTag();
      const result = await run(
        portal(tag, 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records'),
        query({select: KPI, where: epciFilter(epci.name)}),
      );
      expect(result.rows).to.deep.equal([{'sum(population)': epci.population, 'count()': epci.communes}]);
      expect(result.total).to.equal(1);
      const data = (await logged(tag)).filter((url) => url.includes('/records'));
      expect(data).to.have.length(1);
      expect(data[0])
        .to.contain('select=sum(population) as a0, count(*) as a1')
        .and.contain(`where=epci = "${epci.name}"`);
    });
  }

  it('from a dataset page URL with a refine, a grouped top-N; info from the metadata', async () => {
    const tag = newTag();
    const result = await run(
      portal(tag, 'ods/explore/dataset/populations-legales-2025/table/?refine.code_departement=45'),
      query({select: 'epci, sum(population)', groupBy: 'epci', orderBy: '-sum(population)', limit: 1}),
    );
    expect(result.rows).to.deep.equal([{epci: 'Orléans Métropole', 'sum(population)': 293_673}]);
    expect(result.total).to.be.greaterThan(1);
    expect(result.meta.title).to.equal('Populations légales 2025 des communes');
    expect(result.meta.description).to.not.contain('<');
    expect(result.meta.pageUrl).to.match(
      /\/portal\/~tag=[a-z0-9]+\/ods\/explore\/dataset\/populations-legales-2025\/$/,
    );
    expect(result.fields.find((field) => field.name === 'population')).to.deep.include({
      label: 'Population municipale',
      type: 'int',
    });
    expect(
      (await logged(tag)).some(
        (url) => url.includes('refine=code_departement:45') && url.includes('group_by=epci'),
      ),
    ).to.equal(true);
  });

  it('groups by a time unit (year) with date_format; every festival is counted once', async () => {
    const tag = newTag();
    const result = await run(
      portal(tag, 'ods/api/explore/v2.1/catalog/datasets/festivals-du-finistere/records'),
      query({select: 'count()', groupBy: 'year(date_de_creation)', orderBy: 'year(date_de_creation)'}),
    );
    const years = result.rows.map((row) => row['year(date_de_creation)']).filter((value) => value !== null);
    expect(years.length).to.be.greaterThan(1);
    for (const year of years) expect(year).to.match(/^\d{4}-01-01$/);
    expect(result.rows.reduce((sum, row) => sum + (row['count()'] as number), 0)).to.equal(55);
  });

  it('records: total_count; geo_point_2d as {lat, lon}, from records and from the export alike', async () => {
    const tag = newTag();
    const url = portal(tag, 'ods/api/explore/v2.1/catalog/datasets/paris-stationnement/records');
    const page = await run(url, query({select: 'nom, geo_point_2d', limit: 5}));
    expect(page.total).to.equal(9_814);
    const exported = await run(url, query({select: 'nom, geo_point_2d', limit: 150, offset: 3}));
    expect(exported.total).to.equal(9_814);
    expect(exported.rows).to.have.length(150);
    expect(exported.rows[0]).to.deep.equal(page.rows[3]);
    for (const row of [...page.rows, ...exported.rows]) {
      const point = row.geo_point_2d as {lat: number; lon: number};
      expect(point.lat, 'latitude first').to.be.within(48, 49.5);
      expect(point.lon).to.be.within(1.5, 3);
    }
    expect((await logged(tag)).some((url) => url.includes('/exports/json'))).to.equal(true);
  });

  it('facets: values and counts under a filter', async () => {
    const tag = newTag();
    const source = resolveSource(
      portal(tag, 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025'),
    );
    const [epci] = await facets(
      source,
      ['epci'],
      parseFilter('code_departement = "45"'),
      createFetchContext(),
    );
    expect(epci.values).to.deep.include({value: 'Orléans Métropole', count: 22});
  });
});

describe('integration: data.gouv.fr tabular API (emulator)', function () {
  this.timeout(30_000);

  for (const epci of EPCIS) {
    it(`${epci.name}: aggregated by the API where the resource allows it`, async () => {
      const tag = newTag();
      const result = await run(
        portal(tag, `tabular/api/resources/${RESOURCE}/data/`),
        query({select: KPI, where: epciFilter(epci.name)}),
      );
      expect(result.rows).to.deep.equal([{'sum(population)': epci.population, 'count()': epci.communes}]);
      const data = (await logged(tag)).filter((url) => url.includes('/data/'));
      expect(
        data.some((url) => url.includes(`epci__exact=${epci.name}`) && url.includes('population__sum')),
      ).to.equal(true);
    });
  }

  it('the resource that refuses aggregation: the filtered rows are fetched and summed here, once refused', async () => {
    const tag = newTag();
    const url = portal(tag, `tabular/api/resources/${RESTRICTED}/data/`);
    const result = await run(url, query({select: KPI, where: epciFilter('Orléans Métropole')}));
    expect(result.rows).to.deep.equal([{'sum(population)': 293_673, 'count()': 22}]);
    const first = (await logged(tag)).filter((u) => u.includes('/data/'));
    expect(first.filter((u) => u.includes('population__sum'))).to.have.length(1);
    expect(first.some((u) => u.includes('epci__exact=Orléans Métropole') && !u.includes('__sum'))).to.equal(
      true,
    );

    const dijon = await run(url, query({select: KPI, where: epciFilter('Dijon Métropole')}));
    expect(dijon.rows).to.deep.equal([{'sum(population)': 258_630, 'count()': 23}]);
    expect((await logged(tag)).filter((u) => u.includes('population__sum'))).to.have.length(1);
  });

  it('after the refusal, count() under a filter is one request reading meta.total', async () => {
    const tag = newTag();
    const url = portal(tag, `tabular/api/resources/${RESTRICTED}/data/`);
    await run(url, query({select: 'sum(population)', where: epciFilter('Orléans Métropole')}));
    const before = (await logged(tag)).length;
    const counted = await run(url, query({select: 'count()', where: 'code_departement = "45"'}));
    expect(counted.rows[0]['count()']).to.be.greaterThan(300);
    const after = (await logged(tag)).slice(before).filter((u) => u.includes('/data/'));
    expect(after).to.have.length(1);
    expect(after[0]).to.contain('page_size=1');
  });

  it('an unknown column: the API’s own message, and count() still one request', async () => {
    const tag = newTag();
    const url = portal(tag, `tabular/api/resources/${RESOURCE}/data/`);
    let caught: unknown;
    try {
      await run(url, query({select: 'sum(population)', where: 'nombre = 1'}));
    } catch (error) {
      caught = error;
    }
    expect((caught as {details?: {apiMessage?: string}}).details?.apiMessage).to.match(
      /^Database error: column .*nombre does not exist$/,
    );
    const before = (await logged(tag)).length;
    await run(url, query({select: 'count()'}));
    expect((await logged(tag)).slice(before).filter((u) => u.includes('/data/'))).to.have.length(1);
  });

  it('rows: server filter, sort and paging; total from the API', async () => {
    const tag = newTag();
    const result = await run(
      portal(tag, `tabular/api/resources/${RESOURCE}/data/?code_departement__exact=45`),
      query({select: 'commune, population', orderBy: '-population', limit: 3}),
    );
    expect(result.rows[0]).to.deep.equal({commune: 'Orléans', population: 116_344});
    const counted = await run(
      portal(tag, `tabular/api/resources/${RESOURCE}/data/`),
      query({select: 'count()', where: 'code_departement = "45"'}),
    );
    expect(result.total).to.equal(counted.rows[0]['count()']);
    expect(result.total).to.be.greaterThan(300);
    expect(result.fields.find((field) => field.name === 'code_insee')?.type).to.equal('text');
  });
});

describe('integration: CKAN (emulator)', function () {
  this.timeout(30_000);

  for (const epci of EPCIS) {
    it(`${epci.name}: with datastore_search_sql on a portal that turned it on`, async () => {
      const tag = newTag();
      const result = await run(
        portal(tag, `ckan/api/3/action/datastore_search?resource_id=${RESOURCE}`, 'ckan-sql'),
        query({select: KPI, where: epciFilter(epci.name)}),
      );
      expect(result.rows).to.deep.equal([{'sum(population)': epci.population, 'count()': epci.communes}]);
      const sql = (await logged(tag)).filter((url) => url.includes('datastore_search_sql'));
      expect(sql).to.have.length(1);
      expect(sql[0]).to.contain('SUM("population")').and.contain(`WHERE "epci" = '${epci.name}'`);
    });
  }

  it('SQL search off (CKAN’s default, 400 bare string): datastore_search and the browser; SQL never re-sent to the portal', async () => {
    const tag = newTag();
    const url = portal(tag, `ckan/api/3/action/datastore_search?resource_id=${RESOURCE}`);
    const result = await run(url, query({select: KPI, where: epciFilter('Dijon Métropole')}));
    expect(result.rows).to.deep.equal([{'sum(population)': 258_630, 'count()': 23}]);
    await run(url, query({select: 'epci, count()', where: 'code_departement = "45"', groupBy: 'epci'}));
    await run(
      portal(tag, `ckan/api/3/action/datastore_search?resource_id=${RESTRICTED}`),
      query({select: KPI, where: epciFilter('Orléans Métropole')}),
    );
    expect((await logged(tag)).filter((u) => u.includes('datastore_search_sql'))).to.have.length(1);
  });

  it('count() under a filter: one datastore_search reading total, whether SQL is on or off', async () => {
    for (const switches of ['', 'ckan-sql']) {
      const tag = newTag();
      const result = await run(
        portal(tag, `ckan/api/3/action/datastore_search?resource_id=${RESOURCE}`, switches),
        query({select: 'count()', where: epciFilter('Dijon Métropole')}),
      );
      expect(result.rows).to.deep.equal([{'count()': 23}]);
      const data = (await logged(tag)).filter((u) => u.includes('filters='));
      expect(data, switches || 'SQL off').to.have.length(1);
      expect(data[0]).to.contain('limit=0');
      expect((await logged(tag)).some((u) => u.includes('datastore_search_sql'))).to.equal(false);
    }
  });

  it('SQL search off and an unknown field: the message names the field', async () => {
    const tag = newTag();
    let caught: unknown;
    try {
      await run(
        portal(tag, `ckan/api/3/action/datastore_search?resource_id=${RESOURCE}`),
        query({select: 'sum(quater)'}),
      );
    } catch (error) {
      caught = error;
    }
    expect((caught as {details?: unknown}).details).to.deep.include({
      expected: 'known-field',
      found: 'quater',
    });
  });

  it('SQL refused (403) on a portal with SQL on: datastore_search with filters and the browser engine; not asked again', async () => {
    const tag = newTag();
    const url = portal(tag, `ckan/api/3/action/datastore_search?resource_id=${RESTRICTED}`, 'ckan-sql');
    const result = await run(
      url,
      query({select: KPI, where: epciFilter('Communauté urbaine Angers Loire Métropole')}),
    );
    expect(result.rows).to.deep.equal([{'sum(population)': 308_806, 'count()': 29}]);
    await run(url, query({select: KPI, where: epciFilter('Orléans Métropole')}));
    const requests = await logged(tag);
    expect(requests.filter((u) => u.includes('datastore_search_sql'))).to.have.length(1);
    expect(
      requests.some((u) => u.includes('filters={"epci":"Communauté urbaine Angers Loire Métropole"}')),
    ).to.equal(true);
  });

  it('grouped top-N with SQL; metadata from resource_show and package_show', async () => {
    const tag = newTag();
    const result = await run(
      portal(tag, `ckan/api/3/action/datastore_search?resource_id=${RESOURCE}`, 'ckan-sql'),
      query({
        select: 'epci, sum(population)',
        where: 'code_departement = "21"',
        groupBy: 'epci',
        orderBy: '-sum(population)',
        limit: 1,
      }),
    );
    expect(result.rows).to.deep.equal([{epci: 'Dijon Métropole', 'sum(population)': 258_630}]);
    expect(result.total).to.be.greaterThan(1);
    expect(result.meta).to.include({title: 'Populations légales 2025', publisher: 'Insee'});
  });
});

describe('integration: files (emulator)', function () {
  this.timeout(30_000);

  it('the INSEE-style CSV: typed columns and the three EPCIs', async () => {
    const url = '/portal/files/populations-legales-2025.csv';
    for (const epci of EPCIS) {
      const result = await run(url, query({select: KPI, where: epciFilter(epci.name)}));
      expect(result.rows).to.deep.equal([{'sum(population)': epci.population, 'count()': epci.communes}]);
    }
    const orleans = await run(url, query({select: 'population', where: 'code_insee = "45234"'}));
    expect(orleans.rows).to.deep.equal([{population: 116_344}]);
    const types = Object.fromEntries(orleans.fields.map((field) => [field.name, field.type]));
    expect(types).to.deep.include({
      code_region: 'text',
      code_departement: 'text',
      code_insee: 'text',
      epci_siren: 'text',
      population: 'int',
    });
    expect(orleans.meta.title).to.equal('populations-legales-2025');
  });

  it('the JSON file', async () => {
    for (const epci of EPCIS) {
      const result = await run(
        '/portal/files/populations-45-21-49.json',
        query({select: KPI, where: epciFilter(epci.name)}),
      );
      expect(result.rows).to.deep.equal([{'sum(population)': epci.population, 'count()': epci.communes}]);
    }
  });

  it('a data.gouv.fr resource URL is read as its CSV file', async () => {
    const result = await run(
      `/portal/datagouv/api/1/datasets/r/${RESOURCE}`,
      query({select: KPI, where: epciFilter('Orléans Métropole')}),
    );
    expect(result.rows).to.deep.equal([{'sum(population)': 293_673, 'count()': 22}]);
  });

  it('the DGFiP « valeurs foncières » file: | separated, decimal commas summed, codes as written', async () => {
    const url = '/portal/files/valeursfoncieres-2024-extrait-45.txt';
    const result = await run(
      url,
      query({
        select: '`Code postal`, count(), sum(`Valeur fonciere`)',
        groupBy: '`Code postal`',
        orderBy: '`Code postal`',
      }),
    );
    expect(result.fields).to.have.length(43);
    expect(result.fields.find((field) => field.name === 'Valeur fonciere')?.type).to.equal('double');
    expect(result.rows[0]['Code postal']).to.equal('45000');
    expect(result.rows.reduce((sum, row) => sum + (row['count()'] as number), 0)).to.equal(160);
  });

  it('the SCDL grants file: SIRET codes are text as written', async () => {
    const result = await run(
      '/portal/files/subventions-orleans-metropole-2024.csv',
      query({select: 'idAttribuant, idBeneficiaire, montant', limit: 1}),
    );
    expect(result.rows[0].idAttribuant).to.equal('24450046800016');
    expect(result.rows[0].idBeneficiaire).to.match(/^\d{14}$/);
    expect(typeof result.rows[0].montant).to.equal('number');
  });

  it('the Météo-France file: compact timestamps are date-times, stations codes', async () => {
    const result = await run(
      '/portal/files/meteo-france-horaire-45-21-202501.csv',
      query({select: 'NUM_POSTE, AAAAMMJJHHMN', orderBy: 'AAAAMMJJHHMN', limit: 1}),
    );
    expect(result.fields.find((field) => field.name === 'AAAAMMJJHHMN')?.type).to.equal('datetime');
    expect(result.rows[0]).to.deep.equal({NUM_POSTE: '45055001', AAAAMMJJHHMN: '2025-01-01T00:00:00'});
  });

  it('a GeoJSON file: one row per commune outline', async () => {
    const result = await run(
      '/portal/files/communes-45-loiret.geojson',
      query({select: 'count()', where: 'code = "45234"'}),
    );
    expect(result.rows).to.deep.equal([{'count()': 1}]);
    expect(result.fields.find((field) => field.name === 'geometry')?.type).to.equal('geo_shape');
  });
});
