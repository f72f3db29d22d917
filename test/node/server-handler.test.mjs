/**
 * The server half (thymia-recorder/server), BUILT (dist/lib/server), in plain
 * Node with no DOM, against the mock thymia on a loopback port: every bad
 * request the contract lists, the tokens, CORS and the rate limit.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createThymiaHandler } from '../../dist/lib/server/index.js';
import { client, headerAuthorize, ORIGIN, person, SECRET, startMockThymia, upload } from '../helpers/server-half.mjs';

const API_KEY = 'test-api-key-handler';
const thymia = await startMockThymia({ apiKey: API_KEY });
after(() => thymia.close());

const people = { ann: person('ann'), bob: person('bob'), cat: person('cat', { results: 'full' }) };

/** @param {Record<string, unknown>} [extra] */
function handler(extra = {}) {
  return createThymiaHandler({ apiKey: API_KEY, baseUrl: thymia.url, secret: SECRET, authorize: headerAuthorize(people), log: () => undefined, retryMaxMs: 50, ...extra });
}

/** @param {{ status: number, json: any }} answer @param {number} status @param {string} code */
function assertError(answer, status, code) {
  assert.equal(answer.status, status, JSON.stringify(answer.json));
  assert.equal(answer.json?.error?.code, code);
  assert.equal(typeof answer.json.error.message, 'string');
}

const session = (/** @type {ReturnType<typeof client>} */ call, user = 'ann', body = { model: 'helios' }) => call('/api/thymia/session', { user, body });

describe('bad requests', () => {
  const call = client(handler());

  test('no authorization: 401 unauthenticated', async () => {
    assertError(await call('/api/thymia/session', { body: { model: 'helios' } }), 401, 'unauthenticated');
  });

  test('authorize that throws: 401 unauthenticated', async () => {
    const failing = client(handler({ authorize: () => Promise.reject(new Error('db down')) }));
    assertError(await failing('/api/thymia/session', { user: 'ann', body: { model: 'helios' } }), 401, 'unauthenticated');
  });

  test('authorize answering an invalid person: 500 internal, the log names the field and not its value', async () => {
    /** @type {any[]} */
    const lines = [];
    const broken = client(handler({ authorize: () => ({ ...person('dan'), user: { userLabel: 'x'.repeat(51) + 'SECRETLABEL', dateOfBirth: '1990-01-01', birthSex: 'FEMALE' } }), log: (/** @type {any} */ e) => lines.push(e) }));
    assertError(await broken('/api/thymia/session', { user: 'dan', body: { model: 'helios' } }), 500, 'internal');
    const text = JSON.stringify(lines);
    assert.match(text, /user\.userLabel/);
    assert.doesNotMatch(text, /SECRETLABEL/);
  });

  test('cross-site POST (Origin of another site): 403 forbidden', async () => {
    assertError(await call('/api/thymia/session', { user: 'ann', body: { model: 'helios' }, headers: { origin: 'https://evil.example' } }), 403, 'forbidden');
  });

  test('cross-site POST without Origin but Sec-Fetch-Site cross-site: 403 forbidden', async () => {
    const answer = await handler().fetch(
      new Request(`${ORIGIN}/api/thymia/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', 'x-test-user': 'ann' }, body: '{"model":"helios"}' }),
    );
    assert.equal(answer.status, 403);
  });

  test('wrong content type: 415', async () => {
    assertError(await call('/api/thymia/session', { user: 'ann', body: '{"model":"helios"}', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported-media-type');
  });

  test('body over 16 KiB: 413 too-large (declared, and streamed without a length)', async () => {
    const big = JSON.stringify({ model: 'helios', pad: 'x'.repeat(17 * 1024) });
    assertError(await call('/api/thymia/session', { user: 'ann', body: big }), 413, 'too-large');
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i += 1) controller.enqueue(new TextEncoder().encode(' '.repeat(1024)));
        controller.close();
      },
    });
    const answer = await handler().fetch(
      new Request(`${ORIGIN}/api/thymia/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-test-user': 'ann' }, body: stream, duplex: 'half' }),
    );
    assert.equal(answer.status, 413);
  });

  test('malformed JSON: 400 invalid-request', async () => {
    assertError(await call('/api/thymia/session', { user: 'ann', body: '{"model":' }), 400, 'invalid-request');
  });

  test('unknown model: 400 invalid-request naming the field', async () => {
    const answer = await call('/api/thymia/session', { user: 'ann', body: { model: 'hermes' } });
    assertError(answer, 400, 'invalid-request');
    assert.match(answer.json.error.message, /model/);
  });

  test('extra fields (the person\'s details from the browser): 400 invalid-request', async () => {
    const answer = await call('/api/thymia/session', { user: 'ann', body: { model: 'helios', user: { userLabel: 'mallory' } } });
    assertError(answer, 400, 'invalid-request');
    assert.match(answer.json.error.message, /user/);
  });

  test('a time with a zone: 400 invalid-request', async () => {
    assertError(await call('/api/thymia/session', { user: 'ann', body: { model: 'helios', recordingTime: '2026-11-23T09:41:07Z' } }), 400, 'invalid-request');
  });

  test('unknown route: 404 not-found (also outside basePath)', async () => {
    assertError(await call('/api/thymia/nope', { user: 'ann' }), 404, 'not-found');
    assertError(await call('/elsewhere', { user: 'ann' }), 404, 'not-found');
    assertError(await call('/api/thymia/history', { user: 'ann' }), 404, 'not-found');
  });

  test('wrong method: 405 with Allow', async () => {
    const answer = await call('/api/thymia/session', { user: 'ann', method: 'GET' });
    assertError(answer, 405, 'method-not-allowed');
    assert.equal(answer.headers.get('allow'), 'POST, OPTIONS');
    const put = await call('/api/thymia/status/abc', { user: 'ann', method: 'PUT', body: {} });
    assertError(put, 405, 'method-not-allowed');
    assert.equal(put.headers.get('allow'), 'GET, OPTIONS');
  });

  test('rate limit hook: 429 rate-limited with Retry-After', async () => {
    /** @type {string[]} */
    const seen = [];
    const limited = client(handler({ rateLimit: (/** @type {Request} */ _r, /** @type {any} */ auth) => (seen.push(auth.subject), { retryAfter: 2.5 }) }));
    const answer = await limited('/api/thymia/session', { user: 'ann', body: { model: 'helios' } });
    assertError(answer, 429, 'rate-limited');
    assert.equal(answer.headers.get('retry-after'), '3');
    assert.deepEqual(seen, ['subject-ann']);
    const allowed = client(handler({ rateLimit: () => null }));
    assert.equal((await allowed('/api/thymia/session', { user: 'ann', body: { model: 'helios' } })).status, 200);
  });

  test('every error answer is JSON and never cached', async () => {
    const answer = await call('/api/thymia/nope');
    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
  });
});

describe('status tokens', () => {
  const call = client(handler());

  test('a token for another subject: 403 forbidden', async () => {
    const created = await session(call, 'ann');
    assertError(await call(created.json.statusUrl, { user: 'bob' }), 403, 'forbidden');
    assert.equal((await call(created.json.statusUrl, { user: 'ann' })).status, 200);
  });

  test('a status request without authorization: 401', async () => {
    const created = await session(call, 'ann');
    assertError(await call(created.json.statusUrl), 401, 'unauthenticated');
  });

  test('forged and altered tokens: 404 not-found', async () => {
    const created = await session(call, 'ann');
    const token = created.json.statusUrl.split('/').pop();
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const altered = Buffer.from(JSON.stringify({ ...claims, r: '00000000-0000-0000-0000-000000000000' })).toString('base64url');
    assertError(await call(`/api/thymia/status/${header}.${altered}.${signature}`, { user: 'ann' }), 404, 'not-found');
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    assertError(await call(`/api/thymia/status/${header}.${payload}.${flipped}`, { user: 'ann' }), 404, 'not-found');
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    assertError(await call(`/api/thymia/status/${none}.${payload}.`, { user: 'ann' }), 404, 'not-found');
    assertError(await call('/api/thymia/status/not-a-token', { user: 'ann' }), 404, 'not-found');
    const other = client(handler({ secret: 'another-secret-0123456789-abcdefghijklm' }));
    assertError(await other(created.json.statusUrl, { user: 'ann' }), 404, 'not-found');
  });

  test('an expired token: 410 expired', async () => {
    const past = client(handler({ now: () => Date.now() - 25 * 3600_000 }));
    const created = await session(past, 'ann');
    assertError(await call(created.json.statusUrl, { user: 'ann' }), 410, 'expired');
    // Still a 404 when forged: expiry is only judged on a genuine token.
    const [h, p, s] = created.json.statusUrl.split('/').pop().split('.');
    assertError(await call(`/api/thymia/status/${h}.${p}.${s.slice(0, -2)}AA`, { user: 'ann' }), 404, 'not-found');
  });

  test('two instances sharing the secret serve each other\'s tokens; rotation accepts the old key', async () => {
    const a = client(handler());
    const b = client(handler());
    const created = await session(a, 'ann');
    await upload(created.json.recordingUploadUrl);
    const answer = await b(created.json.statusUrl, { user: 'ann' });
    assert.equal(answer.status, 200);
    assert.equal(answer.json.status, 'COMPLETE_OK');
    const rotated = client(handler({ secret: ['a-brand-new-secret-0123456789-abcdefgh', SECRET] }));
    assert.equal((await rotated(created.json.statusUrl, { user: 'ann' })).status, 200);
    const fresh = await session(rotated, 'ann');
    assertError(await a(fresh.json.statusUrl, { user: 'ann' }), 404, 'not-found');
  });

  test('a short secret fails at start-up', () => {
    assert.throws(() => handler({ secret: 'too-short' }), /32 bytes/);
    assert.throws(() => handler({ secret: [SECRET, 'short'] }), /32 bytes/);
  });
});

describe('CORS', () => {
  test('same-origin by default: no CORS headers for another origin, preflight refused', async () => {
    const call = client(handler());
    const preflight = await call('/api/thymia/session', { method: 'OPTIONS', headers: { origin: 'https://other.example', 'access-control-request-method': 'POST' } });
    assertError(preflight, 403, 'forbidden');
    const get = await call('/api/thymia/nope', { headers: { origin: 'https://other.example' } });
    assert.equal(get.headers.get('access-control-allow-origin'), null);
  });

  test('allowedOrigins: a correct preflight and credentialed answers', async () => {
    const call = client(handler({ allowedOrigins: ['https://shop.example'] }));
    const preflight = await call('/api/thymia/session', {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'POST');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Content-Type/i);
    assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
    assert.match(preflight.headers.get('vary') ?? '', /Origin/);
    const wrongMethod = await call('/api/thymia/session', { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'DELETE' } });
    assert.equal(wrongMethod.status, 405);
    const created = await call('/api/thymia/session', { user: 'ann', body: { model: 'helios' }, headers: { origin: 'https://shop.example' } });
    assert.equal(created.status, 200);
    assert.equal(created.headers.get('access-control-allow-origin'), 'https://shop.example');
    const refused = await call('/api/thymia/session', { user: 'ann', body: { model: 'helios' }, headers: { origin: 'https://shop.example.evil' } });
    assertError(refused, 403, 'forbidden');
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
  });

  test('OPTIONS without a preflight: 204 with Allow', async () => {
    const answer = await client(handler())('/api/thymia/session', { method: 'OPTIONS' });
    assert.equal(answer.status, 204);
    assert.equal(answer.headers.get('allow'), 'POST, OPTIONS');
  });
});

describe('configuration', () => {
  test('apiKey comes from THYMIA_API_KEY when not given', async () => {
    process.env.THYMIA_API_KEY = API_KEY;
    try {
      const call = client(createThymiaHandler({ baseUrl: thymia.url, secret: SECRET, authorize: headerAuthorize(people), log: () => undefined }));
      assert.equal((await call('/api/thymia/session', { user: 'ann', body: { model: 'helios' } })).status, 200);
    } finally {
      delete process.env.THYMIA_API_KEY;
    }
    assert.throws(() => createThymiaHandler({ secret: SECRET, authorize: () => null }), /apiKey/);
  });

  test('the three regions', async () => {
    const { THYMIA_REGIONS } = await import('../../dist/lib/server/index.js');
    assert.deepEqual(THYMIA_REGIONS, { default: 'https://api.thymia.ai', ca: 'https://ca.api.thymia.ai', us: 'https://us.api.thymia.ai' });
    /** @type {string[]} */
    const urls = [];
    const fake = /** @type {typeof fetch} */ (async (input) => (urls.push(String(input)), new Response(JSON.stringify({ id: 'abc', recordingUploadUrl: 'https://u' }))));
    for (const region of ['ca', 'us']) {
      await client(createThymiaHandler({ apiKey: 'k', secret: SECRET, region, fetch: fake, authorize: headerAuthorize(people), log: () => undefined }))('/api/thymia/session', { user: 'ann', body: { model: 'helios' } });
    }
    assert.deepEqual(urls, ['https://ca.api.thymia.ai/v1/models/mental-wellness', 'https://us.api.thymia.ai/v1/models/mental-wellness']);
  });

  test('basePath is configurable', async () => {
    const call = client(handler({ basePath: '/thymia/' }));
    const created = await call('/thymia/session', { user: 'ann', body: { model: 'helios' } });
    assert.equal(created.status, 200);
    assert.match(created.json.statusUrl, /^\/thymia\/status\//);
  });
});
