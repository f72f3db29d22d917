/**
 * Fault injection on the upload, with a real recording from the fake
 * microphone: each test scripts the mock pre-signed URL, then checks that
 * the server ends up with byte-identical audio (or that the audio is still
 * stored when the fault persists) and that storage is empty after success.
 */
import { expect } from '@open-wc/testing';
import { button, createSession, inspectRun, nextEvent, recordEvents, waitForState, waitUntil } from '../helpers/element.js';
import {
  captureRecorderOutput, errorText, mountRecorder, recordAndStop, retryTexts, staticUrls, storageEmpties, storageHolds, storedSha, taggedRuns,
  uniqueKey, unmountAll, uploadedSha,
} from '../helpers/faults.js';
import { goOffline, goOnline, sleep } from '../helpers/network.js';

describe('fault injection: upload', () => {
  let capture: ReturnType<typeof captureRecorderOutput>;
  beforeEach(() => {
    capture = captureRecorderOutput();
  });
  afterEach(() => {
    capture.restore();
    goOnline();
    unmountAll();
  });

  it('upload answers 500, 500, then 200: retries visibly and delivers the exact bytes', async () => {
    const session = await createSession('helios', { uploadFaults: '500,500' });
    const key = uniqueKey('500');
    const el = await mountRecorder({ ...staticUrls(session), 'storage-key': key });
    const log = recordEvents(el);
    const shown = retryTexts(el);
    await recordAndStop(el);
    const recorded = await capture.sha();
    await waitUntil(async () => (await storedSha(key)) === recorded, 'the stopped take is stored whole');

    button(el, 'submit-button').click();
    await waitForState(el, 'complete');

    expect(log.of('thymia-upload-retry').map((retry) => [retry.attempt, retry.reason])).to.deep.equal([[1, 'HTTP 500'], [2, 'HTTP 500']]);
    // Each retry is read once its render settles; a fast next attempt may already say "Uploading" again.
    expect(shown).to.have.length(2);
    expect(shown, 'the person sees the connection trouble').to.include('Connection lost — retrying…');
    expect(log.of('thymia-error')).to.deep.equal([]);
    expect((await inspectRun(session.id)).uploadRequests).to.equal(3);
    expect(await uploadedSha(session.id)).to.equal(recorded);
    await storageEmpties(key);
  });

  it('dropped connection and a stalled upload: restarts and delivers the exact bytes', async () => {
    const session = await createSession('helios', { uploadFaults: 'drop,stall' });
    const key = uniqueKey('drop');
    const el = await mountRecorder({ ...staticUrls(session), 'storage-key': key });
    const log = recordEvents(el);
    await recordAndStop(el);
    button(el, 'submit-button').click();
    await waitForState(el, 'complete');
    expect(log.of('thymia-upload-retry').map((retry) => retry.reason)).to.include('stalled');
    expect((await inspectRun(session.id)).uploadRequests).to.equal(3);
    expect(await uploadedSha(session.id)).to.equal(await capture.sha());
    await storageEmpties(key);
  });

  it('offline then online: goes quiet, keeps the audio, resumes on `online`', async () => {
    const session = await createSession('helios');
    const key = uniqueKey('offline');
    const el = await mountRecorder({ ...staticUrls(session), 'storage-key': key });
    const log = recordEvents(el);
    await recordAndStop(el);
    const recorded = await capture.sha();

    goOffline();
    button(el, 'submit-button').click();
    await waitForState(el, 'uploading');
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Connection lost — retrying…'), 'the offline notice', { timeout: 2000 });
    await sleep(800);
    expect(el.state).to.equal('uploading');
    expect((await inspectRun(session.id)).uploadRequests, 'no attempt while offline').to.equal(0);
    expect(log.of('thymia-upload-retry').map((retry) => retry.reason)).to.deep.equal(['offline']);
    expect(await storedSha(key), 'the audio is kept meanwhile').to.equal(recorded);

    goOnline();
    await waitForState(el, 'complete');
    expect(await uploadedSha(session.id)).to.equal(recorded);
    await storageEmpties(key);
  });

  it('403 expired with session-url: re-mints once and delivers to the fresh run', async () => {
    const tag = uniqueKey('remint').replace(/[^\w-]/g, '');
    const key = uniqueKey('remint');
    const el = await mountRecorder({ 'session-url': `/api/session?uploadFaults=403&tag=${tag}&faultsOnce=1`, 'storage-key': key });
    const log = recordEvents(el);
    await recordAndStop(el);
    button(el, 'submit-button').click();
    await waitForState(el, 'complete');
    const runs = await taggedRuns(tag);
    expect(runs).to.have.length(2);
    expect(runs[0].uploads.main, 'the expired run got nothing').to.equal(undefined);
    expect(runs[1].uploads.main.sha256).to.equal(await capture.sha());
    expect(log.of('thymia-error')).to.deep.equal([]);
    expect(log.of('thymia-result')[0].modelRunId).to.equal(runs[1].id);
    await storageEmpties(key);
  });

  it('403 expired with session-url that keeps failing: one re-mint only, then upload-url-expired, audio kept', async () => {
    const tag = uniqueKey('remint2').replace(/[^\w-]/g, '');
    const key = uniqueKey('remint2');
    const el = await mountRecorder({ 'session-url': `/api/session?uploadFaults=403&tag=${tag}`, 'storage-key': key });
    const log = recordEvents(el);
    await recordAndStop(el);
    const failed = nextEvent(el, 'thymia-error');
    button(el, 'submit-button').click();
    expect((await failed).detail).to.include({ code: 'upload-url-expired', recoverable: true });
    await waitForState(el, 'error');
    expect(await taggedRuns(tag)).to.have.length(2);
    expect(await storedSha(key)).to.equal(await capture.sha());
    expect(log.of('thymia-upload-complete')).to.deep.equal([]);
  });

  it('403 expired without session-url: upload-url-expired, audio kept; fresh URLs from the host then deliver it', async () => {
    const session = await createSession('helios', { uploadFaults: '403' });
    const key = uniqueKey('expired');
    const el = await mountRecorder({ ...staticUrls(session), 'storage-key': key });
    await recordAndStop(el);
    const recorded = await capture.sha();
    const failed = nextEvent(el, 'thymia-error');
    button(el, 'submit-button').click();
    expect((await failed).detail).to.include({ code: 'upload-url-expired', recoverable: true });
    await waitForState(el, 'error');
    expect(errorText(el)).to.include('upload link has expired');
    expect((await inspectRun(session.id)).uploadRequests, 'a 403 is never retried as is').to.equal(1);
    await storageHolds(key, [`${key}:main`]);
    expect(await storedSha(key)).to.equal(recorded);

    const fresh = await createSession('helios');
    el.setAttribute('upload-url', fresh.recordingUploadUrl!);
    el.setAttribute('status-url', fresh.statusUrl);
    await el.updateComplete;
    button(el, 'submit-button').click();
    await waitForState(el, 'complete');
    expect(await uploadedSha(fresh.id)).to.equal(recorded);
    await storageEmpties(key);
  });
});
