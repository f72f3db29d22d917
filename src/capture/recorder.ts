import { fragmentSettleMs, negotiateMimeType } from './mime.js';
import { encoderBitrate } from './bitrate.js';

export interface RecorderOptions {
  /** Delivers audio every `timesliceMs`, so a crash loses at most that much. */
  readonly timesliceMs?: number;
  readonly onChunk?: (chunk: Blob) => void;
  /** Encoder bitrate; browsers treat it as a target and clamp it to what the codec supports. */
  readonly audioBitsPerSecond?: number;
  /** How long `stop` may lag the final slice before the take is closed without it (tests shorten it). */
  readonly stopEventGraceMs?: number;
}

/**
 * WebKitGTK can lose a recorder's `stop` event (seen when `requestData()`
 * directly precedes `stop()`); a take must not wait for it forever. The wait
 * counts from the recorder's final slice, not from the request: a starved
 * encoder may take seconds to flush, and its last slice is the person's last words.
 */
const STOP_EVENT_GRACE_MS = 5000;
/** A recorder that sends neither a slice, `stop` nor `error` after a stop request (never seen) still ends the take. */
const STOP_LIMIT_MS = 30_000;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * One MediaRecorder over one stream: start, pause/resume (so a person who
 * stopped too early can carry on in the same file), and stop into a Blob
 * whose type is the type the browser really recorded.
 *
 * Pause and stop keep the MediaRecorder running for a short settle time
 * where the container is written in fragments (MP4 in WebKit), so the last
 * words before the request end up in the file; see `fragmentSettleMs`.
 */
export class AudioRecorder {
  readonly #recorder: MediaRecorder;
  readonly #chunks: Blob[] = [];
  readonly #timesliceMs: number;
  readonly #stopEventGraceMs: number;
  readonly #ended: Promise<void>;
  #started = false;
  #stopped: Promise<Blob> | undefined;
  /** A requested pause waiting for the fragment in progress to finish. */
  #pendingPause: { readonly timer: ReturnType<typeof setTimeout>; readonly settledAt: number } | undefined;

  constructor(stream: MediaStream, options: RecorderOptions = {}) {
    const mimeType = negotiateMimeType((type) => MediaRecorder.isTypeSupported(type));
    const wanted = options.audioBitsPerSecond;
    // Calibrated per engine, so the upload costs what was asked (see bitrate.ts).
    const bitrate = wanted && wanted > 0 ? encoderBitrate(wanted, mimeType ?? '', navigator.userAgent) : undefined;
    this.#recorder = new MediaRecorder(stream, {
      ...(mimeType && { mimeType }),
      ...(bitrate && { audioBitsPerSecond: bitrate }),
    });
    this.#recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size === 0) return;
      this.#chunks.push(event.data);
      options.onChunk?.(event.data);
    });
    this.#timesliceMs = options.timesliceMs ?? 1000;
    this.#stopEventGraceMs = options.stopEventGraceMs ?? STOP_EVENT_GRACE_MS;
    this.#ended = new Promise<void>((resolve) => {
      this.#recorder.addEventListener('stop', () => resolve(), { once: true });
      // A recorder that fails (device gone mid-encode) fires `error` and may never fire `stop`.
      this.#recorder.addEventListener('error', () => resolve(), { once: true });
    });
  }

  /** Firefox and WebKit report the real type only once recording has started. */
  get mimeType(): string {
    return this.#recorder.mimeType || this.#chunks[0]?.type || 'audio/webm';
  }

  /** `paused` as soon as a pause is requested, even while the last fragment settles. */
  get state(): RecordingState {
    return this.#pendingPause ? 'paused' : this.#recorder.state;
  }

  /** How long this format keeps recording after pause or stop to finish its last fragment (MP4: about a second). */
  get settleMs(): number {
    return fragmentSettleMs(this.mimeType);
  }

  get size(): number {
    return this.#chunks.reduce((total, chunk) => total + chunk.size, 0);
  }

  start(): void {
    this.#recorder.start(this.#timesliceMs);
    this.#started = true;
  }

  pause(): void {
    if (this.#recorder.state !== 'recording' || this.#pendingPause) return;
    const settleMs = fragmentSettleMs(this.mimeType);
    if (settleMs === 0) {
      this.#recorder.pause();
      // Hand over what is buffered, so storage holds the take up to the pause (a reload while paused keeps it).
      try {
        this.#recorder.requestData();
      } catch {
        // Stopped by itself meanwhile (its track ended): its last slice comes with `stop`.
      }
      return;
    }
    const timer = setTimeout(() => {
      this.#pendingPause = undefined;
      if (this.#recorder.state === 'recording') this.#recorder.pause();
    }, settleMs);
    this.#pendingPause = { timer, settledAt: performance.now() + settleMs };
  }

  resume(): void {
    if (this.#pendingPause) {
      // Still running: the pause simply never happens.
      clearTimeout(this.#pendingPause.timer);
      this.#pendingPause = undefined;
      return;
    }
    if (this.#recorder.state === 'paused') this.#recorder.resume();
  }

  /**
   * Resolves with the whole recording once the last chunk has arrived. The
   * recorder may already have stopped by itself (its track ended): its final
   * `dataavailable` then still precedes `stop`, so wait for `stop` either way.
   */
  stop(): Promise<Blob> {
    this.#stopped ??= this.#stopOnce();
    return this.#stopped;
  }

  async #stopOnce(): Promise<Blob> {
    // Never started: no `stop` event will ever come.
    if (this.#started) {
      await this.#settle();
      await Promise.race([this.#ended, this.#requestStop().then(() => delay(this.#stopEventGraceMs)), delay(STOP_LIMIT_MS)]);
    }
    return new Blob(this.#chunks, { type: this.mimeType });
  }

  /**
   * Asks the recorder to stop; resolves when its final slice has been
   * delivered (any `dataavailable`, empty or not, precedes `stop`), or at
   * once when it had already stopped by itself.
   */
  #requestStop(): Promise<void> {
    if (this.#recorder.state === 'inactive') return Promise.resolve();
    const finalSlice = new Promise<void>((resolve) => this.#recorder.addEventListener('dataavailable', () => resolve(), { once: true }));
    this.#recorder.stop();
    return finalSlice;
  }

  /** Lets the fragment holding the audio up to now (or up to a requested pause) finish. */
  async #settle(): Promise<void> {
    const pending = this.#pendingPause;
    if (pending) {
      clearTimeout(pending.timer);
      this.#pendingPause = undefined;
    } else if (this.#recorder.state !== 'recording') {
      return;
    }
    const settledAt = pending?.settledAt ?? performance.now() + fragmentSettleMs(this.mimeType);
    // A recorder that ends by itself meanwhile (track gone) has delivered all it will.
    await Promise.race([delay(settledAt - performance.now()), this.#ended]);
  }
}
