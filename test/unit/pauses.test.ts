import { expect } from '@open-wc/testing';
import { initialState, transition } from '../../src/state/machine.js';
import { PauseLog, needsNewInput } from '../../src/state/pauses.js';

describe('pauses', () => {
  it('the log reports each pause at its recorded time, for as long as it lasted', () => {
    const log = new PauseLog();
    expect(log.begin('muted', 3.456, 10_000)).to.equal(true);
    expect(log.begin('hidden', 3.456, 10_500), 'the first reason stands').to.equal(false);
    expect(log.records(12_000), 'a pause in progress counts up to now').to.deep.equal([{ reason: 'muted', atSeconds: 3.46, pausedSeconds: 2 }]);
    expect(log.end(14_250)).to.deep.equal({ reason: 'muted', atSeconds: 3.46, pausedSeconds: 4.25 });
    expect(log.end(15_000), 'nothing to end').to.equal(undefined);
    log.begin('user', 8, 20_000);
    log.end(21_000);
    expect(log.records(30_000).map((pause) => pause.reason)).to.deep.equal(['muted', 'user']);
  });

  it('only a lost input needs a fresh microphone', () => {
    expect(['user', 'muted', 'interrupted', 'hidden'].map((reason) => needsNewInput(reason as never))).to.deep.equal([false, false, false, false]);
    expect(needsNewInput('ended') && needsNewInput('device-lost')).to.equal(true);
  });

  it('the machine pauses only a running take, and only resume carries it on', () => {
    const idle = initialState(['main']);
    expect(transition(idle, { type: 'pause', reason: 'user' }), 'nothing to pause').to.equal(idle);
    const recording = transition(transition(idle, { type: 'start' }), { type: 'permission-granted' });
    const paused = transition(recording, { type: 'pause', reason: 'hidden' });
    expect(paused.phase).to.deep.equal({ name: 'recording', paused: 'hidden' });
    expect(transition(paused, { type: 'pause', reason: 'muted' }), 'already paused').to.equal(paused);
    expect(transition(paused, { type: 'continue' }), 'continue is for a take stopped too early').to.equal(paused);
    expect(transition(paused, { type: 'resume' }).phase).to.deep.equal({ name: 'recording' });
    const stopped = transition(paused, { type: 'stopped', final: true, take: { durationSeconds: 4, speechSeconds: 3, enough: true } });
    expect(stopped.phase, 'a paused take can be stopped').to.deep.equal({ name: 'recorded', final: true });
  });
});
