import { expect } from '@open-wc/testing';
import { thymiaAdapter } from '../../src/api/adapters/index.js';
import { classifyAnswer, decide, FRESH_COUNTERS } from '../../src/api/poll-step.js';

const limits = { intervalMs: 3000, maxMalformed: 5, maxTransient: 40, maxBackoffMs: 30_000 };
const running = JSON.stringify({ id: 'run-1', status: 'RUNNING' });
const context = { model: 'helios' };

function nextDelay(retryAfter: string | null): number {
  const attempt = classifyAnswer({ status: 200, retryAfter, body: running }, thymiaAdapter, context, 0);
  const { decision } = decide(FRESH_COUNTERS, attempt, limits);
  if (decision.action !== 'pending') throw new Error(decision.action);
  return decision.delayMs;
}

describe('polling pace', () => {
  it('asks again after the poll interval when the host says nothing', () => {
    expect(nextDelay(null)).to.equal(3000);
  });

  it("follows the host's Retry-After on an ordinary pending answer, sooner or later than the interval", () => {
    expect(nextDelay('1')).to.equal(1000);
    expect(nextDelay('7')).to.equal(7000);
  });

  it('caps a Retry-After that asks for more patience than a person has', () => {
    expect(nextDelay('3600')).to.equal(30_000);
  });

  it('ignores a Retry-After it cannot read', () => {
    expect(nextDelay('soon')).to.equal(3000);
  });
});
