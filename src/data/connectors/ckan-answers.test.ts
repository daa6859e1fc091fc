import {expect} from '@open-wc/testing';
import {QueryError} from '../errors.js';
import type {FieldType, ResolvedSource} from '../types.js';
import {
  actionResult,
  ckanDatasetInfo,
  searchAnswerRows,
  type CkanPackage,
  type CkanResource,
  type CkanSearch,
} from './ckan-answers.js';

const BASE = 'https://ckan.example.fr/api/3/action/';
const RESOURCE_ID = '8a7b1d2e-3c4f-4a5b-9c6d-7e8f9a0b1c2d';
const SOURCE: ResolvedSource = {
  family: 'ckan',
  url: `${BASE}datastore_search?resource_id=${RESOURCE_ID}`,
  base: BASE,
  id: RESOURCE_ID,
};

/**
 * `datastore_search` as CKAN 2.10 answers it (open-data-apis.md § 3): the envelope, `_id` and
 * `numeric` columns given as JSON strings, `_links`, `total`.
 */
const SEARCH_ANSWER = {
  help: `${BASE}help_show?name=datastore_search`,
  success: true,
  result: {
    include_total: true,
    limit: 2,
    offset: 0,
    records_format: 'objects',
    resource_id: RESOURCE_ID,
    total_estimation_threshold: null,
    records: [
      {
        _id: 1,
        code_insee: '45234',
        commune: 'Orléans',
        population: 116344,
        surface: '27.48',
        maj: '2024-12-19T08:00:00',
      },
      {_id: 2, code_insee: '45232', commune: 'Olivet', population: 22539, surface: '0.000384', maj: null},
    ],
    fields: [
      {id: '_id', type: 'int'},
      {id: 'code_insee', type: 'text', info: {label: 'Code INSEE', notes: 'Code officiel géographique'}},
      {id: 'commune', type: 'text'},
      {id: 'population', type: 'int4'},
      {id: 'surface', type: 'numeric'},
      {id: 'maj', type: 'timestamp'},
      {id: 'etiquette', type: 'mystery'},
    ],
    _links: {
      start: `/api/3/action/datastore_search?resource_id=${RESOURCE_ID}&limit=2`,
      next: `/api/3/action/datastore_search?resource_id=${RESOURCE_ID}&limit=2&offset=2`,
    },
    total: 34875,
    total_was_estimated: false,
  },
};

/** `resource_show` and `package_show`, trimmed to the members the connector reads and a few it ignores. */
const RESOURCE: CkanResource & Record<string, unknown> = {
  id: RESOURCE_ID,
  package_id: 'b5e0c1d2-1111-4a2b-8c3d-4e5f6a7b8c9d',
  name: 'Populations légales 2025 des communes',
  description: 'Une ligne par commune.',
  format: 'CSV',
  datastore_active: true,
  last_modified: null,
  metadata_modified: '2024-12-19T08:05:12.000000',
};
const PACKAGE: CkanPackage & Record<string, unknown> = {
  id: 'b5e0c1d2-1111-4a2b-8c3d-4e5f6a7b8c9d',
  name: 'populations-legales-2025',
  title: 'Populations légales 2025',
  notes: 'Populations légales des communes en vigueur au 1er janvier 2025.',
  organization: {name: 'insee', title: 'Insee'},
  license_title: 'Licence Ouverte / Open Licence version 2.0',
  license_url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  metadata_modified: '2024-12-18T00:00:00.000000',
};

describe('CKAN answers', () => {
  const search = actionResult<CkanSearch>('datastore_search', SEARCH_ANSWER);

  it('fields: CKAN types mapped (unknown ones as text), internal columns left out, labels and notes kept', () => {
    expect(ckanDatasetInfo(SOURCE, search, undefined, undefined)).to.deep.equal({
      fields: [
        {name: 'code_insee', label: 'Code INSEE', type: 'text', description: 'Code officiel géographique'},
        {name: 'commune', label: 'commune', type: 'text'},
        {name: 'population', label: 'population', type: 'int'},
        {name: 'surface', label: 'surface', type: 'double'},
        {name: 'maj', label: 'maj', type: 'datetime'},
        {name: 'etiquette', label: 'etiquette', type: 'text'},
      ],
      meta: {recordsCount: 34875},
    });
  });

  it('metadata: the package’s title and publisher, the resource’s words and date, the page on the portal', () => {
    expect(ckanDatasetInfo(SOURCE, search, RESOURCE, PACKAGE).meta).to.deep.equal({
      title: 'Populations légales 2025',
      description: 'Une ligne par commune.',
      publisher: 'Insee',
      license: 'Licence Ouverte / Open Licence version 2.0',
      licenseUrl: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
      modified: '2024-12-19T08:05:12.000000',
      recordsCount: 34875,
      pageUrl: `https://ckan.example.fr/dataset/populations-legales-2025/resource/${RESOURCE_ID}`,
    });
    // Without its package (private, 403), the resource names the page and the title.
    expect(ckanDatasetInfo(SOURCE, search, RESOURCE, undefined).meta).to.include({
      title: 'Populations légales 2025 des communes',
      pageUrl: `https://ckan.example.fr/dataset/b5e0c1d2-1111-4a2b-8c3d-4e5f6a7b8c9d/resource/${RESOURCE_ID}`,
    });
  });

  it('rows: without _id, numeric text read as numbers, other text left as written', () => {
    const types = new Map(
      ckanDatasetInfo(SOURCE, search, undefined, undefined).fields.map(
        (field) => [field.name, field.type] as [string, FieldType],
      ),
    );
    expect(searchAnswerRows([search], types)).to.deep.equal([
      {
        code_insee: '45234',
        commune: 'Orléans',
        population: 116344,
        surface: 27.48,
        maj: '2024-12-19T08:00:00',
      },
      {code_insee: '45232', commune: 'Olivet', population: 22539, surface: 0.000384, maj: null},
    ]);
    expect(
      searchAnswerRows([search, search], types, [
        {type: 'field', field: 'commune', as: 'nom'},
        {type: 'field', field: 'absent', as: 'absent'},
      ]),
    ).to.deep.equal([
      {nom: 'Orléans', absent: null},
      {nom: 'Olivet', absent: null},
      {nom: 'Orléans', absent: null},
      {nom: 'Olivet', absent: null},
    ]);
  });

  it('an answer without result (success false, a bare string) is an error naming the action', () => {
    for (const body of [
      {success: false, error: {__type: 'Not Found Error'}},
      'Bad request - Action name not known: datastore_search_sql',
      {success: true, result: []},
    ]) {
      expect(() => actionResult('package_show', body))
        .to.throw(QueryError, "CKAN's package_show answered no result")
        .with.property('details')
        .that.deep.equals({expected: 'result'});
    }
  });
});
