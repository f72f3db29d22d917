import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { ScreenWakeLock, holdScreenAwake, type WakeLockEnvironment } from '../../src/capture/wake-lock.js';

/** A page whose visibility the test controls, with a Wake Lock API that records what it was asked. */
function fakePage({ refuse = false } = {}) {
  const events = new EventTarget();
  let visibility: DocumentVisibilityState = 'visible';
  const sentinels: (EventTarget & { released: boolean; release(): Promise<void> })[] = [];
  const wakeLock = {
    async request(type: 'screen') {
      expect(type).to.equal('screen');
      if (refuse) throw new DOMException('battery saver', 'NotAllowedError');
      const sentinel = Object.assign(new EventTarget(), {
        released: false,
        async release() {
          if (sentinel.released) return;
          sentinel.released = true;
          sentinel.dispatchEvent(new Event('release'));
        },
      });
      sentinels.push(sentinel);
      return sentinel;
    },
  };
  const document = {
    get visibilityState() {
      return visibility;
    },
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  } as WakeLockEnvironment['document'];
  return {
    environment: (): WakeLockEnvironment => ({ wakeLock, document }),
    sentinels,
    held: () => sentinels.filter((sentinel) => !sentinel.released).length,
    /** As the browser does: hiding the page releases the lock. */
    setVisibility(state: DocumentVisibilityState) {
      visibility = state;
      if (state === 'hidden') for (const sentinel of sentinels) void sentinel.release();
      events.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

describe('ScreenWakeLock', () => {
  it('holds a real screen wake lock in this browser and lets it go', async function () {
    const api = (navigator as { wakeLock?: unknown }).wakeLock;
    if (!api) this.skip(); // Firefox ESR has no Wake Lock API: covered by the no-op test below
    const lock = new ScreenWakeLock();
    const granted = await lock.acquire();
    expect(lock.held).to.equal(granted);
    // Headless Chromium grants it; WebKitGTK refuses without a user gesture (the no-op path).
    if (navigator.userAgent.includes('Chrome/')) expect(granted).to.be.true;
    await lock.release();
    expect(lock.held).to.be.false;
  });

  it('takes the lock again when the page comes back, while wanted', async () => {
    const page = fakePage();
    const lock = new ScreenWakeLock(page.environment);
    expect(await lock.acquire()).to.be.true;
    expect(page.held()).to.equal(1);
    page.setVisibility('hidden');
    await waitUntil(() => !lock.held, 'the browser released it on hide');
    page.setVisibility('visible');
    await waitUntil(() => lock.held, 're-acquired when visible');
    expect(page.sentinels).to.have.length(2);
    expect(page.held()).to.equal(1);
  });

  it('stops asking once released: no lock after the take stopped', async () => {
    const page = fakePage();
    const lock = new ScreenWakeLock(page.environment);
    await lock.acquire();
    await lock.release();
    expect(page.held()).to.equal(0);
    page.setVisibility('hidden');
    page.setVisibility('visible');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.sentinels, 'no new request').to.have.length(1);
    expect(lock.held).to.be.false;
  });

  it('releases a lock that lands after release() was called', async () => {
    const page = fakePage();
    const lock = new ScreenWakeLock(page.environment);
    const acquiring = lock.acquire();
    await lock.release();
    expect(await acquiring).to.be.false;
    expect(page.held()).to.equal(0);
  });

  it('asks once for concurrent acquires', async () => {
    const page = fakePage();
    const lock = new ScreenWakeLock(page.environment);
    expect(await Promise.all([lock.acquire(), lock.acquire()])).to.deep.equal([true, true]);
    expect(page.sentinels).to.have.length(1);
  });

  it('is a silent no-op where the browser refuses or has no Wake Lock API', async () => {
    const refusing = fakePage({ refuse: true });
    const lock = new ScreenWakeLock(refusing.environment);
    expect(await lock.acquire()).to.be.false;
    expect(lock.held).to.be.false;
    await lock.release();
    const none = new ScreenWakeLock(() => ({ wakeLock: undefined, document }));
    expect(await none.acquire()).to.be.false;
    await none.release();
  });

  it('holdScreenAwake returns the cleanup that releases the lock', async () => {
    const page = fakePage();
    const lock = new ScreenWakeLock(page.environment);
    const cleanup = holdScreenAwake(lock);
    await waitUntil(() => lock.held);
    await cleanup();
    expect(page.held()).to.equal(0);
  });
});
