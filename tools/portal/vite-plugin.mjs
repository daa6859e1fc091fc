// Mounts the portal emulator in Vite's dev and preview servers (Storybook uses it).
import {createPortal} from './portal.mjs';

/** @param {{dataDir?: string}} [options] */
export function portalVitePlugin(options) {
  const mount = (server) => {
    const portal = createPortal(options);
    // Added directly (not from a returned hook), so it runs before Vite's own middlewares.
    server.middlewares.use((req, res, next) => {
      portal(req, res, next);
    });
  };
  return {
    name: 'open-data-portal',
    configureServer: mount,
    configurePreviewServer: mount,
  };
}
