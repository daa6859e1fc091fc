// The portal-outage switch: while it is on, every data request to the emulator has its connection
// dropped, as when the real portal cannot be reached (a network error in the browser). Tests and the
// degraded-mode demo (examples/hors-ligne.html) turn it on and off through `/portal/__outage`:
//   POST {"down": true} (or false) — GET answers {"down": …}.
// The control endpoints (`__outage`, `__requests`, `__faults`) keep answering.
import {jsonResponse, readBody} from './http.mjs';

export function createOutageSwitch() {
  let down = false;
  return {
    /**
     * Answers `/__outage`, or drops the connection of a data request while the portal is down.
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     * @param {string} rest the path after `/portal`
     * @param {(response: import('./http.mjs').PortalResponse) => void} send writes a response
     * @returns {Promise<boolean>} whether the request was handled here
     */
    async handle(req, res, rest, send) {
      if (/^\/__outage\/?$/.test(rest)) {
        if (req.method === 'POST') {
          let body;
          try {
            body = JSON.parse(await readBody(req));
          } catch {
            body = undefined;
          }
          if (typeof body?.down !== 'boolean') {
            send(jsonResponse(400, {message: 'Body must be {"down": true} or {"down": false}'}));
            return true;
          }
          down = body.down;
        }
        send(jsonResponse(200, {down}));
        return true;
      }
      if (down && !/^\/(__requests|__faults)\/?$/.test(rest)) {
        res.destroy();
        return true;
      }
      return false;
    },
  };
}
