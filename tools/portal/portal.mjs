// Local portal emulator: Opendatasoft, data.gouv.fr (udata + tabular API), CKAN and plain files,
// under `/portal/`, with fault injection (`/portal/~<spec>/…`) and a request log for tests.
// A plain Node request handler: mount it in any server (see wds-plugin.mjs, vite-plugin.mjs, server.mjs).
import {readFileSync, statSync} from 'node:fs';
import {STATUS_CODES} from 'node:http';
import {extname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createDatasetStore} from './datasets.mjs';
import {handleOds, odsQuotaResponse} from './ods.mjs';
import {handleDatagouv, handleTabular} from './datagouv.mjs';
import {ckanErrorResponse, ckanHelpUrl, handleCkan} from './ckan.mjs';
import {HttpError, jsonResponse, originOf, readBody, textResponse} from './http.mjs';
import {createOutageSwitch} from './outage.mjs';
import {handleTile} from './tiles.mjs';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../examples/data/', import.meta.url));
const PREFIX = '/portal';
const LOG_CAPACITY = 10_000;

/** True for the URL paths the portal answers. */
export function isPortalPath(pathname) {
  return pathname === PREFIX || pathname.startsWith(`${PREFIX}/`);
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Content-Disposition, ETag, Last-Modified',
};

// ---------------------------------------------------------------------------------------------
// Faults

/**
 * `status=500,retry-after=1,latency=200,tag=a1` → {status: 500, retryAfter: '1', latency: 200, tag: 'a1'}.
 * Throws on an unknown or invalid item, so a typo in a test fails loudly.
 */
export function parseFaultSpec(text) {
  const faults = {};
  for (const item of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const equals = item.indexOf('=');
    const key = equals === -1 ? item : item.slice(0, equals);
    const value = equals === -1 ? undefined : item.slice(equals + 1);
    const integer = (min, max) => {
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        throw new Error(`Invalid fault "${item}": expected ${key}=<integer from ${min} to ${max}>`);
      }
      return Number(value);
    };
    switch (key) {
      case 'ok':
        break;
      case 'status':
        faults.status = integer(100, 599);
        break;
      case 'retry-after':
        if (!value) throw new Error(`Invalid fault "${item}": expected retry-after=<seconds>`);
        faults.retryAfter = value;
        break;
      case 'reset-after':
        faults.resetAfter = integer(0, 86_400 * 366);
        break;
      case 'latency':
        faults.latency = integer(0, 600_000);
        break;
      case 'malformed':
      case 'cut':
      case 'html':
        faults[key] = true;
        break;
      case 'ckan-sql':
        // A CKAN portal with `ckan.datastore.sqlsearch.enabled = true` (off by default, as on CKAN).
        faults.ckanSql = true;
        break;
      case 'tag':
        faults.tag = value ?? '';
        break;
      case 'seq':
        if (!value) throw new Error(`Invalid fault "${item}": expected seq=<name>`);
        faults.seq = value;
        break;
      default:
        throw new Error(`Unknown fault "${item}"`);
    }
  }
  return faults;
}

const ODS_ERROR_CODES = {
  400: 'InvalidRESTParameterError',
  401: 'AuthenticationError',
  403: 'PermissionDenied',
  404: 'NotFound',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};
const CKAN_ERROR_TYPES = {
  400: 'Bad Request',
  403: 'Authorization Error',
  404: 'Not Found Error',
  409: 'Validation Error',
  500: 'Internal Server Error',
};

function nextUtcMidnight() {
  const now = new Date();
  return Math.floor(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) / 1000);
}

/** The error body each API family answers with the injected status. */
function injectedStatus(family, faults, request) {
  const {status} = faults;
  const reason = STATUS_CODES[status] ?? 'Error';
  const resetEpoch =
    faults.resetAfter === undefined ? undefined : Math.floor(Date.now() / 1000) + faults.resetAfter;
  let response;
  switch (family) {
    case 'ods':
      response =
        status === 429
          ? odsQuotaResponse(resetEpoch ?? nextUtcMidnight())
          : jsonResponse(status, {
              message: `${reason}.`,
              error_code: ODS_ERROR_CODES[status] ?? reason.replaceAll(' ', ''),
            });
      break;
    case 'ckan':
      response = ckanErrorResponse(
        status,
        {
          message: status === 403 ? `Access denied: ${reason}` : reason,
          __type: CKAN_ERROR_TYPES[status] ?? reason,
        },
        ckanHelpUrl(request.origin, request.base, request.path),
      );
      break;
    case 'tabular':
      response = jsonResponse(status, {errors: [{code: null, title: reason, detail: reason}]});
      break;
    default:
      response = jsonResponse(status, {message: reason});
  }
  if (status === 429 && resetEpoch !== undefined) response.headers['X-RateLimit-Reset'] = String(resetEpoch);
  return response;
}

const HTML_ERROR_PAGE = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Service momentanément indisponible</title></head>
<body><h1>Service momentanément indisponible</h1><p>Le portail est en maintenance. Merci de réessayer dans quelques minutes.</p></body>
</html>
`;

/** The first half of the real body, announced as JSON: what a proxy that gave up mid-body leaves. */
function malformed(response) {
  const body = Buffer.isBuffer(response.body) ? response.body.toString('utf8') : String(response.body);
  const truncated = body.length > 8 ? body.slice(0, Math.floor(body.length / 2)) : '{"results": [{"';
  return {status: 200, headers: {'Content-Type': 'application/json; charset=utf-8'}, body: truncated};
}

// ---------------------------------------------------------------------------------------------
// Plain files

const CONTENT_TYPES = {
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  // DGFiP publishes its `|`-separated « valeurs foncières » as .txt.
  '.txt': 'text/plain; charset=utf-8',
};

function handleFiles({path, store, req}) {
  const name = decodeURIComponent(path.replace(/^\//, ''));
  const notFound = new HttpError(jsonResponse(404, {message: `Not Found: ${name}`}));
  if (!/^[\w][\w.-]*$/.test(name)) throw notFound;
  let stats;
  try {
    stats = statSync(join(store.dataDir, name));
  } catch {
    throw notFound;
  }
  if (!stats.isFile()) throw notFound;
  const lastModified = new Date(Math.floor(stats.mtimeMs / 1000) * 1000);
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': CONTENT_TYPES[extname(name)] ?? 'application/octet-stream',
    'Last-Modified': lastModified.toUTCString(),
    ETag: etag,
    'Cache-Control': 'no-cache',
  };
  const ifNoneMatch = req.headers['if-none-match'];
  const ifModifiedSince = req.headers['if-modified-since'];
  const fresh = ifNoneMatch
    ? ifNoneMatch.split(',').some((tag) => tag.trim() === etag)
    : Boolean(ifModifiedSince) && Date.parse(ifModifiedSince) >= lastModified.getTime();
  if (fresh) return {status: 304, headers, body: ''};
  return {status: 200, headers, body: readFileSync(join(store.dataDir, name))};
}

// ---------------------------------------------------------------------------------------------

function send(req, res, response) {
  const body = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body ?? '');
  const noContent = response.status === 204 || response.status === 304;
  const headers = noContent ? response.headers : {...response.headers, 'Content-Length': String(body.length)};
  res.writeHead(response.status, headers);
  res.end(noContent || req.method === 'HEAD' ? undefined : body);
}

/** Headers and part of the body, then the connection dropped. */
function sendCut(res, response) {
  const body = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body ?? '');
  res.writeHead(response.status, {...response.headers, 'Content-Length': String(Math.max(body.length, 2))});
  const part = body.length >= 2 ? body.subarray(0, Math.floor(body.length / 2)) : Buffer.from('{');
  res.write(part, () => setTimeout(() => res.destroy(), 20));
}

function finished(res) {
  if (res.writableFinished || res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    res.once('finish', resolve);
    res.once('close', resolve);
  });
}

function delay(ms, res) {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve();
    }, ms);
    res.once('close', onClose);
  });
}

function connectionGone(res) {
  return res.destroyed || !res.socket || res.socket.destroyed;
}

/**
 * Creates the portal request handler.
 * @param {{dataDir?: string, ckanSql?: boolean}} [options] folder of the datasets (default:
 *   examples/data/); `ckanSql` turns CKAN's `datastore_search_sql` on for every request (else only
 *   under `/portal/~ckan-sql/…`).
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next?: () => void) => Promise<void>}
 *   answers every URL under `/portal/`; calls `next()` for the others (404 without `next`).
 */
export function createPortal({dataDir = DEFAULT_DATA_DIR, ckanSql = false} = {}) {
  const store = createDatasetStore(dataDir);
  /** @type {{method: string, url: string, time: number, tag: string|undefined}[]} */
  const requestLog = [];
  /** @type {Map<string, string[]>} */
  const sequences = new Map();
  const outage = createOutageSwitch();

  async function control(req, res, endpoint, params) {
    if (endpoint === '__requests') {
      const tag = params.get('tag');
      const matches = (entry) => tag === null || entry.tag === tag;
      if (req.method === 'DELETE') {
        const kept = requestLog.filter((entry) => !matches(entry));
        requestLog.splice(0, requestLog.length, ...kept);
        return {status: 204, headers: {}, body: ''};
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return jsonResponse(405, {message: 'Use GET or DELETE'});
      return jsonResponse(200, {
        requests: requestLog.filter(matches).map(({method, url, time}) => ({method, url, time})),
      });
    }
    // __faults: named fault sequences consumed by `~seq=<name>`.
    if (req.method === 'POST') {
      let definition;
      try {
        definition = JSON.parse(await readBody(req));
      } catch {
        return jsonResponse(400, {
          message: 'Body must be JSON: {"name": "...", "faults": ["ok", "status=500", ...]}',
        });
      }
      const {name, faults} = definition ?? {};
      if (
        typeof name !== 'string' ||
        !name ||
        !Array.isArray(faults) ||
        !faults.every((f) => typeof f === 'string')
      ) {
        return jsonResponse(400, {
          message: 'Body must be {"name": "<name>", "faults": ["ok", "status=500", ...]}',
        });
      }
      try {
        for (const fault of faults) parseFaultSpec(fault);
      } catch (error) {
        return jsonResponse(400, {message: error.message});
      }
      sequences.set(name, [...faults]);
      return jsonResponse(200, {name, faults});
    }
    if (req.method === 'DELETE') {
      const name = params.get('name');
      if (name === null) sequences.clear();
      else sequences.delete(name);
      return {status: 204, headers: {}, body: ''};
    }
    return jsonResponse(200, {sequences: Object.fromEntries(sequences)});
  }

  async function route(req, request) {
    const {family, method} = request;
    if (family === 'ckan') {
      let args = Object.fromEntries(request.params);
      if (method === 'POST') {
        const text = await readBody(req);
        if (text.trim()) {
          try {
            args = {...args, ...JSON.parse(text)};
          } catch {
            throw new HttpError(
              ckanErrorResponse(
                400,
                {message: 'Bad request - JSON Error: Error decoding JSON data.', __type: 'Bad Request'},
                ckanHelpUrl(request.origin, request.base, request.path),
              ),
            );
          }
        }
      } else if (method !== 'GET' && method !== 'HEAD') {
        throw new HttpError(jsonResponse(405, {message: 'Method not allowed'}));
      }
      return handleCkan({...request, args, ckanSql: ckanSql || Boolean(request.faults.ckanSql)});
    }
    if (method !== 'GET' && method !== 'HEAD')
      throw new HttpError(jsonResponse(405, {message: 'Method not allowed'}));
    switch (family) {
      case 'ods':
        return handleOds(request);
      case 'datagouv':
        return handleDatagouv(request);
      case 'tabular':
        return handleTabular(request);
      case 'files':
        return handleFiles({...request, req});
      case 'tiles': {
        const svg = handleTile(request.store.dataDir, request.path);
        if (svg === undefined) throw new HttpError(jsonResponse(404, {message: 'No such tile'}));
        return {
          status: 200,
          headers: {'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=3600'},
          body: svg,
        };
      }
      default:
        throw new HttpError(
          jsonResponse(404, {
            message: `Unknown portal path. Families: ods, datagouv, tabular, ckan, files, tiles (under ${PREFIX}/).`,
          }),
        );
    }
  }

  async function handle(req, res, next) {
    const receivedUrl = req.originalUrl ?? req.url;
    const url = new URL(receivedUrl, 'http://portal.invalid');
    if (!isPortalPath(url.pathname)) {
      if (next) return next();
      send(req, res, jsonResponse(404, {message: 'Not found'}));
      return finished(res);
    }

    if (req.method === 'OPTIONS') {
      send(req, res, {
        status: 204,
        headers: {
          ...CORS_HEADERS,
          'Access-Control-Allow-Methods': 'GET, HEAD, POST, DELETE, OPTIONS',
          'Access-Control-Allow-Headers':
            req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type',
          'Access-Control-Max-Age': '86400',
        },
        body: '',
      });
      return finished(res);
    }

    let rest = url.pathname.slice(PREFIX.length);
    let faultSegment = '';
    const faultMatch = /^\/(~[^/]*)/.exec(rest);
    if (faultMatch) {
      faultSegment = faultMatch[1];
      rest = rest.slice(faultMatch[0].length);
    }

    const sendCors = (response) =>
      send(req, res, {...response, headers: {...CORS_HEADERS, ...response.headers}});
    if (await outage.handle(req, res, rest, sendCors)) return finished(res);

    const controlMatch = /^\/(__requests|__faults)\/?$/.exec(rest);
    if (controlMatch) {
      const response = await control(req, res, controlMatch[1], url.searchParams);
      send(req, res, {...response, headers: {...CORS_HEADERS, ...response.headers}});
      return finished(res);
    }

    let faults;
    try {
      faults = parseFaultSpec(decodeURIComponent(faultSegment.slice(1)));
      if (faults.seq !== undefined) {
        const next = sequences.get(faults.seq)?.shift() ?? 'ok';
        faults = {...faults, ...parseFaultSpec(next)};
      }
    } catch (error) {
      send(req, res, jsonResponse(400, {message: error.message}, CORS_HEADERS));
      return finished(res);
    }

    requestLog.push({method: req.method, url: receivedUrl, time: Date.now(), tag: faults.tag});
    if (requestLog.length > LOG_CAPACITY) requestLog.splice(0, requestLog.length - LOG_CAPACITY);

    const family = /^\/([^/]+)/.exec(rest)?.[1] ?? '';
    const base = `${PREFIX}${faultSegment ? `/${faultSegment}` : ''}/${family}`;
    const request = {
      method: req.method,
      family,
      path: rest.slice(family.length + 1) || '/',
      params: url.searchParams,
      rawQuery: url.search.slice(1),
      faults,
      store,
      base,
      origin: originOf(req),
    };

    if (faults.latency) await delay(faults.latency, res);
    if (connectionGone(res)) return undefined;

    let response;
    if (faults.status >= 400) {
      response = injectedStatus(family, faults, request);
    } else if (faults.html) {
      response = textResponse(200, HTML_ERROR_PAGE, 'text/html; charset=utf-8');
    } else {
      try {
        response = await route(req, request);
      } catch (error) {
        if (!(error instanceof HttpError)) {
          console.error('[portal]', receivedUrl, error);
          response = jsonResponse(500, {message: `Portal emulator error: ${error.message}`});
        } else response = error.response;
      }
      if (faults.malformed) response = malformed(response);
    }
    response.headers = {...response.headers, ...CORS_HEADERS};
    if (faults.retryAfter !== undefined) response.headers['Retry-After'] = faults.retryAfter;
    if (connectionGone(res)) return undefined;
    if (faults.cut) sendCut(res, response);
    else send(req, res, response);
    return finished(res);
  }

  return function portal(req, res, next) {
    return handle(req, res, next).catch((error) => {
      console.error('[portal]', error);
      if (!res.headersSent) send(req, res, jsonResponse(500, {message: 'Portal emulator error'}));
      else res.destroy();
    });
  };
}
