import type { ReactiveController, ReactiveControllerHost } from 'lit';

type FocusHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Keeps keyboard focus on the controls when a render removes or disables the
 * focused one (Record becomes Stop): focus moves to the next thing to press.
 */
export class FocusFollower implements ReactiveController {
  readonly #host: FocusHost;
  /** The control that last had focus. */
  #last: HTMLElement | undefined;

  constructor(host: FocusHost) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdate(): void {
    const active = this.#host.shadowRoot?.activeElement;
    if (active instanceof HTMLElement) this.#last = active;
  }

  hostUpdated(): void {
    const last = this.#last;
    // A control disabled under the focus still reports as active until the browser's focus fix-up moves focus to the page.
    const active = this.#host.shadowRoot?.activeElement as HTMLButtonElement | null | undefined;
    if (!last || (active && !active.disabled)) return;
    // Still there and usable: the person moved focus away themselves, so leave it be.
    if (last.isConnected && !(last as HTMLButtonElement).disabled) {
      this.#last = undefined;
      return;
    }
    // Focus the next thing to press, once there is one.
    const root = this.#host.renderRoot;
    // No control left (uploading, processing, results): the text that says what happens now, so focus is not lost to the page.
    const next =
      root.querySelector<HTMLElement>('.controls button.primary:not([disabled])') ??
      root.querySelector<HTMLElement>('.controls button:not([disabled])') ??
      root.querySelector<HTMLElement>('[data-focus-fallback]');
    if (next) {
      next.focus();
      this.#last = next;
    }
  }
}
