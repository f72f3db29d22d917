import type { ReactiveControllerHost } from 'lit';
import { AudioAnalyser } from './audio-analyser.js';
import type { CaptureCallbacks, CaptureResult, CaptureSettings, TakePart } from './capture-types.js';
import { watchInterruptions, type InterruptionReason } from './interruptions.js';
import { stopStream } from './microphone.js';
import { abandonInput, openInput, type InputOpening } from './open-input.js';
import type { QualityReport } from './quality.js';
import { AudioRecorder } from './recorder.js';
import { ScreenWakeLock } from './wake-lock.js';
import { verifySpeechWorklet } from './worklet-integrity.js';

/** Without analyser snapshots (an audio graph that never started), the timer is redrawn this often. */
const TICK_MS = 200;

/** Joining a take's parts (containers differ per engine) loads only when a take has more than one. */
const loadJoin = () => import('./join-parts.js');

/**
 * The microphone, the audio graph and the MediaRecorder of one take, with
 * its parts, time and speech; `CaptureController` (in the first load) makes
 * it with the engine, when the person first presses Record, and forwards to it.
 */
export class TakeCapture {
  readonly #host: ReactiveControllerHost;
  readonly #callbacks: CaptureCallbacks;
  readonly #settings: CaptureSettings;
  #stream: MediaStream | undefined;
  #analyser: AudioAnalyser | undefined;
  #recorder: AudioRecorder | undefined;
  #ticker: ReturnType<typeof setInterval> | undefined;
  /** Fires at `maxSeconds` of recorded time (timed exactly, not by the redraw tick). */
  #limit: ReturnType<typeof setTimeout> | undefined;
  #elapsedBefore = 0;
  /** Earlier parts of this take, each from a recorder whose input went away: joined to the last one on finish. */
  #parts: TakePart[] = [];
  /** Recorded seconds when the current recorder started: its part's length is measured from here. */
  #partFrom = 0;
  /** Speech counted in those parts. */
  #speechBefore = 0;
  /** The part being closed after its input went away; resume and finish wait for it. */
  #closing: Promise<void> | undefined;
  /** Recorders being stopped into parts, in order (each adds its part when its last slice is in). */
  #retiring: Promise<void> = Promise.resolve();
  /** The input is gone (ended, unplugged): resuming needs a fresh one. */
  #inputLost = false;
  #unwatch: (() => void) | undefined;
  /** The number the next recorder's part gets (the journal keeps parts apart). */
  #nextPart = 0;
  #snapshotAt = 0;
  #runningSince: number | undefined;
  /** The last take's quality report at stop, kept until the next take. */
  #finalQuality: QualityReport | undefined;
  /** The take being started; a release while the permission prompt is open abandons it. */
  #attempt: symbol | undefined;
  /** Phones lock mid-recording and cut the microphone: the screen stays on while a take runs. */
  readonly #wakeLock = new ScreenWakeLock();

  constructor(host: ReactiveControllerHost, callbacks: CaptureCallbacks, settings: CaptureSettings) {
    this.#host = host;
    this.#callbacks = callbacks;
    this.#settings = settings;
  }

  get elapsedSeconds(): number {
    const running = this.#runningSince === undefined ? 0 : (performance.now() - this.#runningSince) / 1000;
    return Math.min(this.#settings.maxSeconds, this.#elapsedBefore + running);
  }

  get speechSeconds(): number {
    return this.#speechBefore + (this.#analyser?.reading.speechSeconds ?? 0);
  }

  /** Recording now (not paused, not stopped). */
  get running(): boolean {
    return this.#runningSince !== undefined;
  }


  get level(): number {
    return this.#runningSince === undefined ? 0 : (this.#analyser?.reading.level ?? 0);
  }

  get size(): number {
    return this.#parts.reduce((total, part) => total + part.blob.size, this.#recorder?.size ?? 0);
  }

  /** Resolves once a part being closed (its input went away) is in: time, speech and size then count it. */
  async settled(): Promise<void> {
    await this.#closing;
    await this.#retiring;
  }

  get mimeType(): string {
    return this.#recorder?.mimeType ?? this.#parts[0]?.blob.type ?? '';
  }

  /** A take is held: a microphone open, or parts of a paused take waiting for Resume. */
  get active(): boolean {
    return this.#stream !== undefined || this.#parts.length > 0;
  }

  /** The current or last take's audio quality; kept after `finish()` until the next `begin()`. */
  get quality(): QualityReport | undefined {
    return this.#analyser?.quality() ?? this.#finalQuality;
  }

  /**
   * Starts recording on an input the caller began opening inside the click
   * (see open-input.ts); a new take, so the last one's quality goes.
   */
  async begin(opening: InputOpening): Promise<void> {
    this.release();
    this.#finalQuality = undefined;
    await this.#open(opening);
  }

  /**
   * Opens the audio graph and a recorder on the input, and starts them; the
   * take's earlier parts and counts stay (a resume after the input went away
   * opens a fresh input here, synchronously, inside the click).
   */
  async #open(opening: InputOpening = openInput(this.#settings.deviceId, verifySpeechWorklet)): Promise<void> {
    const attempt = Symbol('take');
    this.#attempt = attempt;
    let stream: MediaStream;
    try {
      stream = await opening.stream;
    } catch (error) {
      abandonInput(opening);
      if (this.#attempt === attempt) this.#attempt = undefined;
      throw error;
    }
    const { context } = opening;
    if (this.#attempt !== attempt) {
      // Released while the permission prompt was open.
      abandonInput(opening);
      return;
    }
    const analyser = new AudioAnalyser(context, opening.workletLoaded);
    this.#analyser = analyser;
    this.#stream = stream;
    this.#inputLost = false;
    const track = stream.getAudioTracks()[0];
    this.#unwatch?.();
    this.#unwatch = track && watchInterruptions({ track, context }, this.#interrupted);
    analyser.onMicSilent = () => this.#callbacks.onMicSilent?.();
    // Each snapshot redraws, so the count on screen is the latest (and the one the take reports).
    analyser.onSnapshot = () => {
      this.#snapshotAt = performance.now();
      this.#host.requestUpdate();
    };
    // The worklet has usually arrived while the permission prompt was open; the recorder starts once every sample is heard.
    await analyser.attach(stream);
    if (this.#attempt !== attempt) return;
    this.#startRecorder(stream);
    this.#run();
  }

  #startRecorder(stream: MediaStream): void {
    const part = this.#nextPart++;
    const onChunk = this.#callbacks.onChunk;
    this.#recorder = new AudioRecorder(stream, { onChunk: onChunk && ((chunk) => onChunk(chunk, part)), audioBitsPerSecond: this.#settings.audioBitsPerSecond });
    this.#recorder.start();
    this.#partFrom = this.elapsedSeconds;
  }

  /** Stops a recorder into a part of the take, after the parts before it. */
  #retire(recorder: AudioRecorder): void {
    const stopped = recorder.stop();
    const seconds = this.elapsedSeconds - this.#partFrom;
    this.#retiring = Promise.all([this.#retiring, stopped]).then(([, blob]) => {
      if (blob.size) this.#parts.push({ blob, seconds });
    });
  }

  pause(): void {
    if (this.#runningSince === undefined) return;
    this.#elapsedBefore = this.elapsedSeconds;
    this.#runningSince = undefined;
    const recorder = this.#recorder;
    if (recorder && recorder.settleMs > 0) {
      // WebKit's MP4 recorder keeps its clock running through a pause, so the
      // paused time would be silence in the file: its part ends here instead,
      // and Resume starts a new recorder on the same microphone (parts are joined on finish).
      this.#recorder = undefined;
      this.#retire(recorder);
    } else {
      recorder?.pause();
    }
    this.#analyser?.setCounting(false);
    clearInterval(this.#ticker);
    clearTimeout(this.#limit);
    void this.#wakeLock.release();
    this.#host.requestUpdate();
  }

  /**
   * Carries the paused take on: the same recorder while its input lives (one
   * file as it is), else a fresh input — the chosen one if it is back, the
   * browser's default otherwise — recording the take's next part. Call it
   * from the click: getUserMedia runs before the first await.
   */
  resume(): Promise<void> {
    if (this.#runningSince !== undefined) return Promise.resolve();
    const recorder = this.#recorder;
    const stream = this.#stream;
    const live = stream?.getAudioTracks().some((track) => track.readyState === 'live') ?? false;
    if (live && !this.#inputLost && !this.#closing) {
      if (recorder?.state === 'paused') {
        recorder.resume();
        this.#run();
        return Promise.resolve();
      }
      // The part ended with the pause (MP4): the next part, on the same microphone.
      if (!recorder && stream) {
        this.#startRecorder(stream);
        this.#run();
        return Promise.resolve();
      }
    }
    // The input is gone: close the part it recorded (if not already), then record the next part on a fresh one.
    const closed = this.closePart();
    const opening = this.#open();
    return Promise.all([closed, opening]).then(() => undefined);
  }

  /**
   * The take's input went away: stop its recorder into a finished part and
   * let the microphone and audio graph go, keeping the take's time, speech and
   * parts for Resume (or Stop). Safe to call twice.
   */
  closePart(): Promise<void> {
    this.pause();
    this.#closing ??= this.#closePart().finally(() => (this.#closing = undefined));
    return this.#closing;
  }

  async #closePart(): Promise<void> {
    const recorder = this.#recorder;
    const analyser = this.#analyser;
    const stream = this.#stream;
    if (!stream) return;
    this.#recorder = undefined;
    this.#analyser = undefined;
    this.#stream = undefined;
    this.#unwatch?.();
    this.#unwatch = undefined;
    if (recorder) this.#retire(recorder);
    const final = await analyser?.flush();
    this.#speechBefore += final?.speechSeconds ?? analyser?.reading.speechSeconds ?? 0;
    this.#finalQuality = analyser?.quality(final?.quality) ?? this.#finalQuality;
    void analyser?.close();
    // The recorder first: WebKit's MP4 recorder loses the fragment in progress when its track stops under it.
    await this.#retiring;
    stopStream(stream);
  }

  /** The recorded seconds of each finished part (storage keeps them, so a take restored paused is cut right when joined). */
  get partSeconds(): number[] {
    return this.#parts.map((part) => part.seconds);
  }

  /**
   * A take an earlier page paused and kept: its parts, time and speech come
   * back here, so Resume records the next part and Stop joins them all.
   * `partSeconds` are the finished parts' lengths as kept; the part still
   * open at the pause holds the rest of the recorded time.
   */
  adopt(parts: readonly Blob[], durationSeconds: number, speechSeconds: number, partSeconds: readonly number[] = []): void {
    this.release();
    const rest = durationSeconds - partSeconds.reduce((total, seconds) => total + seconds, 0);
    this.#parts = parts.map((blob, index) => ({ blob, seconds: partSeconds[index] ?? (index === partSeconds.length ? rest : Infinity) }));
    this.#nextPart = parts.length;
    this.#elapsedBefore = durationSeconds;
    this.#speechBefore = speechSeconds;
  }

  /** Stops recording, releases the microphone and returns the take (its parts joined into one file). */
  async finish(): Promise<CaptureResult> {
    const durationSeconds = this.elapsedSeconds;
    // An MP4 recorder ends its part on pause: it is among the parts once settled.
    this.pause();
    await this.settled();
    const recorder = this.#recorder;
    if (!recorder && !this.#parts.length) throw new Error('not recording');
    // The final count takes in the audio up to the pause (and is what the screen then shows).
    const [last, final] = await Promise.all([recorder?.stop(), this.#analyser?.flush()]);
    const speechSeconds = this.#speechBefore + (final?.speechSeconds ?? this.#analyser?.reading.speechSeconds ?? 0);
    this.#finalQuality = this.#analyser?.quality(final?.quality) ?? this.#finalQuality;
    const parts = [...this.#parts, ...(last?.size ? [{ blob: last, seconds: durationSeconds - this.#partFrom }] : [])];
    const mimeType = recorder?.mimeType ?? parts[0]?.blob.type ?? '';
    this.release();
    const blob = parts.length > 1 ? await (await loadJoin()).joinParts(parts, mimeType) : (parts[0]?.blob ?? new Blob([], { type: mimeType }));
    return { blob, mimeType, durationSeconds, speechSeconds };
  }

  /** Drops everything: tracks stopped, AudioContext closed, timers cleared. */
  release(): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#parts = [];
    this.#partFrom = 0;
    this.#retiring = Promise.resolve();
    this.#speechBefore = 0;
    this.#elapsedBefore = 0;
    this.#inputLost = false;
    this.#nextPart = 0;
    clearInterval(this.#ticker);
    clearTimeout(this.#limit);
    this.#ticker = undefined;
    this.#runningSince = undefined;
    void this.#wakeLock.release();
    if (this.#recorder && this.#recorder.state !== 'inactive') void this.#recorder.stop();
    this.#recorder = undefined;
    stopStream(this.#stream);
    this.#stream = undefined;
    void this.#analyser?.close();
    this.#analyser = undefined;
    this.#attempt = undefined;
  }

  readonly #interrupted = (reason: InterruptionReason) => {
    if (reason === 'ended' || reason === 'device-lost') this.#inputLost = true;
    if (this.#recorder) this.#callbacks.onInterrupted(reason);
  };

  #run(): void {
    this.#runningSince = performance.now();
    void this.#wakeLock.acquire();
    this.#analyser?.setCounting(true);
    clearInterval(this.#ticker);
    this.#ticker = setInterval(() => {
      // The snapshots redraw; without them (an audio graph that never started) the timer still moves.
      if (performance.now() - this.#snapshotAt > TICK_MS * 1.5) this.#host.requestUpdate();
      // A track stopped by script (another library on the page, an extension) ends without an `ended` event.
      if (this.#stream?.getAudioTracks().every((track) => track.readyState === 'ended')) this.#interrupted('ended');
    }, TICK_MS);
    // An MP4 recorder runs on briefly after stop to finish its last fragment: stop that much early.
    const settleMs = this.#recorder?.settleMs ?? 0;
    clearTimeout(this.#limit);
    this.#limit = setTimeout(() => this.#callbacks.onMaxReached(), (this.#settings.maxSeconds - this.#elapsedBefore) * 1000 - settleMs);
  }
}
