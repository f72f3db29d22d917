/** Microphone faults: the track ending mid-recording, and no device at all. */
import { expect } from '@open-wc/testing';
import { button, createSession, part, recordEvents, waitForState, waitUntil } from '../helpers/element.js';
import {
  captureMicrophone, captureRecorderOutput, mountRecorder, storedRecording, recordUntilSubmittable, staticUrls, storageEmpties, storedSha, uniqueKey,
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

  it('track ends mid-recording with enough speech: the take pauses (ended), nothing resumes it, Stop keeps it whole, bytes intact', async () => {
    const session = await createSession('helios');
    const key = uniqueKey('miclost');
    const el = await mountRecorder({ ...staticUrls(session), 'storage-key': key });
    const log = recordEvents(el);
    await recordUntilSubmittable(el);
    mic.unplug();
    await waitUntil(() => log.of('thymia-recording-pause').length === 1, 'the take pauses');
    expect(log.of('thymia-recording-pause')[0].reason).to.equal('ended');
    await el.updateComplete;
    expect(el.state, 'paused, not stopped: the person may resume on another microphone').to.equal('recording');
    expect(part(el, 'paused')?.textContent).to.include('What you recorded is kept');
    expect(button(el, 'resume-button')).to.exist;
    expect(log.of('thymia-error'), 'a pause is no error').to.deep.equal([]);

    button(el, 'stop-button').click();
    await waitForState(el, 'recorded');
    expect(log.of('thymia-recording-stop')).to.have.length(1);
    expect(log.of('thymia-recording-stop')[0].pauses.map((pause) => pause.reason)).to.deep.equal(['ended']);
    const recorded = await capture.sha();
    await waitUntil(async () => (await storedSha(key)) === recorded, 'the take is stored whole').catch(async () => {
      const stored = await storedRecording(key);
      throw new Error(`stored ${stored?.bytes.byteLength} B, recorder slices ${capture.chunks.map((chunk) => chunk.size).join(' ')}, stop ${JSON.stringify(log.of('thymia-recording-stop')[0])}`);
    });
    expect(button(el, 'submit-button').disabled).to.be.false;

    button(el, 'submit-button').click();
    await waitForState(el, 'complete');
    expect(await uploadedSha(session.id)).to.equal(recorded);
    await storageEmpties(key);
  });

  it('track ends before there is enough speech: the take pauses; Stop then says too short, submit not allowed, retake offered', async () => {
    const session = await createSession('helios');
    const key = uniqueKey('miclost-short');
    const el = await mountRecorder({ ...staticUrls(session), 'storage-key': key, 'min-speech-seconds': '60' });
    const log = recordEvents(el);
    button(el, 'record-button').click();
    await waitForState(el, 'recording');
    await sleep(1500);
    mic.unplug();
    await waitUntil(() => log.of('thymia-recording-pause').length === 1, 'the take pauses');
    button(el, 'stop-button').click();
    await waitForState(el, 'recorded');
    expect(log.of('thymia-error').map((error) => error.code)).to.deep.equal(['too-short']);
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
