// @ts-check
/**
 * thymia's own API, as the server half (thymia-recorder/server) calls it,
 * served by the mock of ./mock-thymia.js on the same runs:
 *
 *   POST /v1/models/mental-wellness   MentalWellnessModelRunUploadCreate → { id, recordingUploadUrl }
 *   POST /v1/models/apollo            ApolloModelRunCreate → { id, uploadUrls: { moodQuestionUploadUrl, readAloudUploadUrl } }
 *   GET  /v1/models/{mental-wellness|apollo}/{id}   the run's status JSON (errorReason and userLabel included, as thymia sends them)
 *   POST /v1/questionnaires           QuestionnaireCreate → { id, activityLink }
 *   GET  /v1/questionnaires/{id}      QuestionnaireResponse
 *
 * Every route wants `x-api-key` (401 without it; with the mock's `apiKey`
 * option, that key exactly); create bodies are checked against thymia's
 * required fields and limits (422, FastAPI's shape). Upload URLs and activity
 * links are absolute, on the host the request was sent to.
 *
 * Scenarios, per userLabel (the server half sends the person's label, so a
 * test picks a label and sets its scenario first):
 *   POST /__mock/scenario   { userLabel, outcome?, processingMs?, statusFaults?, uploadFaults?, warnings?, createFault?, once? }
 *                           createFault: 500 | 429 | html | hang | malformed, for that label's next create;
 *                           once: only the label's next run gets the upload/status faults (a re-mint gets a healthy one)
 *   GET  /__mock/creates/:userLabel   { creates }: create requests received for the label (a POST is never retried)
 */
import { answerStatus, sendJson } from './mock-answers.js';

const LANGUAGES = ['en', 'en-AU', 'en-GB', 'en-IE', 'en-IN', 'en-US', 'en-ZA', 'es-ES', 'es-US', 'id-ID', 'ja-JP'];
const BIRTH_SEXES = ['MALE', 'FEMALE', 'INTERSEX', 'UNKNOWN'];
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/;

/** @param {import('node:http').IncomingMessage} req */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}


/** @param {(string | number)[]} loc @param {string} msg */
const invalid = (loc, msg) => ({ detail: [{ loc: ['body', ...loc], msg, type: 'value_error' }] });

/**
 * thymia's create request checks (UserDetails, LanguageCode, the times, tags). Returns a 422 body or undefined.
 * @param {any} body @param {'helios' | 'apollo' | 'questionnaire'} kind
 */
function checkCreate(body, kind) {
  if (!body || typeof body !== 'object') return invalid([], 'expected an object');
  const user = body.user;
  if (!user || typeof user.userLabel !== 'string' || !user.userLabel || user.userLabel.length > 50) return invalid(['user', 'userLabel'], '1 to 50 characters');
  if (kind === 'questionnaire') {
    return typeof body.questionnaireType === 'string' && body.questionnaireType ? undefined : invalid(['questionnaireType'], 'field required');
  }
  if (typeof user.dateOfBirth !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(user.dateOfBirth)) return invalid(['user', 'dateOfBirth'], 'invalid date format');
  if (!BIRTH_SEXES.includes(user.birthSex)) return invalid(['user', 'birthSex'], 'value is not a valid enumeration member');
  if (!LANGUAGES.includes(body.language)) return invalid(['language'], 'value is not a valid enumeration member');
  const allowed = kind === 'apollo' ? ['user', 'language', 'deleteData'] : ['user', 'language', 'accent', 'sleepTime', 'wakeTime', 'recordingTime', 'tags', 'deleteData', 'dataToDelete'];
  for (const key of Object.keys(body)) if (!allowed.includes(key)) return invalid([key], 'extra fields not permitted');
  for (const key of ['sleepTime', 'wakeTime', 'recordingTime']) {
    if (body[key] !== undefined && (typeof body[key] !== 'string' || !LOCAL_DATE_TIME.test(body[key]))) return invalid([key], 'invalid datetime format');
  }
  if (body.tags !== undefined) {
    if (!Array.isArray(body.tags) || body.tags.length > 20) return invalid(['tags'], 'at most 20 tags');
    for (const [i, tag] of body.tags.entries()) {
      if (typeof tag?.name !== 'string' || tag.name.length > 40 || typeof tag.value !== 'string' || tag.value.length > 100) return invalid(['tags', i], 'invalid tag');
    }
  }
  return undefined;
}

/**
 * @param {{
 *   apiKey?: string,
 *   runs: Map<string, any>,
 *   createRun: (model: 'helios' | 'apollo', params: URLSearchParams) => any,
 *   statusBody: (run: any) => any,
 *   createQuestionnaire: (type: string, userLabel: string) => { id: string, activityLink: string },
 *   questionnaireBody: (id: string) => unknown,
 *   questionnaireTypes: string[],
 * }} mock
 */
export function createThymiaApi(mock) {
  /** @type {Map<string, { outcome?: string, processingMs?: number, statusFaults?: string[], uploadFaults?: string[], warnings?: string[], createFault?: string, once?: boolean, creates: number }>} */
  const scenarios = new Map();

  /** @param {string} label */
  const scenarioFor = (label) => {
    let scenario = scenarios.get(label);
    if (!scenario) scenarios.set(label, (scenario = { creates: 0 }));
    return scenario;
  };

  /** @param {import('node:http').IncomingMessage} req @param {string} path */
  const absolute = (req, path) => (path.startsWith('/') ? `http://${req.headers.host}${path}` : path);

  /**
   * Answers the create fault a scenario asked for; true when it answered (or will never answer).
   * @param {import('node:http').ServerResponse} res @param {string | undefined} fault
   */
  function createFault(res, fault) {
    if (!fault) return false;
    if (fault === 'hang') return true;
    if (fault === 'html') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    } else if (fault === 'malformed') sendJson(res, 200, { id: 'not a run' });
    else sendJson(res, Number(fault), { detail: `injected ${fault}` }, fault === '429' ? { 'Retry-After': '0' } : {});
    return true;
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>}
   */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;

    if (path === '/__mock/scenario' && req.method === 'POST') {
      const input = JSON.parse((await readBody(req)) || '{}');
      if (typeof input.userLabel !== 'string') {
        sendJson(res, 400, { detail: 'userLabel required' });
        return true;
      }
      const scenario = scenarioFor(input.userLabel);
      Object.assign(scenario, { outcome: input.outcome, processingMs: input.processingMs, statusFaults: input.statusFaults, uploadFaults: input.uploadFaults, warnings: input.warnings, createFault: input.createFault, once: input.once === true });
      sendJson(res, 200, { ok: true });
      return true;
    }
    const creates = path.match(/^\/__mock\/creates\/([^/]+)$/);
    if (creates && req.method === 'GET') {
      sendJson(res, 200, { creates: scenarios.get(decodeURIComponent(creates[1]))?.creates ?? 0 });
      return true;
    }

    if (!path.startsWith('/v1/')) return false;
    const key = req.headers['x-api-key'];
    if (typeof key !== 'string' || !key || (mock.apiKey !== undefined && key !== mock.apiKey)) {
      await readBody(req);
      sendJson(res, 401, { detail: 'Unauthorized' });
      return true;
    }

    const create = path.match(/^\/v1\/models\/(mental-wellness|apollo)$/);
    const kind = create ? (create[1] === 'apollo' ? 'apollo' : 'helios') : path === '/v1/questionnaires' ? 'questionnaire' : undefined;
    if (kind && req.method === 'POST') {
      let body;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        sendJson(res, 422, invalid([], 'Invalid JSON'));
        return true;
      }
      const problem = checkCreate(body, kind);
      if (problem) {
        sendJson(res, 422, problem);
        return true;
      }
      const label = body.user.userLabel;
      const scenario = scenarioFor(label);
      scenario.creates += 1;
      const fault = scenario.createFault;
      scenario.createFault = undefined;
      if (createFault(res, fault)) return true;
      if (kind === 'questionnaire') {
        if (!mock.questionnaireTypes.includes(body.questionnaireType)) {
          sendJson(res, 422, invalid(['questionnaireType'], `one of ${mock.questionnaireTypes.join(', ')}`));
          return true;
        }
        const created = mock.createQuestionnaire(body.questionnaireType, label);
        sendJson(res, 200, { id: created.id, activityLink: absolute(req, created.activityLink) });
        return true;
      }
      const params = new URLSearchParams({ userLabel: label });
      if (scenario.outcome) params.set('outcome', scenario.outcome);
      if (scenario.processingMs !== undefined) params.set('processingMs', String(scenario.processingMs));
      if (scenario.statusFaults?.length) params.set('statusFaults', scenario.statusFaults.join(','));
      if (scenario.uploadFaults?.length) params.set('uploadFaults', scenario.uploadFaults.join(','));
      for (const warning of scenario.warnings ?? []) params.append('warnings', warning);
      const created = mock.createRun(kind, params);
      if (scenario.once) Object.assign(scenario, { statusFaults: undefined, uploadFaults: undefined, once: false });
      sendJson(
        res,
        200,
        kind === 'apollo'
          ? { id: created.id, uploadUrls: { moodQuestionUploadUrl: absolute(req, created.uploadUrls.moodQuestionUploadUrl), readAloudUploadUrl: absolute(req, created.uploadUrls.readAloudUploadUrl) } }
          : { id: created.id, recordingUploadUrl: absolute(req, created.recordingUploadUrl) },
      );
      return true;
    }

    const status = path.match(/^\/v1\/models\/(mental-wellness|apollo)\/([^/]+)$/);
    if (status && req.method === 'GET') {
      const run = mock.runs.get(status[2]);
      if (!run || (run.model === 'apollo') !== (status[1] === 'apollo')) {
        sendJson(res, 404, { detail: 'Model run not found' });
        return true;
      }
      run.statusRequests += 1;
      answerStatus(res, run, () => mock.statusBody(run));
      return true;
    }

    const questionnaire = path.match(/^\/v1\/questionnaires\/([^/]+)$/);
    if (questionnaire && req.method === 'GET') {
      const body = mock.questionnaireBody(questionnaire[1]);
      if (body) sendJson(res, 200, body);
      else sendJson(res, 404, { detail: 'Questionnaire not found' });
      return true;
    }

    sendJson(res, 404, { detail: 'Not Found' });
    return true;
  }

  return { handle, scenarios };
}
