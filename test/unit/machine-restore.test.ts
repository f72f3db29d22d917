import { expect } from '@open-wc/testing';
import { initialState, readyToSubmit, transition, type MachineState } from '../../src/state/machine.js';
import { planRestore } from '../../src/state/restore-plan.js';

const enough = { durationSeconds: 30, speechSeconds: 20, enough: true };
const short = { durationSeconds: 5, speechSeconds: 2, enough: false };

describe('state machine: restored takes', () => {
  it('moves idle → recorded (final) with the restored takes, ready to submit', () => {
    const next = transition(initialState(['main']), { type: 'restored', takes: { main: enough } });
    expect(next.phase).to.deep.equal({ name: 'recorded', final: true });
    expect(next.takes.main).to.deep.equal(enough);
    expect(readyToSubmit(next)).to.be.true;
    expect(transition(next, { type: 'continue' }), 'a restored take cannot be continued').to.equal(next);
    expect(transition(next, { type: 'submit' }).phase.name).to.equal('uploading');
  });

  it('lands Apollo on the last restored step', () => {
    const apollo = initialState(['moodQuestion', 'readAloud']);
    const first = transition(apollo, { type: 'restored', takes: { moodQuestion: enough } });
    expect(first.stepIndex).to.equal(0);
    expect(readyToSubmit(first)).to.be.false;
    const next = transition(first, { type: 'next-step' });
    expect(next.phase.name).to.equal('idle');
    expect(next.stepIndex).to.equal(1);
    const both = transition(apollo, { type: 'restored', takes: { moodQuestion: enough, readAloud: enough } });
    expect(both.stepIndex).to.equal(1);
    expect(readyToSubmit(both)).to.be.true;
  });

  it('is ignored outside idle, with takes already made, or with nothing to restore', () => {
    const idle = initialState(['main']);
    expect(transition(idle, { type: 'restored', takes: {} })).to.equal(idle);
    const recording: MachineState = { ...idle, phase: { name: 'recording' } };
    expect(transition(recording, { type: 'restored', takes: { main: enough } })).to.equal(recording);
    const apolloIdle: MachineState = { ...initialState(['moodQuestion', 'readAloud']), stepIndex: 1, takes: { moodQuestion: enough } };
    expect(transition(apolloIdle, { type: 'restored', takes: { readAloud: enough } })).to.equal(apolloIdle);
  });

  it('keeps a too-short restored take unsubmittable', () => {
    const next = transition(initialState(['main']), { type: 'restored', takes: { main: short } });
    expect(next.phase.name).to.equal('recorded');
    expect(readyToSubmit(next)).to.be.false;
    expect(transition(next, { type: 'retake' }).phase.name).to.equal('idle');
  });

  it('finalises a paused take whose microphone went away', () => {
    const recording: MachineState = { ...initialState(['main']), phase: { name: 'recording' } };
    const paused = transition(recording, { type: 'stopped', final: false, take: short });
    expect(paused.phase).to.deep.equal({ name: 'recorded', final: false });
    const lost = transition(paused, { type: 'stopped', final: true, take: short });
    expect(lost.phase).to.deep.equal({ name: 'recorded', final: true });
    expect(transition(lost, { type: 'stopped', final: true, take: short }), 'a final take stays final').to.equal(lost);
  });
});

describe('planRestore', () => {
  it('builds takes, summaries and thymia-restored details in step order', () => {
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    const now = 1_000_000;
    const plan = planRestore(
      [
        { recording: 'readAloud', bytes, mimeType: 'audio/webm', durationSeconds: 40, speechSeconds: 30, createdAt: now - 90_000, uploadedTo: undefined },
        { recording: 'moodQuestion', bytes, mimeType: 'audio/webm', durationSeconds: 20, speechSeconds: 10, createdAt: now - 120_000, uploadedTo: '/u/1' },
      ],
      ['moodQuestion', 'readAloud'],
      15,
      now,
    );
    expect(plan.takes.map((take) => take.recording)).to.deep.equal(['moodQuestion', 'readAloud']);
    expect(plan.delivered.moodQuestion).to.equal('/u/1');
    expect(plan.takes[0].blob.size).to.equal(3);
    expect(plan.summaries.moodQuestion!.enough).to.be.false;
    expect(plan.summaries.readAloud!.enough).to.be.true;
    expect(plan.details).to.deep.equal([
      { recording: 'moodQuestion', durationSeconds: 20, speechSeconds: 10, ageSeconds: 120 },
      { recording: 'readAloud', durationSeconds: 40, speechSeconds: 30, ageSeconds: 90 },
    ]);
  });

  it('ignores steps the model does not have and repairs nonsense numbers', () => {
    const plan = planRestore(
      [{ recording: 'main', bytes: new ArrayBuffer(1), mimeType: 'audio/ogg', durationSeconds: NaN, speechSeconds: -4, createdAt: Date.now() + 5000, uploadedTo: undefined }],
      ['moodQuestion', 'readAloud'],
      15,
    );
    expect(plan.takes).to.have.length(0);
    const helios = planRestore(
      [{ recording: 'main', bytes: new ArrayBuffer(1), mimeType: 'audio/ogg', durationSeconds: NaN, speechSeconds: -4, createdAt: Date.now() + 5000, uploadedTo: undefined }],
      ['main'],
      10,
    );
    expect(helios.details[0]).to.deep.equal({ recording: 'main', durationSeconds: 0, speechSeconds: 0, ageSeconds: 0 });
  });
});
