// Responses are built as plain objects first, written last: fault injection (cut, malformed) needs
// the whole body before anything is sent.

/**
 * @typedef {object} PortalResponse
 * @property {number} status
 * @property {Record<string, string>} headers
 * @property {string|Buffer} body
 */

/** Thrown by a route to answer an error response. */
export class HttpError extends Error {
  /** @param {PortalResponse} response */
  constructor(response) {
    super(`HTTP ${response.status}`);
    this.response = response;
  }
}

/** @returns {PortalResponse} */
export function jsonResponse(status, body, headers = {}) {
  return {
    status,
    headers: {'Content-Type': 'application/json; charset=utf-8', ...headers},
    body: JSON.stringify(body),
  };
}

/** @returns {PortalResponse} */
export function textResponse(status, body, contentType, headers = {}) {
  return {status, headers: {'Content-Type': contentType, ...headers}, body};
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Base of absolute URLs in bodies (`next` links, resource URLs), from the request itself. */
export function originOf(req) {
  const forwarded = req.headers['x-forwarded-proto'];
  const protocol =
    typeof forwarded === 'string' ? forwarded.split(',')[0].trim() : req.socket?.encrypted ? 'https' : 'http';
  return `${protocol}://${req.headers.host ?? 'localhost'}`;
}

/** Integer query parameter, or `fallback` when absent; NaN when present but not an integer. */
export function integerParam(params, name, fallback) {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  return /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
}

export async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
