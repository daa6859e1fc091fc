// CKAN action API (v3): datastore_search, datastore_search_sql, resource_show, package_show, and the
// resource download. Bodies follow CKAN: `{help, success, result}` or `{help, success: false, error}`.
import {POPULATIONS_CSV, POPULATIONS_RESOURCE_ID, RESTRICTED_RESOURCE_ID} from './datasets.mjs';
import {QueryError, canonical, runQuery} from './engine.mjs';
import {HttpError, jsonResponse, textResponse} from './http.mjs';
import {SqlSyntaxError, parseSql} from './sql.mjs';

const PACKAGE_NAME = 'populations-legales-2025';
const PACKAGE_ID = 'b5f0a3c8-2e4d-4f1a-9c6b-7d8e9f0a1b2c';
/**
 * With SQL search on (`~ckan-sql` or `createPortal({ckanSql: true})`), resources whose datastore
 * accepts SQL; the others answer 403 `Authorization Error`. With it off, CKAN's default
 * (`ckan.datastore.sqlsearch.enabled = false`), the action does not exist: see `unknownAction`.
 */
const SQL_ALLOWED = new Set([POPULATIONS_RESOURCE_ID]);
const RESOURCE_IDS = [POPULATIONS_RESOURCE_ID, RESTRICTED_RESOURCE_ID];
const ROWS_MAX = 32_000;
const CKAN_TYPES = {
  text: 'text',
  int: 'int4',
  double: 'numeric',
  date: 'timestamp',
  datetime: 'timestamp',
  boolean: 'bool',
};
const LICENSE = {
  license_id: 'fr-lo',
  license_title: 'Licence Ouverte / Open Licence version 2.0',
  license_url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
};
const MODIFIED = '2024-12-19T08:00:00.000000';

/** Answers a CKAN error (`status` 4xx/5xx) for the action being served. */
export function ckanErrorResponse(status, error, help) {
  return jsonResponse(status, {help, success: false, error});
}

function ckanError(status, error, help) {
  return new HttpError(ckanErrorResponse(status, error, help));
}

/**
 * CKAN's answer to an action it does not know (ckan/views/api.py `_finish_bad_request`): HTTP 400
 * whose body is a bare JSON string, not the `{help, success, error}` envelope.
 */
function unknownAction(action) {
  return new HttpError(jsonResponse(400, `Bad request - Action name not known: ${action}`));
}

/**
 * PostgreSQL `numeric` values reach JSON as strings (`"0.000384"`, `"360.7"`); `int4`/`int8` as
 * numbers. Rewrites the numeric columns of `rows`, described by `fields` (`[{id, type}]`).
 */
function numericAsText(rows, fields) {
  const numeric = fields.filter((field) => field.type === 'numeric').map((field) => field.id);
  if (!numeric.length) return rows;
  return rows.map((row) => {
    const copy = {...row};
    for (const id of numeric) if (typeof copy[id] === 'number') copy[id] = String(copy[id]);
    return copy;
  });
}

function validationError(fields, help) {
  return ckanError(409, {...fields, __type: 'Validation Error'}, help);
}

const rowsWithIds = new WeakMap();

/** Records with the datastore's `_id` first (the search cache key travels along with the spread). */
function datastoreRows(dataset) {
  let rows = rowsWithIds.get(dataset);
  if (!rows) {
    rows = dataset.rows.map((row, index) => ({_id: index + 1, ...row}));
    rowsWithIds.set(dataset, rows);
  }
  return rows;
}

function datastoreSchema(dataset) {
  const fieldNames = ['_id', ...dataset.fieldNames];
  return {
    hasField: (name) => name === '_id' || dataset.types.has(name),
    fieldNames,
    textFields: dataset.fieldNames,
    wholeWordSearch: true,
    searchText: dataset.schema.searchText,
  };
}

function fieldType(dataset, name) {
  return name === '_id' ? 'int' : (CKAN_TYPES[dataset.types.get(name)] ?? 'text');
}

/** @param {number} size bytes of the CSV file both resources publish */
function resourceJson(size, id, base) {
  return {
    id,
    package_id: PACKAGE_ID,
    name:
      id === POPULATIONS_RESOURCE_ID
        ? 'Populations légales 2025 des communes'
        : 'Populations légales 2025 des communes (copie)',
    description:
      'Une ligne par commune : région, département, code INSEE, EPCI, population municipale, comptée à part et totale.',
    format: 'CSV',
    mimetype: 'text/csv',
    size,
    url: `${base}/dataset/${PACKAGE_ID}/resource/${id}/download/${POPULATIONS_CSV}`,
    url_type: 'upload',
    datastore_active: true,
    state: 'active',
    position: RESOURCE_IDS.indexOf(id),
    created: '2024-12-19T08:00:00.000000',
    last_modified: MODIFIED,
    metadata_modified: MODIFIED,
  };
}

function packageJson(size, base) {
  return {
    id: PACKAGE_ID,
    name: PACKAGE_NAME,
    title: 'Populations légales 2025',
    notes:
      'Populations légales des communes en vigueur au 1er janvier 2025, avec l’intercommunalité (EPCI) de chaque commune au 1er janvier 2024. Source : Insee.',
    type: 'dataset',
    state: 'active',
    private: false,
    author: 'Insee',
    maintainer: null,
    organization: {
      id: 'f3a1c9e2-7b5d-4e8f-a0b1-c2d3e4f5a6b7',
      name: 'insee',
      title: 'Insee',
      description: 'Institut national de la statistique et des études économiques',
      type: 'organization',
      state: 'active',
    },
    ...LICENSE,
    metadata_created: '2024-12-19T08:00:00.000000',
    metadata_modified: MODIFIED,
    num_resources: RESOURCE_IDS.length,
    num_tags: 3,
    tags: ['population', 'recensement', 'communes'].map((name) => ({
      name,
      display_name: name,
      state: 'active',
    })),
    resources: RESOURCE_IDS.map((id) => resourceJson(size, id, base)),
  };
}

// ---------------------------------------------------------------------------------------------

/** A parameter that CKAN accepts either as JSON (POST body, JSON text) or as plain text (GET). */
function jsonParam(value, name, help) {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw validationError({[name]: ['Invalid JSON']}, help);
  }
}

function naturalNumber(value, fallback, name, help) {
  if (value === undefined || value === null || value === '') return fallback;
  const number =
    typeof value === 'number' ? value : /^\d+$/.test(String(value).trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < 0)
    throw validationError({[name]: ['Must be a natural number']}, help);
  return number;
}

function fieldList(value) {
  if (Array.isArray(value)) return value.map(String);
  const text = String(value).trim();
  if (text.startsWith('[')) return JSON.parse(text).map(String);
  return text
    .split(',')
    .map((name) => name.trim().replace(/^"(.*)"$/, '$1'))
    .filter(Boolean);
}

function resourceId(args, help) {
  const id = args.resource_id ?? args.id;
  if (!id) throw validationError({resource_id: ['Missing value']}, help);
  if (!RESOURCE_IDS.includes(id)) {
    throw ckanError(
      404,
      {message: `Not found: Resource "${id}" was not found.`, __type: 'Not Found Error'},
      help,
    );
  }
  return id;
}

async function datastoreSearch({store, args, help, actionUrl}) {
  const id = resourceId(args, help);
  const dataset = await store.get('populations-legales-2025');
  const schema = datastoreSchema(dataset);
  const limit = Math.min(naturalNumber(args.limit, 100, 'limit', help), ROWS_MAX);
  const offset = naturalNumber(args.offset, 0, 'offset', help);

  const filters = [];
  if (args.filters !== undefined && args.filters !== '') {
    const object = jsonParam(args.filters, 'filters', help);
    if (!object || typeof object !== 'object' || Array.isArray(object))
      throw validationError({filters: ['Not a json object']}, help);
    for (const [name, value] of Object.entries(object)) {
      if (!schema.hasField(name)) throw validationError({filters: [`field "${name}" not in table`]}, help);
      const field = {type: 'field', name};
      filters.push(
        Array.isArray(value)
          ? {type: 'in', expr: field, values: value.map((v) => ({type: 'literal', value: v})), negated: false}
          : {type: 'binary', op: '=', left: field, right: {type: 'literal', value}},
      );
    }
  }
  if (args.q !== undefined && args.q !== '') {
    const q =
      typeof args.q === 'string' && args.q.trim().startsWith('{') ? jsonParam(args.q, 'q', help) : args.q;
    if (typeof q === 'object' && q !== null) {
      for (const [name, text] of Object.entries(q)) {
        if (!schema.hasField(name)) throw validationError({q: [`field "${name}" not in table`]}, help);
        filters.push({
          type: 'call',
          name: 'search',
          args: [
            {type: 'field', name},
            {type: 'literal', value: String(text)},
          ],
        });
      }
    } else {
      filters.push({type: 'fulltext', query: String(q)});
    }
  }

  const orderBy = [];
  if (args.sort !== undefined && args.sort !== '') {
    for (const clause of String(args.sort).split(',')) {
      const match = /^\s*(?:"([^"]+)"|([^\s"]+))\s*(asc|desc)?\s*$/i.exec(clause);
      if (!match) throw validationError({sort: ['not valid syntax for sort clause']}, help);
      const name = match[1] ?? match[2];
      if (!schema.hasField(name)) throw validationError({sort: [`field "${name}" not in table`]}, help);
      orderBy.push({expr: {type: 'field', name}, direction: (match[3] ?? 'asc').toLowerCase()});
    }
  }

  let columns = schema.fieldNames;
  if (args.fields !== undefined && args.fields !== '') {
    columns = fieldList(args.fields);
    for (const name of columns)
      if (!schema.hasField(name)) throw validationError({fields: [`field "${name}" not in table`]}, help);
  }

  const select = columns.map((name) => ({expr: {type: 'field', name}, label: name}));
  const result = runQuery(
    datastoreRows(dataset),
    {select, filters, orderBy, limit, offset},
    {...schema, clause: 'q'},
  );

  const startParams = Object.entries(args)
    .filter(([name]) => name !== 'offset')
    .map(
      ([name, value]) =>
        `${encodeURIComponent(name)}=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}`,
    )
    .join('&');
  const start = `${actionUrl}?${startParams}`;
  return {
    include_total: true,
    limit,
    offset,
    records_format: 'objects',
    resource_id: id,
    total_estimation_threshold: null,
    records: numericAsText(
      result.rows,
      columns.map((name) => ({id: name, type: fieldType(dataset, name)})),
    ),
    fields: columns.map((name) => ({id: name, type: fieldType(dataset, name)})),
    _links: {start, next: `${start}&offset=${offset + limit}`},
    total: result.total,
    total_was_estimated: false,
  };
}

// ---------------------------------------------------------------------------------------------

function sqlError(message, sql, help) {
  const query = `(psycopg2.errors.${message.kind}) ${message.text}\nLINE 1: ${sql.split('\n')[0]}`;
  return validationError(
    {query: [query], info: {statement: [sql], params: [{}], orig: [message.text]}},
    help,
  );
}

function resultType(dataset, expr) {
  if (expr.type === 'field') return fieldType(dataset, expr.name);
  if (expr.type === 'call') {
    const argType = expr.args[0] && expr.args[0].type !== 'star' ? resultType(dataset, expr.args[0]) : 'int8';
    if (expr.name === 'count') return 'int8';
    if (expr.name === 'sum') return argType === 'int4' || argType === 'int8' ? 'int8' : 'numeric';
    if (expr.name === 'avg') return 'numeric';
    if (expr.name === 'min' || expr.name === 'max') return argType;
    return 'text';
  }
  if (expr.type === 'literal')
    return typeof expr.value === 'number' ? (Number.isInteger(expr.value) ? 'int4' : 'numeric') : 'text';
  return 'numeric';
}

async function datastoreSearchSql({store, args, help, ckanSql}) {
  if (!ckanSql) throw unknownAction('datastore_search_sql');
  const sql = String(args.sql ?? '');
  if (!sql.trim()) throw validationError({sql: ['Missing value']}, help);
  let query;
  try {
    query = parseSql(sql);
  } catch (error) {
    if (error instanceof SqlSyntaxError)
      throw sqlError({kind: 'SyntaxError', text: error.message}, sql, help);
    throw error;
  }
  if (!RESOURCE_IDS.includes(query.table)) {
    throw sqlError({kind: 'UndefinedTable', text: `relation "${query.table}" does not exist`}, sql, help);
  }
  if (!SQL_ALLOWED.has(query.table)) {
    throw ckanError(
      403,
      {
        message: 'Access denied: Authorization Error: datastore_search_sql is disabled on this portal',
        __type: 'Authorization Error',
      },
      help,
    );
  }
  const dataset = await store.get('populations-legales-2025');
  const schema = datastoreSchema(dataset);

  const selected = query.select.flatMap((item) =>
    item.expr.type === 'star'
      ? schema.fieldNames.map((name) => ({expr: {type: 'field', name}, label: name}))
      : [item],
  );
  /** `GROUP BY 1` / `ORDER BY 2` point at select items; output names may be used as well. */
  const resolve = (expr) => {
    if (expr.type === 'literal' && Number.isInteger(expr.value)) {
      const item = selected[expr.value - 1];
      if (!item) throw new QueryError(`${expr.value} is not in select list`);
      return item.expr;
    }
    if (expr.type === 'field' && !schema.hasField(expr.name)) {
      const item = selected.find((candidate) => candidate.label === expr.name);
      if (item) return item.expr;
    }
    return expr;
  };

  try {
    const groupBy = query.groupBy.map((expr, index) => {
      const resolved = resolve(expr);
      const item = selected.find((candidate) => canonical(candidate.expr) === canonical(resolved));
      return {expr: resolved, label: item ? item.label : `\0group${index}`};
    });
    const orderBy = query.orderBy.map(({expr, direction}) => {
      const isOrdinal = expr.type === 'literal' && Number.isInteger(expr.value);
      const isLabel = expr.type === 'field' && !schema.hasField(expr.name);
      return {expr: isOrdinal || isLabel ? resolve(expr) : expr, direction};
    });
    const limit = Math.min(query.limit ?? ROWS_MAX + 1, ROWS_MAX + 1);
    const plan = {
      select: selected,
      filters: query.where ? [query.where] : [],
      groupBy,
      orderBy,
      limit: query.distinct ? undefined : limit,
      offset: query.distinct ? 0 : query.offset,
    };
    let rows = runQuery(datastoreRows(dataset), plan, schema).rows.map((row) =>
      Object.fromEntries(selected.map((item) => [item.label, row[item.label] ?? null])),
    );
    if (query.distinct) {
      const seen = new Set();
      rows = rows.filter((row) => {
        const key = JSON.stringify(row);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      rows = rows.slice(query.offset ?? 0, (query.offset ?? 0) + limit);
    }
    const truncated = rows.length > ROWS_MAX;
    const fields = selected.map((item) => ({id: item.label, type: resultType(dataset, item.expr)}));
    const result = {
      sql,
      records: numericAsText(truncated ? rows.slice(0, ROWS_MAX) : rows, fields),
      fields,
    };
    if (truncated) result.records_truncated = true;
    return result;
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    const unknown = /^Unknown field: (.*)$/.exec(error.message);
    if (unknown)
      throw sqlError({kind: 'UndefinedColumn', text: `column "${unknown[1]}" does not exist`}, sql, help);
    if (/group by/i.test(error.message))
      throw sqlError({kind: 'GroupingError', text: error.message}, sql, help);
    throw sqlError({kind: 'SyntaxError', text: error.message}, sql, help);
  }
}

// ---------------------------------------------------------------------------------------------

const ACTIONS = {
  datastore_search: datastoreSearch,
  datastore_search_sql: datastoreSearchSql,
  resource_show: async ({store, args, help, base, origin}) => {
    const id = resourceId(args, help);
    return resourceJson((await store.files.stat(POPULATIONS_CSV)).size, id, `${origin}${base}`);
  },
  package_show: async ({store, args, help, base, origin}) => {
    if (args.id !== PACKAGE_NAME && args.id !== PACKAGE_ID) {
      throw ckanError(404, {message: 'Not found', __type: 'Not Found Error'}, help);
    }
    return packageJson((await store.files.stat(POPULATIONS_CSV)).size, `${origin}${base}`);
  },
};

/**
 * @param {{path: string, args: Record<string, unknown>, store: object, base: string, origin: string, ckanSql?: boolean}} request
 *   `args` are the query parameters or the JSON body; `base` the CKAN root as the client addressed it;
 *   `ckanSql` turns `datastore_search_sql` on (off by default, as on CKAN).
 */
export async function handleCkan({path, args, store, base, origin, ckanSql = false}) {
  const download = /^\/dataset\/[^/]+\/resource\/([^/]+)\/download\/[^/]+$/.exec(path);
  if (download && RESOURCE_IDS.includes(download[1])) {
    return textResponse(200, await store.files.read(POPULATIONS_CSV), 'text/csv; charset=utf-8');
  }
  const action = /^\/api\/(?:3\/)?action\/([a-z_]+)$/.exec(path)?.[1];
  const help = `${origin}${base}/api/3/action/help_show?name=${action ?? ''}`;
  if (!action) throw ckanError(404, {message: 'Not found', __type: 'Not Found Error'}, help);
  const run = ACTIONS[action];
  if (!run) throw unknownAction(action);
  try {
    const result = await run({
      store,
      args,
      help,
      base,
      origin,
      ckanSql,
      actionUrl: `${base}/api/3/action/${action}`,
    });
    return jsonResponse(200, {help, success: true, result});
  } catch (error) {
    if (error instanceof QueryError) throw validationError({q: [error.message]}, help);
    throw error;
  }
}

/** The CKAN help URL for an action path, used by error bodies built outside the handler. */
export function ckanHelpUrl(origin, base, path) {
  const action = /action\/([a-z_]+)/.exec(path)?.[1] ?? '';
  return `${origin}${base}/api/3/action/help_show?name=${action}`;
}
