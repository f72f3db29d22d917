/**
 * `thymia-recorder/server/node`: the handler as a `node:http` request
 * listener and Express middleware. The `req`/`res` ↔ `Request`/`Response`
 * conversion is `@remix-run/node-fetch-server` (small, no dependencies,
 * streams both ways, aborts the Request when the client goes away).
 *
 * Express: `app.use(toNodeHandler(thymia))`. Paths outside the handler's
 * `basePath` go to `next()`; under a mount path (`app.use('/x', …)`) the
 * full `originalUrl` is used, so `basePath` stays the public path. Mount
 * it before any body parser (`express.json()`): it reads the body itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequestListener } from '@remix-run/node-fetch-server';
import type { ThymiaHandler } from './handler.js';

export interface NodeHandlerOptions {
  /** Read the request's scheme and host from Forwarded / X-Forwarded-* (only behind a proxy that sets them). */
  readonly trustProxy?: boolean;
}

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

export function toNodeHandler(handler: Pick<ThymiaHandler, 'fetch' | 'basePath'>, options: NodeHandlerOptions = {}): NodeHandler {
  const listener = createRequestListener((request) => handler.fetch(request), { trustProxy: options.trustProxy });
  const prefix = `${handler.basePath}/`;
  return (req, res, next) => {
    const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    const path = url.split('?')[0];
    if (next && path !== handler.basePath && !path.startsWith(prefix)) {
      next();
      return;
    }
    req.url = url;
    void listener(req, res);
  };
}
