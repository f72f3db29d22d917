// @ts-check
/**
 * Mounts the demo host backend (./host-backend.js) in Vite's dev and preview
 * servers. THYMIA_API_KEY (and optionally THYMIA_BASE_URL) are read here, in
 * Node, from the server's environment; they never reach client code.
 */
import { createHostBackend, hostConnectMiddleware } from './host-backend.js';

/**
 * @param {{ apiKey?: string, baseUrl?: string }} [options]
 * @returns {import('vite').Plugin}
 */
export function thymiaDemoBackend(options = {}) {
  /** @type {ReturnType<typeof createHostBackend> | undefined} */
  let backend;
  const get = (/** @type {(line: string) => void} */ log) => {
    backend ??= createHostBackend({
      apiKey: options.apiKey ?? process.env.THYMIA_API_KEY,
      baseUrl: options.baseUrl ?? process.env.THYMIA_BASE_URL ?? 'https://api.thymia.ai',
      log,
    });
    return backend;
  };
  return {
    name: 'thymia-demo-backend',
    apply: 'serve',
    configureServer(server) {
      const instance = get((line) => server.config.logger.info(`[backend] ${line}`, { timestamp: true }));
      server.config.logger.info(
        instance.mode === 'thymia'
          ? `[backend] thymia mode: calling ${options.baseUrl ?? process.env.THYMIA_BASE_URL ?? 'https://api.thymia.ai'} with THYMIA_API_KEY`
          : '[backend] mock mode (set THYMIA_API_KEY to call the real thymia API)',
      );
      server.middlewares.use(hostConnectMiddleware(instance));
    },
    configurePreviewServer(server) {
      server.middlewares.use(hostConnectMiddleware(get((line) => server.config.logger.info(`[backend] ${line}`))));
    },
  };
}
