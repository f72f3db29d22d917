import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CaptureCallbacks, CaptureResult, CaptureSettings } from './capture-types.js';
import { abandonInput, openInput } from './open-input.js';
import type { QualityReport } from './quality.js';
import type { TakeCapture } from './take-capture.js';

/** The capture engine (speech detection, recorder, the take itself) loads with the first Record, while the prompt is open. */
const loadEngine = () => import('./engine.js');

/**
 * Owns the microphone, the audio graph and the MediaRecorder for one take,
 * and releases all of them when the take ends or the element disconnects.
 * A page that is only looked at needs none of that: this controller holds
 * the settings and opens the input inside the click, and the take itself
 * (`TakeCapture`) arrives with the engine; until then there is no take.
 */
export class CaptureController implements ReactiveController, CaptureSettings {
  readonly #host: ReactiveControllerHost;
  readonly #callbacks: CaptureCallbacks;
  #take: TakeCapture | undefined;
  /** Counts releases: one while the engine loads abandons the take being begun. */
  #released = 0;
  maxSeconds = 180;
  /** The microphone the person chose; undefined for the browser's default. */
  deviceId: string | undefined;
  /** MediaRecorder bitrate (`audio-bits-per-second`). */
  audioBitsPerSecond = 64_000;

  constructor(host: ReactiveControllerHost, callbacks: CaptureCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  /** Recorded seconds (pauses excluded), up to `maxSeconds`. */
  get elapsedSeconds(): number {
    return this.#take?.elapsedSeconds ?? 0;
  }

  get speechSeconds(): number {
    return this.#take?.speechSeconds ?? 0;
  }

  /** Recording now (not paused, not stopped). */
  get running(): boolean {
    return this.#take?.running ?? false;
  }

  get level(): number {
    return this.#take?.level ?? 0;
  }

  get size(): number {
    return this.#take?.size ?? 0;
  }

  get mimeType(): string {
    return this.#take?.mimeType ?? '';
  }

  /** A take is held: a microphone open, or parts of a paused take waiting for Resume. */
  get active(): boolean {
    return this.#take?.active ?? false;
  }

  /** The current or last take's audio quality; kept after `finish()` until the next `begin()`. */
  get quality(): QualityReport | undefined {
    return this.#take?.quality;
  }

  /** The recorded seconds of each finished part (storage keeps them, so a take restored paused is cut right when joined). */
  get partSeconds(): number[] {
    return this.#take?.partSeconds ?? [];
  }

  /**
   * Asks for the microphone and starts recording. getUserMedia and the
   * AudioContext are created before the first await, inside the caller's
   * user gesture; the engine downloads while the permission prompt is open.
   */
  async begin(): Promise<void> {
    this.release();
    const released = this.#released;
    const opening = openInput(this.deviceId, (url) => loadEngine().then((engine) => engine.verifySpeechWorklet(url)));
    let take: TakeCapture;
    try {
      [, take] = await Promise.all([opening.stream, this.prepare()]);
    } catch (error) {
      abandonInput(opening);
      throw error;
    }
    if (released !== this.#released) abandonInput(opening);
    else await take.begin(opening);
  }

  /** Loads the engine and makes the take (the first Record does; a take restored paused needs it before Resume). */
  async prepare(): Promise<TakeCapture> {
    const engine = await loadEngine();
    this.#take ??= new engine.TakeCapture(this.#host, this.#callbacks, this);
    return this.#take;
  }

  /** Resolves once a part being closed (its input went away) is in: time, speech and size then count it. */
  settled(): Promise<void> {
    return this.#take?.settled() ?? Promise.resolve();
  }

  pause(): void {
    this.#take?.pause();
  }

  /** Carries the paused take on (call it from the click: a fresh input is asked for before the first await). */
  resume(): Promise<void> {
    return this.#take?.resume() ?? Promise.resolve();
  }

  /** The take's input went away: its recorder becomes a finished part, kept for Resume or Stop. */
  closePart(): Promise<void> {
    return this.#take?.closePart() ?? Promise.resolve();
  }

  /** Stops recording, releases the microphone and returns the take (its parts joined into one file). */
  finish(): Promise<CaptureResult> {
    return this.#take ? this.#take.finish() : Promise.reject(new Error('not recording'));
  }

  /** Drops everything: tracks stopped, AudioContext closed, timers cleared. */
  release(): void {
    this.#released++;
    this.#take?.release();
  }

  hostDisconnected(): void {
    this.release();
  }
}
