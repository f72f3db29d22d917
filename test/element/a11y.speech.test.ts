/**
 * axe-core (chai-a11y-axe) finds no violations in every state a recording
 * passes through — idle, recording, paused too short, recorded, uploading,
 * processing — and in each error the network or thymia can cause; and the
 * element works from the keyboard alone with a visible focus indicator.
 * Fake microphone: speech.wav.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible, printAxeSummary } from '../helpers/a11y.js';
import { button, createSession, part, recordAndSubmit, waitForState, waitUntil, type Recorder } from '../helpers/element.js';
import { FAST_TIMING, mountRecorder, recordAndStop, staticUrls, unmountAll } from '../helpers/faults.js';

/** The colour's alpha (0 for `transparent`), from a computed `rgb()`/`rgba()`/`color()` value. */
function alphaOf(color: string): number {
  if (color === 'transparent') return 0;
  const slash = color.match(/\/\s*([\d.]+)\s*\)$/);
  if (slash) return Number(slash[1]);
  const rgba = color.match(/^rgba\([^)]*,\s*([\d.]+)\)$/);
  return rgba ? Number(rgba[1]) : 1;
}

function focused(el: Recorder): HTMLElement | null {
  return el.shadowRoot!.activeElement as HTMLElement | null;
}

/** Focus is on `target`, it matches :focus-visible and draws an opaque outline at least 2px wide. */
function expectVisibleFocus(el: Recorder, target: HTMLElement): void {
  // Compared as a boolean: a failing equality of two elements makes the runner serialise whole DOM nodes.
  expect(focused(el) === target, `focus on ${target.getAttribute('part')}, not ${focused(el)?.getAttribute('part') ?? 'outside the element'}`).to.be.true;
  expect(target.matches(':focus-visible'), ':focus-visible after keyboard use').to.be.true;
  const style = getComputedStyle(target);
  expect(style.outlineStyle).not.to.equal('none');
  expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  expect(alphaOf(style.outlineColor), `outline colour ${style.outlineColor}`).to.equal(1);
}

describe('accessibility (axe) while recording, uploading and failing', () => {
  afterEach(() => unmountAll());
  after(() => printAxeSummary('speech group'));

  it('keyboard only: Tab reaches Record, Enter and Space start it, focus stays visible; idle, recording and paused-too-short pass axe', async () => {
    const session = await createSession('helios');
    const el = await mountRecorder({ ...staticUrls(session), 'min-speech-seconds': '30' });
    await expectAccessible(el, 'idle');

    // Tab through whatever comes first (the microphone choice when the browser lists several) to Record; each stop shows its focus.
    (document.activeElement as HTMLElement | null)?.blur();
    const record = button(el, 'record-button');
    const stops: string[] = [];
    for (let presses = 0; presses < 5 && focused(el) !== record; presses += 1) {
      await sendKeys({ press: 'Tab' });
      const now = focused(el);
      stops.push(now?.getAttribute('part') ?? 'outside');
      if (now) expectVisibleFocus(el, now);
    }
    console.log(`keyboard: Tab stops ${stops.join(' → ')}`);
    expect(stops.at(-1), `Tab stops: ${stops.join(' → ')}`).to.equal('record-button');

    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'recording', 10_000);
    await el.updateComplete;
    // Record is gone: focus moved to the next control rather than to the page.
    const next = focused(el);
    expect(next, 'focus stays on a control').to.be.instanceOf(HTMLButtonElement);
    expectVisibleFocus(el, next!);
    await waitUntil(() => Number(part(el, 'speech-meter')?.dataset.speechSeconds) > 0.5, 'some speech heard', { timeout: 10_000 });
    await expectAccessible(el, 'recording');

    // Stop from the keyboard before the 30 s minimum: paused, with the too-short notice and Continue.
    button(el, 'stop-button').focus();
    await sendKeys({ press: 'Space' });
    await waitForState(el, 'recorded', 10_000);
    await el.updateComplete;
    expect(part(el, 'error')?.dataset.code).to.equal('too-short');
    expect(part(el, 'continue-button')).to.exist;
    await expectAccessible(el, 'recorded, paused too short');

    await el.reset();
    await el.updateComplete;
    button(el, 'record-button').focus();
    await sendKeys({ press: 'Space' });
    await waitForState(el, 'recording', 10_000);
    await el.reset();
  });

  it('recorded (enough speech) and uploading', async () => {
    // The upload stalls: the element stays in `uploading` while it is audited.
    const session = await createSession('helios', { uploadFaults: 'stall' });
    const el = await mountRecorder({ ...staticUrls(session), 'min-speech-seconds': '1' }, { timing: { ...FAST_TIMING, uploadStallMs: 30_000 } });
    await recordAndStop(el);
    expect(button(el, 'submit-button').disabled).to.be.false;
    await expectAccessible(el, 'recorded');

    button(el, 'submit-button').click();
    await waitForState(el, 'uploading');
    await expectAccessible(el, 'uploading');
  });

  it('processing', async () => {
    const session = await createSession('helios', { processingMs: '30000' });
    const el = await mountRecorder({ ...staticUrls(session), 'min-speech-seconds': '1' });
    await recordAndSubmit(el, 'processing');
    await expectAccessible(el, 'processing');
  });

  const errors: [string, Record<string, string>][] = [
    ['upload-failed', { uploadFaults: '400' }],
    ['status-failed', { statusFaults: '401' }],
    ['model-error', { outcome: 'ERR_INTERNAL' }],
    ['data-deleted', { statusFaults: '404' }],
  ];
  for (const [code, scenario] of errors) {
    it(`error: ${code}`, async () => {
      const session = await createSession('helios', scenario);
      const el = await mountRecorder({ ...staticUrls(session), 'min-speech-seconds': '1' });
      await recordAndSubmit(el, 'error');
      await el.updateComplete;
      expect(part(el, 'error')?.dataset.code).to.equal(code);
      await expectAccessible(el, `error ${code}`);
    });
  }
});
