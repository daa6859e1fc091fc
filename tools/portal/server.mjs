// Standalone portal emulator for benchmarks and manual checks:
//   node tools/portal/server.mjs [--port 8787] [--host 127.0.0.1]
// Serves `/portal/…` only (every other path is a 404).
import {createServer} from 'node:http';
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createPortal} from './portal.mjs';

/**
 * Starts a server answering the portal URLs.
 * @param {{port?: number, host?: string, dataDir?: string}} [options] port 0 picks a free port
 * @returns {Promise<{url: string, close: () => Promise<void>}>} `url` is the origin, e.g. http://127.0.0.1:8787
 */
export async function startPortal({port = 8787, host = '127.0.0.1', dataDir} = {}) {
  const portal = createPortal(dataDir ? {dataDir} : {});
  const server = createServer((req, res) => {
    portal(req, res);
  });
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolveListen);
  });
  const address = server.address();
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

function option(args, name, fallback) {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const port = Number(option(args, '--port', process.env.PORT ?? 8787));
  const host = option(args, '--host', '127.0.0.1');
  const {url} = await startPortal({port, host});
  console.log(`Portal emulator: ${url}/portal/ (ODS ${url}/portal/ods/api/explore/v2.1/catalog/datasets)`);
}
