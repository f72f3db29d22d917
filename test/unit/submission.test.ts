import { expect } from '@open-wc/testing';
import { deliverTakes, isHandoff, type DeliverableTake, type DeliveryOptions } from '../../src/api/submission.js';
import { resolveTiming } from '../../src/api/timing.js';
import { RecorderError } from '../../src/errors.js';
import { createSession, inspectRun, sha256 } from '../helpers/element.js';

const timing = resolveTiming({ uploadRetryBaseMs: 10, uploadRetryMaxMs: 20 });
const audio = () => new Blob([new Uint8Array(4096).map((_, i) => i % 251)], { type: 'audio/webm;codecs=opus' });

function options(overrides: Partial<DeliveryOptions> & Pick<DeliveryOptions, 'takes' | 'staticDestination'>) {
  const delivered: string[] = [];
  const overall: number[] = [];
  const result: DeliveryOptions = {
    steps: ['main'],
    signal: new AbortController().signal,
    timing,
    onProgress: (_recording, _loaded, _total, whole) => overall.push(whole.loaded / whole.total),
    onRetry: () => undefined,
    onDelivered: (recording) => void delivered.push(recording),
    ...overrides,
  };
  return { options: result, delivered, overall };
}

describe('delivering a submission (no element)', () => {
  it('PUTs each take to its static URL, byte for byte, and reports overall progress', async () => {
    const session = await createSession('helios');
    const take: DeliverableTake = { recording: 'main', blob: audio() };
    const { options: opts, delivered, overall } = options({
      takes: [take],
      staticDestination: { statusUrl: session.statusUrl, uploadUrls: { main: session.recordingUploadUrl } },
    });
    const destination = await deliverTakes(opts);
    expect(destination.statusUrl).to.equal(session.statusUrl);
    expect(delivered).to.deep.equal(['main']);
    expect(overall.at(-1)).to.equal(1);
    const run = await inspectRun(session.id);
    expect(run.uploads.main.sha256).to.equal(await sha256(take.blob));
    expect(run.uploads.main.contentType).to.equal('audio/webm');
  });

  it('does not send a take twice to the URL that already confirmed it', async () => {
    const session = await createSession('helios');
    const take: DeliverableTake = { recording: 'main', blob: audio() };
    const { options: opts, delivered } = options({
      takes: [take],
      delivered: { main: session.recordingUploadUrl },
      staticDestination: { statusUrl: session.statusUrl, uploadUrls: { main: session.recordingUploadUrl } },
    });
    await deliverTakes(opts);
    expect(delivered).to.deep.equal([]);
    expect((await inspectRun(session.id)).uploadRequests).to.equal(0);
  });

  it('leaves the takes it is given untouched: confirmations arrive only through onDelivered', async () => {
    const session = await createSession('helios');
    const take: DeliverableTake = Object.freeze({ recording: 'main', blob: audio() });
    const already = Object.freeze({});
    const { options: opts, delivered } = options({
      takes: [take],
      delivered: already,
      staticDestination: { statusUrl: session.statusUrl, uploadUrls: { main: session.recordingUploadUrl } },
    });
    await deliverTakes(opts);
    expect(delivered).to.deep.equal(['main']);
    expect(Object.keys(take)).to.deep.equal(['recording', 'blob']);
    expect((await inspectRun(session.id)).uploads.main.sha256).to.equal(await sha256(take.blob));
  });

  it('sends a take again when the URL that confirmed it is not this run\'s', async () => {
    const session = await createSession('helios');
    const take: DeliverableTake = { recording: 'main', blob: audio() };
    const { options: opts, delivered } = options({
      takes: [take],
      delivered: { main: '/mock-upload/an-older-run/main' },
      staticDestination: { statusUrl: session.statusUrl, uploadUrls: { main: session.recordingUploadUrl } },
    });
    await deliverTakes(opts);
    expect(delivered).to.deep.equal(['main']);
    expect((await inspectRun(session.id)).uploads.main.sha256).to.equal(await sha256(take.blob));
  });

  it('never PUTs to a static URL past its expiry: upload-url-expired, nothing sent', async () => {
    const session = await createSession('apollo');
    const signedAt = new Date(Date.now() - 3_600_000).toISOString().replace(/[-:]|\.\d+/g, '');
    const stale = new URL(session.uploadUrls!.readAloudUploadUrl, location.href);
    stale.searchParams.set('X-Amz-Date', signedAt);
    stale.searchParams.set('X-Amz-Expires', '3600');
    const { options: opts, delivered } = options({
      steps: ['moodQuestion', 'readAloud'],
      takes: [{ recording: 'moodQuestion', blob: audio() }, { recording: 'readAloud', blob: audio() }],
      staticDestination: { statusUrl: session.statusUrl, uploadUrls: { moodQuestion: session.uploadUrls!.moodQuestionUploadUrl, readAloud: stale.href } },
    });
    const error = await deliverTakes(opts).then(() => undefined, (caught: unknown) => caught);
    expect((error as RecorderError).code).to.equal('upload-url-expired');
    expect(delivered, 'not even the take whose URL is fresh: the run needs new URLs anyway').to.deep.equal([]);
    expect((await inspectRun(session.id)).uploadRequests).to.equal(0);
  });

  it('with a session, a minted URL already past its expiry is re-minted before anything is sent', async () => {
    const tag = `stale${Date.now()}`;
    const take: DeliverableTake = { recording: 'main', blob: audio() };
    // The mock's URLs carry no signing date: stamp each minted one as thymia's are (signed now, one hour),
    // and have the first judged by a device clock two hours ahead, so it looks expired.
    const realFetch = window.fetch;
    let mints = 0;
    let skewMs = 0;
    window.fetch = (async (...args: Parameters<typeof fetch>) => {
      const answer = await realFetch(...args);
      if (!String(args[0]).startsWith('/api/session')) return answer;
      const json = await answer.json();
      const stamped = new URL(json.recordingUploadUrl, location.href);
      stamped.searchParams.set('X-Amz-Date', new Date().toISOString().replace(/[-:]|\.\d+/g, ''));
      stamped.searchParams.set('X-Amz-Expires', '3600');
      json.recordingUploadUrl = stamped.href;
      mints += 1;
      skewMs = mints === 1 ? 2 * 3_600_000 : 0;
      return new Response(JSON.stringify(json), { status: answer.status, headers: answer.headers });
    }) as typeof fetch;
    const { options: opts, delivered } = options({
      takes: [take],
      staticDestination: { statusUrl: '', uploadUrls: {} },
      session: { url: `/api/session?tag=${tag}`, model: 'helios' },
      now: () => Date.now() + skewMs,
    });
    try {
      await deliverTakes(opts);
    } finally {
      window.fetch = realFetch;
    }
    const runs = (await (await fetch(`/__mock/tags/${tag}`)).json()) as { uploadRequests: number; uploads: Record<string, { sha256: string }> }[];
    expect(runs).to.have.length(2);
    expect(runs[0].uploadRequests, 'nothing sent to the URL that looked expired').to.equal(0);
    expect(runs[1].uploads.main.sha256).to.equal(await sha256(take.blob));
    expect(delivered).to.deep.equal(['main']);
  });

  it('names what is missing as missing-config', async () => {
    const { options: opts } = options({ takes: [{ recording: 'main', blob: audio() }], staticDestination: { statusUrl: '', uploadUrls: {} } });
    const error = await deliverTakes(opts).then(() => undefined, (caught: unknown) => caught);
    expect(error).to.be.instanceOf(RecorderError);
    expect((error as RecorderError).code).to.equal('missing-config');
    expect((error as RecorderError).message).to.include('main upload URL').and.include('status URL');
  });

  it('re-mints once through the session when the URL has expired, and sends to the new run', async () => {
    const tag = `submission${Date.now()}`;
    const take: DeliverableTake = { recording: 'main', blob: audio() };
    const { options: opts, delivered } = options({
      takes: [take],
      staticDestination: { statusUrl: '', uploadUrls: {} },
      session: { url: `/api/session?tag=${tag}&faultsOnce=1&uploadFaults=403`, model: 'helios' },
    });
    const destination = await deliverTakes(opts);
    const runs = (await (await fetch(`/__mock/tags/${tag}`)).json()) as { id: string; uploads: Record<string, { sha256: string }> }[];
    expect(runs).to.have.length(2);
    expect(runs[0].uploads.main, 'the expired run got nothing').to.equal(undefined);
    expect(runs[1].uploads.main.sha256).to.equal(await sha256(take.blob));
    expect(destination.statusUrl).to.include(runs[1].id);
    expect(delivered).to.deep.equal(['main']);
  });

  it('without a session an expired URL is upload-url-expired, not retried', async () => {
    const session = await createSession('helios', { uploadFaults: '403' });
    const { options: opts } = options({
      takes: [{ recording: 'main', blob: audio() }],
      staticDestination: { statusUrl: session.statusUrl, uploadUrls: { main: session.recordingUploadUrl } },
    });
    const error = await deliverTakes(opts).then(() => undefined, (caught: unknown) => caught);
    expect((error as RecorderError).code).to.equal('upload-url-expired');
    expect((await inspectRun(session.id)).uploadRequests).to.equal(1);
  });

  it('recognises a hand-off: an activity link and no upload URLs', () => {
    expect(isHandoff({ statusUrl: '/s', uploadUrls: {}, activityLink: 'https://activity' }, ['main'])).to.be.true;
    expect(isHandoff({ statusUrl: '/s', uploadUrls: { main: '/u' }, activityLink: 'https://activity' }, ['main'])).to.be.false;
    expect(isHandoff({ statusUrl: '/s', uploadUrls: {} }, ['main'])).to.be.false;
  });
});
