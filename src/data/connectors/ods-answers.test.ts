import {expect} from '@open-wc/testing';
import type {ResolvedSource} from '../types.js';
import {facetValues} from './facets.js';
import {odsAnswerRows, odsDatasetInfo} from './ods-answers.js';
import {planOdsQuery} from './ods-plan.js';
import {q} from '../../../test/connector-queries.js';

const BASE = 'https://data.orleans-metropole.fr/api/explore/v2.1/';
const SOURCE: ResolvedSource = {
  family: 'ods',
  url: `${BASE}catalog/datasets/om-mobilite-parcs-stationnement/records`,
  base: BASE,
  id: 'om-mobilite-parcs-stationnement',
};

/** `catalog/datasets/<id>` of Explore v2.1 (open-data-apis.md § 1), with members the connector ignores. */
const DATASET = {
  dataset_id: 'om-mobilite-parcs-stationnement',
  has_records: true,
  features: ['geo', 'analyze'],
  fields: [
    {name: 'nom', label: 'Nom du parc', type: 'text', description: null, annotations: {}},
    {name: 'places', label: 'Places', type: 'int', description: '<p>Places <b>ouvertes</b> au public</p>'},
    {name: 'geo_point_2d', label: 'Coordonnées', type: 'geo_point_2d', annotations: {}},
    {name: 'maj', label: '', type: 'datetime'},
  ],
  metas: {
    default: {
      title: 'Parcs de stationnement',
      description: '<p>Parcs &amp; parkings<br>d’Orléans Métropole</p>',
      publisher: 'Orléans Métropole',
      license: 'Licence Ouverte v2.0 (Etalab)',
      license_url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
      modified: '2025-01-06T10:12:00+00:00',
      records_count: 27,
      keyword: ['parking'],
      timezone: 'Europe/Paris',
    },
  },
};

describe('Opendatasoft answers', () => {
  it('dataset metadata: fields typed, HTML as text, the page on the portal', () => {
    expect(odsDatasetInfo(SOURCE, DATASET)).to.deep.equal({
      fields: [
        {name: 'nom', label: 'Nom du parc', type: 'text'},
        {name: 'places', label: 'Places', type: 'int', description: 'Places ouvertes au public'},
        {name: 'geo_point_2d', label: 'Coordonnées', type: 'geo_point_2d'},
        {name: 'maj', label: 'maj', type: 'datetime'},
      ],
      meta: {
        pageUrl: 'https://data.orleans-metropole.fr/explore/dataset/om-mobilite-parcs-stationnement/',
        title: 'Parcs de stationnement',
        description: 'Parcs & parkings\nd’Orléans Métropole',
        publisher: 'Orléans Métropole',
        license: 'Licence Ouverte v2.0 (Etalab)',
        licenseUrl: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
        modified: '2025-01-06T10:12:00+00:00',
        recordsCount: 27,
      },
    });
  });

  it('v2.0 wraps the same dataset in `dataset`', () => {
    expect(odsDatasetInfo(SOURCE, {dataset: DATASET})).to.deep.equal(odsDatasetInfo(SOURCE, DATASET));
  });

  it('reads an answer once: the same answer gives the same reading, another portal its own page', () => {
    const answer = structuredClone(DATASET);
    const first = odsDatasetInfo(SOURCE, answer);
    expect(odsDatasetInfo(SOURCE, answer)).to.equal(first);
    const elsewhere = {...SOURCE, base: 'https://data.angers.fr/api/explore/v2.1/'};
    const there = odsDatasetInfo(elsewhere, answer);
    expect(there.meta.pageUrl).to.equal(
      'https://data.angers.fr/explore/dataset/om-mobilite-parcs-stationnement/',
    );
    expect(there.fields).to.deep.equal(first.fields);
  });

  // A time unit's text becomes its period start in ods.ts (periods.ts), tested in ods.test.ts.
  it('grouped records: labels back to the query’s keys, a time unit’s text as the API wrote it', () => {
    const query = q({
      select: [
        {type: 'field', field: 'nom', as: 'parc'},
        {type: 'aggregate', fn: 'sum', field: 'places', as: 'sum(places)'},
      ],
      groupBy: [
        {field: 'nom', as: 'nom'},
        {field: 'maj', timeunit: 'month', as: 'month(maj)'},
      ],
    });
    const plan = planOdsQuery(query, SOURCE);
    // {"results": [...]}: one object per group, keys the select labels (open-data-apis.md § 1).
    const answer = {
      results: [
        {nom: 'Parking Cathédrale', g0: '2024-03', a0: 420},
        {nom: 'Parking Gare', g0: '2024-04', a0: null},
      ],
    };
    const results = answer.results.map((row) => ({...row}));
    expect(odsAnswerRows(answer.results, plan)).to.deep.equal([
      {nom: 'Parking Cathédrale', 'month(maj)': '2024-03', 'sum(places)': 420, parc: 'Parking Cathédrale'},
      {nom: 'Parking Gare', 'month(maj)': '2024-04', 'sum(places)': null, parc: 'Parking Gare'},
    ]);
    // Cached answers are shared: the API's rows are left as they came.
    expect(answer.results).to.deep.equal(results);
  });

  it('facets: values and counts per field, in the API’s text; a field the answer lacks has none', () => {
    const answer = {
      links: [],
      facets: [
        {
          name: 'nom',
          facets: [
            {name: 'Parking Gare', count: 2, state: 'displayed', value: 'Parking Gare'},
            {name: 'Parking Cathédrale', count: 1, state: 'refined', value: 'Parking Cathédrale'},
          ],
        },
        {name: 'maj', facets: [{name: '2024', count: 3, state: 'displayed', value: '2024'}]},
      ],
    };
    expect(facetValues(['nom', 'maj', 'places'], answer)).to.deep.equal([
      {
        field: 'nom',
        values: [
          {value: 'Parking Gare', count: 2},
          {value: 'Parking Cathédrale', count: 1},
        ],
      },
      {field: 'maj', values: [{value: '2024', count: 3}]},
      {field: 'places', values: []},
    ]);
  });
});
