// The portal-outage switch: while it is on, every data request to the emulator has its connection
// dropped, as when the real portal cannot be reached (a network error in the browser). Tests and the
// degraded-mode demo (examples/hors-ligne.html) turn it on and off through `/portal/__outage`:
//   POST {"down": true} (or false) — GET answers {"down": …}.
// The control endpoints (`__outage`, `__requests`, `__faults`) keep answering.
import {jsonResponse} from './http.mjs';

/** What the switch decides for a request: the connection dropped. */
export const DROP = Symbol('drop');

export function createOutageSwitch() {
  let down = false;
  return {
    /**
     * Answers `/__outage`, or drops a data request while the portal is down.
     * @param {{method: string, body: () => Promise<string>}} request
     * @param {string} rest the path after `/portal`
     * @returns {Promise<import('./http.mjs').PortalResponse|typeof DROP|undefined>} undefined when the
     *   request goes on to the portal
     */
    async handle(request, rest) {
      if (/^\/__outage\/?$/.test(rest)) {
        if (request.method === 'POST') {
          let body;
          try {
            body = JSON.parse(await request.body());
          } catch {
            body = undefined;
          }
          if (typeof body?.down !== 'boolean') {
            return jsonResponse(400, {message: 'Body must be {"down": true} or {"down": false}'});
          }
          down = body.down;
        }
        return jsonResponse(200, {down});
      }
      if (down && !/^\/(__requests|__faults)\/?$/.test(rest)) return DROP;
      return undefined;
    },
  };
}
