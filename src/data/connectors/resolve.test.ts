import {expect} from '@open-wc/testing';
import {QueryError} from '../errors.js';
import type {ApiFamily, ResolvedSource} from '../types.js';
import {resolveOdsSource} from './ods-source.js';
import {resolveSource} from './resolve.js';

const ODS = 'https://data.orleans-metropole.fr/api/explore/v2.1/';
const RID = '7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01';

describe('resolveSource: URL shapes', () => {
  const cases: Array<[string, string, Omit<ResolvedSource, 'url'>]> = [
    [
      'ODS dataset page (table tab) with refine and q',
      'https://data.orleans-metropole.fr/explore/dataset/populations/table/?refine.epci=Orléans%20Métropole&q=parc&sort=commune',
      {
        family: 'ods',
        base: ODS,
        id: 'populations',
        params: {refine: ['epci:Orléans Métropole'], q: ['parc']},
      },
    ],
    [
      'ODS dataset page, another tab, exclude',
      'https://data.orleans-metropole.fr/explore/dataset/populations/map/?exclude.type=abri',
      {family: 'ods', base: ODS, id: 'populations', params: {exclude: ['type:abri']}},
    ],
    [
      'ODS dataset page, no tab',
      'https://data.orleans-metropole.fr/explore/dataset/populations/',
      {family: 'ods', base: ODS, id: 'populations'},
    ],
    [
      'ODS v2.1 records with refine, exclude, where (select and limit ignored)',
      `${ODS}catalog/datasets/populations/records?select=commune&where=population%3E1000&refine=epci:Orl%C3%A9ans&exclude=commune:Olivet&limit=20`,
      {
        family: 'ods',
        base: ODS,
        id: 'populations',
        params: {refine: ['epci:Orléans'], exclude: ['commune:Olivet'], where: ['population>1000']},
      },
    ],
    ['ODS v2.1 dataset', `${ODS}catalog/datasets/populations`, {family: 'ods', base: ODS, id: 'populations'}],
    [
      'ODS v2.1 export',
      `${ODS}catalog/datasets/populations/exports/csv?delimiter=%3B`,
      {family: 'ods', base: ODS, id: 'populations'},
    ],
    [
      'ODS v2.1 facets',
      `${ODS}catalog/datasets/populations/facets?facet=epci`,
      {family: 'ods', base: ODS, id: 'populations'},
    ],
    [
      'ODS v2.0 (explore/v2.0)',
      'https://data.angers.fr/api/explore/v2.0/catalog/datasets/parking-angers/records',
      {family: 'ods', base: 'https://data.angers.fr/api/explore/v2.1/', id: 'parking-angers'},
    ],
    [
      'ODS v2.0 (api/v2)',
      'https://data.angers.fr/api/v2/catalog/datasets/parking-angers/records?rows=5',
      {family: 'ods', base: 'https://data.angers.fr/api/explore/v2.1/', id: 'parking-angers'},
    ],
    [
      'ODS v1 search with refine',
      'https://data.angers.fr/api/records/1.0/search/?dataset=parking-angers&rows=10&refine.type=Parking',
      {
        family: 'ods',
        base: 'https://data.angers.fr/api/explore/v2.1/',
        id: 'parking-angers',
        params: {refine: ['type:Parking']},
      },
    ],
    [
      'a portal under a path (the emulator)',
      'https://example.org/portal/ods/explore/dataset/populations-legales-2025/',
      {
        family: 'ods',
        base: 'https://example.org/portal/ods/api/explore/v2.1/',
        id: 'populations-legales-2025',
      },
    ],
    [
      'tabular API data with operators (paging and sort left to the connector)',
      `https://tabular-api.data.gouv.fr/api/resources/${RID}/data/?code_insee__exact=45234&population__sort=desc&page=2&page_size=20`,
      {
        family: 'tabular',
        base: 'https://tabular-api.data.gouv.fr/api/',
        id: RID,
        params: {code_insee__exact: ['45234']},
      },
    ],
    [
      'tabular API profile',
      `https://tabular-api.data.gouv.fr/api/resources/${RID}/profile/`,
      {family: 'tabular', base: 'https://tabular-api.data.gouv.fr/api/', id: RID},
    ],
    [
      'data.gouv.fr resource download → a CSV file',
      `https://www.data.gouv.fr/api/1/datasets/r/${RID}`,
      {family: 'csv', base: `https://www.data.gouv.fr/api/1/datasets/r/${RID}`, id: RID},
    ],
    [
      'data.gouv.fr resource page → a CSV file',
      `https://www.data.gouv.fr/fr/datasets/r/${RID}`,
      {family: 'csv', base: `https://www.data.gouv.fr/fr/datasets/r/${RID}`, id: RID},
    ],
    [
      'CKAN datastore_search with filters and q',
      'https://ckan.example.fr/api/3/action/datastore_search?resource_id=abc&filters=%7B%22ville%22%3A%22Dijon%22%7D&q=gare&limit=5',
      {
        family: 'ckan',
        base: 'https://ckan.example.fr/api/3/action/',
        id: 'abc',
        params: {filters: ['{"ville":"Dijon"}'], q: ['gare']},
      },
    ],
    [
      'CKAN datastore_search_sql',
      'https://ckan.example.fr/api/3/action/datastore_search_sql?sql=SELECT%20*%20FROM%20%22abc-1%22%20LIMIT%205',
      {family: 'ckan', base: 'https://ckan.example.fr/api/3/action/', id: 'abc-1'},
    ],
    [
      'CKAN resource page',
      'https://ckan.example.fr/dataset/pop/resource/abc',
      {family: 'ckan', base: 'https://ckan.example.fr/api/3/action/', id: 'abc'},
    ],
    [
      'a CSV file',
      'https://example.org/data/pop.csv',
      {family: 'csv', base: 'https://example.org/data/pop.csv'},
    ],
    [
      'a CKAN download is a file',
      'https://ckan.example.fr/dataset/pop/resource/abc/download/pop.csv',
      {family: 'csv', base: 'https://ckan.example.fr/dataset/pop/resource/abc/download/pop.csv'},
    ],
    [
      'a JSON file',
      'https://example.org/data/pop.JSON?v=2',
      {family: 'json', base: 'https://example.org/data/pop.JSON?v=2'},
    ],
    [
      'a GeoJSON file',
      'https://example.org/communes-45.geojson',
      {family: 'geojson', base: 'https://example.org/communes-45.geojson'},
    ],
    [
      'an export with format=',
      'https://example.org/download?format=csv',
      {family: 'csv', base: 'https://example.org/download?format=csv'},
    ],
    [
      'an exports/json endpoint',
      'https://example.org/api/exports/json',
      {family: 'json', base: 'https://example.org/api/exports/json'},
    ],
  ];
  for (const [name, url, expected] of cases) {
    it(name, () => {
      expect(resolveSource(url)).to.deep.equal({url, ...expected});
    });
  }

  // What the data layer always loads reads Opendatasoft's shapes of today alone, as resolveSource
  // does; the v1 API's shapes load resolve.ts.
  it('Opendatasoft shapes read alone (ods-source.ts) as resolveSource reads them, and no other', () => {
    for (const [name, url, expected] of cases) {
      const ods = resolveOdsSource(url);
      const today = expected.family === 'ods' && !/\/api\/(records|datasets)\/1\.0\//.test(url);
      if (today) expect(ods, name).to.deep.equal(resolveSource(url));
      else expect(ods, name).to.equal(undefined);
      expect(resolveOdsSource(url, 'ods'), name).to.deep.equal(ods);
      expect(resolveOdsSource(url, 'csv'), name).to.equal(undefined);
    }
  });

  it('resolves a relative URL against the document', () => {
    const source = resolveSource('/portal/files/populations-legales-2025.csv');
    expect(source.base).to.equal(
      new URL('/portal/files/populations-legales-2025.csv', document.baseURI).href,
    );
    expect(source.family).to.equal('csv');
    expect(resolveSource('portal/ods/explore/dataset/x/').base).to.equal(
      new URL('portal/ods/api/explore/v2.1/', document.baseURI).href,
    );
  });

  const unknown = [
    'https://example.org/',
    'https://example.org/page.html',
    'https://data.orleans-metropole.fr/api/explore/v2.1/catalog/datasets',
    'https://ckan.example.fr/api/3/action/package_search?q=x',
    'https://example.org/communes.topojson',
    'http://[not a url',
  ];
  for (const url of unknown) {
    it(`refuses ${url} with a QueryError naming the accepted forms`, () => {
      let error: unknown;
      try {
        resolveSource(url);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).to.be.instanceOf(QueryError);
      expect((error as QueryError).details).to.deep.equal({expected: 'api-url', found: url});
      expect((error as QueryError).message)
        .to.contain('explore/dataset')
        .and.contain('datastore_search')
        .and.contain('.csv');
    });
  }
});

describe('resolveSource: a forced family', () => {
  const cases: Array<[string, string, ApiFamily, Omit<ResolvedSource, 'url'>]> = [
    [
      'an ODS export read as a CSV file',
      `${ODS}catalog/datasets/pop/exports/csv`,
      'csv',
      {family: 'csv', base: `${ODS}catalog/datasets/pop/exports/csv`},
    ],
    [
      'any URL read as JSON',
      'https://example.org/api/communes',
      'json',
      {family: 'json', base: 'https://example.org/api/communes'},
    ],
    [
      'a CKAN resource page read as ODS keeps the root and id',
      'https://x.fr/dataset/p/resource/abc',
      'ods',
      {family: 'ods', base: 'https://x.fr/api/explore/v2.1/', id: 'abc'},
    ],
    [
      'a data.gouv.fr resource URL read by the tabular API of the same root',
      `https://x.fr/api/1/datasets/r/${RID}`,
      'tabular',
      {family: 'tabular', base: 'https://x.fr/api/', id: RID},
    ],
  ];
  for (const [name, url, api, expected] of cases) {
    it(name, () => {
      expect(resolveSource(url, api)).to.deep.equal({url, ...expected});
    });
  }

  it('refuses an API family when the URL carries no id', () => {
    expect(() => resolveSource('https://example.org/pop.csv', 'ckan')).to.throw(QueryError);
  });
});
