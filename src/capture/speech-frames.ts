import { type FrameFeatures, pitchAnalysis, spectralFeatures, levelDb } from './voice-activity.js';

/**
 * Cuts a continuous stream of microphone samples (any rate) into the frames
 * the voice-activity detector judges: 32 ms at 16 kHz, the rate and window a
 * reference detector (Silero VAD) uses, so every sample is heard once — no
 * gaps when the main thread is late or the tab is in the background.
 *
 * Pure: fed sample blocks, hands on each frame's features and duration.
 */

export const FRAME_RATE = 16_000;
export const FRAME_SIZE = 512;
export const FRAME_SECONDS = FRAME_SIZE / FRAME_RATE;
/**
 * A frame's loudness is measured above this: a voice has next to no energy
 * under it, while a fan, traffic or an air conditioner has most of theirs
 * there, and would otherwise bury syllables that stand well clear of it.
 */
export const LEVEL_HIGH_PASS_HZ = 80;

export class SpeechFrames {
  readonly #step: number;
  readonly #onFrame: (features: FrameFeatures, seconds: number) => void;
  readonly #frame = new Float32Array(FRAME_SIZE);
  /** The frame above LEVEL_HIGH_PASS_HZ, for its level. */
  readonly #aboveRumble = new Float32Array(FRAME_SIZE);
  readonly #highPass = new HighPass(LEVEL_HIGH_PASS_HZ, FRAME_RATE);
  readonly #spectrum = new SpectrumAnalyser(FRAME_SIZE);
  #filled = 0;
  /** Input samples (fractional) still owed to the output sample being built. */
  #position = 0;
  #sum = 0;
  #count = 0;

  constructor(inputRate: number, onFrame: (features: FrameFeatures, seconds: number) => void) {
    this.#step = inputRate / FRAME_RATE;
    this.#onFrame = onFrame;
  }

  /** Feeds the next block of samples in [-1, 1]. */
  push(samples: Float32Array): void {
    // Each 16 kHz sample is the mean of the input samples it spans (a box filter: enough anti-aliasing for a detector).
    for (let i = 0; i < samples.length; i += 1) {
      this.#sum += samples[i];
      this.#count += 1;
      this.#position += 1;
      if (this.#position >= this.#step) {
        this.#position -= this.#step;
        this.#frame[this.#filled] = this.#sum / this.#count;
        this.#aboveRumble[this.#filled] = this.#highPass.next(this.#frame[this.#filled]);
        this.#sum = 0;
        this.#count = 0;
        this.#filled += 1;
        if (this.#filled === FRAME_SIZE) {
          this.#filled = 0;
          this.#onFrame(this.#features(), FRAME_SECONDS);
        }
      }
    }
  }

  #features(): FrameFeatures {
    const frame = this.#frame;
    return {
      levelDb: levelDb(this.#aboveRumble),
      ...pitchAnalysis(frame, FRAME_RATE),
      ...spectralFeatures(this.#spectrum.powerDb(frame), FRAME_RATE),
    };
  }
}

/** A second-order Butterworth high-pass (RBJ biquad), run sample by sample across frames. */
export class HighPass {
  readonly #b0: number;
  readonly #b1: number;
  readonly #a1: number;
  readonly #a2: number;
  #x1 = 0;
  #x2 = 0;
  #y1 = 0;
  #y2 = 0;

  constructor(cutoffHz: number, rate: number) {
    const w = (2 * Math.PI * cutoffHz) / rate;
    const alpha = Math.sin(w) * Math.SQRT1_2;
    const a0 = 1 + alpha;
    this.#b0 = (1 + Math.cos(w)) / 2 / a0;
    this.#b1 = -(1 + Math.cos(w)) / a0;
    this.#a1 = (-2 * Math.cos(w)) / a0;
    this.#a2 = (1 - alpha) / a0;
  }

  next(x: number): number {
    const y = this.#b0 * (x + this.#x2) + this.#b1 * this.#x1 - this.#a1 * this.#y1 - this.#a2 * this.#y2;
    this.#x2 = this.#x1;
    this.#x1 = x;
    this.#y2 = this.#y1;
    this.#y1 = y;
    return y;
  }
}

/** Power spectrum in dB (Hann window, radix-2 FFT) of a frame; bins span 0 … rate / 2. */
export class SpectrumAnalyser {
  readonly #size: number;
  readonly #window: Float32Array;
  readonly #re: Float64Array;
  readonly #im: Float64Array;
  readonly #cos: Float64Array;
  readonly #sin: Float64Array;
  readonly #out: Float32Array;

  constructor(size: number) {
    if (size & (size - 1)) throw new RangeError('FFT size must be a power of two');
    this.#size = size;
    this.#window = Float32Array.from({ length: size }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
    this.#re = new Float64Array(size);
    this.#im = new Float64Array(size);
    this.#cos = Float64Array.from({ length: size / 2 }, (_, i) => Math.cos((2 * Math.PI * i) / size));
    this.#sin = Float64Array.from({ length: size / 2 }, (_, i) => -Math.sin((2 * Math.PI * i) / size));
    this.#out = new Float32Array(size / 2);
  }

  powerDb(samples: Float32Array): Float32Array {
    const n = this.#size;
    const re = this.#re;
    const im = this.#im;
    for (let i = 0, j = 0; i < n; i += 1) {
      // Bit-reversed order in, natural order out.
      re[j] = samples[i] * this.#window[i];
      im[j] = 0;
      let bit = n >> 1;
      while (j & bit) {
        j ^= bit;
        bit >>= 1;
      }
      j |= bit;
    }
    for (let length = 2; length <= n; length <<= 1) {
      const half = length >> 1;
      const stride = n / length;
      for (let start = 0; start < n; start += length) {
        for (let k = 0; k < half; k += 1) {
          const wr = this.#cos[k * stride];
          const wi = this.#sin[k * stride];
          const a = start + k;
          const b = a + half;
          const tr = re[b] * wr - im[b] * wi;
          const ti = re[b] * wi + im[b] * wr;
          re[b] = re[a] - tr;
          im[b] = im[a] - ti;
          re[a] += tr;
          im[a] += ti;
        }
      }
    }
    const scale = 1 / (n * n);
    for (let k = 0; k < n / 2; k += 1) {
      const power = (re[k] * re[k] + im[k] * im[k]) * scale;
      this.#out[k] = power > 0 ? 10 * Math.log10(power) : -200;
    }
    return this.#out;
  }
}
