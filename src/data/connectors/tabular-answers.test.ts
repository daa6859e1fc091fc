import {expect} from '@open-wc/testing';
import {QueryError} from '../errors.js';
import {checkedPage, groupRows, pageRows, tabularDatasetInfo} from './tabular-answers.js';

const RID = '5c4e1452-3850-4b59-b11c-3dd51d7fb8b5';
const API = `https://tabular-api.data.gouv.fr/api/resources/${RID}`;

/** `profile/` as api-tabular answers it (csv-detective's analysis), trimmed. */
const PROFILE = {
  profile: {
    encoding: 'utf-8',
    separator: ';',
    header_row_idx: 0,
    header: ['code_insee', 'commune', 'population', 'surface', 'date_maj', 'active'],
    columns: {
      code_insee: {score: 1, format: 'code_commune_insee', python_type: 'string'},
      commune: {score: 1, format: 'commune', python_type: 'string'},
      population: {score: 1, format: 'int', python_type: 'int'},
      surface: {score: 1, format: 'float', python_type: 'float'},
      date_maj: {score: 1, format: 'date', python_type: 'date'},
      active: {score: 1, format: 'booleen', python_type: 'bool'},
    },
    total_lines: 34875,
  },
};

/** A page of `data/` (open-data-apis.md § 2): rows with the API's `__id`, links, meta. */
const PAGE = {
  data: [
    {__id: 1, code_insee: '45234', commune: 'Orléans', population: 116344},
    {__id: 2, code_insee: '45232', commune: 'Olivet', population: 22539},
  ],
  links: {
    profile: `${API}/profile/`,
    swagger: `${API}/swagger/`,
    next: `${API}/data/?page=2&page_size=2`,
    prev: null,
  },
  meta: {page: 1, page_size: 2, total: 34875},
};

describe('tabular API answers', () => {
  it('profile: the header’s columns typed from python_type; the resource’s record gives the date and the page', () => {
    const resource = {
      id: RID,
      created_at: '2024-12-19T08:05:12.000000+00:00',
      url: `https://www.data.gouv.fr/api/1/datasets/r/${RID}`,
    };
    expect(tabularDatasetInfo(PROFILE, resource)).to.deep.equal({
      fields: [
        {name: 'code_insee', label: 'code_insee', type: 'text'},
        {name: 'commune', label: 'commune', type: 'text'},
        {name: 'population', label: 'population', type: 'int'},
        {name: 'surface', label: 'surface', type: 'double'},
        {name: 'date_maj', label: 'date_maj', type: 'date'},
        {name: 'active', label: 'active', type: 'boolean'},
      ],
      meta: {
        recordsCount: 34875,
        modified: '2024-12-19T08:05:12.000000+00:00',
        pageUrl: `https://www.data.gouv.fr/fr/datasets/r/${RID}`,
      },
    });
    // No record (404), no header: the columns' own order, and no page.
    const {header: _header, ...headless} = PROFILE.profile;
    const info = tabularDatasetInfo({profile: headless}, undefined);
    expect(info.fields.map((field) => field.name)).to.deep.equal(PROFILE.profile.header);
    expect(info.meta).to.deep.equal({recordsCount: 34875});
  });

  it('pages: rows without __id, or the selected keys only', () => {
    expect(pageRows([checkedPage(PAGE)])).to.deep.equal([
      {code_insee: '45234', commune: 'Orléans', population: 116344},
      {code_insee: '45232', commune: 'Olivet', population: 22539},
    ]);
    expect(
      pageRows(
        [PAGE, PAGE],
        [
          {type: 'field', field: 'commune', as: 'nom'},
          {type: 'field', field: 'absent', as: 'absent'},
        ],
      ),
    ).to.deep.equal([
      {nom: 'Orléans', absent: null},
      {nom: 'Olivet', absent: null},
      {nom: 'Orléans', absent: null},
      {nom: 'Olivet', absent: null},
    ]);
  });

  it('aggregated pages: the API’s keys (epci, population__sum) under the query’s', () => {
    const page = checkedPage({
      data: [
        {epci: 'Orléans Métropole', population__sum: 293673, epci__count: 22},
        {epci: null, population__sum: 12, epci__count: 0},
      ],
      links: {next: null},
      meta: {page: 1, page_size: 50},
    });
    const aggregation = {
      params: [],
      outputs: [
        ['epci', 'epci'],
        ['population__sum', 'habitants'],
        ['epci__count', 'communes'],
        ['population__max', 'max'],
      ] as Array<[string, string]>,
      rowCounts: [],
    };
    expect(groupRows(page, aggregation)).to.deep.equal([
      {epci: 'Orléans Métropole', habitants: 293673, communes: 22, max: null},
      {epci: null, habitants: 12, communes: 0, max: null},
    ]);
  });

  it('an answer without a list of rows is an error', () => {
    for (const body of [[], 'ok', {data: {}}]) {
      expect(() => checkedPage(body)).to.throw(QueryError, 'The tabular API answered no rows');
    }
    expect(checkedPage({meta: {total: 0}})).to.deep.equal({meta: {total: 0}});
  });
});
