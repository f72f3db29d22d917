import { VoiceActivityDetector, levelDb, periodicity, spectralFeatures, type VadOptions } from './voice-activity.js';

export interface AnalyserReading {
  /** 0 … 1, for the level meter. */
  readonly level: number;
  readonly speechSeconds: number;
  readonly speaking: boolean;
}

const FFT_SIZE = 2048;
const SAMPLE_EVERY_MS = 50;
/** −60 dBFS shows as an empty meter, −10 dBFS as a full one. */
const METER_FLOOR_DB = -60;
const METER_RANGE_DB = 50;

/**
 * Creates its AudioContext in the constructor so that it can be made inside
 * the click handler (iOS only starts audio within a user gesture), and
 * attaches the microphone later.
 */
export class AudioAnalyser {
  readonly #context: AudioContext | undefined;
  readonly #vad: VoiceActivityDetector;
  #source: MediaStreamAudioSourceNode | undefined;
  #analyser: AnalyserNode | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #lastSampleAt = 0;
  #counting = false;
  #reading: AnalyserReading = { level: 0, speechSeconds: 0, speaking: false };
  /** Sees every frame analysed while counting, with the VAD's call (quality check, silent-microphone watch). */
  onFrame: ((samples: Float32Array, seconds: number, speech: boolean) => void) | undefined;

  constructor(vadOptions: Partial<VadOptions> = {}) {
    this.#vad = new VoiceActivityDetector(vadOptions);
    const AudioContextClass: typeof AudioContext | undefined =
      globalThis.AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    try {
      this.#context = AudioContextClass ? new AudioContextClass() : undefined;
    } catch {
      // No audio graph (very old or locked-down browsers): recording still works, the meter stays still.
      this.#context = undefined;
    }
  }

  get reading(): AnalyserReading {
    return this.#reading;
  }

  /** The audio graph's sample rate (undefined without one). */
  get sampleRate(): number | undefined {
    return this.#context?.sampleRate;
  }

  /** Attaches the stream and starts sampling; `reading` holds the latest sample. */
  attach(stream: MediaStream): void {
    const context = this.#context;
    if (!context) return;
    void context.resume().catch(() => undefined);
    this.#source = context.createMediaStreamSource(stream);
    this.#analyser = context.createAnalyser();
    this.#analyser.fftSize = FFT_SIZE;
    this.#analyser.smoothingTimeConstant = 0.5;
    this.#source.connect(this.#analyser);
    const samples = new Float32Array(this.#analyser.fftSize);
    const spectrum = new Float32Array(this.#analyser.frequencyBinCount);
    const windowSeconds = FFT_SIZE / context.sampleRate;
    this.#lastSampleAt = performance.now();
    this.#timer = setInterval(() => {
      const analyser = this.#analyser;
      if (!analyser) return;
      const now = performance.now();
      // A throttled (hidden) tab samples rarely; count only the audio one frame covers.
      const seconds = Math.min((now - this.#lastSampleAt) / 1000, Math.max(windowSeconds, SAMPLE_EVERY_MS / 1000));
      this.#lastSampleAt = now;
      analyser.getFloatTimeDomainData(samples);
      analyser.getFloatFrequencyData(spectrum);
      const level = levelDb(samples);
      this.#read(level, samples, spectrum, context.sampleRate, seconds);
    }, SAMPLE_EVERY_MS);
  }

  /** Speech is only counted while the recorder is running, not while paused. */
  setCounting(counting: boolean): void {
    this.#counting = counting;
  }

  #read(level: number, samples: Float32Array, spectrum: Float32Array, sampleRate: number, seconds: number): void {
    const speaking = this.#counting
      ? this.#vad.push(
          { levelDb: level, periodicity: periodicity(samples, sampleRate), ...spectralFeatures(spectrum, sampleRate) },
          seconds,
        )
      : false;
    // A suspended graph (no user gesture on iOS/WebKit) reads zeros: not the microphone's silence.
    if (this.#counting && this.#context?.state === 'running') this.onFrame?.(samples, seconds, speaking);
    this.#reading = {
      level: Math.min(1, Math.max(0, (level - METER_FLOOR_DB) / METER_RANGE_DB)),
      speechSeconds: this.#vad.speechSeconds,
      speaking,
    };
  }

  /** Stops sampling and closes the audio graph; safe to call twice. */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#source?.disconnect();
    this.#source = undefined;
    this.#analyser = undefined;
    if (this.#context && this.#context.state !== 'closed') await this.#context.close().catch(() => undefined);
  }
}
