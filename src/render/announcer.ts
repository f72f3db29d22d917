/**
 * One polite live region that tells screen-reader users what changed:
 * recording started, the minimum speech reached, recording stopped, the
 * upload done, results ready — and nothing on timer or meter ticks. It is
 * rendered from the first render on (a region that appears together with
 * its text is often not read), and errors are left to the notice's own
 * `role="alert"` so they are not read twice.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatClock, type MessageKey, type Translate } from '../i18n/messages.js';
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

function completeKey(reading: AnnouncerReading): MessageKey {
  if (reading.following) return 'callEnded';
  return reading.model === 'apollo' ? 'apolloSubmitted' : 'complete';
}

/** The sentence to announce when `next` follows `previous`, or undefined when nothing worth saying happened. */
export function announcementFor(previous: AnnouncerReading | undefined, next: AnnouncerReading, t: Translate): string | undefined {
  const was = previous?.state;
  const is = next.state;
  if (is === 'recording') {
    // Paused by an interruption or the person: the reason is said once; resuming says "Recording" again.
    if (next.paused) return next.paused === previous?.paused ? undefined : next.paused;
    if (was !== 'recording' || previous?.paused) return t('recording');
    if (!previous!.enough && next.enough) return t('speechEnough');
    return undefined;
  }
  if (was === is) return undefined;
  switch (is) {
    case 'recorded':
      // Stopped short: the too-short notice (role="alert") says so already.
      return was === 'recording' && next.take?.enough
        ? t('reviewReady', { duration: formatClock(next.take.durationSeconds), speech: Math.floor(next.take.speechSeconds) })
        : undefined;
    case 'uploading':
      return t(next.model === 'apollo' ? 'uploadingApollo' : 'uploading');
    case 'processing':
      return was === 'uploading' ? t(next.model === 'apollo' ? 'processingApollo' : 'processing') : undefined;
    case 'complete':
      return t(completeKey(next));
    default:
      return undefined;
  }
}

/**
 * Keeps the live region's text: `read` is called before each render of the
 * host, and `render()` goes anywhere in the host's template.
 */
export class Announcer implements ReactiveController {
  readonly #read: () => AnnouncerReading;
  readonly #t: () => Translate;
  #previous: AnnouncerReading | undefined;
  #text = '';

  constructor(host: ReactiveControllerHost, read: () => AnnouncerReading, t: () => Translate) {
    this.#read = read;
    this.#t = t;
    host.addController(this);
  }

  /** What the region says now. */
  get text(): string {
    return this.#text;
  }

  hostUpdate(): void {
    const next = this.#read();
    const sentence = announcementFor(this.#previous, next, this.#t());
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
