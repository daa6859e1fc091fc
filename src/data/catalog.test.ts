import {expect} from '@open-wc/testing';
import {HttpError, QueryError, datasetInfo, requestSettings} from './index.js';
import {portalRoot, searchCatalog} from './catalog.js';
import {requestLog, uniqueTag} from '../../test/helpers.js';

const ODS_PORTAL = '/portal/ods';
const UDATA_PORTAL = '/portal/datagouv';
const origin = location.origin;
const savedSettings = {...requestSettings};

describe('searchCatalog', function () {
  this.timeout(30_000);

  beforeEach(() => Object.assign(requestSettings, {baseDelay: 5, maxDelay: 20}));
  afterEach(() => Object.assign(requestSettings, savedSettings));

  it('finds Opendatasoft datasets by text, with metadata and a records URL query() reads', async () => {
    const result = await searchCatalog(ODS_PORTAL, {text: 'vélo'});
    expect(result.family).to.equal('ods');
    expect(result.portal).to.equal(`${origin}/portal/ods`);
    expect(result.datasets.map((dataset) => dataset.id)).to.deep.equal(['paris-stationnement']);
    const [parking] = result.datasets;
    expect(parking.title).to.equal('Stationnement vélo à Paris');
    expect(parking.publisher).to.equal('Ville de Paris');
    expect(parking.license).to.equal('Open Database License (ODbL)');
    expect(parking.recordsCount).to.equal(9814);
    expect(parking.description).to.match(/^Emplacements de stationnement/);
    expect(parking.sources[0].src).to.equal(
      `${origin}/portal/ods/api/explore/v2.1/catalog/datasets/paris-stationnement/records`,
    );
    const info = await datasetInfo(parking.sources[0].src);
    expect(info.fields.some((field) => field.name === 'capacite')).to.equal(true);
  });

  it('lists the whole catalogue without text', async () => {
    const result = await searchCatalog(`${ODS_PORTAL}/`);
    expect(result.total).to.equal(3);
  });

  it('recognises the portal from any of its page or API URLs', () => {
    expect(portalRoot('https://data.example.fr/explore/dataset/x/table/?q=a')).to.equal(
      'https://data.example.fr',
    );
    expect(portalRoot('https://data.example.fr/api/explore/v2.1/catalog/datasets')).to.equal(
      'https://data.example.fr',
    );
    expect(portalRoot('https://www.data.gouv.fr/fr/datasets/populations/')).to.equal(
      'https://www.data.gouv.fr',
    );
    expect(portalRoot('https://www.data.gouv.fr/')).to.equal('https://www.data.gouv.fr');
  });

  it('falls back to the udata catalogue and lists the readable resources of each dataset', async () => {
    const result = await searchCatalog(UDATA_PORTAL, {text: 'populations'});
    expect(result.family).to.equal('udata');
    expect(result.total).to.equal(1);
    const [dataset] = result.datasets;
    expect(dataset.title).to.equal('Populations légales 2025');
    expect(dataset.publisher).to.match(/Insee/);
    expect(dataset.license).to.equal('lov2');
    expect(dataset.sources).to.have.length(2);
    expect(dataset.sources[0].src).to.match(/\/portal\/datagouv\/api\/1\/datasets\/r\/[0-9a-f-]+$/);
  });

  it('answers the dataset of a udata dataset page, whatever the search words', async () => {
    for (const page of [
      '/portal/datagouv/fr/datasets/populations-legales-2025/',
      '/portal/datagouv/api/1/datasets/populations-legales-2025/',
    ]) {
      const result = await searchCatalog(page, {text: 'autre chose'});
      expect(result.family).to.equal('udata');
      expect(result.portal).to.equal(`${origin}/portal/datagouv`);
      expect(result.datasets.map((dataset) => dataset.id)).to.deep.equal(['populations-legales-2025']);
      expect(result.datasets[0].sources).to.have.length(2);
    }
  });

  it('reads parsed resources through the tabular API when its root is given', async () => {
    const result = await searchCatalog(UDATA_PORTAL, {
      text: 'populations',
      tabularApi: '/portal/tabular/api',
    });
    const src = result.datasets[0].sources[0].src;
    expect(src).to.equal('/portal/tabular/api/resources/7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01/data/');
    const info = await datasetInfo(src);
    expect(info.fields.map((field) => field.name)).to.include('population');
  });

  it('asks the Opendatasoft catalogue with search() on every field, quotes removed', async () => {
    const tag = uniqueTag();
    await searchCatalog(`/portal/~tag=${tag}/ods`, {text: 'festivals "du" \\finistère'});
    const [url] = await requestLog(tag);
    expect(new URL(url, origin).searchParams.get('where')).to.equal('search("festivals du finistère")');
  });

  it('says the address is no catalogue when neither software answers', async () => {
    const error = await searchCatalog('/portal/files').catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(QueryError);
    expect((error as QueryError).details.expected).to.equal('portal-url');
  });

  it('passes on a server error rather than trying another software', async () => {
    const error = await searchCatalog('/portal/~status=503/ods').catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(HttpError);
    expect((error as HttpError).status).to.equal(503);
  });

  it('refuses what is not a web address', async () => {
    const error = await searchCatalog('mailto:mairie@example.fr').catch((caught: unknown) => caught);
    expect((error as QueryError).details.expected).to.equal('portal-url');
  });
});
