/**
 * The server half in the browser tests' own server (web-test-runner
 * middleware): createThymiaHandler (BUILT, dist/lib/server) under
 * /api/thymia-e2e, calling the mock thymia's /v1 API on the same server.
 * `authorize` reads `Authorization: Bearer e2e-<name>`, as a host reads its
 * own session; the element sends it through `statusRequestInit`.
 *
 *   GET /__e2e/served   every body this handler answered the browser with, in order (the test's second witness)
 */
import { createRequest } from '@remix-run/node-fetch-server';

const BASE_PATH = '/api/thymia-e2e';
const people = {
  patient: { subject: 'e2e-patient', user: { userLabel: 'e2e-patient-label', dateOfBirth: '1985-09-10', birthSex: 'FEMALE' }, language: 'en-GB' },
};

export function serverHalfMiddleware() {
  /** @type {Map<string, Promise<{ fetch: (request: Request) => Promise<Response> }>>} one per host: the mock answers on the test server's own origin */
  const handlers = new Map();
  /** @type {string[]} */
  const served = [];
  /** @param {string} origin */
  const handlerFor = (origin) => {
    let handler = handlers.get(origin);
    if (!handler) {
      // Built by scripts/test.sh (tsc -p tsconfig.server.json) before the browsers start.
      handler = import('../../dist/lib/server/index.js').then(({ createThymiaHandler }) =>
        createThymiaHandler({
          apiKey: 'e2e-api-key',
          baseUrl: origin,
          basePath: BASE_PATH,
          secret: 'e2e-secret-0123456789-abcdefghijklmnopq',
          authorize: (request) => people[/** @type {keyof typeof people} */ ((request.headers.get('authorization') ?? '').replace(/^Bearer e2e-/, ''))] ?? null,
          log: () => undefined,
        }),
      );
      handlers.set(origin, handler);
    }
    return handler;
  };

  /** @param {any} ctx @param {() => Promise<unknown>} next */
  return async (ctx, next) => {
    if (ctx.path === '/__e2e/served' && ctx.method === 'GET') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(served);
      return;
    }
    if (!ctx.path.startsWith(`${BASE_PATH}/`)) {
      await next();
      return;
    }
    const handler = await handlerFor(`http://${ctx.host}`);
    const response = await handler.fetch(createRequest(ctx.req, ctx.res));
    const text = await response.text();
    served.push(text);
    ctx.status = response.status;
    response.headers.forEach((value, name) => ctx.set(name, value));
    ctx.body = text;
  };
}
