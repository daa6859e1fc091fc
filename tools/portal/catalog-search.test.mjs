// Node tests of the emulator's catalogue search, what the builder's first step asks:
// `node --test tools/portal/`.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {startPortal} from './server.mjs';

const ODS_CATALOG = '/portal/ods/api/explore/v2.1/catalog/datasets';
const UDATA_DATASETS = '/portal/datagouv/api/1/datasets/';

let portal;
before(async () => {
  portal = await startPortal({port: 0});
});
after(() => portal.close());

async function getJson(path, params) {
  const response = await fetch(`${portal.url}${path}?${new URLSearchParams(params)}`);
  return {status: response.status, body: await response.json()};
}

describe('Opendatasoft catalogue search', () => {
  it('finds datasets by a full-text where, accents and case folded', async () => {
    const {status, body} = await getJson(ODS_CATALOG, {where: '"velo"'});
    assert.equal(status, 200);
    assert.deepEqual(
      body.results.map((dataset) => dataset.dataset_id),
      ['paris-stationnement'],
    );
    assert.equal(body.total_count, 1);
  });

  it('searches the publisher and keywords too, with search("…")', async () => {
    const {body} = await getJson(ODS_CATALOG, {where: 'search("insee recensement")'});
    assert.deepEqual(
      body.results.map((dataset) => dataset.dataset_id),
      ['populations-legales-2025'],
    );
    assert.equal(body.results[0].metas.default.records_count > 30_000, true);
  });

  it('answers an empty list when nothing matches', async () => {
    const {body} = await getJson(ODS_CATALOG, {where: '"introuvable"'});
    assert.deepEqual(body, {total_count: 0, results: []});
  });
});

describe('data.gouv.fr catalogue search', () => {
  it('finds the dataset with q, with its organisation and resources', async () => {
    const {status, body} = await getJson(UDATA_DATASETS, {q: 'populations légales', page_size: '10'});
    assert.equal(status, 200);
    assert.equal(body.total, 1);
    assert.equal(body.page_size, 10);
    const [dataset] = body.data;
    assert.equal(dataset.slug, 'populations-legales-2025');
    assert.equal(dataset.organization.acronym, 'Insee');
    assert.equal(dataset.resources.length, 2);
    assert.match(dataset.resources[0].url, /\/portal\/datagouv\/api\/1\/datasets\/r\/[0-9a-f-]+$/);
  });

  it('matches words by their start, whatever the case and accents', async () => {
    const {body} = await getJson(UDATA_DATASETS, {q: 'POPULATION insee'});
    assert.equal(body.total, 1);
  });

  it('lists the whole catalogue without q, and nothing for unknown words', async () => {
    assert.equal((await getJson(UDATA_DATASETS, {})).body.total, 1);
    const {body} = await getJson(UDATA_DATASETS, {q: 'stationnement'});
    assert.deepEqual(body.data, []);
    assert.equal(body.total, 0);
  });

  it('refuses a page size that is not a positive integer', async () => {
    const {status} = await getJson(UDATA_DATASETS, {page_size: '0'});
    assert.equal(status, 400);
  });
});
