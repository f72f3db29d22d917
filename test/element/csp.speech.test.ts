/**
 * The built bundle on a page with issue 9's strict Content-Security-Policy
 * (no inline script or style, no eval, no workers, Trusted Types enforced):
 * the whole Helios flow — record from the fake microphone, upload to another
 * loopback origin, poll, result — with zero `securitypolicyviolation` events.
 *
 * The page (`test/csp/helios.html`, served with the policy by
 * `test/csp/csp-middleware.mjs`) sits in a same-origin iframe: this test
 * page's own scripts are inline, the framed page's are not.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import type { ThymiaEventDetails } from '../../src/events.js';
import type { ThymiaRecorder } from '../../src/thymia-recorder.js';

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}
interface LoggedRequest {
  method: string;
  url: string;
  status: number;
}
type FramedWindow = Window & typeof globalThis & { cspViolations: Violation[] };

const UPLOAD_ORIGIN = `http://${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;
const EXPECTED_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; " +
  `connect-src 'self' ${UPLOAD_ORIGIN}; worker-src 'none'; require-trusted-types-for 'script'; trusted-types lit-html`;

async function requireBuild(): Promise<void> {
  const dist = (await (await fetch('/__csp/dist')).json()) as { present: boolean; builtAt?: number; newestSourceAt: number };
  if (!dist.present) throw new Error('dist/thymia-recorder.js is missing: run `npm run build` before this test (scripts/test.sh and .ci/run build first).');
  if (dist.builtAt! < dist.newestSourceAt) console.log('csp: note — dist/ is older than src/; this test runs the last build (npm run build refreshes it).');
}

async function framedPage(run: string): Promise<{ frame: HTMLIFrameElement; win: FramedWindow; el: ThymiaRecorder }> {
  const frame = document.createElement('iframe');
  frame.style.width = '480px';
  frame.style.height = '640px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/test/csp/helios.html?run=${run}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as FramedWindow;
  await waitUntil(() => win.customElements.get('thymia-recorder'), 'the bundle defines <thymia-recorder> in the strict page', { timeout: 10_000 });
  const el = win.document.querySelector('thymia-recorder') as ThymiaRecorder;
  await el.updateComplete;
  return { frame, win, el };
}

function partOf(el: ThymiaRecorder, name: string): HTMLButtonElement {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`) as HTMLButtonElement;
}

describe('strict CSP page with the built bundle', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('runs the whole Helios flow with zero securitypolicyviolation events, uploading to another loopback origin', async () => {
    await requireBuild();
    const run = `csp-${Date.now().toString(36)}`;

    const served = await fetch(`/test/csp/helios.html?run=${run}-probe`);
    expect(served.headers.get('Content-Security-Policy')).to.equal(EXPECTED_POLICY);

    const page = await framedPage(run);
    frame = page.frame;
    const { win, el } = page;
    expect(win.trustedTypes, 'Trusted Types are on').to.exist;

    const states: string[] = [];
    el.addEventListener('thymia-state-change', (event) => states.push((event as CustomEvent<ThymiaEventDetails['thymia-state-change']>).detail.state));
    const result = new Promise<ThymiaEventDetails['thymia-result']>((resolve, reject) => {
      el.addEventListener('thymia-result', (event) => resolve((event as CustomEvent<ThymiaEventDetails['thymia-result']>).detail), { once: true });
      el.addEventListener('thymia-error', (event) => reject(new Error(`thymia-error ${JSON.stringify((event as CustomEvent).detail)}`)), { once: true });
    });

    // A flow stuck under the policy says why: what the page reported and where the element stopped.
    const stuck = (what: string) => `${what} (state ${el.state}); CSP violations so far: ${JSON.stringify(win.cspViolations)}`;
    partOf(el, 'record-button').click();
    await waitUntil(() => el.state === 'recording', stuck('recording'), { timeout: 10_000 });
    await waitUntil(() => partOf(el, 'submit-button') && !partOf(el, 'submit-button').disabled, stuck('enough speech'), { timeout: 20_000, interval: 50 });
    partOf(el, 'submit-button').click();
    const detail = await result;
    await el.updateComplete;

    expect(detail.model).to.equal('helios');
    expect(el.shadowRoot!.querySelector('[part~="results"]')!.textContent).to.include('Your wellbeing snapshot');
    expect(states).to.include.members(['recording', 'uploading', 'processing', 'complete']);

    const log = (await (await fetch(`/__csp/log/${run}`)).json()) as LoggedRequest[];
    console.log(`csp: request log of the full run on the strict page (${log.length} requests)\n${log.map((entry) => `  ${entry.method.padEnd(7)} ${entry.status} ${entry.url}`).join('\n')}`);
    console.log(`csp: securitypolicyviolation events: ${win.cspViolations.length}`);
    const hint = win.cspViolations.some((violation) => violation.directive === 'style-src-attr')
      ? "style-src-attr: a template sets a style attribute (Lit's styleMap does on first render); use styleProperties() from src/render/style-properties.ts\n"
      : '';
    expect(win.cspViolations, hint + JSON.stringify(win.cspViolations, null, 1)).to.deep.equal([]);

    const line = (entry: LoggedRequest) => `${entry.method} ${entry.status} ${new URL(entry.url).origin === UPLOAD_ORIGIN ? 'upload-origin' : 'self'} ${new URL(entry.url).pathname.replace(/[0-9a-f-]{36}/g, ':id')}`;
    const lines = log.map(line);
    expect(lines).to.include.members([
      'GET 200 self /test/csp/helios.html',
      'GET 200 self /dist/thymia-recorder.js',
      // The speech count runs on the audio thread, from its own file under script-src 'self'.
      'GET 200 self /dist/speech-worklet.js',
      'POST 200 self /test/csp/api/session',
      'PUT 200 upload-origin /mock-upload/:id/main',
      'GET 200 self /api/status/:id',
    ]);
    expect(lines.filter((entry) => entry.startsWith('GET 200 self /dist/thymia-recorder-')).length, 'chunks loaded from the bundle directory').to.be.greaterThan(0);
    expect(log.every((entry) => entry.status > 0 && entry.status < 400), 'every request succeeded').to.be.true;
    const origins = new Set(log.map((entry) => new URL(entry.url).origin));
    expect([...origins].sort()).to.deep.equal([location.origin, UPLOAD_ORIGIN].sort());
  });

  it('a stopped take on the strict page: no playback (its policy forbids blob: media), still no violation, and it sends', async () => {
    await requireBuild();
    const page = await framedPage(`csp-review-${Date.now().toString(36)}`);
    frame = page.frame;
    const { win, el } = page;
    partOf(el, 'record-button').click();
    await waitUntil(() => el.state === 'recording', 'recording', { timeout: 10_000 });
    await waitUntil(() => partOf(el, 'submit-button') && !partOf(el, 'submit-button').disabled, 'enough speech', { timeout: 20_000, interval: 50 });
    partOf(el, 'stop-button').click();
    await waitUntil(() => el.state === 'recorded', 'recorded', { timeout: 10_000 });
    const review = () => el.shadowRoot!.querySelector<HTMLElement>('.review');
    await waitUntil(() => review() && review()!.dataset.playback !== 'checking', 'the page was checked for blob: media', { timeout: 10_000 });
    expect(review()!.dataset.playback).to.equal('unavailable');
    expect(el.shadowRoot!.querySelector('[part~="take"]'), 'the take is listed').to.exist;
    expect(el.shadowRoot!.querySelector('[part~="playback"]'), 'no playback control').to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[part~="retake-button"]')).to.have.length(1);
    partOf(el, 'submit-button').click();
    await waitUntil(() => el.state === 'processing' || el.state === 'complete', 'sent', { timeout: 10_000 });
    expect(win.cspViolations, JSON.stringify(win.cspViolations, null, 1)).to.deep.equal([]);
  });

  it('the same page does report what its policy forbids (the listener and the policy are live)', async () => {
    await requireBuild();
    const page = await framedPage(`csp-control-${Date.now().toString(36)}`);
    frame = page.frame;
    const { win } = page;
    const style = win.document.createElement('style');
    style.textContent = 'body { color: red }';
    win.document.head.append(style);
    // A string to eval: Trusted Types refuse it before script-src is even asked.
    let evalBlocked = false;
    try {
      win.eval('1');
    } catch {
      evalBlocked = true;
    }
    await waitUntil(() => win.cspViolations.length >= 2, 'violations reported', { timeout: 5000 });
    expect(evalBlocked).to.be.true;
    expect(win.cspViolations.map((violation) => violation.directive).sort()).to.deep.equal(['require-trusted-types-for', 'style-src-elem']);
  });
});
