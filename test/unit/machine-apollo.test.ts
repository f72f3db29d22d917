import { expect } from '@open-wc/testing';
import { initialState, readyToSubmit, transition, type MachineEvent, type MachineState } from '../../src/state/machine.js';

const enough = { durationSeconds: 20, speechSeconds: 16, enough: true };
const run = (state: MachineState, ...events: MachineEvent[]) => events.reduce(transition, state);
const recordStep: MachineEvent[] = [{ type: 'start' }, { type: 'permission-granted' }, { type: 'stopped', take: enough, final: true }];

describe('state machine: Apollo steps and following', () => {
  it('records the mood question, moves on, records the read-aloud, then is ready', () => {
    const apollo = initialState(['moodQuestion', 'readAloud']);
    const first = run(apollo, ...recordStep);
    expect(readyToSubmit(first)).to.be.false;
    const second = run(first, { type: 'next-step' });
    expect([second.phase.name, second.stepIndex]).to.deep.equal(['idle', 1]);
    const both = run(second, ...recordStep);
    expect(readyToSubmit(both)).to.be.true;
  });

  it('retakes one step and keeps the other take', () => {
    const both = run(initialState(['moodQuestion', 'readAloud']), ...recordStep, { type: 'next-step' }, ...recordStep);
    const retaken = run(both, { type: 'retake', step: 'moodQuestion' });
    expect([retaken.phase.name, retaken.stepIndex]).to.deep.equal(['idle', 0]);
    expect(Object.keys(retaken.takes)).to.deep.equal(['readAloud']);
    expect(readyToSubmit(run(retaken, ...recordStep))).to.be.true;
  });

  it('follows from idle straight to processing, and nowhere else', () => {
    const idle = initialState(['main']);
    expect(transition(idle, { type: 'follow' }).phase.name).to.equal('processing');
    const recording = run(idle, { type: 'start' }, { type: 'permission-granted' });
    expect(transition(recording, { type: 'follow' })).to.equal(recording);
  });
});
