import {expect} from '@open-wc/testing';
import {FormatError, QueryError} from '../errors.js';
import type {FetchContext, FetchedText, NormalizedQuery, ResolvedSource} from '../types.js';
import {
  csvConnector,
  fileConnector,
  geojsonConnector,
  jsonConnector,
  ParsedFiles,
  parseGeoJsonFile,
  parseJsonFile,
} from './file.js';
import {parseCsv} from './csv.js';
import {facets} from './facets.js';

let fileCounter = 0;

function newSource(family: 'csv' | 'json' | 'geojson', name: string): ResolvedSource {
  const base = `https://files.example.fr/${++fileCounter}/${name}`;
  return {family, url: base, base};
}

/** Serves `body` for every URL (as fetchFile when `contentType` is given), counting requests. */
function fakeContext(body: () => string, contentType?: string): {ctx: FetchContext; count: () => number} {
  let requests = 0;
  const ctx: FetchContext = {
    fetchJson: async () => {
      throw new Error('files are read as text');
    },
    fetchText: async () => {
      requests++;
      return body();
    },
  };
  if (contentType !== undefined) {
    ctx.fetchFile = async (): Promise<FetchedText> => {
      requests++;
      return {text: body(), contentType};
    };
  }
  return {ctx, count: () => requests};
}

function q(parts: Partial<NormalizedQuery>): NormalizedQuery {
  return {select: [], groupBy: [], orderBy: [], ...parts};
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const CSV =
  '\uFEFF# commentaire\r\ncode_insee;commune;epci;population\r\n45234;Orléans;Orléans Métropole;116\u00a0344\r\n45232;Olivet;Orléans Métropole;22\u00a0539\r\n21231;Dijon;Dijon Métropole;158\u00a0002\r\n';

describe('file connectors', () => {
  it('CSV: the query runs in the browser over the typed rows; title and page from the file', async () => {
    const {ctx} = fakeContext(() => CSV);
    const source = newSource('csv', 'populations-2025.csv');
    const result = await csvConnector.query(
      source,
      q({
        select: [
          {type: 'aggregate', fn: 'sum', field: 'population', as: 'sum(population)'},
          {type: 'aggregate', fn: 'count', as: 'count()'},
        ],
        where: {type: 'compare', field: 'epci', op: '=', value: {type: 'string', value: 'Orléans Métropole'}},
      }),
      ctx,
    );
    expect(result.rows).to.deep.equal([{'sum(population)': 138_883, 'count()': 2}]);
    expect(result.meta).to.deep.equal({pageUrl: source.base, recordsCount: 3, title: 'populations-2025'});
    expect(result.fields.map((field) => field.type)).to.deep.equal(['text', 'text', 'text', 'int']);
  });

  it('a file read as one column: the error names the separator seen, not a field that does exist', async () => {
    const {ctx} = fakeContext(
      () => 'Valeurs foncières 2024\nDate mutation;Valeur fonciere\n03/01/2024;185000,00\n',
    );
    const error = await rejectionOf(
      csvConnector.query(
        newSource('csv', 'valeursfoncieres.csv'),
        q({select: [{type: 'aggregate', fn: 'sum', field: 'Valeur fonciere', as: 's'}]}),
        ctx,
      ),
    );
    expect(error).to.be.instanceOf(QueryError);
    expect((error as QueryError).details).to.deep.equal({found: ';', expected: 'separator'});
  });

  it('parses a file once for many queries, and again when its text changes', async () => {
    let text = CSV;
    const {ctx, count} = fakeContext(() => text);
    const source = newSource('csv', 'pop.csv');
    const [a, b] = await Promise.all([csvConnector.info(source, ctx), csvConnector.info(source, ctx)]);
    expect(count()).to.equal(2);
    expect(a.fields).to.equal(b.fields);
    const c = await csvConnector.info(source, ctx);
    expect(c.fields).to.equal(a.fields);

    text = CSV.replace('population', 'habitants');
    const d = await csvConnector.info(source, ctx);
    expect(d.fields).not.to.equal(a.fields);
    expect(d.fields.map((field) => field.name)).to.include('habitants');
  });

  it('keeps what it parsed in a ParsedFiles of its own: clear() parses again, the oldest file goes first', async () => {
    const parsed = new ParsedFiles(2);
    const connector = fileConnector('csv', (text) => parseCsv(text), parsed);
    const {ctx} = fakeContext(() => CSV);
    const [first, second, third] = ['a.csv', 'b.csv', 'c.csv'].map((name) => newSource('csv', name));
    const a = await connector.info(first, ctx);
    expect((await connector.info(first, ctx)).fields).to.equal(a.fields);
    parsed.clear();
    const cleared = await connector.info(first, ctx);
    expect(cleared.fields).not.to.equal(a.fields);
    await connector.info(second, ctx);
    await connector.info(third, ctx);
    expect((await connector.info(first, ctx)).fields).not.to.equal(cleared.fields);
  });

  it('refuses an HTML page served instead of the file (content type or content)', async () => {
    const typed = fakeContext(() => 'code;nom\n1;a\n', 'text/html; charset=utf-8');
    expect(await rejectionOf(csvConnector.info(newSource('csv', 'a.csv'), typed.ctx))).to.be.instanceOf(
      FormatError,
    );
    const sniffed = fakeContext(() => '<!DOCTYPE html><html><body>Maintenance</body></html>');
    expect(await rejectionOf(jsonConnector.info(newSource('json', 'a.json'), sniffed.ctx))).to.be.instanceOf(
      FormatError,
    );
  });

  it('JSON: invalid text is a FormatError', async () => {
    const {ctx} = fakeContext(() => '[{"a": 1},');
    expect(await rejectionOf(jsonConnector.info(newSource('json', 'a.json'), ctx))).to.be.instanceOf(
      FormatError,
    );
  });

  it('JSON: sorts and pages in the browser, total counts every row', async () => {
    const {ctx} = fakeContext(() =>
      JSON.stringify([
        {c: 'a', n: 3},
        {c: 'b', n: 1},
        {c: 'c', n: 2},
      ]),
    );
    const result = await jsonConnector.query(
      newSource('json', 'x.json'),
      q({orderBy: [{key: 'n', direction: 'desc'}], limit: 2}),
      ctx,
    );
    expect(result.rows).to.deep.equal([
      {c: 'a', n: 3},
      {c: 'c', n: 2},
    ]);
    expect(result.total).to.equal(3);
  });
});

describe('facets of a file', () => {
  it('counts each value of each field under the filter, most frequent first, nulls left out', async () => {
    const {ctx} = fakeContext(() => 'epci;dep\nA;45\nB;45\nA;45\n;45\nA;21\n');
    const result = await facets(
      newSource('csv', 'f.csv'),
      ['epci', 'dep'],
      {type: 'compare', field: 'dep', op: '=', value: {type: 'string', value: '45'}},
      ctx,
    );
    expect(result).to.deep.equal([
      {
        field: 'epci',
        values: [
          {value: 'A', count: 2},
          {value: 'B', count: 1},
        ],
      },
      {field: 'dep', values: [{value: 45, count: 4}]},
    ]);
  });
});

describe('JSON files', () => {
  const wrappers: Array<[string, unknown]> = [
    ['an array', [{a: 1}]],
    ['results', {total_count: 1, results: [{a: 1}]}],
    ['records', {records: [{a: 1}]}],
    ['data', {data: [{a: 1}], meta: {}}],
  ];
  for (const [name, body] of wrappers) {
    it(`reads ${name}`, () => {
      expect(parseJsonFile(JSON.stringify(body)).rows).to.deep.equal([{a: 1}]);
    });
  }

  it('refuses an object that holds no list', () => {
    expect(() => parseJsonFile('{"a": 1}')).to.throw(FormatError);
  });

  it('types fields from their values; codes in strings stay text; points as {lat, lon}', () => {
    const table = parseJsonFile(
      JSON.stringify([
        {
          code: '01001',
          n: 1,
          x: 1.5,
          ok: true,
          d: '2025-03-01',
          t: '2025-03-01T10:00:00',
          p: {lat: 1, lon: 2},
          geo_point_2d: [47.9, 1.9],
          o: {k: 1},
          mixed: 1,
        },
        {
          code: '2A004',
          n: null,
          x: 2,
          ok: false,
          d: '2025-03-02',
          t: '2025-03-02',
          p: {lat: 3, lon: 4},
          geo_point_2d: [47.8, 1.8],
          o: [1],
          mixed: 'a',
        },
      ]),
    );
    expect(Object.fromEntries(table.fields.map((field) => [field.name, field.type]))).to.deep.equal({
      code: 'text',
      n: 'int',
      x: 'double',
      ok: 'boolean',
      d: 'date',
      t: 'datetime',
      p: 'geo_point_2d',
      geo_point_2d: 'geo_point_2d',
      o: 'json',
      mixed: 'text',
    });
    expect(table.rows[0].geo_point_2d).to.deep.equal({lat: 47.9, lon: 1.9});
  });
});

describe('GeoJSON files', () => {
  const collection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {code: '45234', nom: 'Orléans'},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [1, 47],
              [2, 47],
              [2, 48],
              [1, 47],
            ],
          ],
        },
      },
      {type: 'Feature', properties: {nom: 'Borne'}, geometry: {type: 'Point', coordinates: [1.9, 47.9]}},
      {
        type: 'Feature',
        properties: {nom: 'Arceau', geo_point_2d: [48.85, 2.35]},
        geometry: {type: 'MultiPoint', coordinates: [[2.35, 48.85]]},
      },
      {type: 'Feature', properties: null, geometry: null},
    ],
  };

  it('rows are the properties plus geometry, and geo_point_2d for points', () => {
    const table = parseGeoJsonFile(JSON.stringify(collection));
    expect(table.rows).to.deep.equal([
      {code: '45234', nom: 'Orléans', geometry: collection.features[0].geometry},
      {nom: 'Borne', geometry: collection.features[1].geometry, geo_point_2d: {lat: 47.9, lon: 1.9}},
      {nom: 'Arceau', geo_point_2d: {lat: 48.85, lon: 2.35}, geometry: collection.features[2].geometry},
      {geometry: null},
    ]);
    expect(Object.fromEntries(table.fields.map((field) => [field.name, field.type]))).to.deep.equal({
      code: 'text',
      nom: 'text',
      geometry: 'geo_shape',
      geo_point_2d: 'geo_point_2d',
    });
  });

  it('refuses what is not a FeatureCollection', () => {
    expect(() => parseGeoJsonFile('[1, 2]')).to.throw(FormatError);
  });

  it('filters features in the browser', async () => {
    const {ctx} = fakeContext(() => JSON.stringify(collection));
    const result = await geojsonConnector.query(
      newSource('geojson', 'communes.geojson'),
      q({
        select: [{type: 'field', field: 'nom', as: 'nom'}],
        where: {type: 'not', filter: {type: 'null', field: 'geo_point_2d'}},
      }),
      ctx,
    );
    expect(result.rows).to.deep.equal([{nom: 'Borne'}, {nom: 'Arceau'}]);
    expect(result.meta.title).to.equal('communes');
  });
});
