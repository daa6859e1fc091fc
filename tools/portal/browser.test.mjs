// Node tests of the emulator as it runs in a browser (Storybook): `node --test tools/portal/`.
import {after, before, it} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createFetchPortal, fetchedFiles} from './browser.mjs';
import {startPortal} from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const POP = '7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01';
const ODS = '/portal/ods/api/explore/v2.1/catalog/datasets';

let server;
let portal;
before(async () => {
  server = await startPortal({port: 0});
  // The data folder over HTTP, as Storybook serves it (here through the Node emulator's files).
  portal = createFetchPortal({files: fetchedFiles(`${server.url}/portal/files/`)});
});
after(() => server.close());

/** Relative imports of a module and of what it imports, in tools/portal/. */
function importGraph(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  const code = readFileSync(join(HERE, name), 'utf8');
  for (const [, specifier] of code.matchAll(/^import [^'"]*['"]([^'"]+)['"]/gm)) {
    if (specifier.startsWith('./')) importGraph(specifier.slice(2), seen);
    else seen.add(specifier);
  }
  return seen;
}

it('imports no Node module', () => {
  const imports = [...importGraph('browser.mjs')];
  assert.ok(imports.includes('emulator.mjs'));
  assert.deepEqual(
    imports.filter((name) => !name.endsWith('.mjs')),
    [],
  );
});

it('answers as the Node emulator does, every API family and fault', async () => {
  const urls = [
    `${ODS}/populations-legales-2025/records?select=sum(population)&where=epci%20%3D%20%22Orl%C3%A9ans%20M%C3%A9tropole%22`,
    `${ODS}/populations-legales-2025/records?group_by=code_departement&select=count(*)%20as%20n&order_by=n%20desc&limit=3`,
    `${ODS}/populations-legales-2025/facets?facet=epci&where=code_departement%3D%2245%22`,
    `${ODS}/festivals-du-finistere/records?limit=2`,
    `${ODS}?limit=5`,
    `/portal/tabular/api/resources/${POP}/data/?population__greater=100000&page_size=3`,
    `/portal/ckan/api/3/action/datastore_search?resource_id=${POP}&limit=2`,
    `/portal/datagouv/api/1/datasets/populations-legales-2025/`,
    '/portal/tiles/9/258/178.svg',
    `/portal/~status=503${ODS}/populations-legales-2025/records`,
    `/portal/~malformed${ODS}/populations-legales-2025/records?limit=1`,
  ];
  for (const url of urls) {
    const expected = await fetch(`${server.url}${url}`);
    const actual = await portal(new Request(`${server.url}${url}`));
    assert.equal(actual.status, expected.status, url);
    assert.equal(actual.headers.get('content-type'), expected.headers.get('content-type'), url);
    // Over HTTP, a file's date loses its milliseconds (Last-Modified).
    const text = async (response) => (await response.text()).replace(/\.\d{3}Z/g, '.000Z');
    assert.equal(await text(actual), await text(expected), url);
  }
});

it('serves the data files, with their validators', async () => {
  const url = `${server.url}/portal/files/regions.geojson`;
  const response = await portal(new Request(url));
  assert.equal(response.status, 200);
  assert.equal((await response.json()).type, 'FeatureCollection');
  const again = await portal(new Request(url, {headers: {'If-None-Match': response.headers.get('etag')}}));
  assert.equal(again.status, 304);
  assert.equal((await portal(new Request(`${server.url}/portal/files/absent.csv`))).status, 404);
});

it('keeps fault sequences, and answers a cut connection or an outage with a network error', async () => {
  const define = await portal(
    new Request(`${server.url}/portal/__faults`, {
      method: 'POST',
      body: JSON.stringify({name: 'twice', faults: ['status=500', 'ok']}),
    }),
  );
  assert.equal(define.status, 200);
  const records = '/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records?limit=1';
  const status = (faults) =>
    portal(new Request(`${server.url}/portal/${faults}${records}`)).then((response) => response.status);
  assert.deepEqual([await status('~seq=twice'), await status('~seq=twice')], [500, 200]);
  assert.equal((await portal(new Request(`${server.url}/portal/~cut${records}`))).type, 'error');
  await portal(
    new Request(`${server.url}/portal/__outage`, {method: 'POST', body: '{"down": true, "name": "story"}'}),
  );
  assert.equal((await portal(new Request(`${server.url}/portal/~outage=story${records}`))).type, 'error');
  assert.equal(await status('~outage=other'), 200);
  await portal(new Request(`${server.url}/portal/__outage`, {method: 'POST', body: '{"down": true}'}));
  assert.equal((await portal(new Request(`${server.url}/portal${records}`))).type, 'error');
});
