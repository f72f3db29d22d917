/**
 * One polite live region that tells screen-reader users what changed:
 * recording started, the minimum speech reached, recording stopped, the
 * upload done, results ready — and nothing on timer or meter ticks. It is
 * rendered from the first render on (a region that appears together with
 * its text is often not read), and errors are left to the notice's own
 * `role="alert"` so they are not read twice.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/messages.js';
import type { RecorderStateName, TakeSummary } from '../state/machine.js';

/** What the announcer compares between two renders. */
export interface AnnouncerReading {
  readonly state: RecorderStateName;
  /** While recording: the current take holds the minimum speech. */
  readonly enough: boolean;
  /** The current step's take, once stopped. */
  readonly take: TakeSummary | undefined;
  readonly model: string;
  /** Nothing recorded here: a call or an activity is followed. */
  readonly following: boolean;
  /** The take is paused: why, in the words shown on screen. */
  readonly paused?: string;
}

/** The sentence to announce when `next` follows `previous` (announcements.ts). */
export type Announcement = (previous: AnnouncerReading | undefined, next: AnnouncerReading, t: Translate) => string | undefined;

/**
 * Keeps the live region's text: `read` is called before each render of the
 * host, and `render()` goes anywhere in the host's template. The sentences
 * (`announcement`) come with the views that follow Record: nothing is said
 * before it, and until they arrive the last reading said stays the one the
 * next is compared with.
 */
export class Announcer implements ReactiveController {
  readonly #read: () => AnnouncerReading;
  readonly #t: () => Translate;
  readonly #announcement: () => Announcement | undefined;
  #previous: AnnouncerReading | undefined;
  #text = '';

  constructor(host: ReactiveControllerHost, read: () => AnnouncerReading, t: () => Translate, announcement: () => Announcement | undefined) {
    this.#read = read;
    this.#t = t;
    this.#announcement = announcement;
    host.addController(this);
  }

  /** What the region says now. */
  get text(): string {
    return this.#text;
  }

  hostUpdate(): void {
    const next = this.#read();
    const announcement = this.#announcement();
    // The first reading is the baseline; later ones wait for the sentences, whose arrival renders again.
    if (!announcement && this.#previous) return;
    const sentence = announcement?.(this.#previous, next, this.#t());
    // An empty sentence is a string still on its way (the rest of English): compare again on the render its arrival asks for.
    if (sentence === '') return;
    this.#previous = next;
    // The same sentence twice in a row (a second recording) is changed slightly, or it would not be read again.
    if (sentence) this.#text = sentence === this.#text.trimEnd() ? `${sentence}\u00a0` : sentence;
  }

  render(): TemplateResult {
    // aria-live without role="status": the visible status lines keep that role (and hosts' selectors for it).
    return html`<div part="announcer" class="visually-hidden" aria-live="polite" aria-atomic="true">${this.#text}</div>`;
  }
}
