/**
 * Phones lock the screen after a minute or so, and a locked phone stops the
 * microphone mid-recording. While a take runs we hold a screen wake lock
 * where the browser offers one. The browser drops the lock whenever the page
 * is hidden, so it is asked for again when the page is visible again, for as
 * long as it is wanted. Where there is no Wake Lock API, or the browser
 * refuses (no user activation, battery saver, a Permissions-Policy), nothing
 * happens: a lock is a help, never a condition for recording.
 */

/** The parts of `WakeLockSentinel` we use (typed here: not every DOM lib has it). */
interface Sentinel {
  readonly released: boolean;
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void, options?: AddEventListenerOptions): void;
}

interface WakeLockApi {
  request(type: 'screen'): Promise<Sentinel>;
}

export interface WakeLockEnvironment {
  readonly wakeLock: WakeLockApi | undefined;
  readonly document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
}

function browserEnvironment(): WakeLockEnvironment {
  return {
    wakeLock: (globalThis.navigator as { wakeLock?: WakeLockApi } | undefined)?.wakeLock,
    document: globalThis.document,
  };
}

export class ScreenWakeLock {
  readonly #environment: () => WakeLockEnvironment;
  #wanted = false;
  #sentinel: Sentinel | undefined;
  #pending: Promise<boolean> | undefined;

  /** `environment` is read on every call, so a page that gains the API later is served. */
  constructor(environment: () => WakeLockEnvironment = browserEnvironment) {
    this.#environment = environment;
  }

  /** A lock is currently held. */
  get held(): boolean {
    return this.#sentinel !== undefined && !this.#sentinel.released;
  }

  /**
   * Wants the screen kept on until `release()`. Resolves true when a lock is
   * held, false when the browser has none or refused; it never rejects.
   */
  acquire(): Promise<boolean> {
    if (!this.#wanted) {
      this.#wanted = true;
      this.#environment().document?.addEventListener('visibilitychange', this.#onVisibilityChange);
    }
    return this.#request();
  }

  /** No longer wanted: lets the lock go and stops re-acquiring it. Safe to call twice. */
  async release(): Promise<void> {
    if (this.#wanted) this.#environment().document?.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.#wanted = false;
    // A request still in flight releases its lock as soon as it lands (see #request).
    const sentinel = this.#sentinel;
    this.#sentinel = undefined;
    if (sentinel && !sentinel.released) await sentinel.release().catch(() => undefined);
  }

  #request(): Promise<boolean> {
    if (this.held) return Promise.resolve(true);
    this.#pending ??= this.#requestOnce().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  async #requestOnce(): Promise<boolean> {
    const { wakeLock, document } = this.#environment();
    // Requests from a hidden page are refused; the visibility listener asks again.
    if (!wakeLock || typeof wakeLock.request !== 'function' || document?.visibilityState === 'hidden') return false;
    let sentinel: Sentinel;
    try {
      sentinel = await wakeLock.request('screen');
    } catch {
      return false;
    }
    if (!this.#wanted) {
      // Released (the take stopped) while the request was in flight.
      await sentinel.release().catch(() => undefined);
      return false;
    }
    this.#sentinel = sentinel;
    sentinel.addEventListener(
      'release',
      () => {
        if (this.#sentinel === sentinel) this.#sentinel = undefined;
      },
      { once: true },
    );
    return true;
  }

  readonly #onVisibilityChange = (): void => {
    if (this.#wanted && this.#environment().document?.visibilityState === 'visible') void this.#request();
  };
}

/** Holds the screen awake from now on; returns the cleanup that lets it sleep again. */
export function holdScreenAwake(lock = new ScreenWakeLock()): () => Promise<void> {
  void lock.acquire();
  return () => lock.release();
}
