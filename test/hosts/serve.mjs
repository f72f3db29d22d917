// @ts-check
/**
 * A host's server, as small as it gets: the apps' built pages as static
 * files (`/react/…`, `/vue/…`) and the mock thymia host backend
 * (`/api/session`, `/api/status/…`, the pre-signed `/mock-upload/…`), all on
 * one loopback origin.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createMockThymia } from '../../demo/backend/mock-thymia.js';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml' };

/**
 * @param {Record<string, string>} sites URL prefix (`/react/`) → folder of built files
 * @returns {Promise<{ origin: string, mock: ReturnType<typeof createMockThymia>, served: string[], close: () => Promise<void> }>}
 */
export async function serveHosts(sites) {
  const mock = createMockThymia({ defaultProcessingMs: 300 });
  /** @type {string[]} Paths of the built files served, in order (what the pages actually loaded). */
  const served = [];
  const server = createServer(async (req, res) => {
    try {
      if (await mock.handle(req, res)) return;
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
      const prefix = Object.keys(sites).find((candidate) => path.startsWith(candidate));
      if (prefix && req.method === 'GET') {
        const relative = normalize(path.slice(prefix.length) || 'index.html');
        const file = join(sites[prefix], relative.endsWith('/') ? `${relative}index.html` : relative);
        if (!relative.startsWith('..') && statSync(file, { throwIfNoEntry: false })?.isFile()) {
          served.push(path);
          res.writeHead(200, { 'Content-Type': TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream' });
          createReadStream(file).pipe(res);
          return;
        }
      }
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    mock,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
