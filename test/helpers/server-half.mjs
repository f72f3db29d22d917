/**
 * Shared set-up for the server half's Node tests: the mock thymia
 * (demo/backend/mock-thymia.js) on a loopback port, people the test
 * `authorize` knows by an `x-test-user` header, and a request helper that
 * records every answer (status, headers, body) for the leak scans.
 */
import { createMockThymia } from '../../demo/backend/mock-thymia.js';
import { serveOnLoopback } from './loopback.mjs';

export const SECRET = 'test-secret-0123456789-abcdefghijklmnop';
export const ORIGIN = 'http://app.test';

/** @param {{ apiKey?: string }} [options] */
export async function startMockThymia(options = {}) {
  const mock = createMockThymia({ apiKey: options.apiKey, defaultProcessingMs: 0 });
  const { url, close } = await serveOnLoopback((req, res) => mock.handle(req, res), 404);
  return {
    url,
    mock,
    /** Sets the scenario for a userLabel's runs (see mock-thymia-api.js). @param {Record<string, unknown>} scenario */
    async scenario(scenario) {
      const response = await fetch(`${url}/__mock/scenario`, { method: 'POST', body: JSON.stringify(scenario) });
      if (!response.ok) throw new Error(`scenario: ${response.status}`);
    },
    /** @param {string} userLabel */
    async creates(userLabel) {
      return /** @type {{ creates: number }} */ (await (await fetch(`${url}/__mock/creates/${encodeURIComponent(userLabel)}`)).json()).creates;
    },
    close,
  };
}

/** A person as the host's authorize would describe them. @param {string} name @param {Record<string, unknown>} [extra] */
export function person(name, extra = {}) {
  return {
    subject: `subject-${name}`,
    user: { userLabel: `label-${name}`, dateOfBirth: '1990-04-01', birthSex: 'FEMALE' },
    language: 'en-GB',
    ...extra,
  };
}

/** authorize for tests: the person named by `x-test-user`, from `people`. @param {Record<string, object>} people */
export function headerAuthorize(people) {
  return (/** @type {Request} */ request) => people[request.headers.get('x-test-user') ?? ''] ?? null;
}

/**
 * Calls a handler and records the answer.
 * @param {{ fetch: (request: Request) => Promise<Response> }} handler
 * @param {{ answers?: { status: number, headers: [string, string][], text: string }[] }} [recorder]
 */
export function client(handler, recorder = {}) {
  /**
   * @param {string} path under http://app.test
   * @param {{ method?: string, user?: string, body?: unknown, headers?: Record<string, string> }} [init]
   */
  return async function call(path, init = {}) {
    const headers = new Headers(init.headers ?? {});
    if (init.user) headers.set('x-test-user', init.user);
    let body;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const method = init.method ?? (body === undefined ? 'GET' : 'POST');
    if (method !== 'GET' && !headers.has('origin')) headers.set('origin', ORIGIN);
    const response = await handler.fetch(new Request(`${ORIGIN}${path}`, { method, headers, body }));
    const text = await response.text();
    recorder.answers?.push({ status: response.status, headers: [...response.headers], text });
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text };
  };
}

/** PUTs bytes to an upload URL as the element does. @param {string} url @param {number} [size] */
export async function upload(url, size = 64_000) {
  const response = await fetch(url, { method: 'PUT', headers: { 'Content-Type': 'audio/webm' }, body: new Uint8Array(size) });
  if (!response.ok) throw new Error(`upload ${response.status}`);
}
