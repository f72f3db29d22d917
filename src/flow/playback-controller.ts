/**
 * Listening back to a take before it is sent. Owns the object URLs the
 * `playback` controls play from: a URL is made when a control asks for its
 * take's audio during a render, and revoked after the first render that no
 * longer asks (the take was retaken, sent or reset, or the element left the
 * review) and when the element is disconnected. Only one take plays at a time.
 *
 * Where the page's policy forbids `blob:` media the controls stay hidden
 * (`available` is false): see blob-media-probe.ts.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RecordingName } from '../state/machine.js';
import { blobMediaAllowed } from './blob-media-probe.js';

export interface PlaybackPosition {
  readonly playing: boolean;
  /** Seconds into the take. */
  readonly seconds: number;
}

interface Source {
  readonly blob: Blob;
  readonly url: string;
}

const STOPPED: PlaybackPosition = { playing: false, seconds: 0 };

export class PlaybackController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #audioOf: (step: RecordingName) => Blob | undefined;
  readonly #sources = new Map<RecordingName, Source>();
  /** Asked for during the render in progress. */
  readonly #wanted = new Set<RecordingName>();
  readonly #positions = new Map<RecordingName, PlaybackPosition>();
  #allowed: boolean | undefined;
  #probing = false;

  constructor(host: ReactiveControllerHost, audioOf: (step: RecordingName) => Blob | undefined) {
    this.#host = host;
    this.#audioOf = audioOf;
    host.addController(this);
  }

  /** Whether listening back works on this page: still `checking`, `available`, or `unavailable` (the page's policy forbids `blob:` media). */
  get status(): 'checking' | 'available' | 'unavailable' {
    const available = this.available;
    return this.#allowed === undefined ? 'checking' : available ? 'available' : 'unavailable';
  }

  /** Whether the controls can be shown here (false until the page is known to allow `blob:` media). */
  get available(): boolean {
    if (this.#allowed === undefined && !this.#probing) {
      this.#probing = true;
      void blobMediaAllowed().then((allowed) => {
        this.#allowed = allowed;
        this.#host.requestUpdate();
      });
    }
    return this.#allowed === true;
  }

  /** The URL to play `step`'s take from, kept while renders keep asking for it; undefined when there is no take. */
  urlFor(step: RecordingName): string | undefined {
    const blob = this.#audioOf(step);
    if (!blob) return undefined;
    this.#wanted.add(step);
    const known = this.#sources.get(step);
    if (known?.blob === blob) return known.url;
    // A different take of this step (retaken, or undone): its own URL, the old one let go.
    if (known) this.#release(step);
    const source = { blob, url: URL.createObjectURL(blob) };
    this.#sources.set(step, source);
    return source.url;
  }

  position(step: RecordingName): PlaybackPosition {
    return this.#positions.get(step) ?? STOPPED;
  }

  /** The audio element reports where it is (timeupdate, play, pause, ended, seeked). */
  report(step: RecordingName, audio: HTMLAudioElement): void {
    const ended = audio.ended;
    this.#positions.set(step, { playing: !audio.paused && !ended, seconds: ended ? 0 : audio.currentTime });
    this.#host.requestUpdate();
  }

  /** Plays one take, pausing whichever other take was playing. */
  toggle(step: RecordingName, audio: HTMLAudioElement): void {
    if (!audio.paused) {
      audio.pause();
      return;
    }
    const root = audio.getRootNode() as ParentNode;
    for (const other of root.querySelectorAll('audio')) if (other !== audio) other.pause();
    if (audio.ended) audio.currentTime = 0;
    audio.play().catch(() => this.report(step, audio));
  }

  seek(step: RecordingName, audio: HTMLAudioElement, seconds: number): void {
    audio.currentTime = seconds;
    this.report(step, audio);
  }

  hostUpdate(): void {
    this.#wanted.clear();
  }

  hostUpdated(): void {
    for (const step of [...this.#sources.keys()]) if (!this.#wanted.has(step)) this.#release(step);
  }

  hostDisconnected(): void {
    for (const step of [...this.#sources.keys()]) this.#release(step);
  }

  #release(step: RecordingName): void {
    const source = this.#sources.get(step);
    if (source) URL.revokeObjectURL(source.url);
    this.#sources.delete(step);
    this.#positions.delete(step);
  }
}
