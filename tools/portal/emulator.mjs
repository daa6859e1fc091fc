// Local portal emulator: Opendatasoft, data.gouv.fr (udata + tabular API), CKAN, plain files and
// basemap tiles under `/portal/`, with fault injection (`/portal/~<spec>/…`) and a request log for
// tests. No Node module here: a host hands it requests and writes its answers, in Node
// (portal.mjs: dev servers, tests) or in a browser (browser.mjs: Storybook, through msw).
import {createDatasetStore} from './datasets.mjs';
import {handleOds} from './ods.mjs';
import {handleDatagouv, handleTabular} from './datagouv.mjs';
import {ckanErrorResponse, ckanHelpUrl, handleCkan} from './ckan.mjs';
import {HTML_ERROR_PAGE, injectedStatus, malformed, parseFaultSpec} from './faults.mjs';
import {HttpError, jsonResponse, textResponse} from './http.mjs';
import {DROP, createOutageSwitch} from './outage.mjs';
import {handleTile} from './tiles.mjs';

export {DROP};

const PREFIX = '/portal';
const LOG_CAPACITY = 10_000;

/** True for the URL paths the portal answers. */
export function isPortalPath(pathname) {
  return pathname === PREFIX || pathname.startsWith(`${PREFIX}/`);
}

export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Content-Disposition, ETag, Last-Modified',
};

// ---------------------------------------------------------------------------------------------
// Plain files

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  // DGFiP publishes its `|`-separated « valeurs foncières » as .txt.
  txt: 'text/plain; charset=utf-8',
};

async function handleFiles({path, store, headers}) {
  const name = decodeURIComponent(path.replace(/^\//, ''));
  const notFound = new HttpError(jsonResponse(404, {message: `Not Found: ${name}`}));
  if (!/^[\w][\w.-]*$/.test(name)) throw notFound;
  const stats = await store.files.stat(name);
  if (!stats) throw notFound;
  const lastModified = new Date(Math.floor(stats.modified.getTime() / 1000) * 1000);
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.modified.getTime()).toString(16)}"`;
  const responseHeaders = {
    'Content-Type': CONTENT_TYPES[/\.(\w+)$/.exec(name)?.[1]] ?? 'application/octet-stream',
    'Last-Modified': lastModified.toUTCString(),
    ETag: etag,
    'Cache-Control': 'no-cache',
  };
  const ifNoneMatch = headers.get('if-none-match');
  const ifModifiedSince = headers.get('if-modified-since');
  const fresh = ifNoneMatch
    ? ifNoneMatch.split(',').some((tag) => tag.trim() === etag)
    : Boolean(ifModifiedSince) && Date.parse(ifModifiedSince) >= lastModified.getTime();
  if (fresh) return {status: 304, headers: responseHeaders, body: ''};
  const body = await store.files.read(name);
  if (!body) throw notFound;
  return {status: 200, headers: responseHeaders, body};
}

// ---------------------------------------------------------------------------------------------

/**
 * A request as the host received it.
 * @typedef {object} PortalRequest
 * @property {string} method
 * @property {string} url the path and query as the client sent them (`/portal/…?…`)
 * @property {{get(name: string): string|null|undefined}} headers lower-case names
 * @property {() => Promise<string>} body
 * @property {string} origin base of the absolute URLs in bodies (`http://localhost:8000`)
 */

/**
 * What the host does with a request: write `response` (or half of it then drop the connection
 * when `cut`), drop the connection (`DROP`), or nothing when the client has gone (undefined).
 * @typedef {{response: import('./http.mjs').PortalResponse, cut?: boolean}|typeof DROP|undefined} PortalAnswer
 */

/**
 * How the host waits for an injected latency and tells whether the client is still there.
 * @typedef {object} PortalHost
 * @property {(ms: number) => Promise<void>} wait resolves early if the client goes away
 * @property {() => boolean} gone
 */

/**
 * Creates the emulator.
 * @param {{files: import('./datasets.mjs').DataFiles, ckanSql?: boolean}} options the data folder;
 *   `ckanSql` turns CKAN's `datastore_search_sql` on for every request (else only under
 *   `/portal/~ckan-sql/…`).
 * @returns {(request: PortalRequest, host: PortalHost) => Promise<PortalAnswer>} answers every URL
 *   under `/portal/` (call `isPortalPath` first).
 */
export function createEmulator({files, ckanSql = false}) {
  const store = createDatasetStore(files);
  /** @type {{method: string, url: string, time: number, tag: string|undefined}[]} */
  const requestLog = [];
  /** @type {Map<string, string[]>} */
  const sequences = new Map();
  const outage = createOutageSwitch();

  async function control(request, endpoint, params) {
    if (endpoint === '__requests') {
      const tag = params.get('tag');
      const matches = (entry) => tag === null || entry.tag === tag;
      if (request.method === 'DELETE') {
        const kept = requestLog.filter((entry) => !matches(entry));
        requestLog.splice(0, requestLog.length, ...kept);
        return {status: 204, headers: {}, body: ''};
      }
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return jsonResponse(405, {message: 'Use GET or DELETE'});
      return jsonResponse(200, {
        requests: requestLog.filter(matches).map(({method, url, time}) => ({method, url, time})),
      });
    }
    // __faults: named fault sequences consumed by `~seq=<name>`.
    if (request.method === 'POST') {
      let definition;
      try {
        definition = JSON.parse(await request.body());
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
    if (request.method === 'DELETE') {
      const name = params.get('name');
      if (name === null) sequences.clear();
      else sequences.delete(name);
      return {status: 204, headers: {}, body: ''};
    }
    return jsonResponse(200, {sequences: Object.fromEntries(sequences)});
  }

  async function route(request, target) {
    const {family, method} = target;
    if (family === 'ckan') {
      let args = Object.fromEntries(target.params);
      if (method === 'POST') {
        const text = await request.body();
        if (text.trim()) {
          try {
            args = {...args, ...JSON.parse(text)};
          } catch {
            throw new HttpError(
              ckanErrorResponse(
                400,
                {message: 'Bad request - JSON Error: Error decoding JSON data.', __type: 'Bad Request'},
                ckanHelpUrl(target.origin, target.base, target.path),
              ),
            );
          }
        }
      } else if (method !== 'GET' && method !== 'HEAD') {
        throw new HttpError(jsonResponse(405, {message: 'Method not allowed'}));
      }
      return handleCkan({...target, args, ckanSql: ckanSql || Boolean(target.faults.ckanSql)});
    }
    if (method !== 'GET' && method !== 'HEAD')
      throw new HttpError(jsonResponse(405, {message: 'Method not allowed'}));
    switch (family) {
      case 'ods':
        return handleOds(target);
      case 'datagouv':
        return handleDatagouv(target);
      case 'tabular':
        return handleTabular(target);
      case 'files':
        return handleFiles({...target, headers: request.headers});
      case 'tiles': {
        const svg = await handleTile(store.files, target.path);
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

  const withCors = (response) => ({response: {...response, headers: {...CORS_HEADERS, ...response.headers}}});

  /** @type {(request: PortalRequest, host: PortalHost) => Promise<PortalAnswer>} */
  return async function emulate(request, host) {
    const url = new URL(request.url, 'http://portal.invalid');

    if (request.method === 'OPTIONS') {
      return withCors({
        status: 204,
        headers: {
          'Access-Control-Allow-Methods': 'GET, HEAD, POST, DELETE, OPTIONS',
          'Access-Control-Allow-Headers':
            request.headers.get('access-control-request-headers') ?? 'Authorization, Content-Type',
          'Access-Control-Max-Age': '86400',
        },
        body: '',
      });
    }

    let rest = url.pathname.slice(PREFIX.length);
    let faultSegment = '';
    const faultMatch = /^\/(~[^/]*)/.exec(rest);
    if (faultMatch) {
      faultSegment = faultMatch[1];
      rest = rest.slice(faultMatch[0].length);
    }

    const switched = await outage.handle(request, rest, url.searchParams);
    if (switched === DROP) return DROP;
    if (switched) return withCors(switched);

    const controlMatch = /^\/(__requests|__faults)\/?$/.exec(rest);
    if (controlMatch) return withCors(await control(request, controlMatch[1], url.searchParams));

    let faults;
    try {
      faults = parseFaultSpec(decodeURIComponent(faultSegment.slice(1)));
      // A dropped request reaches nothing: it takes no fault of its sequence and is not logged.
      if (outage.drops(faults.outage)) return DROP;
      if (faults.seq !== undefined) {
        const next = sequences.get(faults.seq)?.shift() ?? 'ok';
        faults = {...faults, ...parseFaultSpec(next)};
      }
    } catch (error) {
      return withCors(jsonResponse(400, {message: error.message}));
    }

    requestLog.push({method: request.method, url: request.url, time: Date.now(), tag: faults.tag});
    if (requestLog.length > LOG_CAPACITY) requestLog.splice(0, requestLog.length - LOG_CAPACITY);

    const family = /^\/([^/]+)/.exec(rest)?.[1] ?? '';
    const target = {
      method: request.method,
      family,
      path: rest.slice(family.length + 1) || '/',
      params: url.searchParams,
      rawQuery: url.search.slice(1),
      faults,
      store,
      base: `${PREFIX}${faultSegment ? `/${faultSegment}` : ''}/${family}`,
      origin: request.origin,
    };

    if (faults.latency) await host.wait(faults.latency);
    if (host.gone()) return undefined;

    let response;
    if (faults.status >= 400) {
      response = injectedStatus(family, faults, target);
    } else if (faults.html) {
      response = textResponse(200, HTML_ERROR_PAGE, 'text/html; charset=utf-8');
    } else {
      try {
        response = await route(request, target);
      } catch (error) {
        if (!(error instanceof HttpError)) {
          console.error('[portal]', request.url, error);
          response = jsonResponse(500, {message: `Portal emulator error: ${error.message}`});
        } else response = error.response;
      }
      if (faults.malformed) response = malformed(response);
    }
    response.headers = {...response.headers, ...CORS_HEADERS};
    if (faults.retryAfter !== undefined) response.headers['Retry-After'] = faults.retryAfter;
    if (host.gone()) return undefined;
    return {response, cut: Boolean(faults.cut)};
  };
}
