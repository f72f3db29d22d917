import { expect } from '@open-wc/testing';
import {
  button, createSession, fixture, recordUntilEnough, html, inspectRun, nextEvent, part, recordEvents, recorderFor, shownSpeechSeconds, waitForState, waitUntil,
  type Recorder,
} from '../helpers/element.js';

describe('<thymia-recorder> capture', () => {
  it('asks for the raw voice: echo cancellation, noise suppression and gain control off', async () => {
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    const asked: MediaStreamConstraints[] = [];
    navigator.mediaDevices.getUserMedia = (constraints?: MediaStreamConstraints) => {
      asked.push(constraints ?? {});
      return original(constraints);
    };
    try {
      const el = await fixture<Recorder>(html`<thymia-recorder></thymia-recorder>`);
      button(el, 'record-button').click();
      expect(asked, 'getUserMedia is called synchronously inside the click').to.have.length(1);
      const audio = asked[0].audio as MediaTrackConstraints;
      expect(audio).to.include({ echoCancellation: false, noiseSuppression: false, autoGainControl: false });
      await waitForState(el, 'recording');
      await el.reset();
    } finally {
      navigator.mediaDevices.getUserMedia = original;
    }
  });

  it('stopping before enough speech explains what is missing, then continue completes the same recording', async () => {
    const session = await createSession('helios');
    const el = await recorderFor(session, { 'min-speech-seconds': '4' });
    const log = recordEvents(el);
    button(el, 'record-button').click();
    await waitForState(el, 'recording');
    await waitUntil(() => shownSpeechSeconds(el) >= 1, 'some speech', { timeout: 10_000 });
    const tooShort = nextEvent(el, 'thymia-error');
    button(el, 'stop-button').click();
    const { detail } = await tooShort;
    expect(detail.code).to.equal('too-short');
    expect(detail.recoverable).to.be.true;
    await waitForState(el, 'recorded');
    expect(part(el, 'error')!.textContent).to.match(/need 4 s/);
    expect(button(el, 'submit-button').disabled).to.be.true;
    expect(button(el, 'retake-button')).to.exist;

    button(el, 'continue-button').click();
    await waitForState(el, 'recording');
    await waitUntil(() => !button(el, 'submit-button').disabled, 'enough speech after continuing', { timeout: 20_000 });
    const stopped = nextEvent(el, 'thymia-recording-stop');
    button(el, 'stop-button').click();
    const stop = (await stopped).detail;
    expect(stop.speechSeconds).to.be.at.least(4);
    await waitForState(el, 'recorded');
    expect(button(el, 'submit-button').disabled).to.be.false;
    expect(log.of('thymia-recording-start')).to.have.length(2);

    await el.submit();
    await waitForState(el, 'complete');
    const run = await inspectRun(session.id);
    expect(run.uploads.main.size, 'one continuous file, both parts').to.equal(stop.size);
  });

  it('retake discards the take and starts from zero', async () => {
    const el = await recorderFor(await createSession('helios'), { 'min-speech-seconds': '30' });
    button(el, 'record-button').click();
    await waitForState(el, 'recording');
    await waitUntil(() => shownSpeechSeconds(el) >= 1, 'some speech', { timeout: 10_000 });
    button(el, 'stop-button').click();
    await waitForState(el, 'recorded');
    button(el, 'retake-button').click();
    await waitForState(el, 'idle');
    button(el, 'record-button').click();
    await waitForState(el, 'recording');
    expect(shownSpeechSeconds(el)).to.be.below(1);
    await el.reset();
  });

  it('stops by itself at max-seconds', async () => {
    const el = await recorderFor(await createSession('helios'), { 'min-speech-seconds': '1', 'max-seconds': '3' });
    const stopped = nextEvent(el, 'thymia-recording-stop');
    button(el, 'record-button').click();
    const { detail } = await stopped;
    expect(detail.durationSeconds).to.be.closeTo(3, 0.3);
    await waitForState(el, 'recorded');
    expect(part(el, 'continue-button'), 'a take cut at the limit cannot be continued').to.equal(null);
    expect(button(el, 'submit-button').disabled).to.be.false;
    expect(part(el, 'timer')!.textContent).to.match(/0:0[23]/);
  });

  it('submitting without URLs is a typed missing-config error that keeps the recording', async () => {
    const el = await fixture<Recorder>(html`<thymia-recorder min-speech-seconds="1"></thymia-recorder>`);
    await recordUntilEnough(el);
    const failed = nextEvent(el, 'thymia-error');
    button(el, 'submit-button').click();
    const { detail } = await failed;
    expect(detail.code).to.equal('missing-config');
    expect(detail.recoverable).to.be.true;
    await waitForState(el, 'error');

    const session = await createSession('helios');
    el.uploadUrl = session.recordingUploadUrl;
    el.statusUrl = session.statusUrl;
    el.pollInterval = 250;
    await el.updateComplete;
    button(el, 'submit-button').click();
    await waitForState(el, 'complete');
    const run = await inspectRun(session.id);
    expect(run.uploads.main.size).to.be.greaterThan(1000);
  });

  it('session-url mints fresh URLs right before upload', async () => {
    const el = await fixture<Recorder>(html`<thymia-recorder min-speech-seconds="1" poll-interval="250" session-url="/api/session"></thymia-recorder>`);
    const log = recordEvents(el);
    await recordUntilEnough(el);
    button(el, 'submit-button').click();
    await waitForState(el, 'complete');
    const result = log.of('thymia-result')[0];
    const run = await inspectRun(result.modelRunId!);
    expect(run.uploads.main.size).to.equal(log.of('thymia-recording-stop')[0].size);
  });

  it('auto-submit uploads as soon as the recording stops', async () => {
    const el = await recorderFor(await createSession('helios'), { 'min-speech-seconds': '1', 'auto-submit': '' });
    const log = recordEvents(el);
    await recordUntilEnough(el);
    button(el, 'stop-button').click();
    await waitForState(el, 'complete');
    expect(log.states()).to.deep.equal(['requesting-permission', 'recording', 'recorded', 'uploading', 'processing', 'complete']);
  });
});

describe('<thymia-recorder> keyboard use', () => {
  it('keeps focus on the controls as Record turns into Stop, then on the review\'s title', async () => {
    const el = await recorderFor(await createSession('helios'), { 'min-speech-seconds': '1' });
    const record = button(el, 'record-button');
    record.focus();
    record.click();
    await waitForState(el, 'recording');
    await el.updateComplete;
    // Compare part names, not nodes: a failing DOM-node comparison cannot be serialised back to the runner.
    expect(el.shadowRoot!.activeElement?.getAttribute('part'), 'focus moved to a live control').to.equal('stop-button');
    await waitUntil(() => !button(el, 'submit-button').disabled, 'enough speech', { timeout: 10_000 });
    button(el, 'stop-button').click();
    await waitForState(el, 'recorded');
    await el.updateComplete;
    // A new screen (the review): focus on its title, read first; Submit follows it in the tab order.
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('title');
    await el.reset();
  });
});
