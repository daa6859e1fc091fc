// Opendatasoft Explore API v2.1: catalog, dataset metadata, records (ODSQL), facets, exports, and the
// dataset page a webmaster copies the URL of.
import {GEOMETRY, DATASET_IDS} from './datasets.mjs';
import {QueryError, applyFilters, runQuery} from './engine.mjs';
import {parseGroupBy, parseOrderBy, parseSelect, parseWhere} from './odsql.mjs';
import {HttpError, escapeHtml, integerParam, jsonResponse, textResponse} from './http.mjs';

const API_ROOT = '/api/explore/v2.1';

/** Bounds of `limit`/`offset` on `records`, as Opendatasoft documents them. */
const RECORDS_MAX_LIMIT = 100;
const RECORDS_MAX_WINDOW = 10_000;
const GROUPED_MAX_LIMIT = 20_000;
const GROUPED_MAX_WINDOW = 20_000;
const DEFAULT_LIMIT = 10;

function odsError(status, errorCode, message) {
  return new HttpError(jsonResponse(status, {message, error_code: errorCode}));
}

function odsqlError(error) {
  const clause = error.clause ? `\nClause(s) containing the error(s): ${error.clause}.` : '';
  return odsError(400, 'ODSQLError', `ODSQL query is malformed: ${error.message}${clause}`);
}

function invalidParameter(message) {
  return odsError(400, 'InvalidRESTParameterError', message);
}

/** Runs a function that parses or compiles ODSQL, answering 400 ODSQLError on a query error. */
function odsql(run) {
  try {
    return run();
  } catch (error) {
    if (error instanceof QueryError) throw odsqlError(error);
    throw error;
  }
}

function odsNotFound(path) {
  return odsError(404, 'NotFound', `Resource not found: ${path}`);
}

/** The ODS body and headers of a quota answer (HTTP 429). */
export function odsQuotaResponse(resetEpochSeconds) {
  const resetTime = new Date(resetEpochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return jsonResponse(
    429,
    {
      errorcode: 10002,
      reset_time: resetTime,
      limit_time_unit: 'day',
      call_limit: 10000,
      error: 'Too many requests on the domain. Please contact the domain administrator.',
    },
    {
      'X-RateLimit-Limit': '10000',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(resetEpochSeconds),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Metadata

/** A stable `da_` + 6 hex digits per dataset id, as the portal gives (FNV-1a of the id). */
function datasetUid(id) {
  let hash = 0x811c9dc5;
  for (const char of id) hash = Math.imul(hash ^ char.codePointAt(0), 0x01000193) >>> 0;
  return 'da_' + hash.toString(16).padStart(8, '0').slice(0, 6);
}

function datasetMetadata(dataset) {
  return {
    visibility: 'domain',
    dataset_id: dataset.id,
    dataset_uid: datasetUid(dataset.id),
    has_records: dataset.rows.length > 0,
    data_visible: true,
    features: dataset.features,
    attachments: [],
    alternative_exports: [],
    metas: {default: dataset.metas},
    fields: dataset.fields,
  };
}

async function getDataset(store, id) {
  const dataset = await store.get(id);
  if (!dataset) throw odsError(404, 'DatasetNotFound', `Unknown dataset: ${id}`);
  return dataset;
}

// ---------------------------------------------------------------------------------------------
// Query parameters shared by records, facets and exports

/** A parameter that may be repeated: the values joined as one list (`select=a&select=b`). */
function joinedParam(params, name) {
  const values = params.getAll(name).filter((value) => value.trim() !== '');
  return values.length ? values.join(', ') : undefined;
}

function fieldOf(dataset, name, parameter) {
  if (!dataset.types.has(name)) throw invalidParameter(`Unknown field "${name}" in ${parameter}.`);
  return {type: 'field', name};
}

/** `refine=field:value` as a condition; dates refine by period (`2019`, `2019/03`, `2019-03-20`). */
function refinement(dataset, raw, parameter) {
  const colon = raw.indexOf(':');
  if (colon <= 0) throw invalidParameter(`Invalid value for ${parameter}: "${raw}" (expected field:value).`);
  const name = raw.slice(0, colon);
  let value = raw.slice(colon + 1);
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  const field = fieldOf(dataset, name, parameter);
  const type = dataset.types.get(name);
  if (type === 'date' || type === 'datetime') {
    const period = value.replaceAll('/', '-');
    const pattern = ['yyyy', 'yyyy-MM', 'yyyy-MM-dd'][period.split('-').length - 1] ?? 'yyyy-MM-dd';
    const formatted = {type: 'call', name: 'date_format', args: [field, {type: 'literal', value: pattern}]};
    return {type: 'binary', op: '=', left: formatted, right: {type: 'literal', value: period}};
  }
  const literal = type === 'int' || type === 'double' ? Number(value) : value;
  return {type: 'binary', op: '=', left: field, right: {type: 'literal', value: literal}};
}

/** An excluded value; records with no value are kept. */
function exclusion(dataset, raw) {
  const condition = refinement(dataset, raw, 'exclude');
  return {
    type: 'binary',
    op: 'or',
    left: {type: 'isnull', expr: condition.left, negated: false},
    right: {type: 'not', expr: condition},
  };
}

function refineConditions(dataset, params) {
  return {
    refines: params
      .getAll('refine')
      .map((raw) => ({field: raw.slice(0, raw.indexOf(':')), condition: refinement(dataset, raw, 'refine')})),
    excludes: params
      .getAll('exclude')
      .map((raw) => ({field: raw.slice(0, raw.indexOf(':')), condition: exclusion(dataset, raw)})),
  };
}

function whereConditions(params) {
  return odsql(() =>
    params
      .getAll('where')
      .filter((where) => where.trim() !== '')
      .map(parseWhere),
  );
}

/** The ODSQL part of a request as a plan for the engine (limits checked by the caller). */
function queryPlan(dataset, params) {
  const {refines, excludes} = refineConditions(dataset, params);
  const select = joinedParam(params, 'select');
  const groupBy = joinedParam(params, 'group_by');
  const orderBy = joinedParam(params, 'order_by');
  return odsql(() => {
    const selectItems = select === undefined ? undefined : parseSelect(select);
    // group_by may name a select alias: `select=year(date) as annee&group_by=annee`.
    const groupItems = (groupBy === undefined ? [] : parseGroupBy(groupBy)).map((item) => {
      if (item.expr.type !== 'field' || dataset.types.has(item.expr.name)) return item;
      const aliased = selectItems?.find((candidate) => candidate.alias === item.expr.name);
      return aliased ? {...item, expr: aliased.expr} : item;
    });
    return {
      select: selectItems,
      filters: [
        ...whereConditions(params),
        ...refines.map((r) => r.condition),
        ...excludes.map((e) => e.condition),
      ],
      groupBy: groupItems,
      orderBy: orderBy === undefined ? [] : parseOrderBy(orderBy),
    };
  });
}

function run(dataset, plan) {
  return odsql(() => runQuery(dataset.rows, plan, dataset.schema));
}

// ---------------------------------------------------------------------------------------------
// Records

function records(dataset, params) {
  const plan = queryPlan(dataset, params);
  const grouped = plan.groupBy.length > 0;
  const limit = integerParam(params, 'limit', DEFAULT_LIMIT);
  const offset = integerParam(params, 'offset', 0);
  const maxLimit = grouped ? GROUPED_MAX_LIMIT : RECORDS_MAX_LIMIT;
  const maxWindow = grouped ? GROUPED_MAX_WINDOW : RECORDS_MAX_WINDOW;
  if (!Number.isInteger(limit) || limit < 0 || limit > maxLimit) {
    throw invalidParameter(
      `Invalid value for limit API parameter: ${params.get('limit')} was found but 0 <= limit <= ${maxLimit} is expected.`,
    );
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw invalidParameter(
      `Invalid value for offset API parameter: ${params.get('offset')} was found but offset >= 0 is expected.`,
    );
  }
  if (offset + limit > maxWindow) {
    throw invalidParameter(
      `Invalid value for offset API parameter: offset + limit should be lower than or equal to ${maxWindow} (${offset} + ${limit} was found). Use the exports endpoint to get more results.`,
    );
  }
  const result = run(dataset, {...plan, limit, offset});
  if (grouped) return jsonResponse(200, {results: result.rows});
  return jsonResponse(200, {total_count: result.total, results: result.rows});
}

// ---------------------------------------------------------------------------------------------
// Facets

const FACET_NAME = /^facet\(\s*name\s*=\s*"([^"]+)".*\)$/;

function facetValue(value, type) {
  if (value === null || value === undefined || typeof value === 'object') return undefined;
  if (type === 'date' || type === 'datetime') return String(value).slice(0, 4);
  return String(value);
}

function facets(dataset, params) {
  const requested = params.getAll('facet').map((facet) => FACET_NAME.exec(facet.trim())?.[1] ?? facet.trim());
  const names = requested.length
    ? requested
    : dataset.fields.filter((f) => f.annotations?.facet).map((f) => f.name);
  for (const name of names) fieldOf(dataset, name, 'facet');
  const where = whereConditions(params);
  const {refines, excludes} = refineConditions(dataset, params);
  const refined = odsql(() =>
    applyFilters(dataset.rows, [...where, ...refines.map((r) => r.condition)], dataset.schema),
  );

  const result = names.map((name) => {
    const type = dataset.types.get(name);
    // Counts ignore the exclusions of the facet itself, so excluded values show with their count.
    const rows = odsql(() =>
      applyFilters(
        refined,
        excludes.filter((e) => e.field !== name).map((e) => e.condition),
        dataset.schema,
      ),
    );
    const counts = new Map();
    for (const row of rows) {
      const value = facetValue(row[name], type);
      if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const valuesOf = (parameter) =>
      new Set(
        params
          .getAll(parameter)
          .filter((r) => r.startsWith(`${name}:`))
          .map((r) => stripQuotes(r.slice(name.length + 1))),
      );
    const refinedValues = valuesOf('refine');
    const excludedValues = valuesOf('exclude');
    const values = [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([value, count]) => ({
        name: value,
        count,
        value,
        state: excludedValues.has(value) ? 'excluded' : refinedValues.has(value) ? 'refined' : 'displayed',
      }));
    return {name, facets: values};
  });
  return jsonResponse(200, {links: [], facets: result});
}

function stripQuotes(value) {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

// ---------------------------------------------------------------------------------------------
// Exports

const EXPORT_FORMATS = ['json', 'jsonl', 'csv', 'geojson'];

/** Values as exports write them: geo_point_2d as `[lat, lon]`. */
function exportValue(value, type) {
  if (type === 'geo_point_2d' && value && typeof value === 'object') return [value.lat, value.lon];
  return value;
}

function exportRow(row, dataset) {
  const out = {};
  for (const [key, value] of Object.entries(row)) out[key] = exportValue(value, dataset.types.get(key));
  return out;
}

function csvCell(value, type, delimiter) {
  if (value === null || value === undefined) return '';
  let text;
  if (type === 'geo_point_2d' && typeof value === 'object') text = `${value.lat}, ${value.lon}`;
  else if (type === 'geo_shape' && typeof value === 'object') text = JSON.stringify(value.geometry ?? value);
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function pointGeometry(value) {
  return value && typeof value === 'object' && 'lon' in value
    ? {type: 'Point', coordinates: [value.lon, value.lat]}
    : null;
}

function exportResponse(dataset, format, params) {
  if (!EXPORT_FORMATS.includes(format)) {
    throw invalidParameter(
      `Unsupported export format "${format}" (this portal exports ${EXPORT_FORMATS.join(', ')}).`,
    );
  }
  const plan = queryPlan(dataset, params);
  const limit = integerParam(params, 'limit', -1);
  const offset = integerParam(params, 'offset', 0);
  if (!Number.isInteger(limit) || limit < -1) {
    throw invalidParameter(
      `Invalid value for limit API parameter: ${params.get('limit')} was found but limit >= -1 is expected.`,
    );
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw invalidParameter(
      `Invalid value for offset API parameter: ${params.get('offset')} was found but offset >= 0 is expected.`,
    );
  }
  // As Opendatasoft answers: with an offset, an export is held to the records window too (offset 0
  // has no bound), so the last records of a large dataset cannot be paged through an export.
  if (offset > 0) {
    const sum = offset + (limit === -1 ? Math.max(0, dataset.rows.length - offset) : limit);
    if (sum > RECORDS_MAX_WINDOW) {
      throw invalidParameter(
        `Invalid value for sum of offset + limit API parameter: ${sum} was found but <= ${RECORDS_MAX_WINDOW} is expected.`,
      );
    }
  }
  const result = run(dataset, {...plan, limit: limit === -1 ? undefined : limit, offset});
  const disposition = {'Content-Disposition': `attachment; filename="${dataset.id}.${format}"`};

  switch (format) {
    case 'json':
      return jsonResponse(
        200,
        result.rows.map((row) => exportRow(row, dataset)),
        disposition,
      );
    case 'jsonl':
      return textResponse(
        200,
        result.rows.map((row) => JSON.stringify(exportRow(row, dataset)) + '\n').join(''),
        'application/jsonl; charset=utf-8',
        disposition,
      );
    case 'csv': {
      const delimiter = params.get('delimiter') || ';';
      const withBom = params.get('with_bom') !== 'false';
      const labels = result.rows.length ? Object.keys(result.rows[0]) : columnsOfEmptyResult(dataset, plan);
      const lines = [
        labels.map((label) => csvCell(label, 'text', delimiter)).join(delimiter),
        ...result.rows.map((row) =>
          labels.map((label) => csvCell(row[label], dataset.types.get(label), delimiter)).join(delimiter),
        ),
      ];
      return textResponse(
        200,
        (withBom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n',
        'text/csv; charset=utf-8',
        disposition,
      );
    }
    default: {
      const shapeFields = dataset.fields.filter((f) => f.type === 'geo_shape').map((f) => f.name);
      const pointField = dataset.fields.find((f) => f.type === 'geo_point_2d')?.name;
      const features = result.rows.map((row, index) => {
        const source = result.sources?.[index];
        const properties = exportRow(row, dataset);
        for (const name of shapeFields) delete properties[name];
        const geometry = source?.[GEOMETRY] ?? (pointField ? pointGeometry(row[pointField]) : null);
        return {type: 'Feature', geometry, properties};
      });
      return jsonResponse(
        200,
        {type: 'FeatureCollection', features},
        {
          ...disposition,
          'Content-Type': 'application/geo+json; charset=utf-8',
        },
      );
    }
  }
}

function columnsOfEmptyResult(dataset, plan) {
  if (!plan.select && !plan.groupBy.length) return dataset.fieldNames;
  return [
    ...plan.groupBy.map((item) => item.label),
    ...(plan.select ?? []).filter((item) => item.expr.type !== 'star').map((item) => item.label),
  ];
}

// ---------------------------------------------------------------------------------------------
// Catalog

function catalogRecord(dataset) {
  const {metas} = dataset;
  return {
    dataset_id: dataset.id,
    title: metas.title,
    description: metas.description,
    publisher: metas.publisher,
    license: metas.license,
    keyword: metas.keyword.join(' '),
    theme: metas.theme.join(' '),
    modified: metas.modified,
    records_count: metas.records_count,
    features: dataset.features.join(' '),
  };
}

const CATALOG_FIELDS = [
  'dataset_id',
  'title',
  'description',
  'publisher',
  'license',
  'keyword',
  'theme',
  'modified',
  'records_count',
  'features',
];

async function catalog(store, params) {
  const limit = integerParam(params, 'limit', DEFAULT_LIMIT);
  const offset = integerParam(params, 'offset', 0);
  if (!Number.isInteger(limit) || limit < 0 || limit > RECORDS_MAX_LIMIT) {
    throw invalidParameter(
      `Invalid value for limit API parameter: ${params.get('limit')} was found but 0 <= limit <= 100 is expected.`,
    );
  }
  if (!Number.isInteger(offset) || offset < 0)
    throw invalidParameter(`Invalid value for offset API parameter: ${params.get('offset')}.`);
  const datasets = await Promise.all(DATASET_IDS.map((id) => store.get(id)));
  const rows = datasets.map(catalogRecord);
  const schema = {
    hasField: (name) => CATALOG_FIELDS.includes(name),
    fieldNames: CATALOG_FIELDS,
    textFields: ['dataset_id', 'title', 'description', 'publisher', 'keyword', 'theme'],
  };
  const orderBy = joinedParam(params, 'order_by');
  const matching = odsql(() =>
    runQuery(
      rows,
      {filters: whereConditions(params), orderBy: orderBy ? parseOrderBy(orderBy) : [], limit, offset},
      schema,
    ),
  );
  const byId = new Map(datasets.map((dataset) => [dataset.id, dataset]));
  return jsonResponse(200, {
    total_count: matching.total,
    results: matching.rows.map((row) => datasetMetadata(byId.get(row.dataset_id))),
  });
}

// ---------------------------------------------------------------------------------------------
// Dataset page (HTML), the URL a webmaster copies

function datasetPage(dataset, apiBase) {
  const {metas} = dataset;
  const apiUrl = `${apiBase}${API_ROOT}/catalog/datasets/${dataset.id}/records`;
  const sample = dataset.rows.slice(0, 10);
  const columns = dataset.fields.filter((f) => f.type !== 'geo_shape');
  const cell = (value) =>
    escapeHtml(
      value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : value,
    );
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>${escapeHtml(metas.title)} — Portail open data</title></head>
<body>
<header><p>Portail open data (émulateur local)</p></header>
<main>
<h1>${escapeHtml(metas.title)}</h1>
<p>Producteur : ${escapeHtml(metas.publisher)} · Licence : <a href="${escapeHtml(metas.license_url)}">${escapeHtml(metas.license)}</a> · Mis à jour le ${escapeHtml(metas.modified.slice(0, 10))} · ${metas.records_count} enregistrements</p>
<section>${metas.description}</section>
<p>API : <a href="${escapeHtml(apiUrl)}">${escapeHtml(apiUrl)}</a></p>
<table>
<caption>Aperçu des données</caption>
<thead><tr>${columns.map((f) => `<th scope="col">${escapeHtml(f.label)}</th>`).join('')}</tr></thead>
<tbody>
${sample.map((row) => `<tr>${columns.map((f) => `<td>${cell(row[f.name])}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>
</main>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------

/**
 * Answers a request under the ODS portal root.
 * @param {{path: string, params: URLSearchParams, store: object, base: string}} request
 *   `path` is relative to the portal root, `base` the portal root as the client addressed it.
 */
export async function handleOds({path, params, store, base}) {
  const page = /^\/explore\/dataset\/([^/]+)(?:\/.*)?$/.exec(path);
  if (page) {
    const dataset = await store.get(decodeURIComponent(page[1]));
    if (!dataset)
      return textResponse(
        404,
        '<!doctype html><title>Jeu de données introuvable</title><h1>Jeu de données introuvable</h1>',
        'text/html; charset=utf-8',
      );
    return textResponse(200, datasetPage(dataset, base), 'text/html; charset=utf-8');
  }
  if (!path.startsWith(API_ROOT)) throw odsNotFound(path);
  const route = path.slice(API_ROOT.length).replace(/\/$/, '');
  if (route === '' || route === '/catalog') {
    return jsonResponse(200, {
      links: [
        {rel: 'self', href: `${base}${API_ROOT}/`},
        {rel: 'datasets', href: `${base}${API_ROOT}/catalog/datasets`},
      ],
    });
  }
  if (route === '/catalog/datasets') return catalog(store, params);
  const match = /^\/catalog\/datasets\/([^/]+)(\/records|\/facets|\/exports(?:\/([^/]+))?)?$/.exec(route);
  if (!match) throw odsNotFound(path);
  const dataset = await getDataset(store, decodeURIComponent(match[1]));
  switch (match[2]) {
    case undefined:
      return jsonResponse(200, datasetMetadata(dataset));
    case '/records':
      return records(dataset, params);
    case '/facets':
      return facets(dataset, params);
    case '/exports':
      return jsonResponse(200, {
        links: EXPORT_FORMATS.map((format) => ({
          rel: format,
          href: `${base}${API_ROOT}/catalog/datasets/${dataset.id}/exports/${format}`,
        })),
      });
    default:
      return exportResponse(dataset, match[3], params);
  }
}
