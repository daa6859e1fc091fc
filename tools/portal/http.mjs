// Responses are built as plain objects first, written last: fault injection (cut, malformed) needs
// the whole body before anything is sent. No Node module here: the emulator also runs in a browser.

/**
 * @typedef {object} PortalResponse
 * @property {number} status
 * @property {Record<string, string>} headers
 * @property {string|Uint8Array} body
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

/** Integer query parameter, or `fallback` when absent; NaN when present but not an integer. */
export function integerParam(params, name, fallback) {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  return /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
}
