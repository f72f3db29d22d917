/**
 * Fault injection around the page going away: a reload or crash mid-recording
 * or mid-upload is emulated by removing the element and mounting a fresh one
 * with the same storage-key (a real reload cannot happen inside the runner).
 * The server must end up with byte-identical audio and storage empty.
 */
import { expect } from '@open-wc/testing';
import { button, createSession, part, recordEvents, waitForState, waitUntil, type Recorder } from '../helpers/element.js';
import {
  captureRecorderOutput, journalSlices, mountRecorder, recordAndStop, recordUntilSubmittable, seedRecording, staticUrls, storageEmpties,
  storedKeys, uniqueKey, unmountAll, uploadedSha,
} from '../helpers/faults.js';
import { sha256, inspectRun } from '../helpers/element.js';
import { sleep } from '../helpers/network.js';
import { ChunkJournal } from '../../src/storage/chunk-journal.js';
import { RecordingStore } from '../../src/storage/recording-store.js';

/** Mounts with an event log attached before it connects, so `thymia-restored` is never missed. */
async function mountWatched(attributes: Record<string, string>) {
  let log!: ReturnType<typeof recordEvents>;
  const el = await mountRecorder(attributes, { beforeConnect: (target) => (log = recordEvents(target)) });
  return { el, log };
}

function restored(log: ReturnType<typeof recordEvents>) {
  return log.of('thymia-restored');
}

async function waitRestored(log: ReturnType<typeof recordEvents>, el: Recorder, count = 1): Promise<void> {
  await waitUntil(() => restored(log).length >= count, 'thymia-restored', { timeout: 5000 });
  await waitForState(el, 'recorded', 5000);
  await el.updateComplete;
}

describe('fault injection: reload and restore', () => {
  let capture: ReturnType<typeof captureRecorderOutput>;
  beforeEach(() => {
    capture = captureRecorderOutput();
  });
  afterEach(() => {
    capture.restore();
    unmountAll();
  });

  it('reload mid-recording: the journalled audio is offered back and uploads byte-identical', async () => {
    const session = await createSession('helios');
    const key = uniqueKey('crash');
    const first = await mountRecorder({ ...staticUrls(session), 'storage-key': key });
    await recordUntilSubmittable(first);
    await sleep(1200);
    expect(await journalSlices(key), 'slices are stored while recording').to.be.greaterThan(1);
    first.remove(); // the tab goes away mid-recording
    // The recorder's last slice arrives after removal; compare only once it has.
    await capture.stopped();
    await waitUntil(async () => (await journalSlices(key)) === capture.chunks.length, 'every slice MediaRecorder produced is stored');
    const recorded = await capture.sha();

    const { el, log } = await mountWatched({ ...staticUrls(session), 'storage-key': key });
    await waitRestored(log, el);
    const [detail] = restored(log);
    expect(detail.recording).to.equal('main');
    expect(detail.speechSeconds).to.be.at.least(2);
    expect(detail.durationSeconds).to.be.at.least(detail.speechSeconds);
    expect(detail.ageSeconds).to.be.within(0, 60);
    expect(part(el, 'restored')!.textContent).to.include('kept on this device');
    expect(part(el, 'discard-button')).to.exist;
    expect(await storedKeys(key), 'the journal was assembled into one stored recording').to.deep.equal([`${key}:main`]);

    button(el, 'restore-upload-button').click();
    await waitForState(el, 'complete');
    expect(await uploadedSha(session.id)).to.equal(recorded);
    await storageEmpties(key);
  });

  it('reload mid-upload: with auto-submit the fresh page resumes the upload by itself', async () => {
    const session = await createSession('helios', { uploadFaults: 'stall' });
    const key = uniqueKey('midupload');
    const first = await mountRecorder({ ...staticUrls(session), 'storage-key': key }, { timing: { uploadStallMs: 60_000 } });
    await recordAndStop(first);
    const recorded = await capture.sha();
    button(first, 'submit-button').click();
    await waitUntil(async () => (await inspectRun(session.id)).uploadRequests === 1, 'the upload is in flight');
    await waitForState(first, 'uploading');
    first.remove(); // reload while the PUT hangs

    const { el, log } = await mountWatched({ ...staticUrls(session), 'storage-key': key, 'auto-submit': '' });
    await waitForState(el, 'complete');
    expect(restored(log)).to.have.length(1);
    expect(log.states()).to.deep.equal(['recorded', 'uploading', 'processing', 'complete']);
    expect(await uploadedSha(session.id)).to.equal(recorded);
    await storageEmpties(key);
  });

  it('a crashed take can be discarded: storage empties and the person starts over', async () => {
    const key = uniqueKey('discard');
    const journal = new ChunkJournal(key, 'main', 'helios');
    for (let i = 0; i < 3; i += 1) {
      await journal.append(new Blob([crypto.getRandomValues(new Uint8Array(4000))]), { mimeType: 'audio/webm;codecs=opus', durationSeconds: i + 1, speechSeconds: 3 });
    }
    const session = await createSession('helios');
    const { el, log } = await mountWatched({ ...staticUrls(session), 'storage-key': key });
    await waitRestored(log, el);
    expect(restored(log)[0]).to.include({ durationSeconds: 3, speechSeconds: 3 });
    button(el, 'discard-button').click();
    await waitForState(el, 'idle');
    await storageEmpties(key);
    expect(button(el, 'record-button')).to.exist;
  });

  it('a restored take with too little speech can only be discarded', async () => {
    const key = uniqueKey('short');
    await seedRecording(key, 'main', 'helios', { speechSeconds: 1 });
    const session = await createSession('helios');
    const { el, log } = await mountWatched({ ...staticUrls(session), 'storage-key': key, 'auto-submit': '' });
    await waitRestored(log, el);
    await sleep(300);
    expect(el.state, 'auto-submit does not send a take without enough speech').to.equal('recorded');
    expect(part(el, 'restore-upload-button')).to.equal(null);
    expect(part(el, 'restored')!.textContent).to.include('only 1 s of speech');
    button(el, 'discard-button').click();
    await storageEmpties(key);
  });

  it('storage-key scopes what is restored, and the TTL purges old recordings on connect', async () => {
    const mine = uniqueKey('scope-a');
    const other = uniqueKey('scope-b');
    const stale = uniqueKey('stale');
    await seedRecording(mine, 'main', 'helios');
    await seedRecording(stale, 'main', 'helios', { ageSeconds: 25 * 3600 });
    const session = await createSession('helios');
    const { el: elsewhere, log: elsewhereLog } = await mountWatched({ ...staticUrls(session), 'storage-key': other });
    const { el: old, log: oldLog } = await mountWatched({ ...staticUrls(session), 'storage-key': stale });
    await waitUntil(async () => (await storedKeys(stale)).length === 0, 'the expired recording is purged');
    expect(restored(elsewhereLog)).to.deep.equal([]);
    expect(restored(oldLog)).to.deep.equal([]);
    expect([elsewhere.state, old.state]).to.deep.equal(['idle', 'idle']);
    expect(await storedKeys(mine), 'another key’s recording is left alone').to.have.length(1);
    const { el, log } = await mountWatched({ ...staticUrls(session), 'storage-key': mine });
    await waitRestored(log, el);
  });

  it('Apollo restores per step and uploads each step byte-identical', async () => {
    const key = uniqueKey('apollo');
    const mood = await seedRecording(key, 'moodQuestion', 'apollo');
    const read = await seedRecording(key, 'readAloud', 'apollo');
    const session = await createSession('apollo');
    const { el, log } = await mountWatched({
      model: 'apollo',
      'mood-question-upload-url': session.uploadUrls!.moodQuestionUploadUrl,
      'read-aloud-upload-url': session.uploadUrls!.readAloudUploadUrl,
      'status-url': session.statusUrl,
      'storage-key': key,
      'auto-submit': '',
    });
    await waitForState(el, 'complete');
    expect(restored(log).map((detail) => detail.recording)).to.deep.equal(['moodQuestion', 'readAloud']);
    const run = await inspectRun(session.id);
    expect(run.uploads.moodQuestion.sha256).to.equal(await sha256(mood));
    expect(run.uploads.readAloud.sha256).to.equal(await sha256(read));
    await storageEmpties(key);
  });

  it('Apollo reload between step uploads: the step already delivered is not sent again', async () => {
    const key = uniqueKey('apollo-half');
    const mood = await seedRecording(key, 'moodQuestion', 'apollo');
    const read = await seedRecording(key, 'readAloud', 'apollo');
    const session = await createSession('apollo');
    const moodUrl = session.uploadUrls!.moodQuestionUploadUrl;
    // The earlier page got the first step through before it went away.
    await fetch(moodUrl, { method: 'PUT', body: mood, headers: { 'Content-Type': 'audio/webm' } });
    await new RecordingStore(key).markUploaded('moodQuestion', moodUrl);
    const { el, log } = await mountWatched({
      model: 'apollo',
      'mood-question-upload-url': moodUrl,
      'read-aloud-upload-url': session.uploadUrls!.readAloudUploadUrl,
      'status-url': session.statusUrl,
      'storage-key': key,
    });
    await waitRestored(log, el, 2);
    button(el, 'restore-upload-button').click();
    await waitForState(el, 'complete');
    const run = await inspectRun(session.id);
    expect(run.uploadRequests, 'one PUT from the earlier page, one from this one').to.equal(2);
    expect(run.uploads.readAloud.sha256).to.equal(await sha256(read));
    expect(log.of('thymia-error')).to.deep.equal([]);
    await storageEmpties(key);
  });

  it('a full disk is reported once (storage-failed), and the take still uploads intact', async () => {
    const session = await createSession('helios');
    const key = uniqueKey('quota');
    const { el, log } = await mountWatched({ ...staticUrls(session), 'storage-key': key });
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function put() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await recordAndStop(el);
      await waitUntil(() => log.of('thymia-error').length > 0, 'storage-failed reported');
      await sleep(300);
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(log.of('thymia-error')).to.deep.equal([
      { code: 'storage-failed', message: 'Your recording could not be saved on this device; please do not close this page until it is sent.', recoverable: true },
    ]);
    button(el, 'submit-button').click();
    await waitForState(el, 'complete');
    expect(await uploadedSha(session.id)).to.equal(await capture.sha());
    await storageEmpties(key);
  });
});
