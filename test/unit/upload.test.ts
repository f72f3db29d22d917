import { expect } from '@open-wc/testing';
import { retryAfterMs } from '../../src/api/backoff.js';
import { isExpiredUploadResponse, uploadRecording } from '../../src/api/upload.js';
import { ERROR_CODES, RecorderError } from '../../src/errors.js';
import { createSession, inspectRun, sha256 } from '../helpers/element.js';
import { goOffline, goOnline, sleep } from '../helpers/network.js';

const audio = () => new Blob([crypto.getRandomValues(new Uint8Array(48_000))], { type: 'audio/webm;codecs=opus' });
const fast = { retryBaseMs: 20, retryMaxMs: 200, stallTimeoutMs: 600 };

/** The mock's URL, signed (as S3 SigV4 writes it) `agoMs` ago for `lifetimeS` seconds. */
function signedUrl(url: string, agoMs: number, lifetimeS: number): string {
  const signed = new URL(url, location.href);
  signed.searchParams.set('X-Amz-Date', new Date(Date.now() - agoMs).toISOString().replace(/[-:]|\.\d+/g, ''));
  signed.searchParams.set('X-Amz-Expires', String(lifetimeS));
  return signed.href;
}

async function failure(promise: Promise<unknown>): Promise<RecorderError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).to.be.instanceOf(RecorderError);
  return error as RecorderError;
}

describe('uploadRecording against the mock pre-signed URL', () => {
  afterEach(() => goOnline());

  it('rides out 500, 500 and delivers the exact bytes, announcing each retry', async () => {
    const session = await createSession('helios', { uploadFaults: '500,500' });
    const blob = audio();
    const retries: [number, number, string][] = [];
    await uploadRecording(session.recordingUploadUrl!, blob, { ...fast, onRetry: (...args) => retries.push(args) });
    expect(retries.map(([attempt, , reason]) => [attempt, reason])).to.deep.equal([[1, 'HTTP 500'], [2, 'HTTP 500']]);
    const run = await inspectRun(session.id);
    expect(run.uploadRequests).to.equal(3);
    expect(run.uploads.main.sha256).to.equal(await sha256(blob));
    expect(run.uploads.main.contentType).to.equal('audio/webm');
  });

  it('retries a dropped connection and a stalled one', async () => {
    const session = await createSession('helios', { uploadFaults: 'drop,stall' });
    const blob = audio();
    const reasons: string[] = [];
    await uploadRecording(session.recordingUploadUrl!, blob, { ...fast, onRetry: (_a, _d, reason) => reasons.push(reason) });
    // Chromium itself may resend a PUT whose reused connection was reset, so the
    // drop is not always ours to see; the stall always is.
    expect(reasons).to.include('stalled');
    const run = await inspectRun(session.id);
    expect(run.uploadRequests).to.equal(3);
    expect(run.uploads.main.sha256).to.equal(await sha256(blob));
  });

  it('treats 403 as an expired URL at once, and other 4xx as final, without retrying', async () => {
    const expired = await createSession('helios', { uploadFaults: '403' });
    expect((await failure(uploadRecording(expired.recordingUploadUrl!, audio(), fast))).code).to.equal(ERROR_CODES.uploadUrlExpired);
    expect((await inspectRun(expired.id)).uploadRequests).to.equal(1);
    const refused = await createSession('helios', { uploadFaults: '400' });
    expect((await failure(uploadRecording(refused.recordingUploadUrl!, audio(), fast))).code).to.equal(ERROR_CODES.uploadFailed);
    expect((await inspectRun(refused.id)).uploadRequests).to.equal(1);
  });

  it('never PUTs to a URL its own expiry says is past, or within the margin of it', async () => {
    const session = await createSession('helios');
    for (const url of [signedUrl(session.recordingUploadUrl!, 3_700_000, 3600), signedUrl(session.recordingUploadUrl!, 0, 20)]) {
      expect((await failure(uploadRecording(url, audio(), fast))).code).to.equal(ERROR_CODES.uploadUrlExpired);
    }
    expect((await inspectRun(session.id)).uploadRequests).to.equal(0);
  });

  it('a URL that lapses during the backoff is not tried again', async () => {
    const session = await createSession('helios', { uploadFaults: '503' });
    const url = signedUrl(session.recordingUploadUrl!, 0, 3600);
    let clock = Date.now();
    const retries: string[] = [];
    const error = await failure(
      uploadRecording(url, audio(), { ...fast, now: () => clock, onRetry: (_a, _d, reason) => ((clock += 3_600_000), retries.push(reason)) }),
    );
    expect(error.code).to.equal(ERROR_CODES.uploadUrlExpired);
    expect(retries).to.deep.equal(['HTTP 503']);
    expect((await inspectRun(session.id)).uploadRequests).to.equal(1);
  });

  it('a network failure close to the URL\'s expiry is the expiry (a 403 without CORS headers looks like one); far from it, a retry', async () => {
    const near = await createSession('helios', { uploadFaults: 'stall' });
    const error = await failure(uploadRecording(signedUrl(near.recordingUploadUrl!, 3_540_000, 3600), audio(), fast));
    expect(error.code).to.equal(ERROR_CODES.uploadUrlExpired);
    expect((await inspectRun(near.id)).uploadRequests, 'not retried').to.equal(1);

    const far = await createSession('helios', { uploadFaults: 'stall' });
    const blob = audio();
    await uploadRecording(signedUrl(far.recordingUploadUrl!, 0, 3600), blob, fast);
    expect((await inspectRun(far.id)).uploads.main.sha256).to.equal(await sha256(blob));
  });

  it('reads a refusal by the URL\'s expiry when it has one: a 403 far from expiry is a refusal, not an expiry', () => {
    const now = Date.parse('2026-11-23T09:45:00Z');
    const url = 'https://s3/k?X-Amz-Date=20261123T094107Z&X-Amz-Expires=3600';
    expect(isExpiredUploadResponse(403, '<Code>SignatureDoesNotMatch</Code>', url, now)).to.be.false;
    expect(isExpiredUploadResponse(403, '<Message>Request has expired</Message>', url, now)).to.be.true;
    expect(isExpiredUploadResponse(0, '', url, now)).to.be.false;
    expect(isExpiredUploadResponse(0, '', url, Date.parse('2026-11-23T10:40:00Z'))).to.be.true;
    expect(isExpiredUploadResponse(500, '', url, Date.parse('2026-11-23T10:40:00Z'))).to.be.false;
    expect(isExpiredUploadResponse(403, '', '/mock-upload/1/main', now), 'a URL that does not say: 403 is expiry').to.be.true;
    expect(isExpiredUploadResponse(0, '', '/mock-upload/1/main', now)).to.be.false;
  });

  it('gives up with upload-failed after maxAttempts server errors', async () => {
    const session = await createSession('helios', { uploadFaults: '503,503,503,503' });
    const error = await failure(uploadRecording(session.recordingUploadUrl!, audio(), { ...fast, maxAttempts: 3 }));
    expect(error.code).to.equal(ERROR_CODES.uploadFailed);
    expect((await inspectRun(session.id)).uploadRequests).to.equal(3);
  });

  it('goes quiet while offline and resumes the moment the browser is online again', async () => {
    const session = await createSession('helios');
    const blob = audio();
    const reasons: string[] = [];
    goOffline();
    const upload = uploadRecording(session.recordingUploadUrl!, blob, { ...fast, onRetry: (_a, _d, reason) => reasons.push(reason) });
    await sleep(700);
    expect((await inspectRun(session.id)).uploadRequests, 'no attempts while offline').to.equal(0);
    expect(reasons).to.deep.equal(['offline']);
    const resumedAt = performance.now();
    goOnline();
    await upload;
    expect(performance.now() - resumedAt, 'no backoff left to sit out').to.be.below(500);
    expect((await inspectRun(session.id)).uploads.main.sha256).to.equal(await sha256(blob));
  });

  it('stops when aborted, with an AbortError', async () => {
    const session = await createSession('helios', { uploadFaults: 'stall' });
    const controller = new AbortController();
    const upload = uploadRecording(session.recordingUploadUrl!, audio(), { signal: controller.signal, stallTimeoutMs: 60_000 });
    await sleep(200);
    controller.abort();
    const error = await upload.then(() => undefined, (reason: unknown) => reason);
    expect((error as DOMException).name).to.equal('AbortError');
  });
});

describe('retryAfterMs', () => {
  it('reads delta-seconds and HTTP dates, ignores nonsense', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs('3', now)).to.equal(3000);
    expect(retryAfterMs('Wed, 01 Jan 2025 00:00:10 GMT', now)).to.equal(10_000);
    expect(retryAfterMs('Tue, 31 Dec 2024 00:00:00 GMT', now)).to.equal(0);
    expect(retryAfterMs('soon', now)).to.equal(undefined);
    expect(retryAfterMs('-1', now)).to.equal(undefined);
    expect(retryAfterMs(null, now)).to.equal(undefined);
  });
});
