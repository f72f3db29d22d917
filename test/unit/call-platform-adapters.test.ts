import { expect } from '@open-wc/testing';
import type { CallRecord } from '../../src/api/adapters/call-record.js';
import { callPhase } from '../../src/api/adapters/call-status.js';
import { STATUS_ADAPTERS } from '../../src/api/adapters/index.js';
import type { StatusOutcome } from '../../src/api/outcome.js';
import { StatusShapeError } from '../../src/api/status-error.js';
import { SYNTHFLOW_STATUSES, synthflowCall } from '../fixtures/synthflow.js';
import { THINNESTAI_ENDED, THINNESTAI_STATUSES, thinnestAiCall } from '../fixtures/thinnestai.js';

const context = { model: 'helios' };
const synthflow = STATUS_ADAPTERS.synthflow;
const thinnestai = STATUS_ADAPTERS.thinnestai;

function recordOf(outcome: StatusOutcome): CallRecord {
  if (outcome.phase !== 'complete') throw new Error(`expected complete, got ${outcome.phase}`);
  return outcome.results as CallRecord;
}

describe('call status table', () => {
  it('maps every platform status to a lifecycle phase, ignoring case and separators', () => {
    const expected: Record<string, string> = {
      pending: 'pending', queued: 'pending', ringing: 'pending', 'in-progress': 'pending', active: 'pending',
      completed: 'complete', ended: 'complete',
      failed: 'failed', busy: 'failed', 'no-answer': 'failed', canceled: 'failed', cancelled: 'failed', error: 'failed',
      deleted: 'deleted',
    };
    for (const [status, phase] of Object.entries(expected)) expect(callPhase(status), status).to.equal(phase);
    expect(callPhase('IN_PROGRESS')).to.equal('pending');
    expect(callPhase('No Answer')).to.equal('failed');
    expect(callPhase('teleported')).to.equal(undefined);
  });
});

describe('synthflow adapter', () => {
  const expected = {
    pending: { phase: 'pending' },
    ringing: { phase: 'pending' },
    'in-progress': { phase: 'pending' },
    completed: { phase: 'complete' },
    'no-answer': { phase: 'failed', callFailure: 'no-answer' },
    busy: { phase: 'failed', callFailure: 'busy' },
    failed: { phase: 'failed', callFailure: 'failed' },
    canceled: { phase: 'failed', callFailure: 'canceled' },
  } as const;

  for (const status of SYNTHFLOW_STATUSES) {
    it(`reads "${status}" as ${expected[status].phase}`, () => {
      const outcome = synthflow(synthflowCall(status), context);
      expect(outcome).to.include({ ...expected[status], status });
      if (outcome.phase === 'failed') expect(outcome.errorCode, 'platform status as errorCode').to.equal(status);
    });
  }

  it('normalises a completed call: duration, end reason, transcript without roles, raw response kept', () => {
    const body = synthflowCall('completed');
    const outcome = synthflow(body, context);
    const record = recordOf(outcome);
    expect(record).to.deep.equal({
      platform: 'synthflow',
      id: 'sf-call-8a7d2c',
      status: 'completed',
      durationSeconds: 187,
      endReason: 'human_ended_call',
      transcript: [{ text: body.response.calls[0].transcript }],
      analysis: undefined,
    });
    expect(outcome.response).to.equal(body);
    if (outcome.phase === 'complete') expect(outcome.views).to.deep.equal([{ kind: 'call', record }]);
  });

  it('prefers the host’s custom end reason', () => {
    const record = recordOf(synthflow(synthflowCall('completed', { end_call_reason: 'custom_end_call', custom_end_call_reason: 'Caller asked for a human' }), context));
    expect(record.endReason).to.equal('Caller asked for a human');
  });

  it('rejects bodies that are not a Synthflow call, and unknown statuses', () => {
    expect(() => synthflow({ status: 'ok', response: { calls: [] } }, context)).to.throw(StatusShapeError);
    expect(() => synthflow(synthflowCall('completed').response.calls[0], context)).to.throw(StatusShapeError);
    expect(() => synthflow(synthflowCall('completed', { status: 'teleported' }), context)).to.throw(StatusShapeError);
  });
});

describe('thinnestai adapter', () => {
  const expected = {
    pending: { phase: 'pending' },
    active: { phase: 'pending' },
    ended: { phase: 'complete' },
    error: { phase: 'failed', callFailure: 'failed' },
    deleted: { phase: 'failed', code: 'data-deleted' },
  } as const;

  for (const status of THINNESTAI_STATUSES) {
    it(`reads "${status}" as ${expected[status].phase}`, () => {
      expect(thinnestai(thinnestAiCall(status), context)).to.include({ ...expected[status], status });
    });
  }

  it('normalises the documented example: role-labelled transcript and analysis summary', () => {
    const record = recordOf(thinnestai(THINNESTAI_ENDED, context));
    expect(record.platform).to.equal('thinnestai');
    expect(record.id).to.equal('77');
    expect(record.durationSeconds).to.equal(99.1);
    expect(record.endReason).to.equal('user_hangup');
    expect(record.transcript).to.deep.equal([
      { role: 'assistant', text: 'नमस्ते, मैं प्रिया हूँ...', at: '0.0' },
      { role: 'user', text: 'मुझे मदद चाहिए', at: '5.2' },
      { role: 'assistant', text: 'जी बिल्कुल, बताइए...', at: '6.1' },
    ]);
    expect(record.analysis).to.deep.equal({
      overview: 'Customer asked about billing. Agent resolved the issue.',
      outcome: 'resolved',
      sentiment: 'positive',
      keyTopics: ['billing', 'refund'],
      actionItems: ['Process refund within 3 days'],
    });
  });

  it('rejects a body without a status', () => {
    const { status: _status, ...body } = THINNESTAI_ENDED;
    expect(() => thinnestai(body, context)).to.throw(StatusShapeError);
  });
});
