// The portal-outage switches: while one is on, the emulator drops the connection of the data requests
// it covers, as when the real portal cannot be reached (a network error in the browser).
// - The global switch covers every data request; the degraded-mode demo (examples/hors-ligne.html)
//   turns it on and off: POST `/portal/__outage` {"down": true} (or false); GET answers {"down": …}.
// - A named outage covers only the URLs that carry its name in their fault segment,
//   `/portal/~outage=<name>/…` (with other faults: `~tag=a1,outage=<name>`), so that a test cutting
//   its own widgets off leaves the tests running beside it in other browsers alone:
//   POST {"down": true, "name": "<name>"} (or false); GET `?name=<name>` answers {"name": …, "down": …}.
// The control endpoints (`__outage`, `__requests`, `__faults`) keep answering.
import {jsonResponse} from './http.mjs';

/** What the switch decides for a request: the connection dropped. */
export const DROP = Symbol('drop');

const BAD_BODY =
  'Body must be {"down": true|false}, or {"down": true|false, "name": "<name>"} for ~outage=<name>';

/** The request's `{down, name}`, or undefined when it is not one. */
async function readSwitch(request) {
  let body;
  try {
    body = JSON.parse(await request.body());
  } catch {
    return undefined;
  }
  if (typeof body?.down !== 'boolean') return undefined;
  // The fault segment splits at commas and trims its items: no URL could carry such a name.
  if (body.name !== undefined && (typeof body.name !== 'string' || !/^[^,\s]+$/.test(body.name)))
    return undefined;
  return {down: body.down, name: body.name};
}

export function createOutageSwitch() {
  let down = false;
  /** The named outages that are on. */
  const namedDown = new Set();
  return {
    /**
     * Answers `/__outage`, or drops a data request while the whole portal is down.
     * @param {{method: string, body: () => Promise<string>}} request
     * @param {string} rest the path after `/portal` and its fault segment
     * @param {URLSearchParams} params the query of the request
     * @returns {Promise<import('./http.mjs').PortalResponse|typeof DROP|undefined>} undefined when the
     *   request goes on to the portal
     */
    async handle(request, rest, params) {
      if (/^\/__outage\/?$/.test(rest)) {
        if (request.method === 'POST') {
          const change = await readSwitch(request);
          if (!change) return jsonResponse(400, {message: BAD_BODY});
          if (change.name === undefined) {
            down = change.down;
            return jsonResponse(200, {down});
          }
          if (change.down) namedDown.add(change.name);
          else namedDown.delete(change.name);
          return jsonResponse(200, change);
        }
        const name = params.get('name');
        return jsonResponse(200, name === null ? {down} : {name, down: namedDown.has(name)});
      }
      if (down && !/^\/(__requests|__faults)\/?$/.test(rest)) return DROP;
      return undefined;
    },

    /**
     * True when the named outage a request's fault segment carries (`~outage=<name>`) is on.
     * @param {string|undefined} name
     */
    drops(name) {
      return name !== undefined && namedDown.has(name);
    },
  };
}
