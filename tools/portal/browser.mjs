// The portal emulator (emulator.mjs) inside a browser, for Storybook's dev server and static build:
// it answers Fetch API requests (a service worker hands them over, see .storybook/preview.ts) and
// reads the data folder over HTTP, from where the site serves a copy of examples/data/.
import {DROP, createEmulator} from './emulator.mjs';

/**
 * The data folder served at `baseUrl`, each file fetched once, when first asked for.
 * @param {string|URL} baseUrl ends with `/`
 * @returns {import('./datasets.mjs').DataFiles}
 */
export function fetchedFiles(baseUrl) {
  /** @type {Map<string, Promise<{bytes: Uint8Array, modified: Date}|undefined>>} */
  const cache = new Map();
  const load = (name) => {
    let file = cache.get(name);
    if (!file) {
      file = fetch(new URL(name, baseUrl)).then(async (response) => {
        if (!response.ok) return undefined;
        const lastModified = response.headers.get('last-modified');
        return {
          bytes: new Uint8Array(await response.arrayBuffer()),
          modified: lastModified ? new Date(lastModified) : new Date(0),
        };
      });
      cache.set(name, file);
      // A failed fetch is tried again by the next request.
      file.catch(() => cache.delete(name));
    }
    return file;
  };
  return {
    read: async (name) => (await load(name))?.bytes,
    stat: async (name) => {
      const file = await load(name);
      return file && {size: file.bytes.length, modified: file.modified};
    },
  };
}

/**
 * Creates the emulator as a Fetch API handler: `/portal/…` request in, response out. A cut or dropped
 * connection is a network error (`Response.error()`), the closest a browser can answer.
 * @param {{files: import('./datasets.mjs').DataFiles, ckanSql?: boolean}} options
 * @returns {(request: Request) => Promise<Response>}
 */
export function createFetchPortal(options) {
  const emulate = createEmulator(options);
  return async function portal(request) {
    const url = new URL(request.url);
    const gone = () => Boolean(request.signal?.aborted);
    const answer = await emulate(
      {
        method: request.method,
        url: `${url.pathname}${url.search}`,
        headers: request.headers,
        body: () => request.text(),
        origin: url.origin,
      },
      {wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), gone},
    );
    if (answer === DROP || answer === undefined || answer.cut) return Response.error();
    const {status, headers, body} = answer.response;
    const empty = status === 204 || status === 304 || request.method === 'HEAD';
    return new Response(empty ? null : body, {status, headers});
  };
}
