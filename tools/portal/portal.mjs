// The portal emulator (emulator.mjs) as a plain Node request handler, reading the data folder from
// the file system: mount it in any server (see wds-plugin.mjs, server.mjs).
import {readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {DROP, createEmulator, isPortalPath} from './emulator.mjs';
import {jsonResponse} from './http.mjs';

export {isPortalPath};

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../examples/data/', import.meta.url));

/**
 * The data folder on disk. Files are read on each request: an edited file is served at once.
 * @returns {import('./datasets.mjs').DataFiles}
 */
export function diskFiles(dataDir) {
  const stat = (name) => {
    try {
      const stats = statSync(join(dataDir, name));
      return stats.isFile() ? stats : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    read: async (name) => (stat(name) ? readFileSync(join(dataDir, name)) : undefined),
    stat: async (name) => {
      const stats = stat(name);
      return stats && {size: stats.size, modified: stats.mtime};
    },
  };
}

/** Base of absolute URLs in bodies (`next` links, resource URLs), from the request itself. */
function originOf(req) {
  const forwarded = req.headers['x-forwarded-proto'];
  const protocol =
    typeof forwarded === 'string' ? forwarded.split(',')[0].trim() : req.socket?.encrypted ? 'https' : 'http';
  return `${protocol}://${req.headers.host ?? 'localhost'}`;
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function bytesOf(body) {
  return typeof body === 'string' || body === undefined ? Buffer.from(body ?? '') : Buffer.from(body);
}

function send(req, res, response) {
  const body = bytesOf(response.body);
  const noContent = response.status === 204 || response.status === 304;
  const headers = noContent ? response.headers : {...response.headers, 'Content-Length': String(body.length)};
  res.writeHead(response.status, headers);
  res.end(noContent || req.method === 'HEAD' ? undefined : body);
}

/** Headers and part of the body, then the connection dropped. */
function sendCut(res, response) {
  const body = bytesOf(response.body);
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
  const emulate = createEmulator({files: diskFiles(dataDir), ckanSql});

  async function handle(req, res, next) {
    const url = req.originalUrl ?? req.url;
    if (!isPortalPath(new URL(url, 'http://portal.invalid').pathname)) {
      if (next) return next();
      send(req, res, jsonResponse(404, {message: 'Not found'}));
      return finished(res);
    }
    const answer = await emulate(
      {
        method: req.method,
        url,
        headers: {get: (name) => req.headers[name]},
        body: () => readBody(req),
        origin: originOf(req),
      },
      {wait: (ms) => delay(ms, res), gone: () => connectionGone(res)},
    );
    if (answer === DROP) res.destroy();
    else if (answer && !connectionGone(res)) {
      if (answer.cut) sendCut(res, answer.response);
      else send(req, res, answer.response);
    }
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
