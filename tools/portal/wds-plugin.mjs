// Mounts the portal emulator in @web/dev-server and @web/test-runner, on the same origin as the pages.
import {createPortal, isPortalPath} from './portal.mjs';

function pathnameOf(url = '/') {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}

/**
 * A Koa middleware answering `/portal/…` with the emulator and passing everything else on, for the
 * `middleware` array of a dev-server config (it then runs before the dev server's own middlewares).
 * @param {{dataDir?: string}} [options]
 */
export function portalMiddleware(options) {
  const portal = createPortal(options);
  return async function portalKoaMiddleware(ctx, next) {
    if (!isPortalPath(ctx.path)) return next();
    // The emulator writes the raw response itself (latency, cut connections…): Koa must not.
    ctx.respond = false;
    await portal(ctx.req, ctx.res);
  };
}

/**
 * A @web/dev-server / @web/test-runner plugin that mounts the emulator at server start.
 * The dev server composes its Koa middlewares before plugins start, so `app.use()` in `serverStart`
 * would never run: the plugin hands `/portal/…` requests to the emulator ahead of Koa instead, on the
 * HTTP server itself. Nothing of the dev server (history fallback, transforms, caching) sees them.
 * @param {{dataDir?: string}} [options]
 */
export function portalPlugin(options) {
  return {
    name: 'open-data-portal',
    serverStart({app, server}) {
      const portal = createPortal(options);
      if (!server) {
        // Middleware mode: the host server composes the Koa app itself, later.
        app.use(async (ctx, next) => {
          if (!isPortalPath(ctx.path)) return next();
          ctx.respond = false;
          await portal(ctx.req, ctx.res);
        });
        return;
      }
      const koaListeners = server.listeners('request');
      server.removeAllListeners('request');
      server.on('request', (req, res) => {
        if (isPortalPath(pathnameOf(req.url))) portal(req, res);
        else for (const listener of koaListeners) listener.call(server, req, res);
      });
    },
  };
}
