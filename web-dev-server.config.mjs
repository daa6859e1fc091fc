// `npm start`: the demo site (examples/) on the local portal emulator; no network needed.
import {fileURLToPath} from 'node:url';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {portalPlugin} from './tools/portal/wds-plugin.mjs';

const port = Number(process.env.PORT ?? 8000);

export default {
  port,
  // Lit's production build, as a visitor gets it: the dev server's default `development` condition
  // loads Lit's dev mode, which warns in the console (« Lit is in dev mode ») on every page.
  nodeResolve: {exportConditions: ['production']},
  open: false,
  watch: !process.env.CI,
  plugins: [
    esbuildPlugin({
      ts: true,
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
      target: 'es2022',
    }),
    // The demo's CKAN has SQL search on: one `datastore_search_sql` request per figure, where a
    // portal with it off answers the first one 400 before the connector falls back (ckan.ts).
    portalPlugin({ckanSql: true}),
  ],
  middleware: [
    function rootToExamples(context, next) {
      if (context.url === '/') context.redirect('/examples/');
      return next();
    },
  ],
};
