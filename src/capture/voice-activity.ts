/**
 * A light voice-activity detector over analyser frames. thymia counts
 * *speech*, so silence, breathing, hum and steady noise must not count:
 *
 * - energy must stand clear of an adaptive noise floor (silence, room noise);
 * - the spectrum must be peaky, not flat (breathing, fans and hiss are flat);
 * - the waveform must repeat at a pitch period (vowels do, breath does not);
 * - most energy must sit in the voice band (rumble and hiss do not);
 * - loudness must move at syllable rate (a steady tone or hum does not).
 *
 * Pure: fed features, returns decisions; the analyser supplies the features.
 */

export interface FrameFeatures {
  /** Root-mean-square level in dBFS. */
  readonly levelDb: number;
  /** Spectral flatness of the voice band, 0 (pure tone) … 1 (white noise). */
  readonly flatness: number;
  /** Share of power between 250 Hz and 4 kHz. */
  readonly voiceBandRatio: number;
  /** Normalised autocorrelation at a pitch lag, 0 … 1 (see `periodicity`). */
  readonly periodicity: number;
}

export interface VadOptions {
  /** dB above the noise floor a frame must reach. */
  readonly marginDb: number;
  /** Frames quieter than this never count, whatever the floor. */
  readonly absoluteGateDb: number;
  readonly maxFlatness: number;
  readonly minVoiceBandRatio: number;
  readonly minPeriodicity: number;
  /** Standard deviation of level (dB) over `modulationWindowSeconds` that speech shows. */
  readonly minModulationDb: number;
  readonly modulationWindowSeconds: number;
  /** How fast the floor may rise while nothing is speech (dB/s); it falls at once. */
  readonly floorRiseDbPerSecond: number;
  /** Short gaps between voiced frames (consonants, word joins) still count. */
  readonly hangoverSeconds: number;
}

export const DEFAULT_VAD_OPTIONS: VadOptions = {
  marginDb: 10,
  absoluteGateDb: -58,
  maxFlatness: 0.3,
  minVoiceBandRatio: 0.4,
  minPeriodicity: 0.45,
  minModulationDb: 3,
  modulationWindowSeconds: 0.6,
  floorRiseDbPerSecond: 2,
  hangoverSeconds: 0.25,
};

const FLOOR_START_DB = -70;

export class VoiceActivityDetector {
  readonly #options: VadOptions;
  #floorDb = FLOOR_START_DB;
  #floorSeeded = false;
  #history: { levelDb: number; age: number }[] = [];
  #sinceVoiced = Number.POSITIVE_INFINITY;
  #speechSeconds = 0;

  constructor(options: Partial<VadOptions> = {}) {
    this.#options = { ...DEFAULT_VAD_OPTIONS, ...options };
  }

  get speechSeconds(): number {
    return this.#speechSeconds;
  }

  get noiseFloorDb(): number {
    return this.#floorDb;
  }

  /** Feeds one frame covering `seconds` of audio; returns whether it counted as speech. */
  push(frame: FrameFeatures, seconds: number): boolean {
    const o = this.#options;
    const levelDb = Number.isFinite(frame.levelDb) ? frame.levelDb : -120;
    this.#remember(levelDb, seconds);

    if (!this.#floorSeeded) {
      this.#floorDb = Math.max(FLOOR_START_DB, Math.min(levelDb, -45));
      this.#floorSeeded = true;
    }
    const loudEnough = levelDb > Math.max(this.#floorDb + o.marginDb, o.absoluteGateDb);
    const voiceLike =
      frame.flatness <= o.maxFlatness && frame.voiceBandRatio >= o.minVoiceBandRatio && frame.periodicity >= o.minPeriodicity;
    const modulated = this.#modulationDb() >= o.minModulationDb;
    const voiced = loudEnough && voiceLike && modulated;

    if (voiced) this.#sinceVoiced = 0;
    else this.#sinceVoiced += seconds;
    const counted = voiced || (loudEnough && this.#sinceVoiced <= o.hangoverSeconds);
    if (counted) this.#speechSeconds += seconds;

    if (levelDb < this.#floorDb) {
      this.#floorDb = levelDb;
    } else if (!counted) {
      this.#floorDb = Math.min(levelDb, this.#floorDb + o.floorRiseDbPerSecond * seconds);
    }
    return counted;
  }

  reset(): void {
    this.#floorDb = FLOOR_START_DB;
    this.#floorSeeded = false;
    this.#history = [];
    this.#sinceVoiced = Number.POSITIVE_INFINITY;
    this.#speechSeconds = 0;
  }

  #remember(levelDb: number, seconds: number): void {
    for (const entry of this.#history) entry.age += seconds;
    this.#history.push({ levelDb, age: 0 });
    this.#history = this.#history.filter((entry) => entry.age <= this.#options.modulationWindowSeconds);
  }

  #modulationDb(): number {
    const levels = this.#history.map((entry) => Math.max(entry.levelDb, -90));
    if (levels.length < 3) return 0;
    const mean = levels.reduce((sum, value) => sum + value, 0) / levels.length;
    const variance = levels.reduce((sum, value) => sum + (value - mean) ** 2, 0) / levels.length;
    return Math.sqrt(variance);
  }
}

/** Level in dBFS of a block of samples in [-1, 1]. */
export function levelDb(samples: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i += 1) sum += samples[i] * samples[i];
  const rms = Math.sqrt(sum / Math.max(1, samples.length));
  return rms > 0 ? 20 * Math.log10(rms) : -120;
}

/**
 * Voicing: the strongest normalised autocorrelation at a pitch lag
 * (70–400 Hz). Vowels are periodic; breath, hiss and fan noise are not.
 * Works on a 4× decimated copy to stay cheap at 20 frames a second.
 */
export function periodicity(samples: Float32Array, sampleRate: number): number {
  const factor = 4;
  const length = Math.floor(samples.length / factor);
  const decimated = new Float32Array(length);
  let mean = 0;
  for (let i = 0; i < length; i += 1) {
    let sum = 0;
    for (let j = 0; j < factor; j += 1) sum += samples[i * factor + j];
    decimated[i] = sum / factor;
    mean += decimated[i];
  }
  mean /= Math.max(1, length);
  for (let i = 0; i < length; i += 1) decimated[i] -= mean;
  const rate = sampleRate / factor;
  const minLag = Math.max(1, Math.floor(rate / 400));
  const maxLag = Math.min(length - 2, Math.ceil(rate / 70));
  let best = 0;
  for (let lag = minLag; lag <= maxLag; lag += 1) {
    let cross = 0;
    let energyA = 0;
    let energyB = 0;
    for (let i = 0; i + lag < length; i += 1) {
      const a = decimated[i];
      const b = decimated[i + lag];
      cross += a * b;
      energyA += a * a;
      energyB += b * b;
    }
    const denominator = Math.sqrt(energyA * energyB);
    if (denominator > 0) best = Math.max(best, cross / denominator);
  }
  return best;
}

/**
 * Flatness and voice-band share from an analyser's dB spectrum
 * (`getFloatFrequencyData`), bins spanning 0 … sampleRate / 2.
 */
export function spectralFeatures(
  spectrumDb: Float32Array,
  sampleRate: number,
): { flatness: number; voiceBandRatio: number } {
  const binHz = sampleRate / 2 / spectrumDb.length;
  const lowBin = Math.max(1, Math.floor(250 / binHz));
  const highBin = Math.min(spectrumDb.length - 1, Math.ceil(4000 / binHz));
  let total = 0;
  let band = 0;
  let logSum = 0;
  let count = 0;
  for (let i = 1; i < spectrumDb.length; i += 1) {
    const db = Number.isFinite(spectrumDb[i]) ? spectrumDb[i] : -200;
    const power = 10 ** (db / 10);
    total += power;
    if (i >= lowBin && i <= highBin) {
      band += power;
      logSum += Math.log(power + 1e-20);
      count += 1;
    }
  }
  if (band <= 0 || count === 0) return { flatness: 1, voiceBandRatio: 0 };
  const geometricMean = Math.exp(logSum / count);
  const arithmeticMean = band / count;
  return { flatness: Math.min(1, geometricMean / arithmeticMean), voiceBandRatio: band / total };
}
