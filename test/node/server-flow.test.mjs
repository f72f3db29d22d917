/**
 * The server half end to end against the mock thymia: whole sessions per
 * model, the results policy, thymia failing in each way the contract names,
 * the history store hook, and the secret-leak scan.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createThymiaHandler } from '../../dist/lib/server/index.js';
import { client, headerAuthorize, person, SECRET, startMockThymia, upload } from '../helpers/server-half.mjs';

const API_KEY = 'sk-thymia-LEAKCHECK-7f3a9c2e51d04b8a';
const thymia = await startMockThymia({ apiKey: API_KEY });
after(() => thymia.close());

/** @param {Record<string, object>} people @param {Record<string, unknown>} [extra] */
function handler(people, extra = {}) {
  return createThymiaHandler({ apiKey: API_KEY, baseUrl: thymia.url, secret: SECRET, authorize: headerAuthorize(people), log: () => undefined, retryMaxMs: 50, timeoutMs: 2000, ...extra });
}

/** Runs a whole Helios or Apollo session for `name` and answers the final status JSON. */
async function completeRun(/** @type {ReturnType<typeof client>} */ call, name, model = 'helios') {
  const created = await call('/api/thymia/session', { user: name, body: { model, recordingTime: '2026-11-23T09:41:07' } });
  assert.equal(created.status, 200, created.text);
  if (model === 'apollo') {
    await upload(created.json.uploadUrls.moodQuestionUploadUrl);
    await upload(created.json.uploadUrls.readAloudUploadUrl);
  } else {
    await upload(created.json.recordingUploadUrl);
  }
  const answer = await call(created.json.statusUrl, { user: name });
  assert.equal(answer.status, 200, answer.text);
  return { created, answer };
}

describe('results policy', () => {
  const people = {
    none: person('apollo-none'),
    summary: person('apollo-summary', { results: 'summary' }),
    full: person('apollo-full', { results: 'full' }),
    helios: person('helios-default'),
    heliosSummary: person('helios-summary', { results: 'summary' }),
    heliosNone: person('helios-none', { results: 'none' }),
  };
  const call = client(handler(people));

  test('Apollo under none (the default): status, timestamps and warnings only; no probability anywhere', async () => {
    await thymia.scenario({ userLabel: 'label-apollo-none', warnings: ['Audio quality may affect result accuracy.'] });
    const { created, answer } = await completeRun(call, 'none', 'apollo');
    assert.equal(answer.json.status, 'COMPLETE_OK');
    assert.deepEqual(answer.json.warnings, ['Audio quality may affect result accuracy.']);
    assert.ok(answer.json.completedAt);
    for (const word of ['probability', 'severity', 'disorders', 'symptoms', 'report', 'reports.thymia.ai', 'label-apollo-none', 'errorReason']) {
      assert.ok(!answer.text.includes(word), `${word} leaked: ${answer.text}`);
    }
    assert.ok(!created.text.includes('probability'));
    // The mock did send them: the policy, not the mock, removed them.
    const raw = thymia.mock.statusBody(thymia.mock.runs.get(created.json.id));
    assert.equal(raw.results.disorders.depression.probability, 0.61);
  });

  test('Apollo under summary: disorder probability and severity, no symptoms, no report links', async () => {
    const { answer } = await completeRun(call, 'summary', 'apollo');
    assert.deepEqual(answer.json.results.disorders, { depression: { probability: 0.61, severity: 0.58 }, anxiety: { probability: 0.47, severity: 0.44 } });
    assert.deepEqual(answer.json.results.symptoms, { depression: {}, anxiety: {} });
    assert.equal(answer.json.model, 'apollo-1.0');
    for (const word of ['report', 'anhedonia', 'distribution', 'label-apollo-summary']) assert.ok(!answer.text.includes(word), `${word} leaked`);
  });

  test('Apollo under full: everything thymia sent but errorReason and the person\'s label', async () => {
    const { answer } = await completeRun(call, 'full', 'apollo');
    assert.equal(answer.json.results.symptoms.depression.anhedonia.distribution.none > 0, true);
    assert.match(answer.json.report.viewUrl, /^https:\/\/reports\.thymia\.ai/);
    assert.equal(answer.json.userLabel, undefined);
  });

  test('Helios: full by default; summary keeps buckets but no transcript or continuous scores; none keeps no scores', async () => {
    const full = (await completeRun(call, 'helios')).answer.json;
    assert.match(full.results.sections[0].transcript, /North Wind/);
    assert.equal(full.results.sections[0].uniformStress.value, 0.39);
    const summary = (await completeRun(call, 'heliosSummary')).answer;
    const section = summary.json.results.sections[0];
    assert.equal(section.transcript, '');
    assert.equal(section.stress.value, 0.33);
    assert.equal(section.mentalStrain.value, 0.42);
    assert.ok(!summary.text.includes('uniform'));
    const none = (await completeRun(call, 'heliosNone')).answer;
    assert.equal(none.json.status, 'COMPLETE_OK');
    assert.equal(none.json.results, undefined);
  });

  test('COMPLETE_ERROR: errorCode reaches the browser, errorReason never', async () => {
    await thymia.scenario({ userLabel: 'label-helios-default', outcome: 'ERR_RECORDING_TOO_SHORT' });
    const { answer } = await completeRun(call, 'helios');
    await thymia.scenario({ userLabel: 'label-helios-default' });
    assert.equal(answer.json.status, 'COMPLETE_ERROR');
    assert.equal(answer.json.errorCode, 'ERR_RECORDING_TOO_SHORT');
    assert.ok(!answer.text.includes('errorReason'));
    assert.ok(!answer.text.includes('too short'));
  });

  test('a run still waiting for its upload answers CREATED', async () => {
    const created = await call('/api/thymia/session', { user: 'helios', body: { model: 'helios' } });
    const answer = await call(created.json.statusUrl, { user: 'helios' });
    assert.equal(answer.json.status, 'CREATED');
  });
});

describe('questionnaires', () => {
  const people = { q: person('quinn'), qNone: person('quinn-none', { results: 'none' }) };

  test('a questionnaire session: activity link and status, the type from the body or the query', async () => {
    const call = client(handler(people));
    const created = await call('/api/thymia/session', { user: 'q', body: { model: 'questionnaire', questionnaireType: 'phq-2' } });
    assert.equal(created.status, 200, created.text);
    assert.match(created.json.activityLink, /\/mock-questionnaire\//);
    assert.equal((await call(created.json.statusUrl, { user: 'q' })).json.status, 'RESULTS_NOT_AVAILABLE');
    await fetch(created.json.activityLink, { method: 'POST', body: new URLSearchParams({ interest: 'nearly-every-day', mood: 'several-days' }) });
    const done = await call(created.json.statusUrl, { user: 'q' });
    assert.equal(done.json.status, 'RESULTS_AVAILABLE');
    assert.equal(done.json.details.scoreDetails.score, 4);
    const fromQuery = await call('/api/thymia/session?questionnaireType=gad-2', { user: 'q', body: { model: 'helios', recordingTime: '2026-11-23T09:41:07' } });
    assert.match(fromQuery.json?.activityLink ?? '', /mock-questionnaire/);
    assert.equal(fromQuery.status, 200, fromQuery.text);
  });

  test('without a type, or one the site does not offer: 400', async () => {
    const call = client(handler(people, { questionnaireTypes: ['phq-2'] }));
    assert.equal((await call('/api/thymia/session', { user: 'q', body: { model: 'questionnaire' } })).status, 400);
    assert.equal((await call('/api/thymia/session', { user: 'q', body: { model: 'questionnaire', questionnaireType: 'gad-2' } })).status, 400);
  });

  test('under none a completed questionnaire carries no score or answers', async () => {
    const call = client(handler(people));
    const created = await call('/api/thymia/session', { user: 'qNone', body: { model: 'questionnaire', questionnaireType: 'phq-2' } });
    await fetch(created.json.activityLink, { method: 'POST', body: new URLSearchParams({ interest: 'nearly-every-day' }) });
    const done = await call(created.json.statusUrl, { user: 'qNone' });
    assert.deepEqual(done.json, { status: 'RESULTS_AVAILABLE' });
  });
});

describe('thymia failing', () => {
  const people = Object.fromEntries(['s500', 's500once', 's429', 'html', 'hang', 'schema', 'c500', 'chang', 'chtml', 'cmal', 'gone'].map((name) => [name, person(name)]));
  /** @type {any[]} */
  const lines = [];
  const call = client(handler(people, { timeoutMs: 300, log: (/** @type {any} */ entry) => lines.push(entry) }));

  /** A created run whose status GETs meet `statusFaults`. */
  async function runWith(name, statusFaults) {
    await thymia.scenario({ userLabel: `label-${name}`, statusFaults });
    const created = await call('/api/thymia/session', { user: name, body: { model: 'helios' } });
    assert.equal(created.status, 200, created.text);
    return created;
  }

  test('500 on every attempt: 502 upstream after the retries (3 GETs)', async () => {
    const created = await runWith('s500', ['500', '500', '500', '500']);
    const answer = await call(created.json.statusUrl, { user: 's500' });
    assert.equal(answer.status, 502);
    assert.equal(answer.json.error.code, 'upstream');
    assert.equal(thymia.mock.runs.get(created.json.id).statusRequests, 3);
  });

  test('one 500, then the run: retried, 200', async () => {
    const created = await runWith('s500once', ['500']);
    const answer = await call(created.json.statusUrl, { user: 's500once' });
    assert.equal(answer.status, 200);
    assert.equal(thymia.mock.runs.get(created.json.id).statusRequests, 2);
  });

  test('429 with Retry-After: retried after it, 200', async () => {
    const created = await runWith('s429', ['429', '429']);
    const answer = await call(created.json.statusUrl, { user: 's429' });
    assert.equal(answer.status, 200);
    assert.equal(thymia.mock.runs.get(created.json.id).statusRequests, 3);
  });

  test('an HTML page: 502 upstream', async () => {
    const created = await runWith('html', ['html']);
    const answer = await call(created.json.statusUrl, { user: 'html' });
    assert.equal(answer.status, 502);
    assert.ok(!answer.text.includes('Bad Gateway'));
  });

  test('a hang: 504 timeout', async () => {
    const created = await runWith('hang', ['hang']);
    const answer = await call(created.json.statusUrl, { user: 'hang' });
    assert.equal(answer.status, 504);
    assert.equal(answer.json.error.code, 'timeout');
  });

  test('a body that fails the schema: 502 upstream', async () => {
    const created = await runWith('schema', ['malformed']);
    const answer = await call(created.json.statusUrl, { user: 'schema' });
    assert.equal(answer.status, 502);
    assert.ok(lines.some((line) => line.event === 'upstream.invalid'));
  });

  test('a run thymia no longer has (data deleted): 404 not-found', async () => {
    const created = await runWith('gone', []);
    thymia.mock.runs.delete(created.json.id);
    const answer = await call(created.json.statusUrl, { user: 'gone' });
    assert.equal(answer.status, 404);
    assert.equal(answer.json.error.code, 'not-found');
  });

  for (const [name, fault, status] of [['c500', '500', 502], ['chang', 'hang', 504], ['chtml', 'html', 502], ['cmal', 'malformed', 502]]) {
    test(`create answered with ${fault}: ${status}, and the POST is not retried`, async () => {
      await thymia.scenario({ userLabel: `label-${name}`, createFault: fault });
      const before = await thymia.creates(`label-${name}`);
      const answer = await call('/api/thymia/session', { user: name, body: { model: 'helios' } });
      assert.equal(answer.status, status, answer.text);
      assert.equal((await thymia.creates(`label-${name}`)) - before, 1);
    });
  }

  test('a wrong API key: 502 upstream, logged as refused', async () => {
    const wrong = client(createThymiaHandler({ apiKey: 'wrong-key', baseUrl: thymia.url, secret: SECRET, authorize: headerAuthorize(people), log: (/** @type {any} */ entry) => lines.push(entry) }));
    const answer = await wrong('/api/thymia/session', { user: 's500', body: { model: 'helios' } });
    assert.equal(answer.status, 502);
    assert.ok(lines.some((line) => line.event === 'upstream.refused' && line.status === 401));
  });

  test('thymia unreachable: 502 upstream', async () => {
    const closed = client(createThymiaHandler({ apiKey: API_KEY, baseUrl: 'http://127.0.0.1:9', secret: SECRET, authorize: headerAuthorize(people), log: () => undefined, retryMaxMs: 20 }));
    assert.equal((await closed('/api/thymia/session', { user: 's500', body: { model: 'helios' } })).status, 502);
  });
});

describe('history store hook', () => {
  const people = { h: person('hist'), a: person('hist-apollo'), e: person('hist-error') };

  test('a COMPLETE_OK answer is saved once per poll under the subject, as the policy allowed; errors are not', async () => {
    /** @type {any[]} */
    const saved = [];
    const store = { saveRun: async (/** @type {string} */ subject, /** @type {any} */ run, /** @type {any} */ options) => void saved.push({ subject, run, options }) };
    const call = client(handler(people, { store, retentionDays: 30 }));
    const { created } = await completeRun(call, 'a', 'apollo');
    assert.equal(saved.length, 1);
    assert.equal(saved[0].subject, 'subject-hist-apollo');
    assert.equal(saved[0].run.runId, created.json.id);
    assert.equal(saved[0].run.model, 'apollo');
    assert.ok(!Number.isNaN(Date.parse(saved[0].run.completedAt)));
    assert.equal(saved[0].run.results.results, undefined, 'policy none: no scores kept');
    assert.deepEqual(saved[0].options, { retentionDays: 30 });
    await thymia.scenario({ userLabel: 'label-hist-error', outcome: 'ERR_INTERNAL' });
    await completeRun(call, 'e');
    assert.equal(saved.length, 1);
  });

  test('a failing store does not fail the answer, and its log line has no personal data', async () => {
    /** @type {any[]} */
    const lines = [];
    const store = { saveRun: async () => Promise.reject(new Error('disk full for subject-hist')) };
    const call = client(handler(people, { store, log: (/** @type {any} */ entry) => lines.push(entry) }));
    const { answer } = await completeRun(call, 'h');
    assert.equal(answer.json.status, 'COMPLETE_OK');
    const line = lines.find((entry) => entry.event === 'store.failed');
    assert.ok(line);
    assert.ok(!JSON.stringify(line).includes('subject-hist'));
  });
});

describe('secrets never leak', () => {
  test('a whole session per model: no API key, upload URL or personal detail in any response, header or log line', async () => {
    const people = { leak: person('leaky', { user: { userLabel: 'leak-label-4711', dateOfBirth: '1977-07-07', birthSex: 'INTERSEX' }, tags: [{ name: 'ward', value: 'leak-tag-value' }], results: 'full' }) };
    /** @type {{ answers: { status: number, headers: [string, string][], text: string }[] }} */
    const recorder = { answers: [] };
    /** @type {string[]} */
    const logLines = [];
    /** @type {string[]} */
    const consoleLines = [];
    const original = { warn: console.warn, error: console.error, log: console.log, info: console.info };
    for (const name of /** @type {const} */ (['warn', 'error', 'log', 'info'])) console[name] = (...args) => consoleLines.push(args.join(' '));
    const uploadUrls = [];
    try {
      const verbose = handler(people, { log: (/** @type {any} */ entry) => logLines.push(JSON.stringify(entry)), timeoutMs: 300 });
      const quiet = createThymiaHandler({ apiKey: API_KEY, baseUrl: thymia.url, secret: SECRET, authorize: headerAuthorize(people), timeoutMs: 300, retryMaxMs: 20 });
      for (const instance of [verbose, quiet]) {
        const call = client(instance, recorder);
        for (const model of ['helios', 'apollo']) {
          const { created } = await completeRun(call, 'leak', model);
          uploadUrls.push(...(model === 'apollo' ? Object.values(created.json.uploadUrls) : [created.json.recordingUploadUrl]));
        }
        // The failure paths too: thymia failing, bad input, someone else's token.
        await thymia.scenario({ userLabel: 'leak-label-4711', statusFaults: ['500', '500', '500', 'html', 'malformed', 'hang'] });
        const created = await call('/api/thymia/session', { user: 'leak', body: { model: 'helios' } });
        uploadUrls.push(created.json.recordingUploadUrl);
        for (let i = 0; i < 4; i += 1) await call(created.json.statusUrl, { user: 'leak' });
        await thymia.scenario({ userLabel: 'leak-label-4711', createFault: '500' });
        await call('/api/thymia/session', { user: 'leak', body: { model: 'helios' } });
        await thymia.scenario({ userLabel: 'leak-label-4711' });
        await call('/api/thymia/session', { user: 'leak', body: '{"model":"helios","x":1}' });
      }
    } finally {
      Object.assign(console, original);
    }
    assert.ok(logLines.length > 5, 'the log hook saw the session');
    assert.ok(uploadUrls.length >= 8 && uploadUrls.every((url) => url.startsWith('http://127.0.0.1')));
    const sessionAnswers = new Set(recorder.answers.filter((a) => a.text.includes('"statusUrl"')).map((a) => a.text));
    assert.ok(sessionAnswers.size >= 6);
    const secrets = ['leak-label-4711', '1977-07-07', 'INTERSEX', 'leak-tag-value', 'subject-leaky', 'errorReason', 'X-Amz-Signature'];
    for (const answer of recorder.answers) {
      const everything = `${answer.headers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n${answer.text}`;
      assert.ok(!everything.includes(API_KEY), 'API key in a response');
      if (sessionAnswers.has(answer.text)) continue;
      for (const url of uploadUrls) assert.ok(!everything.includes(url) && !everything.includes(new URL(url).search), `upload URL in a response: ${everything}`);
      for (const secret of secrets) assert.ok(!everything.includes(secret), `${secret} in a response: ${everything}`);
    }
    for (const line of [...logLines, ...consoleLines]) {
      assert.ok(!line.includes(API_KEY), `API key in a log line: ${line}`);
      for (const url of uploadUrls) assert.ok(!line.includes(new URL(url).search), `upload URL in a log line: ${line}`);
      for (const secret of secrets) assert.ok(!line.includes(secret), `${secret} in a log line: ${line}`);
    }
    assert.ok(consoleLines.length > 0, 'the default logger wrote the failures');
  });
});
