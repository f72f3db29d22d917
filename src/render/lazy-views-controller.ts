/**
 * Loads a module of views on demand (results, Apollo steps, consent…) and
 * adopts its stylesheet into the host's shadow root when it arrives, so the
 * main bundle carries neither the views nor their styles.
 */
import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';
import { LazyModule } from '../lazy-module.js';

type ViewsHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

export class LazyViewsController<Views extends { readonly styles: CSSResult }> implements ReactiveController {
  readonly #host: ViewsHost;
  readonly #module: LazyModule<Views>;
  /** Whether the host needs the views now (checked before each render; any truthy value). */
  readonly #needed: () => unknown;

  constructor(host: ViewsHost, load: () => Promise<Views>, needed: () => unknown) {
    this.#host = host;
    this.#module = new LazyModule(load);
    this.#needed = needed;
    host.addController(this);
  }

  get value(): Views | undefined {
    return this.#module.value;
  }

  /** Still loading: `updateComplete` waits for it. */
  get pending(): Promise<unknown> | undefined {
    return this.#module.value ? undefined : this.#module.pending?.catch(() => undefined);
  }

  hostUpdate(): void {
    // Offline: the next render asks again (LazyModule spaces out the retries).
    if (this.#needed()) void this.load().catch(() => undefined);
  }

  load(): Promise<unknown> {
    return (
      this.#module.pending ??
      this.#module.load().then((views) => {
        // Adopted next to the base sheet: constructable stylesheets keep strict CSPs happy.
        const root = this.#host.renderRoot;
        const sheet = views.styles.styleSheet;
        if (root instanceof ShadowRoot && sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        this.#host.requestUpdate();
      })
    );
  }
}
