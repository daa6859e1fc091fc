// data.gouv.fr: the udata catalogue (dataset → resources, stable download URLs) and the tabular API
// (rows of a published CSV, with filters, sorting, paging and, for some resources, aggregation).
// Shapes and messages follow datagouv/api-tabular.
import {POPULATIONS_CSV, POPULATIONS_RESOURCE_ID, RESTRICTED_RESOURCE_ID} from './datasets.mjs';
import {compareValues, searchable, sortCompare} from './engine.mjs';
import {HttpError, jsonResponse, textResponse} from './http.mjs';

const DATASET_ID = 'populations-legales-2025';
const UDATA_ID = '6764a3f0c2d5b1e8f4a7c913';
const PAGE_SIZE_DEFAULT = 20;
const PAGE_SIZE_MAX = 50;
/** Resources whose rows the portal lets clients aggregate (`ALLOW_AGGREGATION` of api-tabular). */
const AGGREGATION_ALLOWED = new Set([POPULATIONS_RESOURCE_ID]);
const RESOURCE_IDS = new Set([POPULATIONS_RESOURCE_ID, RESTRICTED_RESOURCE_ID]);
const AGGREGATORS = new Set(['avg', 'count', 'max', 'min', 'sum', 'groupby']);
const FILTERS = new Set([
  'exact',
  'differs',
  'contains',
  'notcontains',
  'in',
  'notin',
  'less',
  'greater',
  'strictly_less',
  'strictly_greater',
]);
const PARSING_TABLE = 'a3f9c2e17b4d8a6e5f0c1b2d3';

/** csv-detective formats of the populations columns. */
const DETECTED_FORMATS = {
  code_region: 'code_region',
  region: 'region',
  code_departement: 'code_departement',
  code_insee: 'code_commune_insee',
  commune: 'commune',
  epci_siren: 'siren',
  epci: 'string',
  population: 'int',
  population_comptee_a_part: 'int',
  population_totale: 'int',
};

const PYTHON_TYPES = {
  text: 'string',
  int: 'int',
  double: 'float',
  date: 'date',
  datetime: 'datetime',
  boolean: 'bool',
};

function tabularError(status, title, detail) {
  return new HttpError(jsonResponse(status, {errors: [{code: null, title, detail}]}));
}

function databaseError(code, message) {
  return tabularError(400, 'Database error', {code, details: null, hint: null, message});
}

/** aiohttp's plain 404, as api-tabular answers an unknown resource. */
function notFound() {
  return new HttpError(textResponse(404, '404: Not Found', 'text/plain; charset=utf-8'));
}

// ---------------------------------------------------------------------------------------------
// udata catalogue

function udataNotFound() {
  return new HttpError(
    jsonResponse(404, {
      message:
        'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
      status: 404,
    }),
  );
}

function resourceJson(file, id, title, description, absolute) {
  const {modified, size} = file;
  return {
    id,
    title,
    description,
    type: 'main',
    format: 'csv',
    mime: 'text/csv',
    filetype: 'file',
    filesize: size,
    url: absolute(`/api/1/datasets/r/${id}`),
    latest: absolute(`/api/1/datasets/r/${id}`),
    created_at: '2024-12-19T08:00:00+00:00',
    last_modified: modified.toISOString(),
    extras: {'analysis:parsing:finished_at': modified.toISOString()},
  };
}

/** @param {{size: number, modified: Date}} file the CSV file both resources publish */
function udataDataset(file, absolute) {
  return {
    id: UDATA_ID,
    title: 'Populations légales 2025',
    acronym: null,
    slug: DATASET_ID,
    description:
      'Populations légales des communes en vigueur au 1er janvier 2025 (date de référence statistique : 1er janvier 2022), avec l’intercommunalité (EPCI) de chaque commune au 1er janvier 2024.\n\nSource : Insee, recensement de la population.',
    organization: {
      id: '534fff81a3a7292c64a77e5c',
      name: 'Institut National de la Statistique et des Etudes Economiques (Insee)',
      acronym: 'Insee',
      slug: 'institut-national-de-la-statistique-et-des-etudes-economiques-insee',
      page: absolute(
        '/fr/organizations/institut-national-de-la-statistique-et-des-etudes-economiques-insee/',
      ),
      logo: null,
    },
    owner: null,
    license: 'lov2',
    frequency: 'annual',
    created_at: '2024-12-19T08:00:00+00:00',
    last_modified: '2024-12-19T08:00:00+00:00',
    last_update: '2024-12-19T08:00:00+00:00',
    page: absolute(`/fr/datasets/${DATASET_ID}/`),
    uri: absolute(`/api/1/datasets/${DATASET_ID}/`),
    tags: ['communes', 'epci', 'population', 'populations-legales', 'recensement'],
    spatial: {granularity: 'fr:commune', zones: ['country:fr']},
    temporal_coverage: null,
    resources: [
      resourceJson(
        file,
        POPULATIONS_RESOURCE_ID,
        'Populations légales 2025 des communes (CSV)',
        'Une ligne par commune : région, département, code INSEE, EPCI, population municipale, comptée à part et totale.',
        absolute,
      ),
      resourceJson(
        file,
        RESTRICTED_RESOURCE_ID,
        'Populations légales 2025 des communes (copie)',
        'Le même fichier, publié une seconde fois.',
        absolute,
      ),
    ],
  };
}

/** `GET /api/1/datasets/?q=…&page=…&page_size=…`: every word of `q` must start a word of the dataset's text. */
function searchDatasets(file, absolute, params) {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const pageSize = Number.parseInt(params.get('page_size') ?? String(PAGE_SIZE_DEFAULT), 10);
  if (!Number.isInteger(page) || !Number.isInteger(pageSize) || page < 1 || pageSize < 1) {
    throw new HttpError(jsonResponse(400, {message: 'Invalid page or page_size', status: 400}));
  }
  const dataset = udataDataset(file, absolute);
  const text = searchable(
    [dataset.title, dataset.description, dataset.organization.name, ...dataset.tags].join(' '),
  );
  const words = searchable(params.get('q') ?? '')
    .split(' ')
    .filter(Boolean);
  const matching = words.every((word) => text.includes(` ${word}`)) ? [dataset] : [];
  return jsonResponse(200, {
    data: matching.slice((page - 1) * pageSize, page * pageSize),
    page,
    page_size: pageSize,
    total: matching.length,
    next_page: null,
    previous_page: null,
  });
}

/**
 * @param {{path: string, params: URLSearchParams, store: object, base: string, origin: string}} request
 *   `base` is the data.gouv root as the client addressed it.
 */
export async function handleDatagouv({path, params, store, base, origin}) {
  const absolute = (suffix) => `${origin}${base}${suffix}`;
  const file = () => store.files.stat(POPULATIONS_CSV);
  if (/^\/api\/1\/datasets\/?$/.test(path)) return searchDatasets(await file(), absolute, params);
  const download = /^\/api\/1\/datasets\/r\/([^/]+)\/?$/.exec(path);
  if (download) {
    if (!RESOURCE_IDS.has(download[1])) throw udataNotFound();
    return textResponse(200, await store.files.read(POPULATIONS_CSV), 'text/csv; charset=utf-8', {
      'Content-Disposition': `attachment; filename="${POPULATIONS_CSV}"`,
    });
  }
  const dataset = /^\/api\/1\/datasets\/([^/]+)\/?$/.exec(path);
  if (dataset) {
    if (dataset[1] !== DATASET_ID && dataset[1] !== UDATA_ID) throw udataNotFound();
    return jsonResponse(200, udataDataset(await file(), absolute));
  }
  if (/^\/fr\/datasets\/([^/]+)\/?$/.test(path)) {
    return textResponse(
      200,
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Populations légales 2025 - data.gouv.fr</title></head><body><h1>Populations légales 2025</h1><p>Jeu de données publié par l’Insee (émulateur local de data.gouv.fr).</p></body></html>`,
      'text/html; charset=utf-8',
    );
  }
  throw udataNotFound();
}

// ---------------------------------------------------------------------------------------------
// Tabular API

const rowsWithIds = new WeakMap();

/** The records with their `__id` (1-based line number), built once per dataset. */
function tabularRows(dataset) {
  let rows = rowsWithIds.get(dataset);
  if (!rows) {
    rows = dataset.rows.map((row, index) => {
      const out = {__id: index + 1};
      for (const name of dataset.fieldNames) out[name] = row[name];
      return out;
    });
    rowsWithIds.set(dataset, rows);
  }
  return rows;
}

/** A query-string value as the database column would take it; PostgreSQL's error otherwise. */
function columnValue(dataset, column, raw) {
  const type = dataset.types.get(column);
  if (type === 'int') {
    if (!/^-?\d+$/.test(raw.trim()))
      throw databaseError('22P02', `invalid input syntax for type integer: "${raw}"`);
    return Number(raw);
  }
  if (type === 'double') {
    if (raw.trim() === '' || Number.isNaN(Number(raw)))
      throw databaseError('22P02', `invalid input syntax for type double precision: "${raw}"`);
    return Number(raw);
  }
  return raw;
}

function filterTest(dataset, column, operator, raw) {
  const valueOf = (row) => row[column] ?? null;
  switch (operator) {
    case 'isnull':
      return (row) => valueOf(row) === null;
    case 'isnotnull':
      return (row) => valueOf(row) !== null;
    case 'exact': {
      const value = columnValue(dataset, column, raw);
      return (row) => valueOf(row) !== null && compareValues(valueOf(row), value) === 0;
    }
    case 'differs': {
      // IS DISTINCT FROM: a missing value differs from any value.
      const value = columnValue(dataset, column, raw);
      return (row) => valueOf(row) === null || compareValues(valueOf(row), value) !== 0;
    }
    case 'contains':
    case 'notcontains': {
      const needle = raw.toLowerCase();
      const wanted = operator === 'contains';
      return (row) => valueOf(row) !== null && String(valueOf(row)).toLowerCase().includes(needle) === wanted;
    }
    case 'in':
    case 'notin': {
      const values = raw.split(',').map((value) => columnValue(dataset, column, value));
      const wanted = operator === 'in';
      return (row) =>
        valueOf(row) !== null && values.some((value) => compareValues(valueOf(row), value) === 0) === wanted;
    }
    default: {
      const value = columnValue(dataset, column, raw);
      const accept = {
        less: (c) => c <= 0,
        greater: (c) => c >= 0,
        strictly_less: (c) => c < 0,
        strictly_greater: (c) => c > 0,
      }[operator];
      return (row) => valueOf(row) !== null && accept(compareValues(valueOf(row), value));
    }
  }
}

/** `<column>__<operator>`, the column possibly containing `__` itself. */
function splitOperator(argument) {
  const index = argument.lastIndexOf('__');
  return {column: argument.slice(0, index), operator: argument.slice(index + 2).toLowerCase()};
}

function decode(text) {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

function malformed(detail) {
  return tabularError(400, 'Invalid query string', `Malformed query: ${detail}`);
}

/** Parses the query string as api-tabular does: `&`-separated, `col__op=value` or `col__op`. */
function parseTabularQuery(rawQuery) {
  const query = {filters: [], sorts: [], aggregators: [], columns: undefined};
  for (const argument of rawQuery.split('&').filter(Boolean)) {
    const parts = argument.split('=');
    if (parts.length === 2) {
      const key = decode(parts[0]);
      const value = decode(parts[1]);
      if (key === 'page' || key === 'page_size') continue;
      if (key === 'columns') {
        query.columns = value
          .split(',')
          .map((column) => column.trim())
          .filter(Boolean);
        continue;
      }
      if (!key.includes('__')) throw malformed(`argument '${argument}' could not be parsed`);
      const {column, operator} = splitOperator(key);
      if (operator === 'sort') {
        if (value !== 'asc' && value !== 'desc')
          throw malformed(`argument '${argument}' could not be parsed`);
        query.sorts.push({column, direction: value});
      } else if (FILTERS.has(operator)) query.filters.push({column, operator, value});
      else throw malformed(`argument '${argument}' could not be parsed`);
    } else if (parts.length === 1) {
      const key = decode(parts[0]);
      if (!key.includes('__')) throw malformed(`argument '${argument}' could not be parsed`);
      const {column, operator} = splitOperator(key);
      if (operator === 'isnull' || operator === 'isnotnull')
        query.filters.push({column, operator, value: ''});
      else if (AGGREGATORS.has(operator)) query.aggregators.push({column, operator});
      else throw malformed(`argument '${argument}' could not be parsed`);
    } else {
      throw malformed(`argument '${argument}' could not be parsed`);
    }
  }
  return query;
}

function checkColumn(dataset, column) {
  if (column !== '__id' && !dataset.types.has(column)) {
    throw databaseError('42703', `column ${PARSING_TABLE}.${column} does not exist`);
  }
}

function sortRows(rows, sorts) {
  return [...rows].sort((a, b) => {
    for (const {column, direction} of sorts) {
      const comparison = sortCompare(a[column] ?? null, b[column] ?? null);
      if (comparison) return direction === 'desc' ? -comparison : comparison;
    }
    return 0;
  });
}

function aggregate(operator, values) {
  const present = values.filter((value) => value !== null && value !== undefined);
  switch (operator) {
    case 'count':
      return present.length;
    case 'sum':
      return present.length ? present.reduce((a, b) => a + Number(b), 0) : null;
    case 'avg':
      return present.length ? present.reduce((a, b) => a + Number(b), 0) / present.length : null;
    case 'min':
      return present.reduce(
        (best, value) => (best === null || compareValues(value, best) < 0 ? value : best),
        null,
      );
    default:
      return present.reduce(
        (best, value) => (best === null || compareValues(value, best) > 0 ? value : best),
        null,
      );
  }
}

function aggregateRows(rows, query) {
  const groupColumns = query.aggregators.filter((a) => a.operator === 'groupby').map((a) => a.column);
  const measures = query.aggregators.filter((a) => a.operator !== 'groupby');
  for (const {column} of query.sorts) {
    if (!groupColumns.includes(column)) {
      throw databaseError(
        '42803',
        `column "${PARSING_TABLE}.${column}" must appear in the GROUP BY clause or be used in an aggregate function`,
      );
    }
  }
  const groups = new Map();
  for (const row of rows) {
    const keys = groupColumns.map((column) => row[column] ?? null);
    const key = JSON.stringify(keys);
    let group = groups.get(key);
    if (!group) {
      group = {keys, rows: []};
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  const out = [...groups.values()].map((group) => {
    const record = {};
    groupColumns.forEach((column, index) => {
      record[column] = group.keys[index];
    });
    for (const {column, operator} of measures) {
      record[`${column}__${operator}`] = aggregate(
        operator,
        group.rows.map((row) => row[column]),
      );
    }
    return record;
  });
  const sorts = query.sorts.length ? query.sorts : groupColumns.map((column) => ({column, direction: 'asc'}));
  return sortRows(out, sorts);
}

function tabularData({dataset, rid, rawQuery, params, base, origin}) {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const pageSize = Number.parseInt(params.get('page_size') ?? String(PAGE_SIZE_DEFAULT), 10);
  if (!Number.isInteger(page) || !Number.isInteger(pageSize) || page < 1 || pageSize < 1) {
    throw malformed('`page` and `page_size` must be positive integers');
  }
  if (pageSize > PAGE_SIZE_MAX) {
    throw tabularError(400, 'Invalid query string', `Page size exceeds allowed maximum: ${PAGE_SIZE_MAX}`);
  }
  const query = parseTabularQuery(rawQuery);
  if (query.aggregators.length) {
    if (query.columns) throw malformed('the argument `columns` cannot be set alongside aggregators');
    if (!AGGREGATION_ALLOWED.has(rid)) {
      const operators = [...new Set(query.aggregators.map((a) => a.operator))];
      throw tabularError(
        403,
        'Unauthorized parameters',
        `Aggregation parameters \`${operators.join('`, `')}\` are not allowed for resource '${rid}'`,
      );
    }
  }
  for (const {column} of [...query.filters, ...query.sorts, ...query.aggregators])
    checkColumn(dataset, column);
  for (const column of query.columns ?? []) checkColumn(dataset, column);

  const tests = query.filters.map(({column, operator, value}) =>
    filterTest(dataset, column, operator, value),
  );
  const all = tabularRows(dataset);
  const matching = tests.length ? all.filter((row) => tests.every((test) => test(row))) : all;
  const offset = (page - 1) * pageSize;

  const measured = query.aggregators.some((a) => a.operator !== 'groupby');
  let data;
  let total;
  if (measured) {
    data = aggregateRows(matching, query).slice(offset, offset + pageSize);
  } else {
    // Without a measure, `__groupby` only selects columns (PostgREST groups only around aggregates).
    const columns = query.aggregators.length ? query.aggregators.map((a) => a.column) : query.columns;
    const sorted = query.sorts.length ? sortRows(matching, query.sorts) : matching;
    const slice = sorted.slice(offset, offset + pageSize);
    data = columns
      ? slice.map((row) => Object.fromEntries(columns.map((column) => [column, row[column] ?? null])))
      : slice;
    total = matching.length;
  }

  const resourceUrl = `${origin}${base}/api/resources/${rid}`;
  const kept = rawQuery.split('&').filter((argument) => argument && !argument.startsWith('page'));
  const pageLink = (number) =>
    `${resourceUrl}/data/?${[...kept, `page=${number}`, `page_size=${pageSize}`].join('&')}`;
  const hasNext = total === undefined ? data.length === pageSize : offset + pageSize < total;
  const meta = {page, page_size: pageSize};
  if (total !== undefined) meta.total = total;
  return jsonResponse(200, {
    data,
    links: {
      profile: `${resourceUrl}/profile/`,
      swagger: `${resourceUrl}/swagger/`,
      next: hasNext ? pageLink(page + 1) : null,
      prev: page > 1 ? pageLink(page - 1) : null,
    },
    meta,
  });
}

const profiles = new WeakMap();

/** The csv-detective analysis api-tabular serves at `profile/`, computed once. */
function tabularProfile(dataset) {
  let profile = profiles.get(dataset);
  if (profile) return profile;
  const columns = {};
  const stats = {};
  const formats = {};
  for (const field of dataset.fields) {
    const pythonType = PYTHON_TYPES[field.type] ?? 'string';
    const format =
      DETECTED_FORMATS[field.name] ??
      (pythonType === 'int' ? 'int' : pythonType === 'float' ? 'float' : 'string');
    columns[field.name] = {python_type: pythonType, format, score: 1.0};
    (formats[format] ??= []).push(field.name);
    const values = dataset.rows.map((row) => row[field.name] ?? null);
    const present = values.filter((value) => value !== null);
    const counts = new Map();
    for (const value of present) counts.set(value, (counts.get(value) ?? 0) + 1);
    const tops = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([value, count]) => ({value, count}));
    const columnStats = {tops, nb_distinct: counts.size, nb_missing_values: values.length - present.length};
    if (pythonType === 'int' || pythonType === 'float') {
      const mean = present.reduce((a, b) => a + b, 0) / present.length;
      const variance = present.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, present.length - 1);
      Object.assign(columnStats, {
        min: Math.min(...present),
        max: Math.max(...present),
        mean,
        std: Math.sqrt(variance),
      });
    }
    stats[field.name] = columnStats;
  }
  profile = {
    profile: {
      encoding: 'utf-8',
      separator: ';',
      header_row_idx: 5,
      header: dataset.fieldNames,
      total_lines: dataset.rows.length,
      nb_duplicates: 0,
      heading_columns: 0,
      trailing_columns: 0,
      categorical: ['code_region', 'region'],
      columns_fields: columns,
      columns_labels: Object.fromEntries(
        dataset.fieldNames.map((name) => [name, {python_type: 'string', format: 'string', score: 1.0}]),
      ),
      columns,
      formats,
      profile: stats,
    },
    indexes: null,
  };
  profiles.set(dataset, profile);
  return profile;
}

function swagger(dataset, rid) {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Resource data API',
      description: 'Retrieve data for a specified resource with optional filtering and sorting.',
      version: '1.0.0',
    },
    paths: {
      [`/api/resources/${rid}/data/`]: {
        get: {
          summary: 'Get resource data from its ID',
          operationId: 'getResourceDataFromId',
          parameters: [
            'page',
            'page_size',
            'columns',
            ...dataset.fieldNames.flatMap((name) => [`${name}__exact`, `${name}__sort`]),
          ].map((name) => ({name, in: 'query', required: false, schema: {type: 'string'}})),
          responses: {200: {description: 'successful operation'}},
        },
      },
    },
  };
}

function exportRows(dataset, rawQuery) {
  const query = parseTabularQuery(rawQuery);
  for (const {column} of [...query.filters, ...query.sorts]) checkColumn(dataset, column);
  const tests = query.filters.map(({column, operator, value}) =>
    filterTest(dataset, column, operator, value),
  );
  const rows = tabularRows(dataset).filter((row) => tests.every((test) => test(row)));
  return query.sorts.length ? sortRows(rows, query.sorts) : rows;
}

/**
 * @param {{path: string, params: URLSearchParams, rawQuery: string, store: object, base: string,
 *   origin: string}} request `base` is the tabular API root as the client addressed it.
 */
export async function handleTabular({path, params, rawQuery, store, base, origin}) {
  const match = /^\/api\/resources\/([^/]+)\/(?:(profile|data|swagger)\/(?:(csv|json)\/)?)?$/.exec(path);
  if (!match) throw notFound();
  const [, rid, endpoint, format] = match;
  if (!RESOURCE_IDS.has(rid)) throw notFound();
  const dataset = await store.get('populations-legales-2025');
  const resourceUrl = `${origin}${base}/api/resources/${rid}`;
  switch (endpoint) {
    case undefined:
      return jsonResponse(200, {
        created_at: '2024-12-19T08:05:12.000000+00:00',
        url: `${origin}${base.replace(/\/tabular$/, '/datagouv')}/api/1/datasets/r/${rid}`,
        links: [
          {href: `${resourceUrl}/profile/`, type: 'GET', rel: 'profile'},
          {href: `${resourceUrl}/data/`, type: 'GET', rel: 'data'},
          {href: `${resourceUrl}/swagger/`, type: 'GET', rel: 'swagger'},
        ],
      });
    case 'profile':
      return jsonResponse(200, tabularProfile(dataset));
    case 'swagger':
      return jsonResponse(200, swagger(dataset, rid));
    default:
      if (format === 'json') return jsonResponse(200, exportRows(dataset, rawQuery));
      if (format === 'csv') {
        const columns = ['__id', ...dataset.fieldNames];
        const cell = (value) => {
          const text = value === null || value === undefined ? '' : String(value);
          return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
        };
        const lines = [
          columns.join(','),
          ...exportRows(dataset, rawQuery).map((row) => columns.map((c) => cell(row[c])).join(',')),
        ];
        return textResponse(200, lines.join('\r\n') + '\r\n', 'text/csv', {
          'Content-Disposition': `attachment; filename="${rid}.csv"`,
        });
      }
      return tabularData({dataset, rid, rawQuery, params, base, origin});
  }
}
