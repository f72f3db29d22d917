/** Microphone faults: the track ending mid-recording, and no device at all. */
import { expect } from '@open-wc/testing';
import { button, createSession, part, recordEvents, waitForState, waitUntil } from '../helpers/element.js';
import {
  captureMicrophone, captureRecorderOutput, errorText, mountRecorder, recordUntilSubmittable, staticUrls, storageEmpties, storedSha, uniqueKey,
  unmountAll, uploadedSha,
} from '../helpers/faults.js';
import { sleep } from '../helpers/network.js';

describe('fault injection: microphone', () => {
  let capture: ReturnType<typeof captureRecorderOutput>;
  let mic: ReturnType<typeof captureMicrophone>;
  beforeEach(() => {
    capture = captureRecorderOutput();
    mic = captureMicrophone();
  });
  afterEach(() => {
    capture.restore();
    mic.restore();
    unmountAll();
  });

  it('track ends mid-recording with enough speech: mic-lost, audio kept, submit allowed, bytes intact', async () => {
    const session = await createSession('helios');
    const key = uniqueKey('miclost');
    const el = await mountRecorder({ ...staticUrls(session), 'storage-key': key });
    const log = recordEvents(el);
    await recordUntilSubmittable(el);
    mic.unplug();
    await waitForState(el, 'recorded');
    expect(log.of('thymia-error')).to.deep.equal([
      { code: 'mic-lost', message: 'The microphone stopped working during the recording. What was recorded so far has been kept.', recoverable: true },
    ]);
    expect(errorText(el)).to.include('has been kept');
    expect(log.of('thymia-recording-stop')).to.have.length(1);
    const recorded = await capture.sha();
    await waitUntil(async () => (await storedSha(key)) === recorded, 'the take is stored whole');
    expect(button(el, 'submit-button').disabled).to.be.false;
    expect(part(el, 'continue-button'), 'a lost microphone cannot continue').to.equal(null);

    button(el, 'submit-button').click();
    await waitForState(el, 'complete');
    expect(await uploadedSha(session.id)).to.equal(recorded);
    await storageEmpties(key);
  });

  it('track ends before there is enough speech: mic-lost, audio kept, submit not allowed, retake offered', async () => {
    const session = await createSession('helios');
    const key = uniqueKey('miclost-short');
    const el = await mountRecorder({ ...staticUrls(session), 'storage-key': key, 'min-speech-seconds': '60' });
    const log = recordEvents(el);
    button(el, 'record-button').click();
    await waitForState(el, 'recording');
    await sleep(1500);
    mic.unplug();
    await waitForState(el, 'recorded');
    expect(log.of('thymia-error').map((error) => error.code)).to.deep.equal(['mic-lost']);
    await waitUntil(async () => (await storedSha(key)) === (await capture.sha()), 'the audio so far is stored');
    expect(button(el, 'submit-button').disabled).to.be.true;
    expect(button(el, 'retake-button')).to.exist;
  });

  it('microphone lost while paused (stopped too early): the take is finalised and kept', async () => {
    const session = await createSession('helios');
    const key = uniqueKey('miclost-paused');
    const el = await mountRecorder({ ...staticUrls(session), 'storage-key': key, 'min-speech-seconds': '60' });
    const log = recordEvents(el);
    button(el, 'record-button').click();
    await waitForState(el, 'recording');
    await sleep(1200);
    button(el, 'stop-button').click();
    await waitForState(el, 'recorded');
    expect(part(el, 'continue-button')).to.exist;
    mic.unplug();
    await waitUntil(() => log.of('thymia-error').some((error) => error.code === 'mic-lost'), 'mic-lost');
    await el.updateComplete;
    expect(part(el, 'continue-button')).to.equal(null);
    await waitUntil(async () => (await storedSha(key)) === (await capture.sha()), 'the audio so far is stored');
  });

  it('no microphone: mic-not-found, and Try again asks again', async () => {
    mic.restore();
    const original = navigator.mediaDevices.getUserMedia;
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
    try {
      const session = await createSession('helios');
      const el = await mountRecorder({ ...staticUrls(session), 'storage-key': uniqueKey('nodevice') });
      const log = recordEvents(el);
      button(el, 'record-button').click();
      await waitForState(el, 'error');
      expect(log.of('thymia-error')).to.deep.equal([
        { code: 'mic-not-found', message: 'No microphone was found. Connect a microphone and try again.', recoverable: true },
      ]);
      navigator.mediaDevices.getUserMedia = original;
      button(el, 'record-button').click();
      await waitForState(el, 'recording');
      await el.reset();
    } finally {
      navigator.mediaDevices.getUserMedia = original;
    }
  });
});
