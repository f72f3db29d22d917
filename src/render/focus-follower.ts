import type { ReactiveController, ReactiveControllerHost } from 'lit';

type FocusHost = ReactiveControllerHost &
  HTMLElement & {
    readonly renderRoot: HTMLElement | DocumentFragment;
    /** Which screen is on show (state, step, paused or final): a change moves the person to its title. */
    readonly screenKey: string;
  };

/**
 * Keeps keyboard focus and the view with the person as the screens change.
 *
 * - A new screen (Stop → the review, Next → the read-aloud, a retake…)
 *   brings its title into view at the top and focuses it, so a phone never
 *   lands mid-passage or on a button below the instructions; a screen
 *   reader reads the title first. Recording is the exception: focus goes to
 *   Stop, the one thing to press, with the title still scrolled into view.
 * - Otherwise, when a render removes or disables the focused control, focus
 *   moves to the next thing to press (or the text that says what happens now).
 *
 * Only once the person has used the element (a tap or a key inside it): a
 * page that merely shows it, or a take restored on load, keeps its own focus.
 */
export class FocusFollower implements ReactiveController {
  readonly #host: FocusHost;
  /** The control that last had focus. */
  #last: HTMLElement | undefined;
  #screen: string | undefined;
  #engaged = false;
  readonly #engage = () => (this.#engaged = true);

  constructor(host: FocusHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('pointerdown', this.#engage);
    this.#host.addEventListener('keydown', this.#engage);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('pointerdown', this.#engage);
    this.#host.removeEventListener('keydown', this.#engage);
  }

  hostUpdate(): void {
    const active = this.#host.shadowRoot?.activeElement;
    if (active instanceof HTMLElement) this.#last = active;
  }

  hostUpdated(): void {
    const screen = this.#host.screenKey;
    const changed = this.#screen !== undefined && screen !== this.#screen;
    this.#screen = screen;
    const root = this.#host.renderRoot;
    const inside = !!this.#host.shadowRoot?.activeElement || !!this.#last;
    if (changed && (this.#engaged || inside)) {
      // Screens without a title (sending, analysing, results, errors) have the text that says what happens now.
      const title = root.querySelector<HTMLElement>('[data-title]') ?? root.querySelector<HTMLElement>('[data-focus-fallback]');
      if (title) {
        title.scrollIntoView?.({ block: 'start' });
        if (!screen.startsWith('recording') && !screen.startsWith('requesting-permission')) {
          title.focus({ preventScroll: true });
          this.#last = title;
          return;
        }
      }
    }
    this.#keepOnControls();
  }

  #keepOnControls(): void {
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
