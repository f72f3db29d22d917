/**
 * A module loaded with dynamic `import()` on first need. `value` is there
 * once it has arrived; `pending` lets `updateComplete` wait for it, so a
 * host that awaits the element's update sees the finished render.
 */
export class LazyModule<Module> {
  readonly #load: () => Promise<Module>;
  #value: Module | undefined;
  #pending: Promise<Module> | undefined;

  constructor(load: () => Promise<Module>) {
    this.#load = load;
  }

  get value(): Module | undefined {
    return this.#value;
  }

  /** Resolves when loaded; undefined until something asked for it. */
  get pending(): Promise<Module> | undefined {
    return this.#pending;
  }

  load(): Promise<Module> {
    this.#pending ??= this.#load().then((module) => (this.#value = module));
    return this.#pending;
  }
}
