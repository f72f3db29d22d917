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
  }

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
  }

  pause(): void {
    if (this.#recorder.state === 'recording') this.#recorder.pause();
  }

  resume(): void {
    if (this.#recorder.state === 'paused') this.#recorder.resume();
  }

  /** Resolves with the whole recording once the last chunk has arrived. */
  stop(): Promise<Blob> {
    this.#stopped ??= new Promise<Blob>((resolve) => {
      const finish = () => resolve(new Blob(this.#chunks, { type: this.mimeType }));
      if (this.#recorder.state === 'inactive') {
        finish();
        return;
      }
      this.#recorder.addEventListener('stop', finish, { once: true });
      this.#recorder.stop();
    });
    return this.#stopped;
  }
}
