import { expect } from '@open-wc/testing';
import type { RecordingStopDetail } from '../../src/events.js';
import {
  button, createSession, fixture, html, inspectRun, nextEvent, part, recordEvents, recorderFor, sha256, waitForState, waitUntil, type Recorder,
} from '../helpers/element.js';
import {
  captureRecorderOutput, mountRecorder, staticUrls, storageEmpties, storedKeys, storedRecording, uniqueKey, unmountAll,
} from '../helpers/faults.js';
import { deliveredAudio, describeDelivered, expectDelivered, type Delivered } from '../helpers/delivered-audio.js';
import { EXPECTED_CONTAINERS, captureUploads, decodedSeconds, engine, sleep } from '../helpers/media.js';

/**
 * Firefox's fake microphone is driven by its media graph and, right after a
 * getUserMedia, often delivers far less audio than wall-clock time (2 s
 * takes holding 0.1 s, whatever the element does): its takes are smaller.
 * Uploads are held to what the microphone delivered (see delivered-audio.ts), not to the timer.
 */
const fakeMicKeepsTime = engine() !== 'firefox';

let delivered: ReturnType<typeof deliveredAudio>;

/** Records for about `seconds` and stops; resolves with the stop event's detail once the take is in. */
async function recordFor(el: Recorder, seconds: number, start = 'record-button'): Promise<RecordingStopDetail> {
  button(el, start).click();
  await waitForState(el, 'recording');
  await sleep(seconds * 1000);
  const stopped = nextEvent(el, 'thymia-recording-stop');
  delivered.end();
  button(el, 'stop-button').click();
  const { detail } = await stopped;
  await waitForState(el, 'recorded');
  return detail;
}

/**
 * The body the page PUT for an upload the mock received, decoded: it holds the whole take, as long as what the
 * microphone delivered while it ran (a fake microphone on a loaded 2-core machine falls behind the clock).
 */
async function expectWholeTake(bodies: Blob[], stop: RecordingStopDetail, uploadedSha: string, heard: Delivered): Promise<void> {
  const hashes = await Promise.all(bodies.map((body) => sha256(body)));
  const sent = bodies[hashes.indexOf(uploadedSha)];
  expect(sent, `the ${stop.recording} upload is a body the page sent`).to.exist;
  const seconds = await decodedSeconds(sent);
  console.log(`${engine()} ${stop.recording}: ${stop.mimeType}, ${stop.size} bytes, take ${stop.durationSeconds.toFixed(2)} s, the microphone delivered ${describeDelivered(heard)}, upload decodes to ${seconds.toFixed(2)} s`);
  expect(seconds, 'the upload is audio').to.be.greaterThan(0);
  // A take missing a 1 s slice, or its part before a pause, falls far outside this.
  expectDelivered(seconds, heard, `the ${stop.recording} upload holds the whole take: what the microphone delivered while it ran`);
}

/**
 * The flows with whatever microphone the browser fakes (speech in Chromium,
 * a tone in Firefox, a tone pattern in WebKit), so the speech minimum is off:
 * what is checked is what a person notices and what thymia receives.
 */
describe(`<thymia-recorder> record → stop → submit → result (${engine()})`, () => {
  let uploads: ReturnType<typeof captureUploads>;
  let recorded: ReturnType<typeof captureRecorderOutput>;
  let log: ReturnType<typeof recordEvents> | undefined;
  beforeEach(() => {
    uploads = captureUploads();
    recorded = captureRecorderOutput();
    // After captureRecorderOutput, restored before it: each wraps MediaRecorder.
    delivered = deliveredAudio();
    log = undefined;
  });
  afterEach(function () {
    uploads.restore();
    delivered.restore();
    recorded.restore();
    unmountAll();
    // A failure in another engine is easier to read with the element's own account of it.
    if (this.currentTest?.state === 'failed') console.log(JSON.stringify(log?.events));
  });

  it('records with a moving timer, stops into a take, uploads exactly that take in full, and shows the result', async () => {
    const session = await createSession('helios');
    const el = await recorderFor(session, { 'min-speech-seconds': '0' });
    log = recordEvents(el);
    delivered.follow(el);

    button(el, 'record-button').click();
    await waitForState(el, 'recording');
    const timerAtStart = part(el, 'timer')!.textContent!.trim();
    await waitUntil(() => part(el, 'timer')!.textContent!.trim() !== timerAtStart, 'the timer moves', { timeout: 5000 });
    await sleep(2500);
    const stopped = nextEvent(el, 'thymia-recording-stop');
    delivered.end();
    button(el, 'stop-button').click();
    const stop = (await stopped).detail;
    await waitForState(el, 'recorded');
    expect(stop.recording).to.equal('main');
    expect(stop.durationSeconds).to.be.within(2.5, 6);
    expect(EXPECTED_CONTAINERS[engine()]).to.include(stop.mimeType.split(';')[0]);
    expect(stop.size, 'a few seconds of compressed audio').to.be.greaterThan(fakeMicKeepsTime ? 4000 : 500);

    const result = nextEvent(el, 'thymia-result');
    button(el, 'submit-button').click();
    const { detail } = await result;
    await waitForState(el, 'complete');
    expect(detail.model).to.equal('helios');
    expect(detail.modelRunId).to.equal(session.id);
    expect(log.of('thymia-upload-complete')).to.deep.equal([{ recording: 'main' }]);
    expect(log.of('thymia-error'), 'storage, upload and polling all worked').to.deep.equal([]);
    expect(part(el, 'results')!.textContent).to.include('Moderately high');

    const run = await inspectRun(session.id);
    expect(uploads.bodies).to.have.length(1);
    expect(run.uploads.main.sha256, 'thymia got every byte MediaRecorder produced, in order').to.equal(await recorded.sha());
    expect(run.uploads.main.size).to.equal(stop.size);
    expect(run.uploads.main.contentType, 'Content-Type is the base MIME type').to.equal(stop.mimeType.split(';')[0]);
    await expectWholeTake(uploads.bodies, stop, run.uploads.main.sha256, await delivered.measure(stop.durationSeconds));
  });

  it('a take stopped too early and continued uploads in full, both parts', async () => {
    const session = await createSession('helios');
    const el = await recorderFor(session, { 'min-speech-seconds': '100' });
    log = recordEvents(el);
    delivered.follow(el);
    const early = await recordFor(el, 1.5);
    expect(log.of('thymia-error').map((error) => error.code), 'too little speech pauses the take').to.deep.equal(['too-short']);
    await sleep(1000);
    // The host lowers the minimum; the person carries on in the same take.
    el.minSpeechSeconds = 0;
    await el.updateComplete;
    const take = await recordFor(el, 1.5, 'continue-button');
    expect(take.durationSeconds).to.be.within(early.durationSeconds + 1.3, early.durationSeconds + 4);
    button(el, 'submit-button').click();
    await waitForState(el, 'complete');
    const run = await inspectRun(session.id);
    // WebKit's MP4 recorder ends its part at the pause (see CaptureController.pause): its two parts are joined, not byte for byte.
    if (engine() !== 'webkit') expect(run.uploads.main.sha256).to.equal(await recorded.sha());
    const heard = await delivered.measure(take.durationSeconds);
    expect(heard.stretches, 'a stretch recorded alongside each part: before the early stop and after Continue').to.have.length(2);
    await expectWholeTake(uploads.bodies, take, run.uploads.main.sha256, heard);
  });

  it('Apollo: both takes upload in full, each to its own URL, and the result arrives', async () => {
    const session = await createSession('apollo');
    const el = await fixture<Recorder>(html`<thymia-recorder model="apollo"></thymia-recorder>`);
    el.setAttribute('mood-question-upload-url', session.uploadUrls!.moodQuestionUploadUrl);
    el.setAttribute('read-aloud-upload-url', session.uploadUrls!.readAloudUploadUrl);
    el.setAttribute('status-url', session.statusUrl);
    el.setAttribute('poll-interval', '250');
    el.setAttribute('min-speech-seconds', '0');
    el.setAttribute('storage-key', uniqueKey('apollo-anymic'));
    await el.updateComplete;
    log = recordEvents(el);
    delivered.follow(el);
    const mood = await recordFor(el, 2);
    const moodHeard = await delivered.measure(mood.durationSeconds);
    button(el, 'next-button').click();
    await waitForState(el, 'idle');
    const read = await recordFor(el, 2);
    const readHeard = await delivered.measure(read.durationSeconds);
    expect([mood.recording, read.recording]).to.deep.equal(['moodQuestion', 'readAloud']);
    const result = nextEvent(el, 'thymia-result');
    button(el, 'submit-button').click();
    expect((await result).detail.model).to.equal('apollo');
    await waitForState(el, 'complete');
    const run = await inspectRun(session.id);
    expect([run.uploads.moodQuestion.size, run.uploads.readAloud.size]).to.deep.equal([mood.size, read.size]);
    const hashes = await Promise.all(uploads.bodies.map((body) => sha256(body)));
    const sent = (uploaded: string) => uploads.bodies[hashes.indexOf(uploaded)];
    const both = new Blob([sent(run.uploads.moodQuestion.sha256), sent(run.uploads.readAloud.sha256)]);
    const shapes = `uploads ${run.uploads.moodQuestion.size} + ${run.uploads.readAloud.size}, stops ${mood.size} + ${read.size}, recorder slices ${recorded.chunks.map((chunk) => chunk.size).join(' ')}`;
    expect(await sha256(both), `the two uploads are the two takes, byte for byte (${shapes})`).to.equal(await recorded.sha());
    await expectWholeTake(uploads.bodies, mood, run.uploads.moodQuestion.sha256, moodHeard);
    await expectWholeTake(uploads.bodies, read, run.uploads.readAloud.sha256, readHeard);
  });

  it('audio-bits-per-second sets the upload size: about 64 kb/s by default, half the rate gives half the bytes', async () => {
    /** Bytes per second of audio in what MediaRecorder produced for one take. */
    const bytesPerSecond = async (attributes: Record<string, string>) => {
      recorded.chunks.length = 0;
      const el = await recorderFor(await createSession('helios'), { 'min-speech-seconds': '0', ...attributes });
      await recordFor(el, 4);
      await recorded.stopped();
      const take = new Blob(recorded.chunks);
      const seconds = await decodedSeconds(take);
      await el.reset();
      el.remove();
      console.log(`${engine()} ${attributes['audio-bits-per-second'] ?? 'default'}: ${take.size} bytes, ${seconds.toFixed(2)} s`);
      return take.size / seconds;
    };
    const standard = await bytesPerSecond({});
    const half = await bytesPerSecond({ 'audio-bits-per-second': '32000' });
    // 8000 bytes a second is 64 kb/s of audio; the container adds a few percent (WebKit's MP4/AAC about 13 %).
    // Chromium's own default would be 128 kb/s, twice this.
    expect(standard, 'bytes per second at the default 64000').to.be.within(6000, 9600);
    expect(half / standard, 'bytes at 32000 against 64000').to.be.within(0.4, 0.65);
  });

  it('a stopped take outlives its element: a fresh one (a reload) offers it back and uploads the same bytes', async () => {
    const session = await createSession('helios');
    const key = uniqueKey('restore-anymic');
    const first = await mountRecorder({ ...staticUrls(session), 'storage-key': key, 'min-speech-seconds': '0' });
    log = recordEvents(first);
    delivered.follow(first);
    const take = await recordFor(first, 2);
    const heard = await delivered.measure(take.durationSeconds);
    await waitUntil(async () => (await storedRecording(key)) !== undefined, 'the take is kept on this device', { timeout: 5000, interval: 50 });
    expect(log.of('thymia-error'), 'storage raised nothing').to.deep.equal([]);
    first.remove();

    let restoredLog!: ReturnType<typeof recordEvents>;
    const el = await mountRecorder(
      { ...staticUrls(session), 'storage-key': key, 'min-speech-seconds': '0' },
      { beforeConnect: (target) => (restoredLog = recordEvents(target)) },
    );
    log = restoredLog;
    await waitUntil(() => restoredLog.of('thymia-restored').length === 1, 'thymia-restored', { timeout: 5000 }).catch(async (error: Error) => {
      // Tells a slow lookup (the take still stored) from a lost take.
      throw new Error(`${error.message}; stored under the key now: ${JSON.stringify(await storedKeys(key))}`);
    });
    expect(restoredLog.of('thymia-restored')[0].durationSeconds).to.be.closeTo(take.durationSeconds, 0.05);
    await waitForState(el, 'recorded');
    button(el, 'submit-button').click();
    await waitForState(el, 'complete');
    const run = await inspectRun(session.id);
    expect(run.uploads.main.sha256, 'the restored upload is what MediaRecorder produced').to.equal(await recorded.sha());
    await expectWholeTake(uploads.bodies, take, run.uploads.main.sha256, heard);
    await storageEmpties(key);
  });
});
