// @ts-check
/**
 * The demo's host backend: what a real site puts between `<thymia-recorder>`
 * and thymia. Plain Node middleware `(req, res) => Promise<boolean>` (true
 * when it answered), mounted by the Vite plugin in ./vite-plugin.js.
 *
 * Demo routes (the page's own plumbing, not part of the element's contract):
 *   GET  /api/demo/config                 { mode: 'mock' | 'thymia', languages, birthSexes }
 *   POST /api/demo/profile                { userLabel, dateOfBirth, birthSex, language } → { profileId }
 *
 * Host routes the element talks to:
 *   POST /api/session?profile=ID[&scenario…]   body { model, recordingTime?, sleepTime?, wakeTime? }
 *                                              → thymia's create response + statusUrl
 *   GET  /api/status/…                         thymia's model-run JSON, unchanged
 *   POST /api/questionnaire?profile=ID[&questionnaireType=T]   body { questionnaireType? } (the body wins)
 *                                              → { id, activityLink, statusUrl }: thymia's questionnaire,
 *                                              for `activity-link` + `status-url`, or as a `session-url`
 *                                              answer with `follow` (the element's body carries no type,
 *                                              hence the query parameter)
 *   GET  /api/questionnaire/:id                thymia's questionnaire status JSON, unchanged
 *
 * Two modes:
 * - mock (default): /api/session, /api/status/:id and /mock-upload/… are the
 *   mock thymia of ./mock-thymia.js; the profile's userLabel is passed on and
 *   the other query parameters of /api/session (outcome, uploadFaults,
 *   statusFaults, tag, faultsOnce, … — see its header) shape the run.
 * - thymia (THYMIA_API_KEY set): POST /api/session creates the run with
 *   `POST {base}/v1/models/mental-wellness` (Helios) or `/v1/models/apollo`
 *   (Apollo), sending `x-api-key` from the server's environment and the body
 *   `{ user: { userLabel, dateOfBirth, birthSex }, language }` — for Helios
 *   plus the element's `recordingTime`, `sleepTime` and `wakeTime` (local
 *   date-times without a zone; thymia's Apollo create takes none of them);
 *   it answers thymia's create response plus `statusUrl: /api/status/<model>/<id>`.
 *   GET /api/status/{mental-wellness|apollo}/:id proxies
 *   `GET {base}/v1/models/{mental-wellness|apollo}/{id}` and returns thymia's
 *   status code and JSON unchanged. Scenario parameters are ignored.
 *   POST /api/questionnaire calls `POST {base}/v1/questionnaires` with
 *   `{ user: { userLabel }, questionnaireType }`; GET /api/questionnaire/:id
 *   proxies `GET {base}/v1/questionnaires/{id}`.
 *
 * The API key is only ever put in the outgoing request header to thymia: it
 * is never logged, never echoed, and never part of any response.
 */
import { randomUUID } from 'node:crypto';
import { createMockThymia } from './mock-thymia.js';

/** thymia's LanguageCode enum (POST /v1/models/mental-wellness, /v1/models/apollo). */
export const LANGUAGE_CODES = /** @type {const} */ (['en', 'en-AU', 'en-GB', 'en-IE', 'en-IN', 'en-US', 'en-ZA', 'es-ES', 'es-US', 'id-ID', 'ja-JP']);
/** thymia's BirthSex enum. */
export const BIRTH_SEXES = /** @type {const} */ (['MALE', 'FEMALE', 'INTERSEX', 'UNKNOWN']);
/** The element's model name → thymia's model path segment. */
export const MODEL_PATHS = /** @type {const} */ ({ helios: 'mental-wellness', apollo: 'apollo' });

const PROFILE_TTL_MS = 6 * 3_600_000;
const MAX_PROFILES = 10_000;
const MAX_BODY_BYTES = 16 * 1024;

/**
 * @typedef {object} Profile  thymia's UserDetails plus the LanguageCode, as the page sent them.
 * @property {string} userLabel
 * @property {string} dateOfBirth
 * @property {string} birthSex
 * @property {string} language
 * @property {number} at
 */

/** @param {import('node:http').IncomingMessage} req @returns {Promise<string>} */
function readText(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function sendJson(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** A FastAPI-style 422, as thymia itself answers validation errors. @param {string[]} loc @param {string} msg */
function validationError(loc, msg) {
  return { detail: [{ loc, msg, type: 'value_error' }] };
}

/**
 * Checks the page's profile against thymia's UserDetails and LanguageCode.
 * @param {any} input
 * @returns {{ ok: true, profile: Omit<Profile, 'at'> } | { ok: false, error: object }}
 */
export function parseProfile(input) {
  if (!input || typeof input !== 'object') return { ok: false, error: validationError(['body'], 'expected an object') };
  const userLabel = typeof input.userLabel === 'string' ? input.userLabel.trim() : '';
  if (!userLabel || userLabel.length > 50) return { ok: false, error: validationError(['body', 'userLabel'], '1 to 50 characters') };
  const dateOfBirth = typeof input.dateOfBirth === 'string' ? input.dateOfBirth : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) || Number.isNaN(Date.parse(`${dateOfBirth}T00:00:00Z`))) {
    return { ok: false, error: validationError(['body', 'dateOfBirth'], 'an ISO 8601 date, YYYY-MM-DD') };
  }
  if (!BIRTH_SEXES.includes(input.birthSex)) return { ok: false, error: validationError(['body', 'birthSex'], `one of ${BIRTH_SEXES.join(', ')}`) };
  if (!LANGUAGE_CODES.includes(input.language)) return { ok: false, error: validationError(['body', 'language'], `one of ${LANGUAGE_CODES.join(', ')}`) };
  return { ok: true, profile: { userLabel, dateOfBirth, birthSex: input.birthSex, language: input.language } };
}

/** thymia's "ISO 8601 datetime, no timezone", as the element writes it: `2026-11-23T09:41:07`. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/;
/** The session body's times, named as thymia's create request names them. */
export const SESSION_TIMES = /** @type {const} */ (['recordingTime', 'sleepTime', 'wakeTime']);

/**
 * Checks the element's session request: the model, and the optional local times.
 * @param {any} input
 * @returns {{ ok: true, model: 'helios' | 'apollo', times: Partial<Record<typeof SESSION_TIMES[number], string>> } | { ok: false, error: object }}
 */
export function parseSessionBody(input) {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { ok: false, error: validationError(['body'], 'expected an object') };
  const model = input.model ?? 'helios';
  if (model !== 'helios' && model !== 'apollo') return { ok: false, error: validationError(['body', 'model'], 'helios or apollo') };
  /** @type {Partial<Record<typeof SESSION_TIMES[number], string>>} */
  const times = {};
  for (const name of SESSION_TIMES) {
    const value = input[name];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !LOCAL_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
      return { ok: false, error: validationError(['body', name], 'an ISO 8601 date-time without a time zone, e.g. 2026-11-23T09:41:07') };
    }
    times[name] = value;
  }
  return { ok: true, model, times };
}

/** thymia's questionnaireType is a value agreed with thymia; this only keeps it a plain token. */
const QUESTIONNAIRE_TYPE = /^[\w.-]{1,100}$/;

/**
 * The questionnaire type from the body (a host's own call) or the query (the
 * element's session request, whose body is `{ model, … }`).
 * @param {any} input @param {URL} url
 * @returns {{ ok: true, questionnaireType: string } | { ok: false, error: object }}
 */
export function parseQuestionnaireRequest(input, url) {
  if (input !== null && (typeof input !== 'object' || Array.isArray(input))) return { ok: false, error: validationError(['body'], 'expected an object') };
  const type = input?.questionnaireType ?? url.searchParams.get('questionnaireType');
  if (typeof type !== 'string' || !QUESTIONNAIRE_TYPE.test(type)) {
    return { ok: false, error: validationError(['body', 'questionnaireType'], 'a questionnaire type agreed with thymia, e.g. phq-2') };
  }
  return { ok: true, questionnaireType: type };
}

/**
 * @param {{
 *   apiKey?: string,
 *   baseUrl?: string,
 *   mock?: ReturnType<typeof createMockThymia>,
 *   fetch?: typeof fetch,
 *   log?: (line: string) => void,
 * }} [options]
 */
export function createHostBackend(options = {}) {
  const apiKey = options.apiKey || undefined;
  const baseUrl = (options.baseUrl || 'https://api.thymia.ai').replace(/\/+$/, '');
  const mode = apiKey ? 'thymia' : 'mock';
  const mock = options.mock ?? createMockThymia({ defaultProcessingMs: 2500, log: options.log });
  const doFetch = options.fetch ?? fetch;
  const log = options.log ?? (() => undefined);
  /** @type {Map<string, Profile>} */
  const profiles = new Map();

  /** @param {string | null} id */
  function profileFor(id) {
    if (!id) return undefined;
    const profile = profiles.get(id);
    if (!profile) return undefined;
    if (Date.now() - profile.at > PROFILE_TTL_MS) {
      profiles.delete(id);
      return undefined;
    }
    return profile;
  }

  /** @param {Omit<Profile, 'at'>} profile */
  function storeProfile(profile) {
    if (profiles.size >= MAX_PROFILES) {
      const oldest = profiles.keys().next().value;
      if (oldest !== undefined) profiles.delete(oldest);
    }
    const id = randomUUID();
    profiles.set(id, { ...profile, at: Date.now() });
    return id;
  }

  /**
   * Calls thymia with the key from the server's environment.
   * @param {'GET' | 'POST'} method
   * @param {string} path
   * @param {unknown} [body]
   */
  async function thymia(method, path, body) {
    /** @type {Record<string, string>} */
    const headers = { 'x-api-key': /** @type {string} */ (apiKey), Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await doFetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? 'application/json', text };
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   */
  async function createSession(req, res, url) {
    let input;
    try {
      const text = await readText(req);
      input = JSON.parse(text || '{}');
    } catch (error) {
      const status = /** @type {any} */ (error)?.status ?? 422;
      sendJson(res, status, validationError(['body'], status === 413 ? 'body too large' : 'Invalid JSON'));
      return;
    }
    const session = parseSessionBody(input);
    if (!session.ok) {
      sendJson(res, 422, session.error);
      return;
    }
    const { model, times } = session;
    const profile = profileFor(url.searchParams.get('profile'));
    if (!profile) {
      sendJson(res, 400, { detail: 'Unknown or expired profile: POST /api/demo/profile first.' });
      return;
    }
    const modelPath = MODEL_PATHS[model];
    const json = await createAtThymia(res, `/v1/models/${modelPath}`, {
      user: { userLabel: profile.userLabel, dateOfBirth: profile.dateOfBirth, birthSex: profile.birthSex },
      language: profile.language,
      // Helios reads the time of day (and sleep) into its results; Apollo's create has no such fields.
      ...(model === 'helios' ? times : {}),
    });
    if (json === undefined) return;
    if (!json || typeof json.id !== 'string' || !/^[\w-]+$/.test(json.id)) {
      sendJson(res, 502, { detail: 'thymia answered without a model run id.' });
      return;
    }
    log(`thymia ${modelPath} run ${json.id} created`);
    sendJson(res, 200, { ...json, statusUrl: `/api/status/${modelPath}/${json.id}` });
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   */
  async function createQuestionnaire(req, res, url) {
    let input;
    try {
      input = JSON.parse((await readText(req)) || 'null');
    } catch (error) {
      const status = /** @type {any} */ (error)?.status ?? 422;
      sendJson(res, status, validationError(['body'], status === 413 ? 'body too large' : 'Invalid JSON'));
      return;
    }
    const request = parseQuestionnaireRequest(input, url);
    if (!request.ok) {
      sendJson(res, 422, request.error);
      return;
    }
    const profile = profileFor(url.searchParams.get('profile'));
    if (!profile) {
      sendJson(res, 400, { detail: 'Unknown or expired profile: POST /api/demo/profile first.' });
      return;
    }
    const json = await createAtThymia(res, '/v1/questionnaires', {
      user: { userLabel: profile.userLabel },
      questionnaireType: request.questionnaireType,
    });
    if (json === undefined) return;
    if (!json || typeof json.id !== 'string' || !/^[\w-]+$/.test(json.id) || typeof json.activityLink !== 'string') {
      sendJson(res, 502, { detail: 'thymia answered without a questionnaire id and activity link.' });
      return;
    }
    log(`thymia questionnaire ${json.id} created`);
    sendJson(res, 200, { id: json.id, activityLink: json.activityLink, statusUrl: `/api/questionnaire/${json.id}` });
  }

  /**
   * POSTs a create request to thymia and returns its JSON answer; on failure
   * answers the element itself (502 when thymia is unreachable or not JSON,
   * thymia's own error passed on as it came) and returns undefined.
   * @param {import('node:http').ServerResponse} res
   * @param {string} path thymia's path
   * @param {unknown} body
   */
  async function createAtThymia(res, path, body) {
    let created;
    try {
      created = await thymia('POST', path, body);
    } catch (error) {
      log(`thymia ${path} failed: ${/** @type {Error} */ (error).name}`);
      sendJson(res, 502, { detail: 'Could not reach thymia.' });
      return undefined;
    }
    let json;
    try {
      json = JSON.parse(created.text);
    } catch {
      sendJson(res, 502, { detail: 'thymia answered with something other than JSON.' });
      return undefined;
    }
    if (created.status < 200 || created.status >= 300) {
      // thymia's own error (401/403/422…), passed on as it came.
      log(`thymia ${path} → ${created.status}`);
      sendJson(res, created.status, json);
      return undefined;
    }
    return json;
  }

  /** @param {import('node:http').ServerResponse} res @param {string} path thymia's path */
  async function proxyGet(res, path) {
    let answer;
    try {
      answer = await thymia('GET', path);
    } catch (error) {
      log(`thymia status failed: ${/** @type {Error} */ (error).name}`);
      sendJson(res, 502, { detail: 'Could not reach thymia.' });
      return;
    }
    // Unchanged: thymia's status code and body.
    res.writeHead(answer.status, { 'Content-Type': answer.contentType, 'Cache-Control': 'no-store' });
    res.end(answer.text);
  }

  /**
   * Mock mode: the scenario parameters go to the mock as they are (see the
   * header of ./mock-thymia.js); the profile id becomes the mock's userLabel.
   * @param {import('node:http').IncomingMessage} req
   * @param {URL} url
   */
  function rewriteForMock(req, url) {
    const params = new URLSearchParams(url.searchParams);
    params.delete('profile');
    params.delete('userLabel');
    const profile = profileFor(url.searchParams.get('profile'));
    if (profile) params.set('userLabel', profile.userLabel);
    const query = params.toString();
    req.url = `${url.pathname}${query ? `?${query}` : ''}`;
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>}
   */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;

    if (req.method === 'POST' && (path === '/api/session' || path === '/api/questionnaire' || path === '/api/demo/profile') && !sameOriginJson(req, res)) return true;

    if (path === '/api/demo/config' && req.method === 'GET') {
      sendJson(res, 200, { mode, languages: LANGUAGE_CODES, birthSexes: BIRTH_SEXES });
      return true;
    }

    if (path === '/api/demo/profile' && req.method === 'POST') {
      let input;
      try {
        input = JSON.parse((await readText(req)) || 'null');
      } catch {
        sendJson(res, 422, validationError(['body'], 'Invalid JSON'));
        return true;
      }
      const parsed = parseProfile(input);
      if (!parsed.ok) {
        sendJson(res, 422, parsed.error);
        return true;
      }
      sendJson(res, 200, { profileId: storeProfile(parsed.profile) });
      return true;
    }

    if (mode === 'thymia') {
      if (path === '/api/session' && req.method === 'POST') {
        await createSession(req, res, url);
        return true;
      }
      const status = path.match(/^\/api\/status\/(mental-wellness|apollo)\/([\w-]{1,64})$/);
      if (status && req.method === 'GET') {
        await proxyGet(res, `/v1/models/${status[1]}/${encodeURIComponent(status[2])}`);
        return true;
      }
      if (path === '/api/questionnaire' && req.method === 'POST') {
        await createQuestionnaire(req, res, url);
        return true;
      }
      const questionnaire = path.match(/^\/api\/questionnaire\/([\w-]{1,64})$/);
      if (questionnaire && req.method === 'GET') {
        await proxyGet(res, `/v1/questionnaires/${encodeURIComponent(questionnaire[1])}`);
        return true;
      }
      return unknownApiRoute(path, res);
    }

    if ((path === '/api/session' || path === '/api/questionnaire') && req.method === 'POST') rewriteForMock(req, url);
    if (await mock.handle(req, res)) return true;
    return unknownApiRoute(path, res);
  }

  /**
   * The POST routes spend the API key (thymia mode), so another site must not
   * be able to trigger them from a visitor's browser: a JSON body forces a
   * CORS preflight this server never approves, and a foreign Origin is refused.
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   */
  function sameOriginJson(req, res) {
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      let host;
      try {
        host = new URL(origin).host;
      } catch {
        host = undefined;
      }
      if (host !== req.headers.host) {
        sendJson(res, 403, { detail: 'Cross-origin request refused.' });
        return false;
      }
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      sendJson(res, 415, { detail: 'Send JSON (Content-Type: application/json).' });
      return false;
    }
    return true;
  }

  /**
   * Anything else under the backend's prefixes is a JSON 404, never the dev
   * server's HTML page: a mistyped status URL must look like an error.
   * @param {string} path @param {import('node:http').ServerResponse} res
   */
  function unknownApiRoute(path, res) {
    if (!/^\/(api|__mock|mock-upload|mock-activity|mock-questionnaire)(\/|$)/.test(path)) return false;
    sendJson(res, 404, { detail: 'Not Found' });
    return true;
  }

  return { handle, mode, profiles, mock };
}

/** Connect-style middleware (Vite, Express). @param {ReturnType<typeof createHostBackend>} backend */
export function hostConnectMiddleware(backend) {
  /** @param {any} req @param {any} res @param {(error?: unknown) => void} next */
  return (req, res, next) => {
    backend.handle(req, res).then((handled) => (handled ? undefined : next()), next);
  };
}
