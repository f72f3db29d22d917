/**
 * Every state the element reaches without a live microphone, rendered in
 * every language (en, es, id, ja) and a regional tag of each (es-US, ja-JP,
 * id-ID, en-IN, which fall back to the language): the state's own strings
 * show in that language, no placeholder or message id shows raw, and no
 * English is left in a non-English UI. States after a take (recorded,
 * uploading, processing, the errors a recording meets) start from a take an
 * earlier page kept; recording itself is in languages.speech.test.ts.
 * Each state is reached in all eight tags at once, from one scripted status.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { button, createSession, part, waitForState, type Recorder } from '../helpers/element.js';
import { FAST_TIMING, seedRecording, staticUrls, uniqueKey } from '../helpers/faults.js';
import { catalogueFor, expectTranslated, LANGUAGE_TAGS, mountIn, printLanguageMatrix, unmountLanguages, type TranslationCheck } from '../helpers/languages.js';
import { scriptStatus } from '../helpers/protocol.js';
import { APOLLO_COMPLETE } from '../fixtures/apollo.js';
import { QUESTIONNAIRE_AVAILABLE, QUESTIONNAIRE_DETAILS } from '../fixtures/questionnaire.js';
import { synthflowCall } from '../fixtures/synthflow.js';
import { THINNESTAI_ENDED } from '../fixtures/thinnestai.js';
import { historyAnswer } from '../fixtures/history.js';
import { humanise } from '../../src/render/format.js';
import { CALL_COMPLETE, EMOTIONS_RUN, MENTAL_WELLNESS_RUN } from '../fixtures/thymia-call.js';

/** A status answered with an HTTP error, from the mock's scripted route. */
async function scriptFailure(status: number): Promise<string> {
  const response = await fetch('/__mock/script', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ responses: [{ status, body: { detail: 'scripted failure' } }] }),
  });
  return ((await response.json()) as { statusUrl: string }).statusUrl;
}

/** Follows `statusUrl` until `state`, then lets any transcript open so its labels are read too. */
async function following(tag: string, statusUrl: string, attributes: Record<string, string>, state = 'complete'): Promise<Recorder> {
  const el = await mountIn(tag, { follow: '', 'status-url': statusUrl, ...attributes });
  await waitForState(el, state);
  await el.updateComplete;
  for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
  return el;
}

/** A Helios take an earlier page kept, offered back (state `recorded`) on a page whose run behaves as `scenario` says. */
async function restoredTake(tag: string, scenario: Record<string, string> = {}, attributes: Record<string, string> = {}) {
  const session = await createSession('helios', scenario);
  const key = uniqueKey(`lang-${tag}`);
  await seedRecording(key, 'main', 'helios', { speechSeconds: 25 });
  const el = await mountIn(tag, { ...staticUrls(session), 'storage-key': key, ...attributes }, { timing: { ...FAST_TIMING, uploadStallMs: 60_000 } });
  await waitForState(el, 'recorded', 10_000);
  await el.updateComplete;
  return el;
}

/** Sends the restored take and waits for `state`. */
async function sentTake(tag: string, state: string, scenario: Record<string, string> = {}) {
  const el = await restoredTake(tag, scenario);
  button(el, 'restore-upload-button').click();
  await waitForState(el, state, 20_000);
  await el.updateComplete;
  return el;
}

/** Presses Record on a Helios page and waits for `state` (the microphone answer is the test's stub). */
async function pressRecordUntil(tag: string, state: string): Promise<Recorder> {
  const el = await mountIn(tag, { 'upload-url': '/mock-upload/none/main', 'status-url': '/api/status/none' });
  button(el, 'record-button').click();
  await waitForState(el, state);
  await el.updateComplete;
  return el;
}

interface StateCase extends TranslationCheck {
  readonly name: string;
  /** Prepares what all languages share (one scripted status), then returns how to reach the state in one tag. */
  readonly setup: () => Promise<(tag: string) => Promise<Recorder>>;
  /** An error state's `data-code`. */
  readonly code?: string;
}

const HELIOS_COMPLETE = { ...MENTAL_WELLNESS_RUN, status: 'COMPLETE_OK', warnings: ['Audio quality may affect result accuracy.'] };
const heliosData = [MENTAL_WELLNESS_RUN.results.sections[0].transcript, ...HELIOS_COMPLETE.warnings];

const completed = (body: unknown, attributes: Record<string, string>) => async () => {
  const statusUrl = await scriptStatus(body);
  return (tag: string) => following(tag, statusUrl, attributes);
};

/** A Helios result on a page whose history-url answers `runs` (oldest first: uniform stress per session). */
const withHistory = (stressByDay: readonly number[]) => async () => {
  const statusUrl = await scriptStatus(HELIOS_COMPLETE);
  const historyUrl = await scriptStatus(historyAnswer(stressByDay));
  return async (tag: string) => {
    const el = await following(tag, statusUrl, { 'history-url': historyUrl });
    await waitUntil(() => part(el, 'history'), `${tag}: the history view`, { timeout: 10_000 });
    await el.updateComplete;
    return el;
  };
};

const STATES: readonly StateCase[] = [
  {
    name: 'idle (Helios)',
    setup: async () => (tag) => mountIn(tag, { 'upload-url': '/mock-upload/none/main', 'status-url': '/api/status/none' }),
    shows: ['instructionsHelios', 'record'],
  },
  {
    name: 'idle (Helios, require-consent, ask-sleep)',
    setup: async () => (tag) => mountIn(tag, { 'upload-url': '/mock-upload/none/main', 'status-url': '/api/status/none', 'require-consent': '', 'ask-sleep': '' }),
    shows: ['consentTitle', 'consentText', 'consentCheckbox', 'sleepOptionalHint', 'sleepTimeLabel', 'wakeTimeLabel', 'record'],
  },
  {
    name: 'idle (Apollo, mood question)',
    setup: async () => (tag) => mountIn(tag, { model: 'apollo', 'session-url': '/api/session' }),
    shows: ['stepsLabel', 'stepMoodQuestion', 'stepReadAloud', 'moodQuestion', 'moodQuestionHint', 'record'],
  },
  {
    name: 'idle (Apollo, read-aloud passage)',
    setup: async () => async (tag) => {
      const key = uniqueKey(`lang-apollo-${tag}`);
      await seedRecording(key, 'moodQuestion', 'apollo', { speechSeconds: 25 });
      const el = await mountIn(tag, { model: 'apollo', 'session-url': '/api/session', 'storage-key': key });
      await waitForState(el, 'recorded', 10_000);
      // The restored take is offered once its view has loaded.
      await el.updateComplete;
      button(el, 'next-button').click();
      await waitForState(el, 'idle');
      await el.updateComplete;
      return el;
    },
    shows: ['stepDone', 'readAloudIntro', 'readAloudTitle', 'readAloudPassage', 'record'],
  },
  {
    name: 'requesting permission',
    setup: async () => {
      // The person has not answered the browser's permission prompt yet.
      navigator.mediaDevices.getUserMedia = () => new Promise<MediaStream>(() => undefined);
      return (tag) => pressRecordUntil(tag, 'requesting-permission');
    },
    shows: ['requestingPermission', 'record'],
  },
  {
    name: 'recorded (kept by an earlier page)',
    setup: async () => (tag) => restoredTake(tag),
    shows: ['restoredOffer', 'restoreUpload', 'discard', 'takeMain', 'reviewTake'],
  },
  { name: 'processing (Helios)', setup: async () => (tag) => sentTake(tag, 'processing', { processingMs: '60000' }), shows: ['processing'] },
  {
    name: 'processing (following a call)',
    setup: async () => {
      const statusUrl = await scriptStatus(synthflowCall('ringing'));
      return async (tag) => {
        const el = await following(tag, statusUrl, { 'status-adapter': 'synthflow' }, 'processing');
        // The platform's status shows once the first answer is in (slower engines take longer than a fixed wait).
        await waitUntil(() => !!el.shadowRoot!.querySelector('.follow-status'), 'the first status answer', { timeout: 10_000 });
        await el.updateComplete;
        return el;
      };
    },
    shows: ['followWaiting', 'followStatus'],
    ignore: ['ringing'],
  },
  {
    name: 'processing (activity hand-off)',
    setup: async () => {
      const statusUrl = await scriptStatus({ status: 'RESULTS_NOT_AVAILABLE' });
      return (tag) => following(tag, statusUrl, { 'activity-link': 'https://activities.thymia.ai/a/123' }, 'processing');
    },
    shows: ['activityIntro', 'activityOpen', 'followWaiting'],
  },
  {
    name: 'complete (Helios full)',
    setup: completed(HELIOS_COMPLETE, { model: 'helios', results: 'full' }),
    shows: ['resultsHeading', 'warningsHeading', 'mentalStrain', 'distress', 'stress', 'exhaustion', 'sleepPropensity', 'lowSelfEsteem', 'transcriptHeading', 'resultsDisclaimer'],
    ignore: heliosData,
  },
  {
    name: 'complete (Helios, history before the baseline)',
    setup: withHistory([0.2, 0.3]),
    shows: ['historyHeading', 'historyProgress', 'historyForming'],
    ignore: heliosData,
  },
  {
    name: 'complete (Helios, history against the baseline)',
    setup: withHistory([0.2, 0.3, 0.25, 0.4, 0.7]),
    shows: ['historyHeading', 'historyHigher', 'historyUsual', 'historyNote', 'historyTableCaption', 'historySession', 'historyReading', 'historyUsualRow'],
    ignore: heliosData,
  },
  {
    name: 'complete (Helios summary)',
    setup: completed(HELIOS_COMPLETE, { model: 'helios', results: 'summary' }),
    shows: ['resultsHeading', 'mentalStrain', 'bucketLow', 'bucketModeratelyLow', 'bucketModeratelyHigh', 'bucketHigh', 'resultsDisclaimer', 'heliosNextStep'],
    ignore: heliosData,
  },
  {
    name: 'complete (Apollo, default none)',
    setup: completed(APOLLO_COMPLETE, { model: 'apollo' }),
    shows: ['apolloSubmitted', 'apolloPatientNext'],
  },
  {
    name: 'complete (Apollo summary)',
    setup: completed(APOLLO_COMPLETE, { model: 'apollo', results: 'summary' }),
    shows: ['apolloHeading', 'apolloClinicianNotice', 'apolloWarningsHeading', 'depression', 'anxiety', 'bandModerate', 'bandLow', 'probability', 'severity', 'modelVersion'],
    ignore: APOLLO_COMPLETE.warnings,
  },
  {
    name: 'complete (Apollo full)',
    setup: completed(APOLLO_COMPLETE, { model: 'apollo', results: 'full' }),
    shows: ['symptomsDepression', 'symptomsAnxiety', 'anhedonia', 'dread', 'levelNone', 'levelSevere', 'reportHeading', 'reportView', 'reportPdf', 'reportExpires', 'apolloNotForCrisis'],
    ignore: APOLLO_COMPLETE.warnings,
  },
  {
    name: 'complete (Synthflow call)',
    setup: completed(synthflowCall('completed'), { 'status-adapter': 'synthflow' }),
    shows: ['callHeading', 'callDuration', 'callEndReason', 'callTranscript'],
    // The end reason is Synthflow's own value, shown humanised; the transcript is the call's.
    ignore: ['Human ended call', 'Hi Alex, how are you feeling today?', 'A bit tired, honestly.', 'Thanks for sharing.', 'human:', 'bot:'],
  },
  {
    name: 'complete (ThinnestAI call)',
    setup: completed(THINNESTAI_ENDED, { 'status-adapter': 'thinnestai' }),
    shows: ['callHeading', 'callOutcome', 'callSentiment', 'callOverview', 'callKeyTopics', 'callActionItems', 'roleAssistant', 'roleUser'],
    ignore: [
      'User hangup',
      'Resolved',
      'Positive',
      THINNESTAI_ENDED.analysis.summary.overview,
      ...THINNESTAI_ENDED.analysis.summary.key_topics,
      ...THINNESTAI_ENDED.analysis.summary.action_items,
    ],
  },
  {
    name: 'complete (thymia call, full)',
    setup: completed(CALL_COMPLETE, { results: 'full' }),
    shows: ['resultsHeading', 'apolloHeading', 'emotionsHeading'],
    // thymia leaves the Emotions model's keys open (EmotionsModelRunResponseResults has no properties), so they are shown humanised.
    ignore: [...heliosData, ...APOLLO_COMPLETE.warnings, ...Object.keys(EMOTIONS_RUN.results).map(humanise)],
  },
  {
    name: 'complete (questionnaire)',
    setup: async () => {
      const statusUrl = await scriptStatus(QUESTIONNAIRE_AVAILABLE);
      return (tag) => following(tag, statusUrl, { 'activity-link': 'https://activity.example/q/1' });
    },
    shows: ['questionnaireCompletedAt', 'questionnaireScore'],
    ignore: [QUESTIONNAIRE_DETAILS.name],
  },
  { name: 'error upload-failed', code: 'upload-failed', setup: async () => (tag) => sentTake(tag, 'error', { uploadFaults: '400' }), shows: ['upload-failed', 'tryAgain', 'retake'] },
  { name: 'error status-failed', code: 'status-failed', setup: async () => (tag) => sentTake(tag, 'error', { statusFaults: '401' }), shows: ['status-failed', 'tryAgain'] },
  { name: 'error model-error', code: 'model-error', setup: async () => (tag) => sentTake(tag, 'error', { outcome: 'ERR_INTERNAL' }), shows: ['ERR_INTERNAL', 'recordAgain'] },
  { name: 'error data-deleted', code: 'data-deleted', setup: async () => (tag) => sentTake(tag, 'error', { statusFaults: '404' }), shows: ['data-deleted'] },
  {
    name: 'error status-failed (following)',
    code: 'status-failed',
    setup: async () => {
      const statusUrl = await scriptFailure(401);
      return (tag) => following(tag, statusUrl, {}, 'error');
    },
    shows: ['status-failed', 'tryAgain'],
  },
  {
    name: 'error model-error (call busy)',
    code: 'model-error',
    setup: async () => {
      const statusUrl = await scriptStatus(synthflowCall('ringing'), synthflowCall('busy'));
      return (tag) => following(tag, statusUrl, { 'status-adapter': 'synthflow' }, 'error');
    },
    shows: ['callBusy'],
  },
  {
    name: 'error missing-config',
    code: 'missing-config',
    // An http: status URL on another origin is refused before any request.
    setup: async () => (tag) => following(tag, 'http://status.example/run/1', {}, 'error'),
    shows: ['missing-config'],
    // The attribute to fix is named for the page's author, as written in the markup.
    ignore: ['(status-url)'],
  },
  {
    name: 'recorded (kept, too little speech)',
    setup: async () => async (tag) => {
      const key = uniqueKey(`lang-short-${tag}`);
      await seedRecording(key, 'main', 'helios', { speechSeconds: 2 });
      const el = await mountIn(tag, { 'upload-url': '/mock-upload/none/main', 'status-url': '/api/status/none', 'storage-key': key });
      await waitForState(el, 'recorded', 10_000);
      await el.updateComplete;
      return el;
    },
    shows: ['restoredTooShort', 'discard'],
  },
  {
    name: 'complete (Apollo full, report expired)',
    setup: completed({ ...APOLLO_COMPLETE, report: { ...APOLLO_COMPLETE.report, accessExpiresAt: '2020-01-01T00:00:00Z' } }, { model: 'apollo', results: 'full' }),
    shows: ['reportHeading', 'reportExpired'],
    ignore: APOLLO_COMPLETE.warnings,
  },
  {
    name: 'processing (activity link unusable)',
    setup: async () => {
      const statusUrl = await scriptStatus({ status: 'RESULTS_NOT_AVAILABLE' });
      return (tag) => following(tag, statusUrl, { 'activity-link': 'javascript:alert(1)' }, 'processing');
    },
    shows: ['activityUnavailable'],
  },
  {
    name: 'error mic-permission-denied',
    code: 'mic-permission-denied',
    setup: async () => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
      return (tag) => pressRecordUntil(tag, 'error');
    },
    shows: ['mic-permission-denied', 'tryAgain'],
  },
  {
    name: 'error mic-not-found',
    code: 'mic-not-found',
    setup: async () => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
      return (tag) => pressRecordUntil(tag, 'error');
    },
    shows: ['mic-not-found', 'tryAgain'],
  },
  {
    name: 'error upload-url-expired',
    code: 'upload-url-expired',
    setup: async () => (tag) => sentTake(tag, 'error', { uploadFaults: '403' }),
    shows: ['upload-url-expired'],
  },
  {
    name: 'error invalid-status-response',
    code: 'invalid-status-response',
    setup: async () => {
      const statusUrl = await scriptStatus({ unexpected: 'shape' });
      return (tag) => following(tag, statusUrl, {}, 'error');
    },
    shows: ['invalid-status-response'],
  },
  // Last: its stalled uploads can hold the browser's connections to the test server for a while after the test.
  { name: 'uploading', setup: async () => (tag) => sentTake(tag, 'uploading', { uploadFaults: 'stall' }), shows: ['uploading', 'uploadProgress'] },
];

describe('every state in every language', () => {
  after(() => printLanguageMatrix('without recording'));
  const getUserMedia = navigator.mediaDevices.getUserMedia;
  afterEach(() => {
    unmountLanguages();
    navigator.mediaDevices.getUserMedia = getUserMedia;
  });

  for (const state of STATES) {
    it(state.name, async () => {
      const reach = await state.setup();
      const elements = await Promise.all(LANGUAGE_TAGS.map((tag) => reach(tag)));
      elements.forEach((el, index) => {
        const tag = LANGUAGE_TAGS[index];
        if (state.code) expect(part(el, 'error')?.dataset.code, `${state.name} in ${tag}`).to.equal(state.code);
        expectTranslated(el, tag, state.name, state);
      });
    });
  }
});

describe('host wording and Intl formats per language', () => {
  afterEach(() => unmountLanguages());

  it('strings overrides one id in Japanese; the rest stays Japanese', async () => {
    const el = await mountIn('ja', { 'upload-url': '/mock-upload/none/main', 'status-url': '/api/status/none' }, {
      beforeConnect: (target) => (target.strings = { record: '話し始める' }),
    });
    expect(button(el, 'record-button').textContent!.trim()).to.equal('話し始める');
    expectTranslated(el, 'ja', 'idle with an override', { shows: ['instructionsHelios'] });
  });

  it('the check catches English, a placeholder and a raw message id (a control)', async () => {
    const withRecordLabel = (label: string) =>
      mountIn('ja', { 'upload-url': '/mock-upload/none/main', 'status-url': '/api/status/none' }, { beforeConnect: (target) => (target.strings = { record: label }) });
    const [el1, el2, el3] = await Promise.all(['Record', '{count} 録音', 'recordAgain'].map(withRecordLabel));
    const el4 = await mountIn('es', { 'upload-url': '/mock-upload/none/main', 'status-url': '/api/status/none' }, { beforeConnect: (target) => (target.strings = { record: 'Record' }) });
    expect(() => expectTranslated(el1, 'ja', 'control')).to.throw(/English left: Record/);
    expect(() => expectTranslated(el2, 'ja', 'control')).to.throw(/placeholders left/);
    expect(() => expectTranslated(el3, 'ja', 'control')).to.throw(/raw message ids/);
    expect(() => expectTranslated(el4, 'es', 'control')).to.throw(/English left: Record/);
  });

  it('the questionnaire completion date is written the way each language writes dates', async () => {
    const statusUrl = await scriptStatus(QUESTIONNAIRE_AVAILABLE);
    const written = async (tag: string) => {
      const el = await following(tag, statusUrl, { 'activity-link': 'https://activity.example/q/1' });
      return el.shadowRoot!.querySelector('.questionnaire-completed')!.textContent!;
    };
    const [english, spanish, indonesian, japanese] = await Promise.all(['en', 'es', 'id', 'ja'].map(written));
    // 2026-11-23T09:41:07Z, in whatever time zone the browser runs.
    expect(english).to.match(/Nov 2[34], 2026/);
    expect(spanish).to.match(/2[34] nov 2026/);
    expect(indonesian).to.match(/2[34] Nov 2026/);
    expect(japanese).to.match(/2026\/11\/2[34]/);
    expect(japanese.startsWith(catalogueFor('ja').questionnaireCompletedAt.split('{')[0])).to.be.true;
  });
});
