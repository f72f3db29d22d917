/**
 * The element against real S3: Ceph's radosgw on another loopback origin
 * than this page, genuine SigV4 pre-signed URLs minted by the AWS SDK (see
 * scripts/s3/s3-fixture.mjs), a real CORS rule. What radosgw stored is read
 * back and compared with what MediaRecorder produced. radosgw answers an
 * expired or forged URL with a 403 that carries no CORS headers, so the page
 * sees only a network error there: expiry has to be known from the URL.
 */
import { expect } from '@open-wc/testing';
import { button, nextEvent, recordEvents, sha256, waitForState, type Recorder } from '../helpers/element.js';
import { captureRecorderOutput, errorText, mountRecorder, recordAndStop, storedSha, uniqueKey, unmountAll } from '../helpers/faults.js';

interface Run {
  id: string;
  recordingUploadUrl: string;
  statusUrl: string;
}

async function postJson<T>(url: string, body: unknown = {}): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json() as Promise<T>;
}

/** A run as a host backend creates it: a radosgw upload URL and a status URL that completes once the object is there. */
const createRun = (tag = uniqueKey('run').replace(/[^\w-]/g, '')) => postJson<Run>(`/__s3/session?tag=${tag}`, { model: 'helios' });

const keyOf = (run: Run) => `runs/${run.id}/main`;

/** Another pre-signed URL for the run's object: signing content-type, already expired, or with a forged signature. */
async function presign(run: Run, options: { contentType?: string; expiresIn?: number; signedAgo?: number; tamper?: boolean }): Promise<string> {
  return (await postJson<{ url: string }>('/__s3/presign', { key: keyOf(run), ...options })).url;
}

/** What radosgw holds for the run, read with the SDK on the server side. */
async function storedObject(run: Run): Promise<{ sha: string; size: number; contentType: string } | undefined> {
  const response = await fetch(`/__s3/object/${encodeURIComponent(keyOf(run))}`);
  if (response.status === 204) return undefined;
  if (!response.ok) throw new Error(`reading the object: ${response.status}`);
  const bytes = await response.blob();
  return { sha: await sha256(bytes), size: bytes.size, contentType: response.headers.get('X-Stored-Content-Type') ?? '' };
}

async function taggedRuns(tag: string): Promise<{ id: string; key: string; body: Record<string, unknown> }[]> {
  return (await fetch(`/__s3/tags/${tag}`)).json();
}

/** Counts the element's PUTs (XHR), to tell "refused before sending" from "sent and failed". */
function countPuts() {
  const open = XMLHttpRequest.prototype.open;
  const puts: string[] = [];
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    if (method.toUpperCase() === 'PUT') puts.push(String(url));
    return (open as (...args: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof open;
  return { puts, restore: () => void (XMLHttpRequest.prototype.open = open) };
}

/** The device clock `behindMs` behind the real one (and radosgw's), as on a phone whose time is off. */
function skewClock(behindMs: number) {
  const realNow = Date.now;
  Date.now = () => realNow() - behindMs;
  return () => void (Date.now = realNow);
}

describe('real S3 (radosgw): uploads through the element', () => {
  let capture: ReturnType<typeof captureRecorderOutput>;
  const cleanups: (() => void)[] = [];
  beforeEach(() => {
    capture = captureRecorderOutput();
  });
  afterEach(() => {
    capture.restore();
    for (const cleanup of cleanups.splice(0)) cleanup();
    unmountAll();
  });

  async function record(attributes: Record<string, string>): Promise<{ el: Recorder; log: ReturnType<typeof recordEvents>; storageKey: string }> {
    const storageKey = uniqueKey('s3');
    const el = await mountRecorder({ ...attributes, 'storage-key': storageKey });
    const log = recordEvents(el);
    await recordAndStop(el);
    return { el, log, storageKey };
  }

  it('stores the take byte for byte, with its Content-Type, and completes', async () => {
    const run = await createRun();
    expect(new URL(run.recordingUploadUrl).origin, 'radosgw is another origin than the page').to.not.equal(location.origin);
    const signed = [...new URL(run.recordingUploadUrl).searchParams.keys()];
    expect(signed.filter((name) => /checksum/i.test(name)), 'no checksum of an empty body signed into the PUT URL').to.deep.equal([]);
    const { el, log } = await record({ 'upload-url': run.recordingUploadUrl, 'status-url': run.statusUrl });
    const [stop] = log.of('thymia-recording-stop');
    button(el, 'submit-button').click();
    await waitForState(el, 'complete');
    const stored = await storedObject(run);
    expect(stored?.sha).to.equal(await capture.sha());
    expect(stored?.size).to.equal(stop.size);
    expect(stored?.contentType).to.equal(stop.mimeType.split(';')[0]);
    expect(log.of('thymia-upload-complete')).to.deep.equal([{ recording: 'main' }]);
    expect(log.of('thymia-error')).to.deep.equal([]);
  });

  it('a URL that signs content-type: the element sends the base type without parameters, which the host signs', async () => {
    const run = await createRun();
    // Chromium records audio/webm;codecs=opus; the upload's Content-Type is audio/webm, so that is what the host signs.
    const url = await presign(run, { contentType: 'audio/webm' });
    expect(new URL(url).searchParams.get('X-Amz-SignedHeaders')).to.equal('content-type;host');
    const { el, log } = await record({ 'upload-url': url, 'status-url': run.statusUrl });
    expect(log.of('thymia-recording-stop')[0].mimeType).to.match(/^audio\/webm;codecs=/);
    button(el, 'submit-button').click();
    await waitForState(el, 'complete');
    const stored = await storedObject(run);
    expect(stored?.sha).to.equal(await capture.sha());
    expect(stored?.contentType).to.equal('audio/webm');
  });

  it('an expired URL without session-url: upload-url-expired, nothing sent, recording kept; a fresh URL then delivers it', async () => {
    const run = await createRun();
    const expired = await presign(run, { signedAgo: 120, expiresIn: 60 });
    const { el, log, storageKey } = await record({ 'upload-url': expired, 'status-url': run.statusUrl });
    const puts = countPuts();
    cleanups.push(puts.restore);
    const failed = nextEvent(el, 'thymia-error');
    button(el, 'submit-button').click();
    expect((await failed).detail).to.include({ code: 'upload-url-expired', recoverable: true });
    await waitForState(el, 'error');
    expect(errorText(el)).to.not.equal('');
    expect(puts.puts, 'never PUT to a URL past its expiry').to.deep.equal([]);
    expect(await storedObject(run)).to.equal(undefined);
    expect(await storedSha(storageKey), 'the recording is kept').to.equal(await capture.sha());
    expect(log.of('thymia-upload-retry')).to.deep.equal([]);

    el.setAttribute('upload-url', await presign(run, {}));
    await el.updateComplete;
    button(el, 'submit-button').click();
    await waitForState(el, 'complete');
    expect((await storedObject(run))?.sha).to.equal(await capture.sha());
  });

  it('a URL that expired while the device clock says it has not: radosgw\'s unreadable 403 is taken as upload-url-expired, not retried', async () => {
    const run = await createRun();
    // Expired 5 s ago by radosgw's clock; the page's clock, a minute behind, sees 55 s left and sends it.
    const lapsed = await presign(run, { signedAgo: 65, expiresIn: 60 });
    const { el, log, storageKey } = await record({ 'upload-url': lapsed, 'status-url': run.statusUrl });
    const puts = countPuts();
    cleanups.push(puts.restore, skewClock(60_000));
    const failed = nextEvent(el, 'thymia-error');
    button(el, 'submit-button').click();
    expect((await failed).detail).to.include({ code: 'upload-url-expired', recoverable: true });
    await waitForState(el, 'error');
    expect(puts.puts, 'sent once, not retried').to.have.length(1);
    expect(log.of('thymia-upload-retry')).to.deep.equal([]);
    expect(await storedObject(run)).to.equal(undefined);
    expect(await storedSha(storageKey)).to.equal(await capture.sha());
  });

  it('an expired URL from session-url: the element mints a fresh one before sending, and delivers to the new run', async () => {
    const tag = uniqueKey('stale').replace(/[^\w-]/g, '');
    const puts = countPuts();
    cleanups.push(puts.restore);
    const pressedRecordAt = Math.floor(Date.now() / 1000) * 1000;
    const { el, log } = await record({ 'session-url': `/__s3/session?tag=${tag}&signedAgo=7200&expiresIn=3600` });
    button(el, 'submit-button').click();
    await waitForState(el, 'complete');
    const runs = await taggedRuns(tag);
    expect(runs).to.have.length(2);
    // Both mints tell the host when the recording started, in local wall-clock time without a zone.
    const [{ body: first }, { body: second }] = runs;
    expect(first.model).to.equal('helios');
    expect(first.recordingTime).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(second.recordingTime).to.equal(first.recordingTime);
    const startedAt = new Date(first.recordingTime as string).getTime(); // no zone: read as local time
    expect(startedAt).to.be.within(pressedRecordAt, Date.now());
    expect(puts.puts.map((url) => new URL(url).pathname), 'nothing sent to the expired URL').to.deep.equal([`/thymia-recordings/${runs[1].key}`]);
    expect(await storedObject({ id: runs[0].id } as Run)).to.equal(undefined);
    expect((await storedObject({ id: runs[1].id } as Run))?.sha).to.equal(await capture.sha());
    expect(log.of('thymia-result')[0].modelRunId).to.equal(runs[1].id);
    expect(log.of('thymia-error')).to.deep.equal([]);
  });

  it('session-url and a skewed clock: the failed PUT near the URL\'s expiry mints a fresh URL, which delivers', async () => {
    const tag = uniqueKey('lapsed').replace(/[^\w-]/g, '');
    const { el, log } = await record({ 'session-url': `/__s3/session?tag=${tag}&signedAgo=65&expiresIn=60` });
    const puts = countPuts();
    cleanups.push(puts.restore, skewClock(60_000));
    button(el, 'submit-button').click();
    await waitForState(el, 'complete');
    const runs = await taggedRuns(tag);
    expect(runs).to.have.length(2);
    expect(puts.puts, 'one refused PUT, one that arrived').to.have.length(2);
    expect(await storedObject({ id: runs[0].id } as Run)).to.equal(undefined);
    expect((await storedObject({ id: runs[1].id } as Run))?.sha).to.equal(await capture.sha());
    expect(log.of('thymia-error')).to.deep.equal([]);
  });

  it('a tampered signature: a clear upload-failed (not an expiry), the recording kept for a retry', async () => {
    const run = await createRun();
    const forged = await presign(run, { tamper: true });
    const { el, log, storageKey } = await record({ 'upload-url': forged, 'status-url': run.statusUrl });
    const failed = nextEvent(el, 'thymia-error');
    button(el, 'submit-button').click();
    const { detail } = await failed;
    expect(detail).to.include({ code: 'upload-failed', recoverable: true });
    await waitForState(el, 'error');
    expect(errorText(el)).to.not.equal('');
    expect(log.of('thymia-upload-retry').length, 'a network error far from expiry is retried').to.be.greaterThan(0);
    expect(await storedObject(run)).to.equal(undefined);
    expect(await storedSha(storageKey)).to.equal(await capture.sha());
  });
});
