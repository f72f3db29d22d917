import { expect } from '@open-wc/testing';
import {
  initialState, readyToSubmit, transition, type MachineEvent, type MachineState,
} from '../../src/state/machine.js';
import { ERROR_CODES } from '../../src/errors.js';

const enough = { durationSeconds: 20, speechSeconds: 12, enough: true };
const short = { durationSeconds: 5, speechSeconds: 3, enough: false };
const run = (state: MachineState, ...events: MachineEvent[]) => events.reduce(transition, state);

describe('recorder state machine', () => {
  it('walks the Helios happy path through every public state', () => {
    const names: string[] = [];
    let state = initialState(['main']);
    for (const event of [
      { type: 'start' }, { type: 'permission-granted' }, { type: 'stopped', take: enough, final: true },
      { type: 'submit' }, { type: 'uploaded' }, { type: 'completed' },
    ] as MachineEvent[]) {
      state = transition(state, event);
      names.push(state.phase.name);
    }
    expect(names).to.deep.equal(['requesting-permission', 'recording', 'recorded', 'uploading', 'processing', 'complete']);
  });

  it('refuses to submit a take without enough speech, and lets it continue while paused', () => {
    const paused = run(initialState(['main']), { type: 'start' }, { type: 'permission-granted' }, { type: 'stopped', take: short, final: false });
    expect(readyToSubmit(paused)).to.be.false;
    expect(transition(paused, { type: 'submit' })).to.equal(paused);
    expect(transition(paused, { type: 'continue' }).phase.name).to.equal('recording');
  });

  it('a take cut at the limit cannot continue, only be retaken', () => {
    const cut = run(initialState(['main']), { type: 'start' }, { type: 'permission-granted' }, { type: 'stopped', take: short, final: true });
    expect(transition(cut, { type: 'continue' })).to.equal(cut);
    const retaken = transition(cut, { type: 'retake' });
    expect(retaken.phase.name).to.equal('idle');
    expect(retaken.takes.main).to.equal(undefined);
  });

  it('ignores events that do not apply (same object back)', () => {
    const idle = initialState(['main']);
    for (const event of [{ type: 'stopped', take: enough, final: true }, { type: 'submit' }, { type: 'uploaded' }, { type: 'completed' }, { type: 'continue' }] as MachineEvent[]) {
      expect(transition(idle, event), event.type).to.equal(idle);
    }
  });

  it('Apollo needs both steps before submit; next-step moves on; a retake of step one returns to it', () => {
    let state = run(initialState(['moodQuestion', 'readAloud']), { type: 'start' }, { type: 'permission-granted' }, { type: 'stopped', take: enough, final: true });
    expect(transition(state, { type: 'submit' })).to.equal(state);
    state = transition(state, { type: 'next-step' });
    expect(state.stepIndex).to.equal(1);
    state = run(state, { type: 'start' }, { type: 'permission-granted' }, { type: 'stopped', take: enough, final: true });
    expect(readyToSubmit(state)).to.be.true;
    state = transition(state, { type: 'retake', step: 'moodQuestion' });
    expect(state.stepIndex).to.equal(0);
    expect(state.takes.readAloud, 'the other take survives').to.deep.equal(enough);
    expect(readyToSubmit(state)).to.be.false;
  });

  it('errors carry what a retry should do; upload failures resubmit the kept take', () => {
    const error = { code: ERROR_CODES.uploadFailed, message: 'x', recoverable: true };
    let state = run(initialState(['main']), { type: 'start' }, { type: 'permission-granted' }, { type: 'stopped', take: enough, final: true }, { type: 'submit' });
    state = transition(state, { type: 'failed', error, retry: 'submit' });
    expect(state.phase).to.deep.equal({ name: 'error', error, retry: 'submit' });
    expect(transition(state, { type: 'submit' }).phase.name).to.equal('uploading');
    expect(transition(state, { type: 'start' }), 'not a recording error').to.equal(state);
  });

  it('a polling failure resumes polling without re-uploading', () => {
    const error = { code: ERROR_CODES.statusFailed, message: 'x', recoverable: true };
    const state = run(
      initialState(['main']),
      { type: 'start' }, { type: 'permission-granted' }, { type: 'stopped', take: enough, final: true }, { type: 'submit' }, { type: 'uploaded' },
      { type: 'failed', error, retry: 'poll' },
    );
    expect(transition(state, { type: 'resume-polling' }).phase.name).to.equal('processing');
    expect(transition(state, { type: 'submit' })).to.equal(state);
  });

  it('reset returns to a clean idle from anywhere', () => {
    const state = run(initialState(['main']), { type: 'start' }, { type: 'permission-granted' }, { type: 'stopped', take: enough, final: true });
    expect(transition(state, { type: 'reset' })).to.deep.equal(initialState(['main']));
  });
});
