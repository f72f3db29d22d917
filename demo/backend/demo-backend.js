// @ts-check
/**
 * The demo's backend: the server half (thymia-recorder/server) with a demo
 * `authorize`, plus the mock thymia. What a real site writes is the
 * `authorize` below (who is signed in, and thymia's details for them); the
 * rest is the package's.
 *
 * Demo routes (the page's own plumbing):
 *   GET  /api/demo/config    { mode: 'mock' | 'thymia', languages, birthSexes }
 *   POST /api/demo/profile   { userLabel, dateOfBirth, birthSex, language, results? } → 204, and the details
 *                            in an HMAC-signed, HttpOnly demo cookie: the demo's stand-in for a sign-in.
 * The element's routes, from createThymiaHandler: POST /api/thymia/session, GET /api/thymia/status/<token>,
 * and with a history store (the demo's default: SQLite in .demo/history.sqlite, or THYMIA_HISTORY_DB)
 * GET and DELETE /api/thymia/history: each completed run is kept per person, so a newcomer who records
 * three times sees their baseline form.
 *
 * Two modes:
 * - mock (default): thymia is the mock of ./mock-thymia.js, served by this same server (its /v1 API, the
 *   upload URLs, the activity pages, /__mock/… for the page's scenarios); the handler calls it on the
 *   origin the page was loaded from, so upload URLs are the page's own.
 * - thymia (THYMIA_API_KEY set): the handler calls the real API (THYMIA_BASE_URL or the default region).
 *
 * The server half's modules are handed in (`server`): the Vite plugin loads them from src/ and the
 * Node tests from the build, so this file runs in both without a build step of its own.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createMockThymia } from './mock-thymia.js';

/** thymia's LanguageCode enum. */
export const LANGUAGE_CODES = /** @type {const} */ (['en', 'en-AU', 'en-GB', 'en-IE', 'en-IN', 'en-US', 'en-ZA', 'es-ES', 'es-US', 'id-ID', 'ja-JP']);
/** thymia's BirthSex enum. */
export const BIRTH_SEXES = /** @type {const} */ (['MALE', 'FEMALE', 'INTERSEX', 'UNKNOWN']);
const RESULTS = ['full', 'summary', 'none'];
const COOKIE = 'thymia_demo';
const COOKIE_MAX_AGE = 6 * 3600;

/**
 * @typedef {{ userLabel: string, dateOfBirth: string, birthSex: string, language: string, results?: string }} Profile
 * @typedef {{
 *   createThymiaHandler: typeof import('../../src/server/index.js').createThymiaHandler,
 *   toNodeHandler: typeof import('../../src/server/node.js').toNodeHandler,
 *   sqliteStore?: typeof import('../../src/server/sqlite.js').sqliteStore,
 * }} ServerHalf
 */

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} [body] @param {Record<string, string>} [headers] */
function send(res, status, body, headers = {}) {
  res.writeHead(status, { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), 'Cache-Control': 'no-store', ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

/** @param {string} field @param {string} message */
const invalid = (field, message) => ({ error: { code: 'invalid-request', message: `${field}: ${message}` } });

/**
 * The set-up form's details, checked against thymia's UserDetails and LanguageCode.
 * @param {any} input @returns {{ ok: true, profile: Profile } | { ok: false, error: object }}
 */
export function parseProfile(input) {
  if (!input || typeof input !== 'object') return { ok: false, error: invalid('body', 'expected an object') };
  const userLabel = typeof input.userLabel === 'string' ? input.userLabel.trim() : '';
  if (!userLabel || userLabel.length > 50) return { ok: false, error: invalid('userLabel', '1 to 50 characters') };
  const dateOfBirth = typeof input.dateOfBirth === 'string' ? input.dateOfBirth : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) || Number.isNaN(Date.parse(`${dateOfBirth}T00:00:00Z`))) return { ok: false, error: invalid('dateOfBirth', 'an ISO 8601 date, YYYY-MM-DD') };
  if (!BIRTH_SEXES.includes(input.birthSex)) return { ok: false, error: invalid('birthSex', `one of ${BIRTH_SEXES.join(', ')}`) };
  if (!LANGUAGE_CODES.includes(input.language)) return { ok: false, error: invalid('language', `one of ${LANGUAGE_CODES.join(', ')}`) };
  const results = input.results || undefined;
  if (results !== undefined && !RESULTS.includes(results)) return { ok: false, error: invalid('results', `one of ${RESULTS.join(', ')}`) };
  return { ok: true, profile: { userLabel, dateOfBirth, birthSex: input.birthSex, language: input.language, ...(results ? { results } : {}) } };
}

/** @param {import('node:http').IncomingMessage} req */
function readText(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      text += chunk;
      if (text.length > 16 * 1024) req.destroy(new Error('too large'));
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

/**
 * @param {{ server: ServerHalf, apiKey?: string, baseUrl?: string, secret?: string, log?: (line: string) => void, historyPath?: string }} options
 */
export function createDemoBackend(options) {
  const mode = options.apiKey ? 'thymia' : 'mock';
  const log = options.log ?? (() => undefined);
  const mock = createMockThymia({ defaultProcessingMs: 2500, log });
  // One secret per process (or THYMIA_SECRET): signs the demo cookie and the status tokens.
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  // History: one store for every handler below (the server half without sqliteStore keeps none).
  const store = options.server.sqliteStore && options.historyPath ? options.server.sqliteStore({ path: options.historyPath }) : undefined;
  if (store) log(`history: kept in ${options.historyPath}`);
  const mac = (/** @type {string} */ text) => createHmac('sha256', `demo-cookie\n${secret}`).update(text).digest();

  /** @param {Profile} profile */
  function cookieFor(profile) {
    const payload = Buffer.from(JSON.stringify(profile)).toString('base64url');
    return `${COOKIE}=${payload}.${mac(payload).toString('base64url')}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE}`;
  }

  /** The demo's sign-in: the profile in the signed cookie, or null. @param {Request} request */
  function authorize(request) {
    const cookie = (request.headers.get('cookie') ?? '').split(/;\s*/).find((part) => part.startsWith(`${COOKIE}=`));
    if (!cookie) return null;
    const [payload, signature] = cookie.slice(COOKIE.length + 1).split('.');
    if (!payload || !signature) return null;
    const expected = mac(payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const parsed = parseProfile(JSON.parse(Buffer.from(payload, 'base64url').toString()));
    if (!parsed.ok) return null;
    const { userLabel, dateOfBirth, birthSex, language, results } = parsed.profile;
    return {
      subject: `demo:${userLabel}`,
      user: { userLabel, dateOfBirth, birthSex: /** @type {any} */ (birthSex) },
      language: /** @type {any} */ (language),
      ...(results ? { results: /** @type {any} */ (results) } : {}),
    };
  }

  /** @type {Map<string, ReturnType<ServerHalf['toNodeHandler']>>} one handler per origin in mock mode (the mock answers on the page's own) */
  const handlers = new Map();
  /** @param {string} origin */
  function handlerFor(origin) {
    const key = mode === 'mock' ? origin : '';
    let node = handlers.get(key);
    if (!node) {
      const thymia = options.server.createThymiaHandler({
        apiKey: options.apiKey ?? 'demo-mock-key',
        baseUrl: mode === 'mock' ? origin : options.baseUrl,
        secret,
        authorize,
        store,
        log: (entry) => log(`${entry.event}: ${entry.message}${entry.status ? ` (${entry.status})` : ''}`),
      });
      node = options.server.toNodeHandler(thymia);
      handlers.set(key, node);
    }
    return node;
  }

  /**
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>} true when it answered
   */
  async function handle(req, res) {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/api/demo/config' && req.method === 'GET') {
      send(res, 200, { mode, languages: LANGUAGE_CODES, birthSexes: BIRTH_SEXES });
      return true;
    }
    if (path === '/api/demo/profile' && req.method === 'POST') {
      const origin = req.headers.origin;
      if (origin && new URL(origin).host !== req.headers.host) {
        send(res, 403, { error: { code: 'forbidden', message: 'Requests from another site are refused.' } });
        return true;
      }
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        send(res, 415, { error: { code: 'unsupported-media-type', message: 'Send JSON.' } });
        return true;
      }
      let input;
      try {
        input = JSON.parse(await readText(req));
      } catch {
        send(res, 400, invalid('body', 'not valid JSON'));
        return true;
      }
      const parsed = parseProfile(input);
      if (!parsed.ok) send(res, 400, parsed.error);
      else send(res, 204, undefined, { 'Set-Cookie': cookieFor(parsed.profile) });
      return true;
    }
    if (path.startsWith('/api/thymia/')) {
      handlerFor(`http://${req.headers.host}`)(req, res);
      return true;
    }
    if (mode === 'mock' && (await mock.handle(req, res))) return true;
    if (/^\/(api|__mock|mock-upload|mock-activity|mock-questionnaire|v1)(\/|$)/.test(path)) {
      send(res, 404, { error: { code: 'not-found', message: 'No such route.' } });
      return true;
    }
    return false;
  }

  return { handle, mode, mock };
}

/** Connect-style middleware (Vite). @param {() => Promise<ReturnType<typeof createDemoBackend>>} backend */
export function demoConnectMiddleware(backend) {
  /** @param {any} req @param {any} res @param {(error?: unknown) => void} next */
  return (req, res, next) => {
    backend()
      .then((instance) => instance.handle(req, res))
      .then((handled) => (handled ? undefined : next()), next);
  };
}
