import { SpeechFrames } from './speech-frames.js';
import { VoiceActivityDetector, levelDb, type VadOptions } from './voice-activity.js';

export interface AnalyserReading {
  /** 0 … 1, for the level meter. */
  readonly level: number;
  readonly speechSeconds: number;
  readonly speaking: boolean;
}

/** Samples per callback: ~85 ms at 48 kHz, ~12 short main-thread tasks a second. */
const BUFFER_SIZE = 4096;
/** −60 dBFS shows as an empty meter, −10 dBFS as a full one. */
const METER_FLOOR_DB = -60;
const METER_RANGE_DB = 50;

/**
 * Reads an AudioContext made inside the click handler (iOS only starts
 * audio within a user gesture) and attaches the microphone later.
 *
 * Hears every sample: a ScriptProcessorNode hands each block of the
 * microphone to the main thread as the audio clock delivers it, so the
 * speech count neither skips audio when the main thread is late nor stalls
 * in a background tab (timers there run once a second, animation frames not
 * at all). An AudioWorklet would need a module from a URL (a separate file,
 * or blob:/data:, which strict CSPs refuse).
 */
export class AudioAnalyser {
  readonly #context: AudioContext | undefined;
  readonly #vad: VoiceActivityDetector;
  #source: MediaStreamAudioSourceNode | undefined;
  #processor: ScriptProcessorNode | undefined;
  #mute: GainNode | undefined;
  #counting = false;
  #speaking = false;
  #reading: AnalyserReading = { level: 0, speechSeconds: 0, speaking: false };
  /** Sees every block of microphone samples while counting, with the VAD's latest call (quality check, silent-microphone watch). */
  onFrame: ((samples: Float32Array, seconds: number, speech: boolean) => void) | undefined;

  /** `context` was made in the click handler (see `createAudioContext`); the analyser closes it. */
  constructor(context: AudioContext | undefined, vadOptions: Partial<VadOptions> = {}) {
    this.#vad = new VoiceActivityDetector(vadOptions);
    this.#context = context;
  }

  get reading(): AnalyserReading {
    return this.#reading;
  }

  /** The audio graph's sample rate (undefined without one). */
  get sampleRate(): number | undefined {
    return this.#context?.sampleRate;
  }

  /** Attaches the stream and starts listening; `reading` holds the latest block's level and the count. */
  attach(stream: MediaStream): void {
    const context = this.#context;
    if (!context || typeof context.createScriptProcessor !== 'function') return;
    void context.resume().catch(() => undefined);
    const sampleRate = context.sampleRate;
    const frames = new SpeechFrames(sampleRate, (features, seconds) => {
      this.#speaking = this.#vad.push(features, seconds);
    });
    this.#source = context.createMediaStreamSource(stream);
    this.#processor = context.createScriptProcessor(BUFFER_SIZE, 1, 1);
    // Chromium runs a processor only when it reaches the destination; through a muted gain nothing is heard.
    this.#mute = context.createGain();
    this.#mute.gain.value = 0;
    this.#source.connect(this.#processor);
    this.#processor.connect(this.#mute);
    this.#mute.connect(context.destination);
    this.#processor.onaudioprocess = (event) => {
      const samples = event.inputBuffer.getChannelData(0);
      if (this.#counting) frames.push(samples);
      else this.#speaking = false;
      this.#read(samples, samples.length / sampleRate);
    };
  }

  /** Speech is only counted while the recorder is running, not while paused. */
  setCounting(counting: boolean): void {
    this.#counting = counting;
  }

  #read(samples: Float32Array, seconds: number): void {
    const level = levelDb(samples);
    // A suspended graph (no user gesture on iOS/WebKit) delivers nothing; a running one is the microphone.
    if (this.#counting && this.#context?.state === 'running') this.onFrame?.(samples, seconds, this.#speaking);
    this.#reading = {
      level: Math.min(1, Math.max(0, (level - METER_FLOOR_DB) / METER_RANGE_DB)),
      speechSeconds: this.#vad.speechSeconds,
      speaking: this.#speaking,
    };
  }

  /** Stops sampling and closes the audio graph; safe to call twice. */
  async close(): Promise<void> {
    if (this.#processor) this.#processor.onaudioprocess = null;
    this.#source?.disconnect();
    this.#processor?.disconnect();
    this.#mute?.disconnect();
    this.#source = undefined;
    this.#processor = undefined;
    this.#mute = undefined;
    if (this.#context && this.#context.state !== 'closed') await this.#context.close().catch(() => undefined);
  }
}
