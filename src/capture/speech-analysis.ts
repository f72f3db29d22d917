import { EMPTY_QUALITY_TOTALS, QualityTally, type QualityTotals } from './quality.js';
import { SilentMicWatch } from './silent-mic.js';
import { SpeechFrames } from './speech-frames.js';
import { VoiceActivityDetector } from './voice-activity.js';

/**
 * Audio between two snapshots: five a second move the meters visibly, and
 * each costs the page one frame. The page redraws when one arrives, so the
 * count on screen is always the latest one.
 */
export const SNAPSHOT_SECONDS = 0.2;

/** What the page is told about the microphone, five times a second (SNAPSHOT_SECONDS). */
export interface AnalysisSnapshot {
  /** 0 … 1 for the level meter: the loudness since the previous snapshot. */
  readonly level: number;
  readonly speechSeconds: number;
  /** The first seconds of the take were digital silence (see SilentMicWatch). */
  readonly micSilent: boolean;
  /** The take's audio so far, for the quality check at stop. */
  readonly quality: QualityTotals;
}

export const EMPTY_SNAPSHOT: AnalysisSnapshot = { level: 0, speechSeconds: 0, micSilent: false, quality: EMPTY_QUALITY_TOTALS };

/** −60 dBFS shows as an empty meter, −10 dBFS as a full one. */
const METER_FLOOR_DB = -60;
const METER_RANGE_DB = 50;

/**
 * Everything heard from one take's microphone: the speech count, the level
 * meter, the quality tally and the silent-microphone watch, fed every sample
 * block in order. Pure, so the same code runs on the audio thread (the
 * AudioWorklet, no main-thread cost) and, where no worklet can load, on the
 * page (a ScriptProcessorNode).
 */
export class SpeechAnalysis {
  readonly #sampleRate: number;
  readonly #vad: VoiceActivityDetector;
  readonly #frames: SpeechFrames;
  readonly #quality = new QualityTally();
  readonly #silentMic: SilentMicWatch;
  readonly #samplesPerSnapshot: number;
  #sinceSnapshot = 0;
  #counting = false;
  #speaking = false;
  #micSilent = false;
  #levelPower = 0;
  #levelSamples = 0;

  constructor(sampleRate: number) {
    this.#sampleRate = sampleRate;
    this.#samplesPerSnapshot = Math.round(sampleRate * SNAPSHOT_SECONDS);
    this.#vad = new VoiceActivityDetector();
    this.#frames = new SpeechFrames(sampleRate, (features, seconds) => {
      this.#speaking = this.#vad.push(features, seconds);
    });
    this.#silentMic = new SilentMicWatch(() => (this.#micSilent = true));
  }

  /** Speech, quality and the silent-microphone watch only count while the recorder runs, not while paused. */
  set counting(counting: boolean) {
    this.#counting = counting;
    if (!counting) this.#speaking = false;
  }

  /** Feeds the next block of samples; returns a snapshot each `SNAPSHOT_SECONDS` of audio. */
  push(samples: Float32Array): AnalysisSnapshot | undefined {
    const seconds = samples.length / this.#sampleRate;
    for (let i = 0; i < samples.length; i += 1) this.#levelPower += samples[i] * samples[i];
    this.#levelSamples += samples.length;
    if (this.#counting) {
      // The VAD's call for the frame settling now; the quality tally is weighted by it.
      this.#frames.push(samples);
      this.#quality.push(samples, seconds, this.#speaking);
      this.#silentMic.push(samples, seconds);
    }
    this.#sinceSnapshot += samples.length;
    return this.#sinceSnapshot >= this.#samplesPerSnapshot ? this.snapshot() : undefined;
  }

  /** The latest figures, now; the level covers the samples since the previous snapshot. */
  snapshot(): AnalysisSnapshot {
    this.#sinceSnapshot = 0;
    const level = this.#levelSamples ? 10 * Math.log10(this.#levelPower / this.#levelSamples || 1e-12) : -120;
    this.#levelPower = 0;
    this.#levelSamples = 0;
    return {
      level: Math.min(1, Math.max(0, (level - METER_FLOOR_DB) / METER_RANGE_DB)),
      speechSeconds: this.#vad.speechSeconds,
      micSilent: this.#micSilent,
      quality: this.#quality.totals,
    };
  }
}
