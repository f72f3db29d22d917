// @ts-check
/**
 * Mounts the demo backend (./demo-backend.js) in Vite's dev and preview
 * servers. THYMIA_API_KEY (and optionally THYMIA_BASE_URL, THYMIA_SECRET)
 * are read here, in Node, from the server's environment; they never reach
 * client code. The server half comes from src/ through Vite's SSR loader in
 * dev (no build needed) and from dist/ in preview. History is kept in SQLite
 * at THYMIA_HISTORY_DB (default .demo/history.sqlite; delete it to start over).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDemoBackend, demoConnectMiddleware } from './demo-backend.js';

/**
 * @param {{ apiKey?: string, baseUrl?: string, historyPath?: string }} [options]
 * @returns {import('vite').Plugin}
 */
export function thymiaDemoBackend(options = {}) {
  const apiKey = options.apiKey ?? process.env.THYMIA_API_KEY;
  const baseUrl = options.baseUrl ?? process.env.THYMIA_BASE_URL;
  const historyPath = options.historyPath ?? process.env.THYMIA_HISTORY_DB ?? '.demo/history.sqlite';
  /**
   * @param {() => Promise<import('./demo-backend.js').ServerHalf>} load
   * @param {(line: string) => void} log
   */
  const lazy = (load, log) => {
    /** @type {Promise<ReturnType<typeof createDemoBackend>> | undefined} */
    let backend;
    return () =>
      (backend ??= load().then((server) => {
        if (historyPath !== ':memory:') mkdirSync(dirname(historyPath), { recursive: true });
        return createDemoBackend({ server, apiKey, baseUrl, secret: process.env.THYMIA_SECRET, log, historyPath });
      }));
  };
  return {
    name: 'thymia-demo-backend',
    apply: 'serve',
    configureServer(server) {
      server.config.logger.info(
        apiKey
          ? `[backend] thymia mode: calling ${baseUrl ?? 'https://api.thymia.ai'} with THYMIA_API_KEY`
          : '[backend] mock mode (set THYMIA_API_KEY to call the real thymia API)',
      );
      const load = async () => {
        const [index, node, sqlite] = await Promise.all(['index', 'node', 'sqlite'].map((name) => server.ssrLoadModule(`/src/server/${name}.ts`)));
        return /** @type {import('./demo-backend.js').ServerHalf} */ ({ createThymiaHandler: index.createThymiaHandler, toNodeHandler: node.toNodeHandler, sqliteStore: sqlite.sqliteStore });
      };
      server.middlewares.use(demoConnectMiddleware(lazy(load, (line) => server.config.logger.info(`[backend] ${line}`, { timestamp: true }))));
    },
    configurePreviewServer(server) {
      const load = async () => {
        const root = pathToFileURL(`${server.config.root}/`);
        const [index, node, sqlite] = await Promise.all(['index', 'node', 'sqlite'].map((name) => import(new URL(`dist/lib/server/${name}.js`, root).href)));
        return { createThymiaHandler: index.createThymiaHandler, toNodeHandler: node.toNodeHandler, sqliteStore: sqlite.sqliteStore };
      };
      server.middlewares.use(demoConnectMiddleware(lazy(load, (line) => server.config.logger.info(`[backend] ${line}`))));
    },
  };
}
