import { expect } from '@open-wc/testing';
import { button, createSession, inspectRun, nextEvent, part, recordEvents, recorderFor, sha256, waitForState, waitUntil } from '../helpers/element.js';
import { EXPECTED_CONTAINERS, captureUploads, decodedSeconds, engine, sleep } from '../helpers/media.js';

/**
 * The Helios flow with whatever microphone the browser fakes (speech in
 * Chromium, a tone in Firefox, a tone pattern in WebKit), so the speech
 * minimum is off: what is checked is what a person notices and what thymia
 * receives.
 */
describe(`<thymia-recorder> record → stop → submit → result (${engine()})`, () => {
  let uploads: ReturnType<typeof captureUploads>;
  let log: ReturnType<typeof recordEvents> | undefined;
  beforeEach(() => {
    uploads = captureUploads();
  });
  afterEach(function () {
    uploads.restore();
    // A failure in another engine is easier to read with the element's own account of it.
    if (this.currentTest?.state === 'failed') console.log(JSON.stringify(log?.events));
  });

  it('records with a moving timer, stops into a take, uploads exactly that take in full, and shows the result', async () => {
    const session = await createSession('helios');
    const el = await recorderFor(session, { 'min-speech-seconds': '0' });
    log = recordEvents(el);

    button(el, 'record-button').click();
    await waitForState(el, 'recording');
    const timerAtStart = part(el, 'timer')!.textContent!.trim();
    await waitUntil(() => part(el, 'timer')!.textContent!.trim() !== timerAtStart, 'the timer moves', { timeout: 5000 });
    await sleep(2500);

    const stopped = nextEvent(el, 'thymia-recording-stop');
    button(el, 'stop-button').click();
    const stop = (await stopped).detail;
    await waitForState(el, 'recorded');
    expect(stop.recording).to.equal('main');
    expect(stop.durationSeconds).to.be.within(2.5, 6);
    expect(EXPECTED_CONTAINERS[engine()]).to.include(stop.mimeType.split(';')[0]);
    expect(stop.size, 'a few seconds of compressed audio').to.be.greaterThan(4000);

    const result = nextEvent(el, 'thymia-result');
    button(el, 'submit-button').click();
    const { detail } = await result;
    await waitForState(el, 'complete');
    expect(detail.model).to.equal('helios');
    expect(detail.modelRunId).to.equal(session.id);
    expect(log.of('thymia-upload-complete')).to.deep.equal([{ recording: 'main' }]);
    expect(part(el, 'results')!.textContent).to.include('Moderately high');

    // What thymia received is the take, byte for byte, and it decodes to the whole take.
    const run = await inspectRun(session.id);
    expect(uploads.bodies).to.have.length(1);
    const [sent] = uploads.bodies;
    expect(run.uploads.main.sha256).to.equal(await sha256(sent));
    expect(run.uploads.main.size).to.equal(stop.size);
    expect(run.uploads.main.contentType, 'Content-Type is the base MIME type').to.equal(stop.mimeType.split(';')[0]);
    const seconds = await decodedSeconds(sent);
    console.log(`${engine()}: ${stop.mimeType}, ${stop.size} bytes, take ${stop.durationSeconds.toFixed(2)} s, upload decodes to ${seconds.toFixed(2)} s`);
    expect(seconds, 'the upload holds the whole take').to.be.at.least(stop.durationSeconds - 0.15);
    expect(seconds, 'and not much more').to.be.below(stop.durationSeconds + 2);
  });
});
