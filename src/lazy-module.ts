const RETRY_AFTER_MS = 5000;

/**
 * A module loaded with dynamic `import()` on first need. `value` is there
 * once it has arrived; `pending` lets `updateComplete` wait for it, so a
 * host that awaits the element's update sees the finished render.
 */
export class LazyModule<Module> {
  readonly #load: () => Promise<Module>;
  readonly #retryAfterMs: number;
  #value: Module | undefined;
  #pending: Promise<Module> | undefined;
  #failed: { readonly at: number; readonly promise: Promise<Module> } | undefined;

  constructor(load: () => Promise<Module>, retryAfterMs = RETRY_AFTER_MS) {
    this.#load = load;
    this.#retryAfterMs = retryAfterMs;
  }

  get value(): Module | undefined {
    return this.#value;
  }

  /** Resolves when loaded; undefined until something asked for it. */
  get pending(): Promise<Module> | undefined {
    return this.#pending;
  }

  /**
   * Loads once. A failed load (offline, a blocked chunk) is tried again by
   * a call after `retryAfterMs` (5 s); calls before that (every render, while
   * offline) get the same failure without another request.
   */
  load(): Promise<Module> {
    if (this.#failed && performance.now() - this.#failed.at < this.#retryAfterMs) return this.#failed.promise;
    if (!this.#pending) {
      const pending: Promise<Module> = this.#load().then(
        (module) => (this.#value = module),
        (error: unknown) => {
          this.#pending = undefined;
          this.#failed = { at: performance.now(), promise: pending };
          throw error;
        },
      );
      this.#pending = pending;
    }
    return this.#pending;
  }

  /**
   * `load()` for work no click will ask for again (offering back a kept
   * recording on connect): a failure is tried again, spaced `retryAfterMs`,
   * up to `attempts` loads in all.
   */
  loadPatiently(attempts = 3): Promise<Module> {
    return this.load().catch((error: unknown) => {
      if (attempts <= 1) throw error;
      // After the wait, a fresh request: timers and performance.now() disagree by a millisecond or so (Firefox),
      // and the failure must not be served again as still recent.
      return new Promise((resolve) => setTimeout(resolve, this.#retryAfterMs)).then(() => {
        this.#failed = undefined;
        return this.loadPatiently(attempts - 1);
      });
    });
  }
}
