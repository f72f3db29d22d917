/**
 * axe-core (chai-a11y-axe) finds no violations in the states reached
 * without recording: idle (Helios, Apollo), following a call, the activity
 * hand-off, and every result mode — Helios full/summary/none, Apollo
 * none/summary/full, Synthflow, ThinnestAI and a thymia voice-agent call.
 * Transcripts (closed <details>) are opened first so their content is audited too.
 */
import { expect } from '@open-wc/testing';
import { expectAccessible, printAxeSummary } from '../helpers/a11y.js';
import { part, waitForState, type Recorder } from '../helpers/element.js';
import { recorderWith, scriptStatus } from '../helpers/protocol.js';
import { APOLLO_COMPLETE } from '../fixtures/apollo.js';
import { synthflowCall } from '../fixtures/synthflow.js';
import { THINNESTAI_ENDED } from '../fixtures/thinnestai.js';
import { CALL_COMPLETE, MENTAL_WELLNESS_RUN } from '../fixtures/thymia-call.js';

async function completedWith(body: unknown, attributes: Record<string, string>): Promise<Recorder> {
  const el = await recorderWith({ follow: '', 'status-url': await scriptStatus(body), ...attributes });
  await waitForState(el, 'complete');
  await el.updateComplete;
  for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
  return el;
}

/** Every bar in the results says its value in words (not only a number a screen reader reads bare). */
function expectBarsWithText(el: Recorder): number {
  const bars = [...el.shadowRoot!.querySelectorAll('[part~="results"] [role="meter"], [part~="results"] [role="img"]')];
  for (const bar of bars) {
    const spoken = bar.getAttribute('role') === 'img' ? bar.getAttribute('aria-label') : bar.getAttribute('aria-valuetext');
    expect(spoken, `${bar.getAttribute('aria-label')}: text equivalent`).to.match(/\d+( out of 100|%)|None \d+%/);
  }
  return bars.length;
}

describe('accessibility (axe) without recording', () => {
  after(() => printAxeSummary('dom group'));

  it('idle, Helios and Apollo', async () => {
    const helios = await recorderWith({ 'upload-url': '/mock-upload/none/main', 'status-url': '/api/status/none' });
    expect(helios.state).to.equal('idle');
    await expectAccessible(helios, 'idle (Helios)');

    const apollo = await recorderWith({ model: 'apollo', 'session-url': '/api/session' });
    expect(part(apollo, 'steps'), 'step indicator shown').to.exist;
    await expectAccessible(apollo, 'idle (Apollo: steps, mood question)');
  });

  it('the audit reaches into the shadow root (a control: an unlabelled image there is reported)', async () => {
    const el = await recorderWith({ 'upload-url': '/mock-upload/none/main', 'status-url': '/api/status/none' });
    el.shadowRoot!.append(document.createElement('img'));
    await expect(el).not.to.be.accessible();
  });

  it('following a call and the activity hand-off', async () => {
    const ringing = await recorderWith({ 'status-adapter': 'synthflow', 'status-url': await scriptStatus(synthflowCall('ringing')) });
    await waitForState(ringing, 'processing');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expectAccessible(ringing, 'processing (following a call)');
    ringing.remove();

    const handoff = await recorderWith({ 'activity-link': 'https://activities.thymia.ai/a/123', 'status-url': await scriptStatus({ status: 'RUNNING' }) });
    await handoff.updateComplete;
    expect(part(handoff, 'activity-link'), 'hand-off link shown').to.exist;
    await expectAccessible(handoff, 'processing (activity hand-off)');
    handoff.remove();
  });

  for (const mode of ['full', 'summary', 'none'] as const) {
    it(`Helios results="${mode}"`, async () => {
      const el = await completedWith({ ...MENTAL_WELLNESS_RUN, status: 'COMPLETE_OK' }, { model: 'helios', results: mode });
      if (mode === 'full') expect(expectBarsWithText(el)).to.equal(6);
      await expectAccessible(el, `complete (Helios ${mode})`);
    });
  }

  for (const mode of ['none', 'summary', 'full'] as const) {
    it(`Apollo results="${mode}"`, async () => {
      const el = await completedWith(APOLLO_COMPLETE, { model: 'apollo', results: mode });
      if (mode !== 'none') expect(part(el, 'clinician-notice')).to.exist;
      expectBarsWithText(el);
      await expectAccessible(el, `complete (Apollo ${mode})`);
    });
  }

  it('calls: Synthflow, ThinnestAI, thymia voice-agent call (all runs)', async () => {
    const synthflow = await completedWith(synthflowCall('completed'), { 'status-adapter': 'synthflow' });
    expect(part(synthflow, 'transcript')).to.exist;
    await expectAccessible(synthflow, 'complete (Synthflow call)');

    const thinnest = await completedWith(THINNESTAI_ENDED, { 'status-adapter': 'thinnestai' });
    await expectAccessible(thinnest, 'complete (ThinnestAI call)');

    const call = await completedWith(CALL_COMPLETE, { results: 'full' });
    expect(call.shadowRoot!.querySelector('[data-view="emotions"]')).to.exist;
    expect(expectBarsWithText(call)).to.be.greaterThan(5);
    await expectAccessible(call, 'complete (thymia call, full)');
  });
});
