/**
 * One HTTP server on a free loopback port for the Node tests: the mock thymia, the demo backend, a
 * `toNodeHandler` listener. `handle` answers what it knows; when it resolves `false` (a mock's or
 * the demo backend's "not mine"), the server answers `fallbackStatus` with no body. A plain
 * listener (resolving nothing) is served as it is.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';

/**
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} handle
 * @param {number} [fallbackStatus] what a request `handle` resolves `false` for is answered with
 * @returns {Promise<{ url: string, close: () => void }>}
 */
export async function serveOnLoopback(handle, fallbackStatus = 404) {
  const server = createServer((req, res) => {
    Promise.resolve(handle(req, res)).then((handled) => {
      if (handled === false) {
        res.writeHead(fallbackStatus);
        res.end();
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    close() {
      // Keep-alive sockets (fetch's pool) would hold close() open until they time out.
      server.closeAllConnections();
      server.close();
    },
  };
}
