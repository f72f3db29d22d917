import { expect } from '@open-wc/testing';
import type { CallRecord } from '../../src/api/adapters/call-record.js';
import type { StatusAdapter } from '../../src/api/outcome.js';
import { nextEvent, part, recordEvents, waitForState } from '../helpers/element.js';
import { recorderWith, scriptStatus, shadow, texts } from '../helpers/protocol.js';
import { APOLLO_RESULTS } from '../fixtures/apollo.js';
import { synthflowCall, type SynthflowStatus } from '../fixtures/synthflow.js';
import { THINNESTAI_ENDED, thinnestAiCall } from '../fixtures/thinnestai.js';
import { CALL_COMPLETE, CALL_IN_PROGRESS, CALL_PROCESSING, EMOTIONS_RUN, MENTAL_WELLNESS_RUN } from '../fixtures/thymia-call.js';

async function follow(bodies: unknown[], attributes: Record<string, string> = {}) {
  const statusUrl = await scriptStatus(...bodies);
  const el = await recorderWith({ 'status-url': statusUrl, ...attributes });
  return { el, log: recordEvents(el) };
}

describe('<thymia-recorder follow> with a thymia voice-agent call', () => {
  it('follows the call and renders every model run present; Apollo stays hidden unless asked for', async () => {
    const { el, log } = await follow([CALL_IN_PROGRESS, CALL_PROCESSING, CALL_COMPLETE], { follow: '' });
    expect(el.state).to.equal('processing');
    expect(part(el, 'record-button'), 'nothing to record').to.equal(null);
    const result = nextEvent(el, 'thymia-result');
    await waitForState(el, 'complete');
    const { detail } = await result;
    expect(detail.model).to.equal('call');
    expect(detail.modelRunId).to.equal(CALL_COMPLETE.id);
    expect(detail.results).to.deep.equal({ mentalWellness: MENTAL_WELLNESS_RUN.results, apollo: APOLLO_RESULTS, emotions: EMOTIONS_RUN.results });
    expect(detail.response).to.deep.equal(CALL_COMPLETE);
    expect(log.of('thymia-status').map((status) => status.status)).to.deep.equal(['IN_PROGRESS', 'COMPLETED', 'COMPLETED']);

    const results = part(el, 'results')!;
    expect(results.textContent).to.include('Your wellbeing snapshot');
    expect(results.querySelector('[data-view="apollo"]'), 'Apollo defaults to none, even in a call').to.equal(null);
    expect(results.textContent).not.to.match(/depression/i);
    const rows = [...results.querySelectorAll<HTMLElement>('[data-view="emotions"] .chart-row')];
    expect(rows.map((row) => row.dataset.key)).to.deep.equal(Object.keys(EMOTIONS_RUN.results));
    expect(texts(el, '.chart-row .chart-label')).to.deep.equal(['Neutral', 'Happy', 'Sad', 'Angry', 'Fearful']);
    expect(texts(el, '.chart-row .chart-value')).to.deep.equal(['52%', '8%', '21%', '5%', '14%']);
    expect(rows[0].querySelector('[role="meter"]')!.getAttribute('aria-valuenow')).to.equal('0.52');
  });

  it('renders all three model runs when the host opts in to full results', async () => {
    const { el } = await follow([CALL_COMPLETE], { follow: '', results: 'full' });
    await waitForState(el, 'complete');
    const views = [...shadow(el).querySelectorAll<HTMLElement>('[part~="results"] [data-view]')].map((view) => view.dataset.view);
    expect(views).to.deep.equal(['apollo', 'emotions']);
    expect(part(el, 'results')!.textContent).to.include('Your wellbeing snapshot');
    expect(shadow(el).querySelectorAll('.symptom')).to.have.length(15);
  });

  it('ends with a typed error when the call fails before any model ran', async () => {
    const { el } = await follow([CALL_IN_PROGRESS, { ...CALL_IN_PROGRESS, status: 'BUSY' }], { follow: '' });
    const error = nextEvent(el, 'thymia-error');
    const { detail } = await error;
    expect(detail).to.deep.equal({ code: 'model-error', errorCode: 'BUSY', recoverable: false, message: 'The line was busy, so the call did not take place.' });
    expect(el.state).to.equal('error');
  });
});

describe('<thymia-recorder status-adapter="synthflow">', () => {
  it('goes pending → ringing → in-progress → completed, then shows duration, end reason and transcript', async () => {
    const bodies = (['pending', 'ringing', 'in-progress', 'completed'] as const).map((status) => synthflowCall(status));
    const { el, log } = await follow(bodies, { 'status-adapter': 'synthflow' });
    const result = nextEvent(el, 'thymia-result');
    await waitForState(el, 'complete');
    const { detail } = await result;
    expect(log.of('thymia-status').map((status) => status.status)).to.deep.equal(['pending', 'ringing', 'in-progress', 'completed']);
    expect(log.states()).to.deep.equal(['complete']);
    const record = detail.results as CallRecord;
    expect(record).to.include({ platform: 'synthflow', id: 'sf-call-8a7d2c', status: 'completed', durationSeconds: 187, endReason: 'human_ended_call' });
    expect(detail.response).to.deep.equal(bodies[3]);

    expect(texts(el, '.call-facts dt')).to.deep.equal(['Duration', 'Ended because']);
    expect(texts(el, '.call-facts dd')).to.deep.equal(['3:07', 'Human ended call']);
    expect(part(el, 'transcript')!.textContent).to.include('human: A bit tired, honestly.');
  });

  it('shows the platform status while waiting', async () => {
    const { el } = await follow([synthflowCall('ringing')], { 'status-adapter': 'synthflow' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(el.state).to.equal('processing');
    expect(shadow(el).querySelector('.follow-status')!.textContent).to.equal('Status: ringing');
    el.remove();
  });

  const failures: [SynthflowStatus, string][] = [
    ['busy', 'The line was busy, so the call did not take place.'],
    ['no-answer', 'The call was not answered.'],
    ['failed', 'The call could not be completed.'],
    ['canceled', 'The call was cancelled.'],
  ];
  for (const [status, message] of failures) {
    it(`ends "${status}" as model-error with the platform status as errorCode`, async () => {
      const { el, log } = await follow([synthflowCall('ringing'), synthflowCall(status)], { 'status-adapter': 'synthflow' });
      await waitForState(el, 'error');
      expect(log.of('thymia-error')).to.deep.equal([{ code: 'model-error', errorCode: status, recoverable: false, message }]);
      expect(part(el, 'error')!.textContent).to.equal(message);
      expect(part(el, 'error')!.textContent, 'never the platform’s error text').not.to.include('SIP');
      expect(log.of('thymia-result')).to.have.length(0);
    });
  }

  it('summary leaves the transcript out; none shows a neutral line', async () => {
    const summary = await follow([synthflowCall('completed')], { 'status-adapter': 'synthflow', results: 'summary' });
    await waitForState(summary.el, 'complete');
    expect(part(summary.el, 'transcript')).to.equal(null);
    expect(texts(summary.el, '.call-facts dd')).to.deep.equal(['3:07', 'Human ended call']);
    const none = await follow([synthflowCall('completed')], { 'status-adapter': 'synthflow', results: 'none' });
    await waitForState(none.el, 'complete');
    expect(part(none.el, 'results')!.textContent!.trim()).to.equal('The call has ended. Thank you.');
  });
});

describe('<thymia-recorder status-adapter="thinnestai">', () => {
  it('goes pending → active → ended, then shows the role-labelled transcript and the analysis summary', async () => {
    const { el, log } = await follow([thinnestAiCall('pending'), thinnestAiCall('active'), THINNESTAI_ENDED], { 'status-adapter': 'thinnestai' });
    const result = nextEvent(el, 'thymia-result');
    await waitForState(el, 'complete');
    const { detail } = await result;
    expect(log.of('thymia-status').map((status) => status.status)).to.deep.equal(['pending', 'active', 'ended']);
    expect((detail.results as CallRecord).platform).to.equal('thinnestai');
    expect(detail.response).to.deep.equal(THINNESTAI_ENDED);
    expect(texts(el, '.call-facts dd')).to.deep.equal(['1:39', 'User hangup', 'Resolved', 'Positive']);
    expect(shadow(el).querySelector('.call-overview')!.textContent).to.equal('Customer asked about billing. Agent resolved the issue.');
    expect(texts(el, '.call-topics li')).to.deep.equal(['billing', 'refund']);
    expect(texts(el, '.call-actions li')).to.deep.equal(['Process refund within 3 days']);
    expect(texts(el, '.turn')).to.deep.equal(['Agent: नमस्ते, मैं प्रिया हूँ...', 'User: मुझे मदद चाहिए', 'Agent: जी बिल्कुल, बताइए...']);
    expect([...shadow(el).querySelectorAll<HTMLElement>('.turn')].map((turn) => turn.dataset.role)).to.deep.equal(['assistant', 'user', 'assistant']);
  });

  it('ends "error" as model-error', async () => {
    const { el, log } = await follow([thinnestAiCall('active'), thinnestAiCall('error')], { 'status-adapter': 'thinnestai' });
    await waitForState(el, 'error');
    expect(log.of('thymia-error')).to.deep.equal([{ code: 'model-error', errorCode: 'error', recoverable: false, message: 'The call could not be completed.' }]);
  });

  it('ends "deleted" as data-deleted', async () => {
    const { el, log } = await follow([thinnestAiCall('deleted')], { 'status-adapter': 'thinnestai' });
    await waitForState(el, 'error');
    expect(log.of('thymia-error').map((error) => [error.code, error.errorCode, error.recoverable])).to.deep.equal([['data-deleted', 'deleted', false]]);
  });
});

describe('a custom status adapter function', () => {
  it('is used for every poll', async () => {
    const statusUrl = await scriptStatus({ state: 'wait' }, { state: 'done', note: 'ok' });
    const adapter: StatusAdapter = (body) => {
      const state = (body as { state: string }).state;
      if (state === 'wait') return { phase: 'pending', status: state, response: body };
      const record: CallRecord = { platform: 'acme', id: '1', status: state, durationSeconds: 61, endReason: 'done', transcript: [], analysis: undefined };
      return { phase: 'complete', status: state, response: body, model: 'call', modelRunId: '1', results: record, warnings: [], views: [{ kind: 'call', record }] };
    };
    const el = await recorderWith({ follow: '' });
    el.statusAdapter = adapter;
    el.statusUrl = statusUrl;
    await waitForState(el, 'complete');
    expect(texts(el, '.call-facts dd')).to.deep.equal(['1:01', 'Done']);
  });
});
