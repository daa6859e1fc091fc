// `npm start`: the demo site (examples/) on the local portal emulator; no network needed.
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {portalPlugin} from './tools/portal/wds-plugin.mjs';

const port = Number(process.env.PORT ?? 8000);

export default {
  port,
  nodeResolve: true,
  open: false,
  watch: !process.env.CI,
  plugins: [esbuildPlugin({ts: true, tsconfig: './tsconfig.json', target: 'es2022'}), portalPlugin()],
  middleware: [
    function rootToExamples(context, next) {
      if (context.url === '/') context.redirect('/examples/');
      return next();
    },
  ],
};
