/**
 * The demo backend (demo/backend/demo-backend.js): the server half with a
 * demo `authorize` reading a signed cookie, and the mock thymia, on one
 * loopback server as the Vite plugin mounts them.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createDemoBackend } from '../../demo/backend/demo-backend.js';
import { createThymiaHandler } from '../../dist/lib/server/index.js';
import { toNodeHandler } from '../../dist/lib/server/node.js';
import { sqliteStore } from '../../dist/lib/server/sqlite.js';
import { serveOnLoopback } from '../helpers/loopback.mjs';
import { startMockThymia } from '../helpers/server-half.mjs';

/** The backend on loopback, as the Vite plugin mounts it (418 for what it does not serve). @param {ReturnType<typeof createDemoBackend>} backend */
async function serve(backend) {
  const { url, close } = await serveOnLoopback((req, res) => backend.handle(req, res), 418);
  after(close);
  return url;
}

const server = { createThymiaHandler, toNodeHandler };
const profile = { userLabel: 'demo-tester', dateOfBirth: '1990-05-06', birthSex: 'FEMALE', language: 'en-GB' };

/** Signs in and answers the cookie. @param {string} base @param {object} details */
async function signIn(base, details = profile) {
  const answer = await fetch(`${base}/api/demo/profile`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify(details) });
  assert.equal(answer.status, 204);
  const cookie = answer.headers.get('set-cookie') ?? '';
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  return cookie.split(';')[0];
}

/** @param {string} base @param {string} cookie @param {string} [path] @param {object} [body] */
const session = (base, cookie, path = '/api/thymia/session', body = { model: 'helios', recordingTime: '2026-11-23T09:41:07' }) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base, cookie }, body: JSON.stringify(body) });

test('mock mode: the profile in a signed cookie is who the server half creates the run for', async () => {
  const backend = createDemoBackend({ server });
  const base = await serve(backend);
  assert.deepEqual((await (await fetch(`${base}/api/demo/config`)).json()).mode, 'mock');
  const cookie = await signIn(base);
  const created = await session(base, cookie);
  assert.equal(created.status, 200);
  const answer = await created.json();
  assert.ok(answer.recordingUploadUrl.startsWith(`${base}/mock-upload/`), 'upload URL on the page\'s own origin');
  assert.equal(backend.mock.runs.get(answer.id).userLabel, 'demo-tester');
  await fetch(answer.recordingUploadUrl, { method: 'PUT', headers: { 'content-type': 'audio/webm' }, body: new Uint8Array(32_000) });
  // The mock takes 2.5 s to process in the demo: RUNNING is the answer now.
  const status = await (await fetch(`${base}${answer.statusUrl}`, { headers: { cookie } })).json();
  assert.equal(status.status, 'RUNNING');
  assert.equal(status.userLabel, undefined);
});

test('no cookie, or one that was tampered with: 401; details from the page are refused', async () => {
  const base = await serve(createDemoBackend({ server }));
  assert.equal((await session(base, '')).status, 401);
  const cookie = await signIn(base);
  const [name, value] = cookie.split('=');
  const [payload, signature] = value.split('.');
  const forged = Buffer.from(JSON.stringify({ ...profile, userLabel: 'someone-else' })).toString('base64url');
  assert.equal((await session(base, `${name}=${forged}.${signature}`)).status, 401);
  assert.equal((await session(base, `${name}=${payload}.${signature.slice(0, -2)}xx`)).status, 401);
  assert.equal((await session(base, cookie, '/api/thymia/session', { model: 'helios', user: { userLabel: 'x' } })).status, 400);
});

test('the profile route: invalid details 400 naming the field, another site 403, not JSON 415', async () => {
  const base = await serve(createDemoBackend({ server }));
  const bad = await fetch(`${base}/api/demo/profile`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...profile, dateOfBirth: '6 May 1990' }) });
  assert.equal(bad.status, 400);
  assert.match((await bad.json()).error.message, /dateOfBirth/);
  const foreign = await fetch(`${base}/api/demo/profile`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify(profile) });
  assert.equal(foreign.status, 403);
  const text = await fetch(`${base}/api/demo/profile`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(profile) });
  assert.equal(text.status, 415);
});

test('the results choice travels in the cookie: Apollo under none sends no scores', async () => {
  const backend = createDemoBackend({ server });
  const base = await serve(backend);
  const cookie = await signIn(base, { ...profile, userLabel: 'demo-apollo', results: 'full' });
  await fetch(`${base}/__mock/scenario`, { method: 'POST', body: JSON.stringify({ userLabel: 'demo-apollo', processingMs: 0 }) });
  const created = await (await session(base, cookie, '/api/thymia/session', { model: 'apollo' })).json();
  for (const url of Object.values(created.uploadUrls)) await fetch(String(url), { method: 'PUT', headers: { 'content-type': 'audio/webm' }, body: new Uint8Array(32_000) });
  const full = await (await fetch(`${base}${created.statusUrl}`, { headers: { cookie } })).json();
  assert.equal(full.results.disorders.depression.probability, 0.61);
  const none = await signIn(base, { ...profile, userLabel: 'demo-apollo', results: 'none' });
  const text = await (await fetch(`${base}${created.statusUrl}`, { headers: { cookie: none } })).text();
  assert.ok(!text.includes('probability'), text);
});

test('a questionnaire through the element\'s session request, the type in the query', async () => {
  const backend = createDemoBackend({ server });
  const base = await serve(backend);
  const cookie = await signIn(base);
  const created = await session(base, cookie, '/api/thymia/session?questionnaireType=phq-2');
  assert.equal(created.status, 200);
  const answer = await created.json();
  assert.match(answer.activityLink, /\/mock-questionnaire\//);
  assert.equal((await (await fetch(`${base}${answer.statusUrl}`, { headers: { cookie } })).json()).status, 'RESULTS_NOT_AVAILABLE');
  await fetch(answer.activityLink, { method: 'POST', body: new URLSearchParams({ interest: 'several-days', mood: 'several-days' }) });
  const done = await (await fetch(`${base}${answer.statusUrl}`, { headers: { cookie } })).json();
  assert.equal(done.details.scoreDetails.score, 2);
});

test('thymia mode (THYMIA_API_KEY): the key goes to thymia from the server; the mock routes are not served', async () => {
  const thymia = await startMockThymia({ apiKey: 'real-looking-key' });
  after(() => thymia.close());
  const base = await serve(createDemoBackend({ server, apiKey: 'real-looking-key', baseUrl: thymia.url }));
  assert.equal((await (await fetch(`${base}/api/demo/config`)).json()).mode, 'thymia');
  const cookie = await signIn(base);
  const created = await session(base, cookie);
  assert.equal(created.status, 200);
  const answer = await created.json();
  assert.ok(answer.recordingUploadUrl.startsWith(thymia.url));
  assert.equal(thymia.mock.runs.get(answer.id).userLabel, 'demo-tester');
  assert.equal((await fetch(`${base}/__mock/runs/${answer.id}`)).status, 404);
  const wrongKey = await serve(createDemoBackend({ server, apiKey: 'another-key', baseUrl: thymia.url }));
  assert.equal((await session(wrongKey, await signIn(wrongKey))).status, 502);
});

test('history: with the SQLite store (the demo default) three recordings form a baseline, per person, until erased', async () => {
  const backend = createDemoBackend({ server: { ...server, sqliteStore }, historyPath: ':memory:' });
  const base = await serve(backend);
  const cookie = await signIn(base, { ...profile, userLabel: 'demo-history' });
  const other = await signIn(base, { ...profile, userLabel: 'demo-history-other' });
  for (const label of ['demo-history', 'demo-history-other']) {
    await fetch(`${base}/__mock/scenario`, { method: 'POST', body: JSON.stringify({ userLabel: label, processingMs: 0 }) });
  }
  const record = async (who) => {
    const created = await (await session(base, who)).json();
    await fetch(created.recordingUploadUrl, { method: 'PUT', headers: { 'content-type': 'audio/webm' }, body: new Uint8Array(32_000) });
    assert.equal((await (await fetch(`${base}${created.statusUrl}`, { headers: { cookie: who } })).json()).status, 'COMPLETE_OK');
  };
  for (let i = 0; i < 3; i++) await record(cookie);
  await record(other);
  const history = await (await fetch(`${base}/api/thymia/history?model=helios`, { headers: { cookie } })).json();
  assert.equal(history.runs.length, 3);
  const erased = await fetch(`${base}/api/thymia/history`, { method: 'DELETE', headers: { cookie, origin: base } });
  assert.equal(erased.status, 204);
  assert.deepEqual((await (await fetch(`${base}/api/thymia/history`, { headers: { cookie } })).json()).runs, []);
  assert.equal((await (await fetch(`${base}/api/thymia/history`, { headers: { cookie: other } })).json()).runs.length, 1);
});
