// @ts-check
/**
 * A faithful stand-in for thymia plus a host backend, as plain Node
 * middleware `(req, res) => Promise<boolean>` (true when it answered), used
 * by the demo's Vite server and by the test server alike.
 *
 * Host routes (what a real host backend exposes to the browser):
 *   POST /api/session[?scenario…]   { model } → thymia's create response + statusUrl
 *   GET  /api/status/:id            thymia's model-run JSON, unchanged
 * thymia-side routes:
 *   PUT  /mock-upload/:id/:recording?expires=…&signature=…   the pre-signed URL
 * Inspection (tests and the demo's event log):
 *   GET  /__mock/runs/:id           uploads received (size, sha256, content type, headers)
 *   GET  /__mock/tags/:tag          the runs created with ?tag=…, oldest first, same shape as /__mock/runs/:id
 *
 * Scenario query parameters on /api/session (all optional):
 *   outcome=ok|ERR_RECORDING_TOO_SHORT|…   how the run completes
 *   processingMs=1500                      RUNNING → COMPLETE after upload
 *   expiresInMs=3600000                    pre-signed URL lifetime
 *   uploadFaults=500,500,drop,stall        answers for the first PUTs, then success
 *   statusFaults=503,timeout,html,404      answers for the first GETs, then the real status
 *   tag=name                               groups runs (e.g. one test's re-minted sessions); see /__mock/tags/:tag
 *   faultsOnce=1                           with tag: only the tag's first run gets the upload/status faults,
 *                                          so a re-mint through session-url gets a healthy run
 *   warnings=Some%20warning                COMPLETE_OK warnings (repeatable)
 *   transcript=…                            COMPLETE_OK transcript
 *   uploadFaults=readAloud:500,…            a fault prefixed with a recording name hits only that
 *                                          recording's PUTs; unprefixed faults hit any PUT, in order
 *   activity=1                             Activity Plugin run: answers { id, activityLink, statusUrl }
 *                                          instead of upload URLs; loading the link completes the activity
 *
 * Activity and scripted status (voice-agent calls, other platforms' records):
 *   GET  /mock-activity/:id         the activity page an activityLink points at; loading it counts as done
 *   POST /__mock/script             { responses: [{ status?, body }…] } → { id, statusUrl }
 *   GET  /__mock/script/:id         the next scripted answer per request, repeating the last one
 *
 * Questionnaires (thymia's POST /v1/questionnaires and GET /v1/questionnaires/{id}):
 *   POST /api/questionnaire[?questionnaireType=…&userLabel=…]   body { questionnaireType? } (the query wins
 *                                   when the body has none, so the element's session request can mint one)
 *                                   → { id, activityLink, statusUrl }; types: phq-2, gad-2 (scored), mood-check
 *   GET  /api/questionnaire/:id     { status: 'RESULTS_NOT_AVAILABLE' } until completed, then
 *                                   { status: 'RESULTS_AVAILABLE', details: { name, completedAt, questions, answers, scoreDetails? } }
 *   GET  /mock-questionnaire/:id    the activity page the activityLink points at: the questions as a form
 *   POST /mock-questionnaire/:id    the form's submit: records the answers (unanswered → first option)
 *
 * thymia's own API (/v1/…, with x-api-key), for the server half: see ./mock-thymia-api.js.
 */
import { createHash, randomUUID } from 'node:crypto';
import { answerStatus, sendJson } from './mock-answers.js';
import { createThymiaApi } from './mock-thymia-api.js';

/** @typedef {{ size: number, sha256: string, contentType: string | undefined, headers: Record<string, string | string[] | undefined>, at: number }} Upload */
/**
 * @typedef {object} Run
 * @property {string} id
 * @property {'helios' | 'apollo'} model
 * @property {string} createdAt
 * @property {string | undefined} runAt
 * @property {string | undefined} completedAt
 * @property {string} userLabel
 * @property {string[]} recordings
 * @property {Record<string, Upload>} uploads
 * @property {Record<string, Buffer>} bodies
 * @property {number} expiresAt
 * @property {string} outcome
 * @property {number} processingMs
 * @property {string[]} uploadFaults
 * @property {string[]} statusFaults
 * @property {string[]} warnings
 * @property {string | undefined} transcript
 * @property {number} statusRequests
 * @property {number} uploadRequests
 * @property {boolean} [activity]       created for the Activity Plugin (no upload URLs)
 * @property {boolean} [activityDone]   the activity page was loaded
 */

/** Helios scores as thymia reports them (shape from thymia's docs); the bench's server answers with them too. */
export const HELIOS_SCORES = {
  mentalStrain: 0.42,
  distress: 0.33,
  stress: 0.33,
  exhaustion: 0.66,
  sleepPropensity: 0.66,
  lowSelfEsteem: 0,
  uniformDistress: 0.48,
  uniformStress: 0.39,
  uniformExhaustion: 0.61,
  uniformSleepPropensity: 0.58,
  uniformLowSelfEsteem: 0.21,
};

const DEPRESSION_SYMPTOMS = ['anhedonia', 'lowmood', 'sleepissues', 'lowenergy', 'appetiteissues', 'worthlessnessissues', 'concentrationissues', 'psychomotorissues'];
const ANXIETY_SYMPTOMS = ['nervousness', 'uncontrollableworry', 'excessiveworry', 'troublerelaxing', 'restlessness', 'irritability', 'dread'];

/** Plausible, deterministic symptom scores (distribution sums to 1). @param {number} index */
function symptom(index) {
  const severe = 0.05 + ((index * 7) % 20) / 100;
  const moderate = 0.15 + ((index * 3) % 15) / 100;
  const mild = 0.25 + ((index * 5) % 10) / 100;
  const none = Math.round((1 - severe - moderate - mild) * 100) / 100;
  return {
    severity: Math.round((mild * 0.33 + moderate * 0.66 + severe) * 100) / 100,
    distribution: { none, mild, moderate, severe },
  };
}

function apolloResults() {
  return {
    disorders: {
      depression: { probability: 0.61, severity: 0.58 },
      anxiety: { probability: 0.47, severity: 0.44 },
    },
    symptoms: {
      depression: Object.fromEntries(DEPRESSION_SYMPTOMS.map((name, i) => [name, symptom(i)])),
      anxiety: Object.fromEntries(ANXIETY_SYMPTOMS.map((name, i) => [name, symptom(i + 8)])),
    },
  };
}

/**
 * The mock's questionnaires. `questions` and `answers` are open objects in
 * thymia's schema; here each question lists its options by id, and answers
 * refer to options by id, as thymia's docs say multiple-choice answers do.
 */
const FREQUENCY = [
  { id: 'not-at-all', text: 'Not at all', value: 0 },
  { id: 'several-days', text: 'Several days', value: 1 },
  { id: 'more-than-half', text: 'More than half the days', value: 2 },
  { id: 'nearly-every-day', text: 'Nearly every day', value: 3 },
];
/** @type {Record<string, { name: string, scored: boolean, questions: { id: string, text: string, options: { id: string, text: string, value: number }[] }[] }>} */
export const MOCK_QUESTIONNAIRES = {
  'phq-2': {
    name: 'PHQ-2',
    scored: true,
    questions: [
      { id: 'interest', text: 'Over the last two weeks, how often have you had little interest or pleasure in doing things?', options: FREQUENCY },
      { id: 'mood', text: 'Over the last two weeks, how often have you been feeling down, depressed or hopeless?', options: FREQUENCY },
    ],
  },
  'gad-2': {
    name: 'GAD-2',
    scored: true,
    questions: [
      { id: 'nervous', text: 'Over the last two weeks, how often have you been feeling nervous, anxious or on edge?', options: FREQUENCY },
      { id: 'worry', text: 'Over the last two weeks, how often have you not been able to stop or control worrying?', options: FREQUENCY },
    ],
  },
  'mood-check': {
    name: 'Mood check-in',
    scored: false,
    questions: [
      {
        id: 'today',
        text: 'How is your mood today?',
        options: [
          { id: 'low', text: 'Low', value: 0 },
          { id: 'okay', text: 'Okay', value: 1 },
          { id: 'good', text: 'Good', value: 2 },
        ],
      },
    ],
  },
};

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** errorReason as thymia words it: for logs, never for the screen. */
const ERROR_REASONS = {
  ERR_RECORDING_TOO_SHORT:
    'Recording supplied is too short. Please supply a recording containing at least 10 seconds of speech and that is under 3 minutes in length.',
  ERR_RECORDING_TOO_LONG: 'Recording supplied is too long. Please supply a recording under 3 minutes in length.',
  ERR_TRANSCRIPTION_FAILED: 'Could not determine any speech in the recording supplied.',
  ERR_RECORDING_INVALID_FORMAT: 'Recording supplied is not in a supported format.',
  ERR_INTERNAL: 'An internal error occurred while processing the model run.',
};

/** @param {import('node:http').IncomingMessage} req */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */

/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} code @param {string} message */
function sendS3Error(res, status, code, message) {
  res.writeHead(status, { 'Content-Type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

/** @param {string | null} value */
function list(value) {
  return value ? value.split(',').map((item) => item.trim()).filter(Boolean) : [];
}

/**
 * @param {{ basePath?: string, defaultProcessingMs?: number, log?: (line: string) => void, apiKey?: string }} [options]
 *   apiKey: the only key thymia's /v1 routes accept (default: any non-empty key)
 */
export function createMockThymia(options = {}) {
  /** @type {Map<string, Run>} */
  const runs = new Map();
  /** @type {Map<string, string[]>} run ids per ?tag=, in creation order */
  const tags = new Map();
  /** @type {Map<string, { responses: { status?: number, body?: unknown }[], served: number }>} scripted status sequences */
  const scripts = new Map();
  const log = options.log ?? (() => undefined);
  /** @type {Map<string, { id: string, type: string, userLabel: string, createdAt: string, answers?: Record<string, string>, completedAt?: string }>} */
  const questionnaires = new Map();

  /** @param {Run} run @param {string} recording */
  function uploadUrl(run, recording) {
    const signature = createHash('sha256').update(`${run.id}:${recording}`).digest('hex').slice(0, 16);
    return `/mock-upload/${run.id}/${recording}?X-Amz-Expires=${Math.round((run.expiresAt - Date.now()) / 1000)}&expires=${run.expiresAt}&X-Amz-Signature=${signature}`;
  }

  /** A re-mint under `faultsOnce`: the tag already has its faulty run. @param {URLSearchParams} params */
  function faultless(params) {
    const tag = params.get('tag');
    return params.get('faultsOnce') === '1' && !!tag && (tags.get(tag)?.length ?? 0) > 0;
  }

  /**
   * The fault for this PUT: the first one aimed at this recording
   * (`readAloud:500`) or at any recording (`500`), removed once used.
   * @param {Run} run @param {string} recording
   */
  function takeUploadFault(run, recording) {
    const index = run.uploadFaults.findIndex((fault) => !fault.includes(':') || fault.startsWith(`${recording}:`));
    if (index < 0) return undefined;
    const [fault] = run.uploadFaults.splice(index, 1);
    return fault.includes(':') ? fault.slice(fault.indexOf(':') + 1) : fault;
  }

  /** What the inspection routes report about a run. @param {Run} run */
  function inspection(run) {
    return { id: run.id, model: run.model, uploads: run.uploads, statusRequests: run.statusRequests, uploadRequests: run.uploadRequests };
  }

  /**
   * Creates a run as thymia's POST /v1/models/{model} would, with scenario knobs.
   * @param {'helios' | 'apollo'} model
   * @param {URLSearchParams} params
   */
  function createRun(model, params) {
    const id = randomUUID();
    /** @type {Run} */
    const run = {
      id,
      model,
      createdAt: new Date().toISOString(),
      runAt: undefined,
      completedAt: undefined,
      userLabel: params.get('userLabel') ?? 'demo-user',
      recordings: model === 'apollo' ? ['moodQuestion', 'readAloud'] : ['main'],
      uploads: {},
      bodies: {},
      expiresAt: Date.now() + Number(params.get('expiresInMs') ?? 3_600_000),
      outcome: params.get('outcome') ?? 'ok',
      processingMs: Number(params.get('processingMs') ?? options.defaultProcessingMs ?? 4000),
      uploadFaults: faultless(params) ? [] : list(params.get('uploadFaults')),
      statusFaults: faultless(params) ? [] : list(params.get('statusFaults')),
      warnings: params.getAll('warnings'),
      transcript: params.get('transcript') ?? undefined,
      activity: params.get('activity') === '1',
      statusRequests: 0,
      uploadRequests: 0,
    };
    runs.set(id, run);
    const tag = params.get('tag');
    if (tag) tags.set(tag, [...(tags.get(tag) ?? []), id]);
    log(`run ${id} created (${model}, outcome ${run.outcome})`);
    const base = options.basePath ?? '';
    const created =
      run.activity
        ? { id, activityLink: `${base}/mock-activity/${id}` }
        : model === 'apollo'
        ? { id, uploadUrls: { moodQuestionUploadUrl: uploadUrl(run, 'moodQuestion'), readAloudUploadUrl: uploadUrl(run, 'readAloud') } }
        : { id, recordingUploadUrl: uploadUrl(run, 'main') };
    return { ...created, statusUrl: `${base}/api/status/${id}` };
  }

  /** thymia's GET /v1/models/{model}/{id} body for the run as it stands. @param {Run} run */
  function statusBody(run) {
    const allUploaded = run.activityDone || run.recordings.every((name) => run.uploads[name]);
    const base = {
      id: run.id,
      createdAt: run.createdAt,
      userLabel: run.userLabel,
      deleteData: false,
      tags: [],
      warnings: [],
    };
    if (!allUploaded) return { ...base, status: 'CREATED' };
    const finishedAt = Date.parse(/** @type {string} */ (run.runAt)) + run.processingMs;
    if (Date.now() < finishedAt) return { ...base, status: 'RUNNING', runAt: run.runAt };
    run.completedAt ??= new Date().toISOString();
    const done = { ...base, runAt: run.runAt, completedAt: run.completedAt };
    if (run.outcome !== 'ok') {
      return {
        ...done,
        status: 'COMPLETE_ERROR',
        errorCode: run.outcome,
        errorReason: ERROR_REASONS[/** @type {keyof typeof ERROR_REASONS} */ (run.outcome)] ?? 'Unknown error.',
      };
    }
    if (run.model === 'apollo') {
      const expires = new Date(Date.now() + 3_600_000).toISOString();
      return {
        ...done,
        status: 'COMPLETE_OK',
        warnings: run.warnings,
        model: 'apollo-1.0',
        results: apolloResults(),
        report: {
          viewUrl: `https://reports.thymia.ai/v1/reports/${run.id}?token=demo`,
          pdfUrl: `https://reports.thymia.ai/v1/reports/${run.id}/pdf?token=demo`,
          accessExpiresAt: expires,
        },
      };
    }
    // An activity run has no uploads here: thymia recorded it, so report a plausible length.
    const durationSecs = run.activityDone ? 30 : Math.max(...run.recordings.map((name) => run.uploads[name].size)) / 16_000;
    return {
      ...done,
      status: 'COMPLETE_OK',
      warnings: run.warnings,
      model: 'helios-2.1',
      results: {
        sections: [
          {
            startSecs: 0,
            finishSecs: Math.round(durationSecs * 10) / 10,
            transcript: run.transcript ?? 'The North Wind and the Sun were disputing which was the stronger, when a traveller came along wrapped in a warm cloak.',
            ...Object.fromEntries(Object.entries(HELIOS_SCORES).map(([key, value]) => [key, { value }])),
          },
        ],
      },
    };
  }

  /**
   * thymia's POST /v1/questionnaires, as the host answers it (plus statusUrl).
   * @param {string} type @param {string} userLabel
   */
  function createQuestionnaire(type, userLabel) {
    const id = randomUUID();
    questionnaires.set(id, { id, type, userLabel, createdAt: new Date().toISOString() });
    log(`questionnaire ${id} created (${type})`);
    const base = options.basePath ?? '';
    return { id, activityLink: `${base}/mock-questionnaire/${id}`, statusUrl: `${base}/api/questionnaire/${id}` };
  }

  /** thymia's GET /v1/questionnaires/{id} body. @param {string} id */
  function questionnaireBody(id) {
    const entry = questionnaires.get(id);
    if (!entry) return undefined;
    if (!entry.answers || !entry.completedAt) return { status: 'RESULTS_NOT_AVAILABLE' };
    const definition = MOCK_QUESTIONNAIRES[entry.type];
    const answers = entry.answers;
    const score = definition.questions.reduce(
      (sum, question) => sum + (question.options.find((option) => option.id === answers[question.id])?.value ?? 0),
      0,
    );
    const maxScore = definition.questions.length * Math.max(...definition.questions[0].options.map((option) => option.value));
    return {
      status: 'RESULTS_AVAILABLE',
      details: {
        name: definition.name,
        completedAt: entry.completedAt,
        questions: Object.fromEntries(definition.questions.map((question) => [question.id, { text: question.text, options: question.options }])),
        answers,
        ...(definition.scored ? { scoreDetails: { score, scoreMetadata: { minScore: 0, maxScore, threshold: 3, positiveScreen: score >= 3 } } } : {}),
      },
    };
  }

  /** The activity page: the questions as a plain form. @param {string} id */
  function questionnairePage(id) {
    const entry = questionnaires.get(id);
    const page = (/** @type {string} */ body) =>
      `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>thymia questionnaire (mock)</title>` +
      `<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:1.5rem auto;padding:0 1rem;color:#17202a}fieldset{border:1px solid #dfe3e8;border-radius:10px;margin:0 0 1rem;padding:.75rem 1rem}legend{font-weight:600;padding:0 .25rem}label{display:block;padding:.2rem 0}button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:8px;background:#0f6e66;color:#fff;cursor:pointer}</style>` +
      body;
    if (!entry) return page('<p>No such questionnaire.</p>');
    if (entry.completedAt) return page('<h1>Thank you</h1><p id="done">Questionnaire complete. You can return to the page.</p>');
    const definition = MOCK_QUESTIONNAIRES[entry.type];
    const questions = definition.questions
      .map(
        (question) =>
          `<fieldset><legend>${escapeHtml(question.text)}</legend>${question.options
            .map((option, index) => `<label><input type="radio" name="${question.id}" value="${option.id}"${index === 0 ? ' checked' : ''}> ${escapeHtml(option.text)}</label>`)
            .join('')}</fieldset>`,
      )
      .join('');
    return page(`<h1>${escapeHtml(definition.name)}</h1><p>A mock of thymia's questionnaire activity.</p><form method="post">${questions}<button type="submit" id="complete">Submit answers</button></form>`);
  }

  const api = createThymiaApi({
    apiKey: options.apiKey,
    runs,
    createRun,
    statusBody,
    createQuestionnaire,
    questionnaireBody,
    questionnaireTypes: Object.keys(MOCK_QUESTIONNAIRES),
  });

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>}
   */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (await api.handle(req, res)) return true;

    if (req.method === 'POST' && path === '/api/session') {
      const body = await readBody(req);
      let model = 'helios';
      try {
        model = JSON.parse(body.toString() || '{}').model ?? 'helios';
      } catch {
        sendJson(res, 422, { detail: [{ loc: ['body'], msg: 'Invalid JSON', type: 'value_error' }] });
        return true;
      }
      if (model !== 'helios' && model !== 'apollo') {
        sendJson(res, 422, { detail: [{ loc: ['body', 'model'], msg: 'unknown model', type: 'value_error' }] });
        return true;
      }
      sendJson(res, 200, createRun(model, url.searchParams));
      return true;
    }

    if (req.method === 'POST' && path === '/api/questionnaire') {
      let input;
      try {
        input = JSON.parse((await readBody(req)).toString() || '{}');
      } catch {
        sendJson(res, 422, { detail: [{ loc: ['body'], msg: 'Invalid JSON', type: 'value_error' }] });
        return true;
      }
      const type = (typeof input?.questionnaireType === 'string' && input.questionnaireType) || url.searchParams.get('questionnaireType') || 'phq-2';
      if (!Object.hasOwn(MOCK_QUESTIONNAIRES, type)) {
        sendJson(res, 422, { detail: [{ loc: ['body', 'questionnaireType'], msg: `one of ${Object.keys(MOCK_QUESTIONNAIRES).join(', ')}`, type: 'value_error' }] });
        return true;
      }
      sendJson(res, 200, createQuestionnaire(type, url.searchParams.get('userLabel') ?? 'demo-user'));
      return true;
    }

    const questionnaireStatus = path.match(/^\/api\/questionnaire\/([\w-]+)$/);
    if (questionnaireStatus && req.method === 'GET') {
      const body = questionnaireBody(questionnaireStatus[1]);
      if (body) sendJson(res, 200, body);
      else sendJson(res, 404, { detail: 'Questionnaire not found' });
      return true;
    }

    const questionnaireActivity = path.match(/^\/mock-questionnaire\/([\w-]+)$/);
    if (questionnaireActivity && (req.method === 'GET' || req.method === 'POST')) {
      const entry = questionnaires.get(questionnaireActivity[1]);
      if (req.method === 'POST' && entry && !entry.completedAt) {
        const form = new URLSearchParams((await readBody(req)).toString());
        const definition = MOCK_QUESTIONNAIRES[entry.type];
        entry.answers = Object.fromEntries(
          definition.questions.map((question) => {
            const chosen = form.get(question.id);
            return [question.id, question.options.some((option) => option.id === chosen) ? /** @type {string} */ (chosen) : question.options[0].id];
          }),
        );
        entry.completedAt = new Date().toISOString();
        log(`questionnaire ${entry.id} completed`);
      }
      res.writeHead(entry ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(questionnairePage(questionnaireActivity[1]));
      return true;
    }

    const upload = path.match(/^\/mock-upload\/([\w-]+)\/(\w+)$/);
    if (upload && (req.method === 'PUT' || req.method === 'OPTIONS')) {
      const run = runs.get(upload[1]);
      const recording = upload[2];
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'Content-Type' });
        res.end();
        return true;
      }
      if (!run || !run.recordings.includes(recording)) {
        await readBody(req);
        sendS3Error(res, 403, 'AccessDenied', 'Access Denied');
        return true;
      }
      run.uploadRequests += 1;
      const fault = takeUploadFault(run, recording);
      if (fault === 'drop') {
        req.socket.destroy();
        return true;
      }
      if (fault === 'stall') {
        // Reads nothing and answers nothing: the client must notice and retry.
        setTimeout(() => req.socket.destroy(), 60_000).unref();
        return true;
      }
      const body = await readBody(req);
      if (fault && /^\d{3}$/.test(fault)) {
        if (fault === '403') sendS3Error(res, 403, 'AccessDenied', 'Request has expired');
        else sendS3Error(res, Number(fault), 'InternalError', 'We encountered an internal error. Please try again.');
        return true;
      }
      if (Date.now() > run.expiresAt || Number(url.searchParams.get('expires')) !== run.expiresAt) {
        sendS3Error(res, 403, 'AccessDenied', 'Request has expired');
        return true;
      }
      if (run.uploads[recording]) {
        // Pre-signed URLs here accept one PUT, as a used or replaced object would be refused.
        sendS3Error(res, 403, 'AccessDenied', 'Access Denied');
        return true;
      }
      run.uploads[recording] = {
        size: body.length,
        sha256: createHash('sha256').update(body).digest('hex'),
        contentType: req.headers['content-type'],
        headers: { ...req.headers },
        at: Date.now(),
      };
      run.bodies[recording] = body;
      if (run.recordings.every((name) => run.uploads[name])) run.runAt = new Date().toISOString();
      log(`run ${run.id}: ${recording} uploaded (${body.length} bytes, ${req.headers['content-type']})`);
      res.writeHead(200, { ETag: `"${run.uploads[recording].sha256.slice(0, 32)}"` });
      res.end();
      return true;
    }

    const status = path.match(/^\/api\/status\/([\w-]+)$/);
    if (status && req.method === 'GET') {
      const run = runs.get(status[1]);
      if (!run) {
        sendJson(res, 404, { detail: 'Model run not found' });
        return true;
      }
      run.statusRequests += 1;
      answerStatus(res, run, () => statusBody(run));
      return true;
    }

    const activity = path.match(/^\/mock-activity\/([\w-]+)$/);
    if (activity && req.method === 'GET') {
      const run = runs.get(activity[1]);
      if (run?.activity && !run.activityDone) {
        run.activityDone = true;
        run.runAt = new Date().toISOString();
        log(`run ${run.id}: activity completed`);
      }
      res.writeHead(run ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>thymia activity (mock)</title><p>${run ? 'Activity complete. You can return to the page.' : 'No such activity.'}</p>`);
      return true;
    }

    if (req.method === 'POST' && path === '/__mock/script') {
      let script;
      try {
        script = JSON.parse((await readBody(req)).toString() || '{}');
      } catch {
        sendJson(res, 400, { detail: 'invalid JSON' });
        return true;
      }
      const responses = Array.isArray(script.responses) ? script.responses : [];
      if (!responses.length) {
        sendJson(res, 400, { detail: 'responses: need at least one { status?, body }' });
        return true;
      }
      const id = randomUUID();
      scripts.set(id, { responses, served: 0 });
      sendJson(res, 200, { id, statusUrl: `${options.basePath ?? ''}/__mock/script/${id}` });
      return true;
    }

    const scripted = path.match(/^\/__mock\/script\/([\w-]+)$/);
    if (scripted && req.method === 'GET') {
      const script = scripts.get(scripted[1]);
      if (!script) {
        sendJson(res, 404, { detail: 'no such script' });
        return true;
      }
      const answer = script.responses[Math.min(script.served, script.responses.length - 1)];
      script.served += 1;
      sendJson(res, Number(answer.status ?? 200), answer.body ?? null);
      return true;
    }

    const inspect = path.match(/^\/__mock\/runs\/([\w-]+)$/);
    if (inspect && req.method === 'GET') {
      const run = runs.get(inspect[1]);
      if (!run) sendJson(res, 404, { detail: 'no such run' });
      else sendJson(res, 200, { id: run.id, model: run.model, uploads: run.uploads, statusRequests: run.statusRequests, uploadRequests: run.uploadRequests });
      return true;
    }

    const tagged = path.match(/^\/__mock\/tags\/([\w-]+)$/);
    if (tagged && req.method === 'GET') {
      const ids = tags.get(tagged[1]) ?? [];
      sendJson(res, 200, ids.map((id) => runs.get(id)).filter((run) => run !== undefined).map((run) => inspection(run)));
      return true;
    }

    return false;
  }

  return { handle, runs, createRun, statusBody, questionnaires, createQuestionnaire, questionnaireBody };
}

/** Adapts the handler to Koa-style middleware (web-test-runner, web-dev-server). */
export function koaMiddleware(mock = createMockThymia()) {
  /** @param {any} ctx @param {() => Promise<unknown>} next */
  return async (ctx, next) => {
    if (await mock.handle(ctx.req, ctx.res)) {
      ctx.respond = false;
      return;
    }
    await next();
  };
}

/** Adapts the handler to Connect-style middleware (Vite). */
export function connectMiddleware(mock = createMockThymia()) {
  /** @param {any} req @param {any} res @param {(error?: unknown) => void} next */
  return (req, res, next) => {
    mock.handle(req, res).then((handled) => (handled ? undefined : next()), next);
  };
}
