/**
 * Loads the protocol views (results, Apollo steps, hand-offs) on demand and
 * adopts their stylesheet into the host's shadow root when they arrive.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LazyModule } from '../lazy-module.js';
import type { ProtocolViews } from './recording-panel.js';

type ViewsHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

export class ProtocolViewsController implements ReactiveController {
  readonly #host: ViewsHost;
  readonly #module = new LazyModule<ProtocolViews>(() => import('./protocol-views.js'));
  /** Whether the host needs the views now (checked before each render). */
  readonly #needed: () => boolean;

  constructor(host: ViewsHost, needed: () => boolean) {
    this.#host = host;
    this.#needed = needed;
    host.addController(this);
  }

  get value(): ProtocolViews | undefined {
    return this.#module.value;
  }

  /** Still loading: `updateComplete` waits for it. */
  get pending(): Promise<unknown> | undefined {
    return this.#module.value ? undefined : this.#module.pending?.catch(() => undefined);
  }

  hostUpdate(): void {
    if (this.#needed()) void this.load();
  }

  load(): Promise<unknown> {
    return (
      this.#module.pending ??
      this.#module.load().then((views) => {
        // Adopted next to the base sheet: constructable stylesheets keep strict CSPs happy.
        const root = this.#host.renderRoot;
        const sheet = views.protocolStyles.styleSheet;
        if (root instanceof ShadowRoot && sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        this.#host.requestUpdate();
      })
    );
  }
}
