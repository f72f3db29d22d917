/**
 * Fault injection on the status URL. The audio comes from storage (a take an
 * earlier page kept) with auto-submit, so each test reaches polling in a
 * moment; the upload's bytes are still checked against what was stored.
 */
import { expect } from '@open-wc/testing';
import { button, createSession, inspectRun, part, recordEvents, sha256, waitForState, waitUntil, type Session } from '../helpers/element.js';
import { errorText, mountRecorder, seedRecording, staticUrls, storageEmpties, uniqueKey, unmountAll, uploadedSha } from '../helpers/faults.js';
import { sleep } from '../helpers/network.js';

async function submittedRun(scenario: Record<string, string>) {
  const session: Session = await createSession('helios', { processingMs: '300', ...scenario });
  const key = uniqueKey('status');
  const stored = await seedRecording(key, 'main', 'helios');
  let log!: ReturnType<typeof recordEvents>;
  const el = await mountRecorder({ ...staticUrls(session), 'storage-key': key, 'auto-submit': '' }, { beforeConnect: (target) => (log = recordEvents(target)) });
  return { session, key, stored, el, log: () => log };
}

describe('fault injection: status polling', () => {
  afterEach(() => unmountAll());

  it('status 503, timeout, HTML, 503: rides them out and renders the result once', async () => {
    const { session, key, stored, el, log } = await submittedRun({ statusFaults: '503,timeout,html,503' });
    // WebKit in CI has, rarely, not finished this first run: say what the element did and what the server saw.
    await waitForState(el, 'complete', 20_000).catch(async (error: Error) => {
      const events = log().events.map(({ type, detail }) => (type === 'thymia-state-change' ? `${type}:${(detail as { state: string }).state}` : type));
      throw new Error(`${error.message}; events: ${JSON.stringify(events)}; status requests: ${(await inspectRun(session.id)).statusRequests}`);
    });
    expect(log().of('thymia-error')).to.deep.equal([]);
    expect(log().of('thymia-result')).to.have.length(1);
    expect((await inspectRun(session.id)).statusRequests).to.be.at.least(5);
    expect(await uploadedSha(session.id)).to.equal(await sha256(stored));
    await storageEmpties(key);
  });

  it('four malformed answers in a row are tolerated; the fifth gives invalid-status-response, and Try again resumes', async () => {
    const tolerated = await submittedRun({ statusFaults: 'malformed,html,malformed,html' });
    await waitForState(tolerated.el, 'complete', 20_000);
    expect(tolerated.log().of('thymia-error')).to.deep.equal([]);

    const { session, key, stored, el, log } = await submittedRun({ statusFaults: 'malformed,html,malformed,html,malformed' });
    await waitForState(el, 'error', 20_000);
    expect(log().of('thymia-error').map((error) => [error.code, error.recoverable])).to.deep.equal([['invalid-status-response', true]]);
    expect(errorText(el)).to.include('unexpected answer');
    expect(await uploadedSha(session.id), 'the upload itself landed').to.equal(await sha256(stored));
    await storageEmpties(key);
    button(el, 'retry-button').click();
    await waitForState(el, 'complete', 20_000);
    expect(log().of('thymia-result')).to.have.length(1);
  });

  it('status 404: data-deleted, not recoverable, nothing kept since the upload was confirmed', async () => {
    const { session, key, stored, el, log } = await submittedRun({ statusFaults: '404' });
    await waitForState(el, 'error', 20_000);
    expect(log().of('thymia-error')).to.deep.equal([
      { code: 'data-deleted', message: 'These results are no longer available. They may have been deleted as agreed.', recoverable: false },
    ]);
    expect(part(el, 'retry-button')).to.equal(null);
    expect(await uploadedSha(session.id)).to.equal(await sha256(stored));
    await storageEmpties(key);
  });

  it('keeps polling while the tab is hidden, stops cleanly on disconnect, resumes when reattached', async () => {
    const { session, el } = await submittedRun({ processingMs: '4000' });
    await waitForState(el, 'processing', 20_000);
    const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    try {
      const before = (await inspectRun(session.id)).statusRequests;
      await sleep(900);
      expect((await inspectRun(session.id)).statusRequests, 'polls while hidden').to.be.at.least(before + 2);
    } finally {
      delete (document as { visibilityState?: string }).visibilityState;
      delete (document as { hidden?: boolean }).hidden;
      void visibility;
    }

    const parent = el.parentElement!;
    el.remove();
    await sleep(100);
    const afterDisconnect = (await inspectRun(session.id)).statusRequests;
    await sleep(900);
    expect((await inspectRun(session.id)).statusRequests, 'no polling once disconnected').to.equal(afterDisconnect);
    expect(el.state).to.equal('processing');

    parent.append(el);
    await waitForState(el, 'complete', 20_000);
    await waitUntil(() => part(el, 'results') !== null, 'results rendered');
  });
});
