// Fault injection of the portal emulator: `/portal/~<spec>/…` answers an error status, a slow, cut,
// malformed or HTML answer instead of the data, as real portals and proxies sometimes do. The spec is
// a comma-separated list (`~tag=a1,status=500,latency=200`): `status=<code>`, `retry-after=<s>`,
// `reset-after=<s>`, `latency=<ms>`, `malformed`, `cut`, `html`, `ckan-sql`, `tag=<name>` (the request
// log of `__requests?tag=`), `seq=<name>` (the next fault of a sequence posted to `__faults`) and
// `outage=<name>` (no answer while `__outage` has that name down, outage.mjs).
import {ckanErrorResponse, ckanHelpUrl} from './ckan.mjs';
import {odsQuotaResponse} from './ods.mjs';
import {jsonResponse} from './http.mjs';

/** Reason phrases of the error statuses a test injects; others read « Error ». */
const REASONS = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

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
      case 'outage':
        // Dropped while the outage of that name is on (outage.mjs).
        if (!value) throw new Error(`Invalid fault "${item}": expected outage=<name>`);
        faults.outage = value;
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
export function injectedStatus(family, faults, request) {
  const {status} = faults;
  const reason = REASONS[status] ?? 'Error';
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

export const HTML_ERROR_PAGE = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Service momentanément indisponible</title></head>
<body><h1>Service momentanément indisponible</h1><p>Le portail est en maintenance. Merci de réessayer dans quelques minutes.</p></body>
</html>
`;

/** The first half of the real body, announced as JSON: what a proxy that gave up mid-body leaves. */
export function malformed(response) {
  const body = typeof response.body === 'string' ? response.body : new TextDecoder().decode(response.body);
  const truncated = body.length > 8 ? body.slice(0, Math.floor(body.length / 2)) : '{"results": [{"';
  return {status: 200, headers: {'Content-Type': 'application/json; charset=utf-8'}, body: truncated};
}
