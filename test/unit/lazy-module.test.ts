import { expect } from '@open-wc/testing';
import { LazyModule } from '../../src/lazy-module.js';

const RETRY_AFTER_MS = 40;

/** A chunk that fails to arrive the first `failures` times it is requested (a flaky network under load). */
function flakyChunk(failures: number) {
  let requests = 0;
  return {
    requests: () => requests,
    load: async () => {
      requests += 1;
      if (requests <= failures) throw new TypeError('Failed to fetch dynamically imported module');
      return { planRestore: 'loaded' as const };
    },
  };
}

describe('LazyModule', () => {
  it('requests the chunk once, however many renders ask for it', async () => {
    const chunk = flakyChunk(0);
    const module = new LazyModule(chunk.load, RETRY_AFTER_MS);
    expect(module.value).to.equal(undefined);
    const [first, second] = await Promise.all([module.load(), module.load()]);
    expect(first).to.equal(second);
    expect(module.value).to.deep.equal({ planRestore: 'loaded' });
    expect(chunk.requests()).to.equal(1);
  });

  it('answers with the same failure, without another request, until the retry delay has passed', async () => {
    const chunk = flakyChunk(1);
    const module = new LazyModule(chunk.load, RETRY_AFTER_MS);
    await module.load().then(
      () => expect.fail('the first load fails'),
      (error: unknown) => expect(error).to.be.instanceOf(TypeError),
    );
    await module.load().catch(() => undefined);
    expect(chunk.requests(), 'a render right after the failure does not refetch').to.equal(1);
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS + 10));
    expect(await module.load()).to.deep.equal({ planRestore: 'loaded' });
    expect(chunk.requests()).to.equal(2);
  });

  it('loadPatiently() outlasts two lost chunks, spaced by the retry delay, so a kept take is still offered back', async () => {
    const chunk = flakyChunk(2);
    const module = new LazyModule(chunk.load, RETRY_AFTER_MS);
    const started = performance.now();
    expect(await module.loadPatiently()).to.deep.equal({ planRestore: 'loaded' });
    expect(chunk.requests()).to.equal(3);
    expect(performance.now() - started, 'two waits between three requests').to.be.at.least(2 * RETRY_AFTER_MS - 5);
  });

  it('loadPatiently() gives up after its attempts with the last failure', async () => {
    const chunk = flakyChunk(5);
    const module = new LazyModule(chunk.load, RETRY_AFTER_MS);
    const outcome = await module.loadPatiently(2).then(
      () => 'loaded',
      (error: unknown) => error,
    );
    expect(outcome).to.be.instanceOf(TypeError);
    expect(chunk.requests()).to.equal(2);
    expect(module.value).to.equal(undefined);
  });
});
