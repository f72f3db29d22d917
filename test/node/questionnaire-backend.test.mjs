// The demo host backend's questionnaires (node --test; no browser): the mock's
// activity page and status as the element reads them, and thymia mode's calls.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { createHostBackend } from '../../demo/backend/host-backend.js';

async function serve(backend, run) {
  const server = createServer((req, res) => void backend.handle(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const post = async (path, body) => {
    const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, json: await response.json() };
  };
  const get = async (path) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, json: await response.json() };
  };
  try {
    const { json } = await post('/api/demo/profile', { userLabel: 'q-1', dateOfBirth: '1990-08-24', birthSex: 'FEMALE', language: 'en-GB' });
    await run({ base, post, get, profile: json.profileId });
  } finally {
    server.close();
  }
}

test('mock: not available until the activity page is submitted, then the answers, a score and when', () =>
  serve(createHostBackend(), async ({ base, post, get, profile }) => {
    const created = await post(`/api/questionnaire?profile=${profile}`, { questionnaireType: 'phq-2' });
    assert.equal(created.status, 200);
    assert.match(created.json.activityLink, /^\/mock-questionnaire\/[\w-]+$/);
    assert.equal(created.json.statusUrl, `/api/questionnaire/${created.json.id}`);
    assert.deepEqual((await get(created.json.statusUrl)).json, { status: 'RESULTS_NOT_AVAILABLE' });

    const page = await (await fetch(`${base}${created.json.activityLink}`)).text();
    assert.match(page, /little interest or pleasure/);
    const submitted = await fetch(`${base}${created.json.activityLink}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'interest=several-days&mood=nearly-every-day',
    });
    assert.match(await submitted.text(), /Questionnaire complete/);

    const { json } = await get(created.json.statusUrl);
    assert.equal(json.status, 'RESULTS_AVAILABLE');
    assert.equal(json.details.name, 'PHQ-2');
    assert.ok(Math.abs(Date.parse(json.details.completedAt) - Date.now()) < 10_000);
    assert.deepEqual(json.details.answers, { interest: 'several-days', mood: 'nearly-every-day' });
    assert.equal(json.details.scoreDetails.score, 4);
    assert.equal(json.details.scoreDetails.scoreMetadata.maxScore, 6);
    assert.ok(json.details.questions.mood.text);
  }));

test('mock: the element’s session request mints one with the type from the query; an unscored one has no score', () =>
  serve(createHostBackend(), async ({ base, post, get, profile }) => {
    const created = await post(`/api/questionnaire?profile=${profile}&questionnaireType=mood-check`, { model: 'helios', recordingTime: '2026-11-23T09:41:07' });
    assert.equal(created.status, 200);
    await fetch(`${base}${created.json.activityLink}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'today=good' });
    const { json } = await get(created.json.statusUrl);
    assert.equal(json.details.name, 'Mood check-in');
    assert.equal(json.details.scoreDetails, undefined);
    assert.equal((await post(`/api/questionnaire?profile=${profile}`, { questionnaireType: 'no-such' })).status, 422);
  }));

test('thymia mode: creates with the key server-side, answers a status URL of its own, proxies the status unchanged', async () => {
  const calls = [];
  const id = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
  const fakeThymia = async (url, init) => {
    calls.push({ url: String(url), method: init.method, body: init.body && JSON.parse(init.body), apiKey: new Headers(init.headers).get('x-api-key') });
    const body = init.method === 'POST' ? { id, activityLink: `https://app.thymia.ai/activity/${id}` } : { status: 'RESULTS_NOT_AVAILABLE' };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  await serve(createHostBackend({ apiKey: 'secret-key', fetch: fakeThymia }), async ({ post, get, profile }) => {
    const created = await post(`/api/questionnaire?profile=${profile}`, { questionnaireType: 'depression-assessment' });
    assert.deepEqual(created.json, { id, activityLink: `https://app.thymia.ai/activity/${id}`, statusUrl: `/api/questionnaire/${id}` });
    assert.match(calls[0].url, /\/v1\/questionnaires$/);
    assert.deepEqual(calls[0].body, { user: { userLabel: 'q-1' }, questionnaireType: 'depression-assessment' });
    assert.equal(calls[0].apiKey, 'secret-key');
    assert.doesNotMatch(JSON.stringify(created.json), /secret-key/);

    assert.deepEqual((await get(created.json.statusUrl)).json, { status: 'RESULTS_NOT_AVAILABLE' });
    assert.match(calls[1].url, new RegExp(`/v1/questionnaires/${id}$`));
    assert.equal(calls[1].method, 'GET');

    assert.equal((await post(`/api/questionnaire?profile=${profile}`, {})).status, 422);
    assert.equal(calls.length, 2);
  });
});
