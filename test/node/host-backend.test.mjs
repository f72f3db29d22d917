// The demo host backend in thymia mode, against a stand-in for thymia's API
// (node --test; no browser): what it sends to thymia's create call.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { createHostBackend } from '../../demo/backend/host-backend.js';

/** A backend whose "thymia" records each create request and answers like thymia. */
async function withBackend(run) {
  const calls = [];
  const fakeThymia = async (url, init) => {
    calls.push({ url: String(url), body: JSON.parse(init.body), apiKey: new Headers(init.headers).get('x-api-key') });
    const id = '7c2f1e9a-0b1d-4c3e-9f00-5a6b7c8d9e0f';
    const created = String(url).endsWith('/apollo')
      ? { id, uploadUrls: { moodQuestionUploadUrl: 'https://s3/m', readAloudUploadUrl: 'https://s3/r' } }
      : { id, recordingUploadUrl: 'https://s3/u' };
    return new Response(JSON.stringify(created), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  const backend = createHostBackend({ apiKey: 'test-key', fetch: fakeThymia });
  const server = createServer((req, res) => void backend.handle(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const post = async (path, body) => {
    const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, json: await response.json() };
  };
  try {
    const { json } = await post('/api/demo/profile', { userLabel: 'p-1', dateOfBirth: '1990-08-24', birthSex: 'FEMALE', language: 'en-GB' });
    await run({ post, calls, profile: json.profileId });
  } finally {
    server.close();
  }
}

test('Helios: recordingTime, sleepTime and wakeTime go to thymia as the element sent them', () =>
  withBackend(async ({ post, calls, profile }) => {
    const times = { recordingTime: '2026-11-23T09:41:07', sleepTime: '2026-11-22T23:30:00', wakeTime: '2026-11-23T07:05:00' };
    const answer = await post(`/api/session?profile=${profile}`, { model: 'helios', ...times });
    assert.equal(answer.status, 200);
    assert.equal(answer.json.statusUrl, `/api/status/mental-wellness/${answer.json.id}`);
    assert.equal(calls.length, 1);
    assert.match(calls[0].url, /\/v1\/models\/mental-wellness$/);
    assert.deepEqual(calls[0].body, {
      user: { userLabel: 'p-1', dateOfBirth: '1990-08-24', birthSex: 'FEMALE' },
      language: 'en-GB',
      ...times,
    });
  }));

test('Helios without times, and Apollo (whose create takes no times): none are sent', () =>
  withBackend(async ({ post, calls, profile }) => {
    assert.equal((await post(`/api/session?profile=${profile}`, { model: 'helios' })).status, 200);
    assert.equal((await post(`/api/session?profile=${profile}`, { model: 'apollo', recordingTime: '2026-11-23T09:41:07' })).status, 200);
    assert.deepEqual(Object.keys(calls[0].body), ['user', 'language']);
    assert.match(calls[1].url, /\/v1\/models\/apollo$/);
    assert.deepEqual(Object.keys(calls[1].body), ['user', 'language']);
  }));

test('a time with a zone, or not a time at all, is refused with a 422 naming the field; thymia is not called', () =>
  withBackend(async ({ post, calls, profile }) => {
    for (const recordingTime of ['2026-11-23T09:41:07Z', '2026-11-23T09:41:07+01:00', 'this morning', 1795427267]) {
      const answer = await post(`/api/session?profile=${profile}`, { model: 'helios', recordingTime });
      assert.equal(answer.status, 422, String(recordingTime));
      assert.deepEqual(answer.json.detail[0].loc, ['body', 'recordingTime']);
    }
    const wrongModel = await post(`/api/session?profile=${profile}`, { model: 'psyche' });
    assert.equal(wrongModel.status, 422);
    assert.equal(calls.length, 0);
  }));
