/**
 * The states only a live microphone reaches — recording, paused too short,
 * recorded, recorded with a quality warning, Apollo's review of both takes —
 * in every language and a regional tag of each, one after another from the
 * fake microphone (speech.wav): the state's strings show in that
 * language, no placeholder or message id shows raw, no English is left.
 */
import { expect } from '@open-wc/testing';
import { button, part, waitForState, waitUntil, type Recorder } from '../helpers/element.js';
import { recordAndStop } from '../helpers/faults.js';
import { catalogueFor, expectTranslated, LANGUAGE_TAGS, mountIn, printLanguageMatrix, unmountLanguages, type TranslationCheck } from '../helpers/languages.js';

const URLS = { 'upload-url': '/mock-upload/none/main', 'status-url': '/api/status/none' };

interface StateCase extends TranslationCheck {
  readonly name: string;
  readonly reach: (tag: string) => Promise<Recorder>;
  readonly code?: string;
  /**
   * Submit is labelled `submit`, or `submitAnyway` when the take drew a quality warning (eight takes at
   * once on two cores can start late enough to count as mostly silence).
   */
  readonly submitLabel?: boolean;
}

async function speaking(tag: string, minSpeechSeconds: string): Promise<Recorder> {
  const el = await mountIn(tag, { ...URLS, 'min-speech-seconds': minSpeechSeconds });
  button(el, 'record-button').click();
  await waitForState(el, 'recording', 10_000);
  await waitUntil(() => Number(part(el, 'speech-meter')?.dataset.speechSeconds) >= 1, 'some speech heard', { timeout: 15_000 });
  return el;
}

/** The microphones' own names (the microphone choice lists them): the device's words, not the UI's. */
async function microphoneNames(): Promise<string[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((device) => device.kind === 'audioinput' && device.label).map((device) => device.label);
}

const STATES: readonly StateCase[] = [
  {
    name: 'recording',
    reach: async (tag) => {
      const el = await speaking(tag, '60');
      await el.updateComplete;
      return el;
    },
    shows: ['titleHelios', 'instructionsHeliosRecording', 'timer', 'levelMeter', 'speechProgress', 'speechNeedMore', 'stop', 'finishAndSubmit'],
  },
  {
    name: 'paused too short',
    code: 'too-short',
    reach: async (tag) => {
      const el = await speaking(tag, '60');
      button(el, 'stop-button').click();
      await waitForState(el, 'recorded', 10_000);
      await el.updateComplete;
      return el;
    },
    shows: ['titleTooShort', 'stoppedTooEarly', 'continueRecording', 'retake', 'submit'],
  },
  {
    name: 'recorded',
    reach: async (tag) => {
      const el = await mountIn(tag, { ...URLS, 'min-speech-seconds': '1' });
      await recordAndStop(el);
      await el.updateComplete;
      return el;
    },
    shows: ['titleReview', 'takeMain', 'reviewTake', 'retake'],
    submitLabel: true,
  },
  {
    name: 'recorded, quality warning',
    reach: async (tag) => {
      const el = await mountIn(tag, { ...URLS, 'min-speech-seconds': '1' });
      await recordAndStop(el);
      await el.updateComplete;
      expect(part(el, 'quality-warning'), `quality warning in ${tag}`).to.exist;
      return el;
    },
    shows: ['qualityAdvice', 'qualityProcessingOn', 'retake', 'submitAnyway'],
  },
  {
    name: 'recorded (Apollo, both takes reviewed)',
    reach: async (tag) => {
      const el = await mountIn(tag, { model: 'apollo', 'session-url': '/api/session', 'min-speech-seconds': '1' });
      button(el, 'record-button').click();
      await waitForState(el, 'recording', 10_000);
      await waitUntil(() => !button(el, 'next-button').disabled, 'enough speech for the mood question', { timeout: 25_000, interval: 50 });
      button(el, 'next-button').click();
      await waitForState(el, 'idle', 10_000);
      await recordAndStop(el);
      await el.updateComplete;
      expect(part(el, 'review'), `review in ${tag}`).to.exist;
      return el;
    },
    shows: ['reviewHeading', 'reviewTake', 'retakeStep', 'stepDone', 'retake'],
    submitLabel: true,
  },
];

describe('recording states in every language', () => {
  after(() => printLanguageMatrix('recording'));
  const getUserMedia = navigator.mediaDevices.getUserMedia;
  afterEach(() => {
    unmountLanguages();
    navigator.mediaDevices.getUserMedia = getUserMedia;
  });

  for (const state of STATES) {
    it(state.name, async function () {
      // Each language reaches the state in turn (a few seconds of speech each, Apollo two takes).
      this.timeout(LANGUAGE_TAGS.length * 30_000);
      if (state.name.includes('quality warning')) {
        // A browser that keeps its voice processing on whatever the page asks (some Android and Bluetooth
        // stacks): the take's quality report says so, and the element advises on it.
        navigator.mediaDevices.getUserMedia = (constraints) =>
          getUserMedia.call(navigator.mediaDevices, { ...constraints, audio: { ...(constraints?.audio as object), noiseSuppression: true, autoGainControl: true } });
      }
      // One language after another: eight live captures at once (eight microphones, audio contexts, worklets
      // and encoders) starved a loaded 2-core machine until getUserMedia took over 10 s. No page runs eight.
      const elements: Recorder[] = [];
      for (const tag of LANGUAGE_TAGS) elements.push(await state.reach(tag));
      const ignore = [...(state.ignore ?? []), ...(await microphoneNames())];
      elements.forEach((el, index) => {
        const tag = LANGUAGE_TAGS[index];
        if (state.code) expect(part(el, 'error')?.dataset.code, `${state.name} in ${tag}`).to.equal(state.code);
        expectTranslated(el, tag, state.name, { ...state, ignore });
        if (state.submitLabel) {
          const { submit, submitAnyway } = catalogueFor(tag);
          expect([submit, submitAnyway], `${state.name} in ${tag}: submit label`).to.include(button(el, 'submit-button').textContent!.trim());
        }
      });
      for (const el of elements) await el.reset();
    });
  }
});
