// GET /history and DELETE /history on the BUILT handler with the SQLite store, against the mock
// thymia: a completed run is kept once and listed through the policy in force, newest first; the
// person sees their own runs only; DELETE erases theirs and nobody else's; no store: 404.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createThymiaHandler } from '../../dist/lib/server/index.js';
import { sqliteStore } from '../../dist/lib/server/sqlite.js';
import { client, headerAuthorize, person, SECRET, startMockThymia, upload } from '../helpers/server-half.mjs';

const API_KEY = 'test-api-key-history';
const thymia = await startMockThymia({ apiKey: API_KEY });
after(() => thymia.close());

const people = {
  ann: person('h-ann'),
  bob: person('h-bob'),
  // Ann again, her policy narrowed to none (e.g. a clinician's decision since).
  annNone: person('h-ann', { results: 'none' }),
  apolloFull: person('h-apollo', { results: 'full' }),
  apolloNone: person('h-apollo'),
};

function setup(extra = {}) {
  const store = sqliteStore({ path: ':memory:' });
  const handler = createThymiaHandler({ apiKey: API_KEY, baseUrl: thymia.url, secret: SECRET, authorize: headerAuthorize(people), log: () => undefined, store, ...extra });
  after(() => store.close());
  return { store, call: client(handler) };
}

/** A whole session for `user`, polled `polls` times once complete. */
async function completeRun(call, user, model = 'helios', polls = 1) {
  const created = await call('/api/thymia/session', { user, body: { model, recordingTime: '2026-11-23T09:41:07' } });
  assert.equal(created.status, 200, created.text);
  if (model === 'apollo') {
    await upload(created.json.uploadUrls.moodQuestionUploadUrl);
    await upload(created.json.uploadUrls.readAloudUploadUrl);
  } else {
    await upload(created.json.recordingUploadUrl);
  }
  for (let i = 0; i < polls; i++) assert.equal((await call(created.json.statusUrl, { user })).json.status, 'COMPLETE_OK');
  return created.json.id;
}

describe('history routes', () => {
  const { call } = setup();

  test('GET /history: each completed run once, newest first, only the signed-in person', async () => {
    const first = await completeRun(call, 'ann', 'helios', 3);
    const second = await completeRun(call, 'ann');
    const bobs = await completeRun(call, 'bob');
    const answer = await call('/api/thymia/history?model=helios&limit=50', { user: 'ann' });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.deepEqual(answer.json.runs.map((run) => run.runId).sort(), [first, second].sort());
    const times = answer.json.runs.map((run) => run.completedAt);
    assert.deepEqual(times, [...times].sort().reverse());
    assert.equal(answer.json.runs[0].model, 'helios');
    assert.equal(answer.json.runs[0].results.status, 'COMPLETE_OK');
    assert.ok(answer.json.runs[0].results.results.sections[0].mentalStrain, 'Helios under full keeps its scores');
    assert.ok(!answer.text.includes(bobs) && !answer.text.includes('label-h-'), "no other person's run, no user label");
    assert.deepEqual((await call('/api/thymia/history?limit=1', { user: 'ann' })).json.runs.length, 1);
  });

  test('the policy in force now applies to what was kept before', async () => {
    const answer = await call('/api/thymia/history', { user: 'annNone' });
    assert.equal(answer.status, 200);
    assert.ok(answer.json.runs.length >= 2);
    assert.ok(!answer.text.includes('mentalStrain'), answer.text);
  });

  test('Apollo: kept as the policy allowed then, and shown as the policy allows now', async () => {
    await completeRun(call, 'apolloFull', 'apollo');
    const full = await call('/api/thymia/history?model=apollo', { user: 'apolloFull' });
    assert.equal(full.json.runs.length, 1);
    assert.ok(full.text.includes('probability'));
    const none = await call('/api/thymia/history?model=apollo', { user: 'apolloNone' });
    assert.equal(none.json.runs.length, 1);
    assert.ok(!none.text.includes('probability') && !none.text.includes('severity'), none.text);
  });

  test('bad queries: 400 invalid-request', async () => {
    for (const query of ['?model=gpt', '?limit=0', '?limit=abc', '?limit=100000']) {
      const answer = await call(`/api/thymia/history${query}`, { user: 'ann' });
      assert.equal(answer.status, 400, query);
      assert.equal(answer.json.error.code, 'invalid-request');
    }
  });

  test('no one signed in: 401; another site: 403 for DELETE; other methods: 405', async () => {
    assert.equal((await call('/api/thymia/history')).status, 401);
    assert.equal((await call('/api/thymia/history', { user: 'ann', method: 'DELETE', headers: { origin: 'https://evil.test' } })).status, 403);
    assert.equal((await call('/api/thymia/history', { user: 'ann', method: 'POST', body: {} })).status, 405);
  });

  test("DELETE /history: 204, the person's runs are gone, everyone else's stay", async () => {
    const erased = await call('/api/thymia/history', { user: 'ann', method: 'DELETE' });
    assert.equal(erased.status, 204);
    assert.equal(erased.text, '');
    assert.deepEqual((await call('/api/thymia/history', { user: 'ann' })).json.runs, []);
    assert.equal((await call('/api/thymia/history', { user: 'bob' })).json.runs.length, 1);
  });
});

test('without a store: /history is 404 and nothing is kept', async () => {
  const call = client(createThymiaHandler({ apiKey: API_KEY, baseUrl: thymia.url, secret: SECRET, authorize: headerAuthorize(people), log: () => undefined }));
  await completeRun(call, 'ann');
  assert.equal((await call('/api/thymia/history', { user: 'ann' })).status, 404);
  assert.equal((await call('/api/thymia/history', { user: 'ann', method: 'DELETE' })).status, 404);
});
