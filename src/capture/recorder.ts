import { negotiateMimeType } from './mime.js';

export interface RecorderOptions {
  /** Delivers audio every `timesliceMs`, so a crash loses at most that much. */
  readonly timesliceMs?: number;
  readonly onChunk?: (chunk: Blob) => void;
}

/**
 * One MediaRecorder over one stream: start, pause/resume (so a person who
 * stopped too early can carry on in the same file), and stop into a Blob
 * whose type is the type the browser really recorded.
 */
export class AudioRecorder {
  readonly #recorder: MediaRecorder;
  readonly #chunks: Blob[] = [];
  #stopped: Promise<Blob> | undefined;

  constructor(stream: MediaStream, options: RecorderOptions = {}) {
    const mimeType = negotiateMimeType((type) => MediaRecorder.isTypeSupported(type));
    this.#recorder = new MediaRecorder(stream, mimeType ? { mimeType } : {});
    this.#recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size === 0) return;
      this.#chunks.push(event.data);
      options.onChunk?.(event.data);
    });
    this.#timesliceMs = options.timesliceMs ?? 1000;
    this.#ended = new Promise<void>((resolve) => {
      this.#recorder.addEventListener('stop', () => resolve(), { once: true });
      // A recorder that fails (device gone mid-encode) fires `error` and may never fire `stop`.
      this.#recorder.addEventListener('error', () => resolve(), { once: true });
    });
  }

  readonly #ended: Promise<void>;
  #started = false;

  readonly #timesliceMs: number;

  /** Firefox reports the real type only once recording has started. */
  get mimeType(): string {
    return this.#recorder.mimeType || this.#chunks[0]?.type || 'audio/webm';
  }

  get state(): RecordingState {
    return this.#recorder.state;
  }

  get size(): number {
    return this.#chunks.reduce((total, chunk) => total + chunk.size, 0);
  }

  start(): void {
    this.#recorder.start(this.#timesliceMs);
    this.#started = true;
  }

  pause(): void {
    if (this.#recorder.state === 'recording') this.#recorder.pause();
  }

  resume(): void {
    if (this.#recorder.state === 'paused') this.#recorder.resume();
  }

  /**
   * Resolves with the whole recording once the last chunk has arrived. The
   * recorder may already have stopped by itself (its track ended): its final
   * `dataavailable` then still precedes `stop`, so wait for `stop` either way.
   */
  stop(): Promise<Blob> {
    // Never started: no `stop` event will ever come.
    const ended = this.#started ? this.#ended : Promise.resolve();
    this.#stopped ??= ended.then(() => new Blob(this.#chunks, { type: this.mimeType }));
    if (this.#recorder.state !== 'inactive') this.#recorder.stop();
    return this.#stopped;
  }
}
