import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Take } from '../state/take.js';
import type { AudioAnalyser } from './audio-analyser.js';
import { closeAudioContext, createAudioContext, loadSpeechWorklet } from './audio-context.js';
import { requestMicrophone, stopStream } from './microphone.js';
import type { QualityReport } from './quality.js';
import type { AudioRecorder } from './recorder.js';
import type { ScreenWakeLock } from './wake-lock.js';

export interface CaptureCallbacks {
  /** The recording reached `maxSeconds`. */
  readonly onMaxReached: () => void;
  /** The microphone went away mid-recording (unplugged, revoked). */
  readonly onTrackEnded: () => void;
  /** A timeslice of audio arrived (for crash-safe storage). */
  readonly onChunk?: (chunk: Blob) => void;
  /** The first seconds of the take were digital silence: a muted or wrong microphone. */
  readonly onMicSilent?: () => void;
}

/** A finished take, before the flow names the recording it belongs to. */
export type CaptureResult = Omit<Take, 'recording'>;

/** Without analyser snapshots (an audio graph that never started), the timer is redrawn this often. */
const TICK_MS = 200;

const loadEngine = () => import('./engine.js');

/**
 * Owns the microphone, the audio graph and the MediaRecorder for one take,
 * and releases all of them when the take ends or the element disconnects.
 */
export class CaptureController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #callbacks: CaptureCallbacks;
  #stream: MediaStream | undefined;
  #analyser: AudioAnalyser | undefined;
  #recorder: AudioRecorder | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;
  /** Fires at `maxSeconds` of recorded time (timed exactly, not by the redraw tick). */
  #limit: ReturnType<typeof setTimeout> | undefined;
  #elapsedBefore = 0;
  #snapshotAt = 0;
  #runningSince: number | undefined;
  /** The last take's quality report at stop, kept until the next take. */
  #finalQuality: QualityReport | undefined;
  /** The take being started; a release while the permission prompt is open abandons it. */
  #attempt: symbol | undefined;
  maxSeconds = 180;
  /** The microphone the person chose; undefined for the browser's default. */
  deviceId: string | undefined;
  /** MediaRecorder bitrate (`audio-bits-per-second`). */
  audioBitsPerSecond = 64_000;
  /** Phones lock mid-recording and cut the microphone: the screen stays on while a take runs (made with the engine). */
  #wakeLock: ScreenWakeLock | undefined;

  constructor(host: ReactiveControllerHost, callbacks: CaptureCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  get elapsedSeconds(): number {
    const running = this.#runningSince === undefined ? 0 : (performance.now() - this.#runningSince) / 1000;
    return Math.min(this.maxSeconds, this.#elapsedBefore + running);
  }

  get speechSeconds(): number {
    return this.#analyser?.reading.speechSeconds ?? 0;
  }

  get level(): number {
    return this.#runningSince === undefined ? 0 : (this.#analyser?.reading.level ?? 0);
  }

  get size(): number {
    return this.#recorder?.size ?? 0;
  }

  get mimeType(): string {
    return this.#recorder?.mimeType ?? '';
  }

  get active(): boolean {
    return this.#stream !== undefined;
  }

  /** The current or last take's audio quality; kept after `finish()` until the next `begin()`. */
  get quality(): QualityReport | undefined {
    return this.#analyser?.quality() ?? this.#finalQuality;
  }

  /**
   * Asks for the microphone and starts recording. getUserMedia and the
   * AudioContext are created before the first await, inside the caller's
   * user gesture.
   */
  async begin(): Promise<void> {
    this.release();
    this.#finalQuality = undefined;
    const streamRequest = requestMicrophone(this.deviceId);
    const context = createAudioContext();
    const workletLoaded = loadSpeechWorklet(context);
    const attempt = Symbol('take');
    this.#attempt = attempt;
    let stream: MediaStream;
    let engine: Awaited<ReturnType<typeof loadEngine>>;
    try {
      // The engine downloads while the permission prompt is open.
      [stream, engine] = await Promise.all([streamRequest, loadEngine()]);
    } catch (error) {
      void closeAudioContext(context);
      void streamRequest.then(stopStream, () => undefined);
      if (this.#attempt === attempt) this.#attempt = undefined;
      throw error;
    }
    if (this.#attempt !== attempt) {
      // Released while the permission prompt was open.
      stopStream(stream);
      void closeAudioContext(context);
      return;
    }
    this.#wakeLock ??= new engine.ScreenWakeLock();
    const analyser = new engine.AudioAnalyser(context, workletLoaded);
    this.#analyser = analyser;
    this.#stream = stream;
    for (const track of stream.getAudioTracks()) {
      track.addEventListener('ended', this.#onTrackEnded, { once: true });
    }
    analyser.onMicSilent = () => this.#callbacks.onMicSilent?.();
    // Each snapshot redraws, so the count on screen is the latest (and the one the take reports).
    analyser.onSnapshot = () => {
      this.#snapshotAt = performance.now();
      this.#host.requestUpdate();
    };
    // The worklet has usually arrived while the permission prompt was open; the recorder starts once every sample is heard.
    await analyser.attach(stream);
    if (this.#attempt !== attempt) return;
    this.#recorder = new engine.AudioRecorder(stream, { onChunk: this.#callbacks.onChunk, audioBitsPerSecond: this.audioBitsPerSecond });
    this.#recorder.start();
    this.#elapsedBefore = 0;
    this.#run();
  }

  pause(): void {
    if (this.#runningSince === undefined) return;
    this.#elapsedBefore = this.elapsedSeconds;
    this.#runningSince = undefined;
    this.#recorder?.pause();
    this.#analyser?.setCounting(false);
    clearInterval(this.#ticker);
    clearTimeout(this.#limit);
    void this.#wakeLock?.release();
    this.#host.requestUpdate();
  }

  resume(): void {
    if (!this.#recorder || this.#runningSince !== undefined) return;
    this.#recorder.resume();
    this.#run();
  }

  /** Stops recording, releases the microphone and returns the take. */
  async finish(): Promise<CaptureResult> {
    const recorder = this.#recorder;
    if (!recorder) throw new Error('not recording');
    const durationSeconds = this.elapsedSeconds;
    this.pause();
    // The final count takes in the audio up to the pause (and is what the screen then shows).
    const [blob, final] = await Promise.all([recorder.stop(), this.#analyser?.flush()]);
    const speechSeconds = final?.speechSeconds ?? this.speechSeconds;
    this.#finalQuality = this.#analyser?.quality(final?.quality);
    const mimeType = recorder.mimeType;
    this.release();
    return { blob, mimeType, durationSeconds, speechSeconds };
  }

  /** Drops everything: tracks stopped, AudioContext closed, timers cleared. */
  release(): void {
    clearInterval(this.#ticker);
    clearTimeout(this.#limit);
    this.#ticker = undefined;
    this.#runningSince = undefined;
    void this.#wakeLock?.release();
    if (this.#recorder && this.#recorder.state !== 'inactive') void this.#recorder.stop();
    this.#recorder = undefined;
    if (this.#stream) {
      for (const track of this.#stream.getAudioTracks()) track.removeEventListener('ended', this.#onTrackEnded);
    }
    stopStream(this.#stream);
    this.#stream = undefined;
    void this.#analyser?.close();
    this.#analyser = undefined;
    this.#attempt = undefined;
  }

  hostDisconnected(): void {
    this.release();
  }

  #run(): void {
    this.#runningSince = performance.now();
    void this.#wakeLock?.acquire();
    this.#analyser?.setCounting(true);
    clearInterval(this.#ticker);
    this.#ticker = setInterval(() => {
      // The snapshots redraw; without them (an audio graph that never started) the timer still moves.
      if (performance.now() - this.#snapshotAt > TICK_MS * 1.5) this.#host.requestUpdate();
    }, TICK_MS);
    // An MP4 recorder runs on briefly after stop to finish its last fragment: stop that much early.
    const settleMs = this.#recorder?.settleMs ?? 0;
    clearTimeout(this.#limit);
    this.#limit = setTimeout(() => this.#callbacks.onMaxReached(), (this.maxSeconds - this.#elapsedBefore) * 1000 - settleMs);
  }

  readonly #onTrackEnded = () => {
    if (this.#recorder) this.#callbacks.onTrackEnded();
  };
}
