// @ts-check
/**
 * The strict-CSP test page, served by the test server (web-test-runner
 * middleware). `test/csp/*.html` answers with the strict policy issue 9 names,
 * so the page can run only same-origin files: the BUILT bundle
 * `dist/thymia-recorder.js` (+ its chunks) and `test/csp/*.js`.
 *
 * The upload goes to another loopback origin than the page's (`localhost` ⇄
 * `127.0.0.1`, same port), so `connect-src` is exercised for real: the page's
 * session route `POST /test/csp/api/session` mints a run on the mock thymia
 * and hands back its pre-signed URL on that other origin, and the mock's PUT
 * answers get the CORS header a real bucket's CORS rule would add.
 *
 * Every request the page (and the bundle's chunks) makes is logged per run:
 *   GET /__csp/log/:run   → [{ method, url, status }] in arrival order
 *   GET /__csp/dist       → { present, builtAt, newestSourceAt } (a missing or stale build)
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLE = join(root, 'dist', 'thymia-recorder.js');

/** The other loopback name for the same server, so the upload is cross-origin. @param {string} host */
export function otherLoopbackOrigin(host) {
  const [name, port] = host.split(':');
  return `http://${name === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${port}`;
}

/** Issue 9's policy, word for word, with the upload origin added to connect-src. @param {string} uploadOrigin */
export function strictPolicy(uploadOrigin) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${uploadOrigin}`,
    "worker-src 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

/** @param {string} dir @returns {number} */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** @param {string | undefined} referer */
function runOf(referer) {
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.pathname.startsWith('/test/csp/') ? url.searchParams.get('run') ?? undefined : url.pathname.startsWith('/dist/') ? 'dist' : undefined;
  } catch {
    return undefined;
  }
}

/** @param {{ createRun: (model: 'helios' | 'apollo', params: URLSearchParams) => Record<string, unknown> }} mock */
export function cspTestPage(mock) {
  /** @type {Map<string, { method: string, url: string, status: number }[]>} */
  const logs = new Map();
  /** The run whose page loaded last: module chunks name only the bundle as their referrer. */
  /** @type {string | undefined} */
  let current;

  /** @param {any} ctx @param {() => Promise<unknown>} next */
  return async (ctx, next) => {
    const { req, res } = ctx;
    const host = req.headers.host ?? 'localhost';
    const path = ctx.path;

    if (path === '/__csp/dist') {
      ctx.body = {
        present: existsSync(BUNDLE),
        builtAt: existsSync(BUNDLE) ? statSync(BUNDLE).mtimeMs : undefined,
        newestSourceAt: newestMtime(join(root, 'src')),
      };
      return;
    }
    const logRoute = path.match(/^\/__csp\/log\/([\w-]+)$/);
    if (logRoute) {
      ctx.body = logs.get(logRoute[1]) ?? [];
      return;
    }

    if (path.startsWith('/test/csp/') && path.endsWith('.html')) {
      current = ctx.query.run || undefined;
      if (current) logs.set(current, []);
    }
    const run = path.startsWith('/test/csp/') && path.endsWith('.html') ? current : runOf(req.headers.referer) === 'dist' ? current : runOf(req.headers.referer);
    const log = run ? logs.get(run) : undefined;
    if (log) {
      const entry = { method: req.method, url: `http://${host}${req.url}`, status: 0 };
      log.push(entry);
      res.once('finish', () => {
        entry.status = res.statusCode;
      });
      res.once('close', () => {
        entry.status ||= res.statusCode;
      });
    }

    if (req.method === 'POST' && path === '/test/csp/api/session') {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      let model = 'helios';
      try {
        model = JSON.parse(Buffer.concat(chunks).toString() || '{}').model ?? 'helios';
      } catch {
        ctx.status = 422;
        return;
      }
      const created = mock.createRun(model === 'apollo' ? 'apollo' : 'helios', new URLSearchParams(ctx.querystring));
      const upload = otherLoopbackOrigin(host);
      if (typeof created.recordingUploadUrl === 'string') created.recordingUploadUrl = upload + created.recordingUploadUrl;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = created;
      return;
    }

    // A real bucket's CORS rule: the page's origin may read the PUT's answer.
    if (path.startsWith('/mock-upload/') && req.headers.origin) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);

    await next();

    if (path.startsWith('/test/csp/') && path.endsWith('.html')) {
      ctx.set('Content-Security-Policy', strictPolicy(otherLoopbackOrigin(host)));
      // The full page URL in Referer, also cross-origin, so the log can tell this page's requests apart.
      ctx.set('Referrer-Policy', 'unsafe-url');
      ctx.set('Cache-Control', 'no-store');
    }
  };
}
