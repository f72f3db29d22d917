/**
 * A light voice-activity detector over 32 ms frames, built to count what a
 * reference detector (Silero VAD) counts. thymia counts *speech*, so
 * silence, breathing, hum, steady noise and music must not count, while the
 * consonants and short joins between voiced sounds must:
 *
 * - voiced anchors: a frame stands clear of the noise floor, its waveform
 *   repeats at a pitch period, its spectrum is peaky and sits in the voice
 *   band, and loudness moves at syllable rate around it (a steady tone or
 *   hum does not). Two voiced frames in a row make an anchor.
 * - bridging, like the reference's hangover: frames above the floor near an
 *   anchor count (consonants), and so do short quiet gaps between counted
 *   frames (word joins), judged with a short look-ahead so that the
 *   consonant *before* a vowel counts too.
 * - a noise floor that adapts in noise: the quietest frame of the last
 *   seconds (minimum statistics), so a fan or a noisy room raises it within
 *   a couple of seconds, speech or not, and a quieter moment lowers it at once.
 *   Syllable-rate movement is judged with the floor's power taken out of each
 *   frame: in loud noise the noise fills the dips between syllables, and what
 *   is left above it still rises and falls like speech.
 * - bursts of fewer than `minSpeechSeconds` of anchors do not count (clicks, a cough's onset).
 * - the reference's segments lag the voice at both ends, and we follow them there:
 *   - when a voice stops (the next frame falls `trailDropDb` or more), the reference
 *     still hears it for about four frames (its probability decays, then a 30 ms pad),
 *     whatever follows; so a counted run goes on `trailSeconds` after it. A voice that fades
 *     out slowly gets no trail: the reference follows a fade down and stops on its own.
 *   - after silence, a voice that never gets louder than `promptOnsetDb` (a murmured
 *     interjection, an "oh" at −20 dB) takes the reference a quarter of a second to
 *     believe, and a shorter one it never believes: such a run counts only once it has
 *     shown `quietOnsetSeconds` of voicing, and from then on (its first frames are not
 *     counted). A louder onset counts from its first frame, as before.
 * - music holds its notes and leaps between them: when much of the recent
 *   pitch either stays put to a fraction of a percent from frame to frame (or
 *   steps to another note of the chord, an exact octave, fifth or fourth away)
 *   or leaps further than a voice moves in 32 ms, nothing is voiced (a voice glides).
 *   Expressive speech leaps too (an actor's cry, a tracker's octave slip), but it
 *   holds no notes and leaps less often than a tune alternating bass and melody:
 *   so music must also hold some notes, or leap nearly every frame.
 * - a voiced frame far below the recent voiced peak (a vowel trailing off to a
 *   murmur, a line spoken at a whisper after a shout) anchors nothing, and
 *   nothing under an absolute gate counts: the reference hears neither as speech.
 *
 * Pure: fed features, returns decisions; `SpeechFrames` supplies the features.
 */

export interface FrameFeatures {
  /** Root-mean-square level in dBFS. */
  readonly levelDb: number;
  /** Spectral flatness of the voice band, 0 (pure tone) … 1 (white noise). */
  readonly flatness: number;
  /** Share of power between 70 Hz and 4 kHz (pitch and formants). */
  readonly voiceBandRatio: number;
  /** Normalised autocorrelation at a pitch lag, 0 … 1 (see `pitchAnalysis`). */
  readonly periodicity: number;
  /** The pitch of that lag, Hz (see `pitchAnalysis`); without it, music is not told apart. */
  readonly pitchHz?: number;
}

export interface VadOptions {
  /** dB above the noise floor a voiced frame must reach. */
  readonly marginDb: number;
  /** dB above the noise floor an unvoiced frame near an anchor must reach to count (consonants). */
  readonly activeMarginDb: number;
  /** Frames quieter than this never count, whatever the floor. */
  readonly absoluteGateDb: number;
  readonly maxFlatness: number;
  readonly minVoiceBandRatio: number;
  readonly minPeriodicity: number;
  /** Standard deviation of level (dB) over `modulationWindowSeconds` that speech shows. */
  readonly minModulationDb: number;
  readonly modulationWindowSeconds: number;
  /** The floor is the quietest frame of this many seconds (minimum statistics). */
  readonly floorWindowSeconds: number;
  /** How far below the recent voiced peak (decaying `peakDecayDbPerSecond`) a consonant may be; quieter is background. */
  readonly consonantRangeDb: number;
  /** How far below that peak a voiced frame may be and still anchor speech (a vowel trailing off to a murmur does not). */
  readonly voicedRangeDb: number;
  readonly peakDecayDbPerSecond: number;
  /** How far from an anchor (either side) a frame above the floor still counts. */
  readonly bridgeSeconds: number;
  /** Quiet gaps up to this long between counted frames count (the reference: 100 ms silence + 2 × 30 ms pad). */
  readonly hangoverSeconds: number;
  /** How far the detector looks ahead before settling a frame; the count trails the audio by this much. */
  readonly lookaheadSeconds: number;
  /** A run of speech with less voicing than this does not count. */
  readonly minSpeechSeconds: number;
  /**
   * A run whose voicing has reached this level (dBFS) counts from its first frame; a quieter one
   * only after `quietOnsetSeconds` of voicing, and only from then on (the reference is slow to trust a quiet voice).
   */
  readonly promptOnsetDb: number;
  readonly quietOnsetSeconds: number;
  /** How long a counted run goes on counting after its last speech frame when the voice stopped (the reference's own decay and pad). */
  readonly trailSeconds: number;
  /** The voice stopped: the first frame after the run this many dB under its last one (a fade the reference follows down itself). */
  readonly trailDropDb: number;
  /** Pitch moving less than this share from one voiced frame to the next is held (a note, not a voice). */
  readonly heldPitchTolerance: number;
  /** Pitch moving more than this factor from one voiced frame to the next (not to a chord note) leaps: a melody or a bass line, not a voice. */
  readonly pitchLeapRatio: number;
  /**
   * Among the last `pitchMemory` voiced frame pairs, this share held or leaping means music: nothing is voiced until it falls to `musicLeaveShare`.
   * Close under it: an actor's brief chord-like stretch (a held vowel, the tracker slipping an octave and back) must not keep a voice
   * taken for music for seconds after, while music stays far above it.
   */
  readonly musicEnterShare: number;
  readonly musicLeaveShare: number;
  /** …and at least this share of them held, or this share leaping: a voice that leaps without holding a note is a voice. */
  readonly musicMinHeldShare: number;
  readonly musicLeapShare: number;
  readonly pitchMemory: number;
}

export const DEFAULT_VAD_OPTIONS: VadOptions = {
  marginDb: 5,
  activeMarginDb: 3,
  absoluteGateDb: -58,
  maxFlatness: 0.45,
  minVoiceBandRatio: 0.3,
  minPeriodicity: 0.5,
  minModulationDb: 2.5,
  modulationWindowSeconds: 0.6,
  floorWindowSeconds: 2,
  consonantRangeDb: 20,
  voicedRangeDb: 26,
  peakDecayDbPerSecond: 10,
  bridgeSeconds: 0.3,
  hangoverSeconds: 0.16,
  lookaheadSeconds: 0.3,
  minSpeechSeconds: 0.1,
  promptOnsetDb: -40,
  quietOnsetSeconds: 0.25,
  trailSeconds: 0.13,
  trailDropDb: 10,
  heldPitchTolerance: 0.004,
  pitchLeapRatio: 1.16,
  musicEnterShare: 0.43,
  musicLeaveShare: 0.4,
  musicMinHeldShare: 0.1,
  musicLeapShare: 0.7,
  pitchMemory: 50,
};

const FLOOR_START_DB = -70;
/** How far under the floor a frame with the floor's power taken out may read: the depth of a dip between syllables. */
const DIP_DEPTH_DB = 3;
/** Music is judged once this many pairs of pitched frames are in (an eighth of a second of pitch). */
const MUSIC_MIN_PAIRS = 4;
/** How a pair of pitched frames moved: held a note (or stepped within a chord), leapt, or moved as a voice glides. */
const PAIR_MOVED = 0;
const PAIR_HELD = 1;
const PAIR_LEAPT = 2;

interface Pending {
  readonly levelDb: number;
  readonly seconds: number;
  readonly active: boolean;
  readonly voiced: boolean;
}

export class VoiceActivityDetector {
  readonly #options: VadOptions;
  #floorDb = FLOOR_START_DB;
  /** Levels of the last `floorWindowSeconds` (the floor). */
  #levels: number[] = [];
  /** Levels of the last `modulationWindowSeconds` with the floor's power taken out. */
  #aboveFloorLevels: number[] = [];
  /** Frames waiting for the look-ahead before they are settled. */
  #pending: Pending[] = [];
  /** Seconds since the last anchor among settled frames (the anchor itself included). */
  #sinceAnchor = Number.POSITIVE_INFINITY;
  /** Seconds since the last counted frame. */
  #sinceCounted = Number.POSITIVE_INFINITY;
  /** A run that has not yet shown `minSpeechSeconds` of anchors: held back, counted once it does. */
  #heldSeconds = 0;
  #runAnchorSeconds = 0;
  /** The loudest anchor of the run (see `promptOnsetDb`), and whether the run counts yet. */
  #runLoudestDb = -120;
  #runCounting = false;
  /** The level of the last speech frame, and whether the run goes on counting after it (the voice stopped, see `trailSeconds`). */
  #lastSpeechDb = -120;
  #trailing = false;
  #speechSeconds = 0;
  #previousPitchHz = 0;
  /** How each of the last `pitchMemory` pairs of pitched frames moved (PAIR_HELD, PAIR_LEAPT, PAIR_MOVED). */
  #pairs: number[] = [];
  #music = false;
  #voicedPeakDb = -120;

  constructor(options: Partial<VadOptions> = {}) {
    this.#options = { ...DEFAULT_VAD_OPTIONS, ...options };
  }

  get speechSeconds(): number {
    return this.#speechSeconds;
  }

  get noiseFloorDb(): number {
    return this.#floorDb;
  }

  /**
   * Feeds one frame covering `seconds` of audio. Returns whether the frame
   * settled now (`lookaheadSeconds` earlier) counted as speech.
   */
  push(frame: FrameFeatures, seconds: number): boolean {
    const o = this.#options;
    const levelDb = Number.isFinite(frame.levelDb) ? Math.max(frame.levelDb, -120) : -120;
    this.#track(levelDb, seconds);
    const modulated = this.#modulationDb() >= o.minModulationDb;
    const aboveGate = levelDb > o.absoluteGateDb;
    const voiced =
      aboveGate &&
      modulated &&
      levelDb >= this.#floorDb + o.marginDb &&
      frame.periodicity >= o.minPeriodicity &&
      frame.flatness <= o.maxFlatness &&
      frame.voiceBandRatio >= o.minVoiceBandRatio &&
      levelDb >= this.#voicedPeakDb - o.voicedRangeDb;
    this.#voicedPeakDb = voiced ? Math.max(levelDb, this.#voicedPeakDb) : this.#voicedPeakDb - o.peakDecayDbPerSecond * seconds;
    const aboveFloor = aboveGate && levelDb >= this.#floorDb + o.activeMarginDb;
    const active = aboveFloor && levelDb >= this.#voicedPeakDb - o.consonantRangeDb;
    const pitched = aboveFloor && frame.periodicity >= o.minPeriodicity;
    const music = this.#musicLike(pitched ? (frame.pitchHz ?? 0) : 0);
    this.#pending.push({ levelDb, seconds, active, voiced: voiced && !music });

    let counted = false;
    let ahead = this.#pending.reduce((sum, entry) => sum + entry.seconds, 0) - this.#pending[0].seconds;
    while (this.#pending.length > 1 && ahead >= o.lookaheadSeconds) {
      counted = this.#settle();
      ahead -= this.#pending[0].seconds;
    }
    return counted;
  }

  reset(): void {
    this.#floorDb = FLOOR_START_DB;
    this.#levels = [];
    this.#aboveFloorLevels = [];
    this.#pending = [];
    this.#sinceAnchor = Number.POSITIVE_INFINITY;
    this.#sinceCounted = Number.POSITIVE_INFINITY;
    this.#heldSeconds = 0;
    this.#runAnchorSeconds = 0;
    this.#runLoudestDb = -120;
    this.#runCounting = false;
    this.#lastSpeechDb = -120;
    this.#trailing = false;
    this.#speechSeconds = 0;
    this.#previousPitchHz = 0;
    this.#pairs = [];
    this.#music = false;
    this.#voicedPeakDb = -120;
  }

  /**
   * Music holds its notes: pitch steady to a fraction of a percent from one
   * frame to the next, for much of the time. A voice glides. Fed each frame's
   * pitch (0 when unvoiced); says whether recent voicing sounds like music.
   */
  #musicLike(pitchHz: number): boolean {
    const o = this.#options;
    if (pitchHz > 0 && this.#previousPitchHz > 0) {
      const ratio = pitchHz / this.#previousPitchHz;
      const leap = ratio > o.pitchLeapRatio || ratio < 1 / o.pitchLeapRatio;
      const held = heldPitch(ratio, o.heldPitchTolerance);
      this.#pairs.push(held ? PAIR_HELD : leap ? PAIR_LEAPT : PAIR_MOVED);
      if (this.#pairs.length > o.pitchMemory) this.#pairs.shift();
      if (this.#pairs.length >= Math.min(MUSIC_MIN_PAIRS, o.pitchMemory)) {
        let heldPairs = 0;
        let leaptPairs = 0;
        for (const pair of this.#pairs) {
          if (pair === PAIR_HELD) heldPairs += 1;
          else if (pair === PAIR_LEAPT) leaptPairs += 1;
        }
        const share = (heldPairs + leaptPairs) / this.#pairs.length;
        // A voice in full flight leaps as often as a tune, but it never holds a note: music holds some,
        // or leaps between a bass line and a melody nearly every frame, more often than any voice.
        const tune = heldPairs / this.#pairs.length >= o.musicMinHeldShare || leaptPairs / this.#pairs.length >= o.musicLeapShare;
        if (share >= o.musicEnterShare && tune) this.#music = true;
        else if (share <= o.musicLeaveShare || !tune) this.#music = false;
      }
    }
    this.#previousPitchHz = pitchHz;
    return this.#music;
  }

  /** Settles the oldest pending frame with what the look-ahead shows; returns whether it counted. */
  #settle(): boolean {
    const o = this.#options;
    const frame = this.#pending.shift()!;
    const next = this.#pending[0];
    const anchor = frame.voiced && (this.#sinceAnchor === 0 || next.voiced);
    if (anchor) this.#sinceAnchor = 0;
    else this.#sinceAnchor += frame.seconds;

    // The nearest anchor ahead, within the bridge.
    let anchorAhead = Number.POSITIVE_INFINITY;
    let activeAhead = Number.POSITIVE_INFINITY;
    let offset = 0;
    for (let i = 0; i < this.#pending.length; i += 1) {
      const entry = this.#pending[i];
      offset += entry.seconds;
      if (activeAhead === Number.POSITIVE_INFINITY && entry.active) activeAhead = offset;
      if (entry.voiced && (this.#pending[i + 1]?.voiced || this.#pending[i - 1]?.voiced || (i === 0 && frame.voiced))) {
        anchorAhead = offset;
        break;
      }
    }
    const nearAnchor = anchor || this.#sinceAnchor <= o.bridgeSeconds || anchorAhead <= o.bridgeSeconds;
    const bridged =
      this.#sinceCounted + frame.seconds <= o.hangoverSeconds && Math.min(activeAhead, anchorAhead) <= o.hangoverSeconds;
    const speech = nearAnchor && (frame.active || bridged);

    if (!speech) {
      // The first frame after the run: did the voice stop (a drop), or fade?
      if (this.#sinceCounted === 0) this.#trailing = this.#runCounting && this.#lastSpeechDb - frame.levelDb >= o.trailDropDb;
      this.#sinceCounted += frame.seconds;
      const trailing = this.#trailing && this.#sinceCounted <= o.trailSeconds + 1e-9;
      if (trailing) this.#speechSeconds += frame.seconds;
      // A run that never showed enough voicing is dropped (a click, a cough's onset).
      if (this.#sinceCounted > Math.max(o.hangoverSeconds, o.trailSeconds)) {
        this.#heldSeconds = 0;
        this.#runAnchorSeconds = 0;
        this.#runLoudestDb = -120;
        this.#runCounting = false;
      }
      return trailing;
    }
    this.#sinceCounted = 0;
    this.#lastSpeechDb = frame.levelDb;
    if (anchor) {
      this.#runAnchorSeconds += frame.seconds;
      this.#runLoudestDb = Math.max(this.#runLoudestDb, frame.levelDb);
    }
    const prompt = this.#runAnchorSeconds >= o.minSpeechSeconds && this.#runLoudestDb >= o.promptOnsetDb;
    // A quiet run counts once the reference would believe it, and its first frames stay uncounted, as the reference lags there.
    const believed = this.#runAnchorSeconds >= Math.max(o.minSpeechSeconds, o.quietOnsetSeconds);
    if (this.#runCounting || prompt || believed) {
      this.#speechSeconds += (this.#runCounting || prompt ? this.#heldSeconds : 0) + frame.seconds;
      this.#heldSeconds = 0;
      this.#runCounting = true;
      return true;
    }
    this.#heldSeconds += frame.seconds;
    return false;
  }

  /**
   * Minimum statistics: the floor is the quietest frame of the last `floorWindowSeconds`.
   * Also keeps the last `modulationWindowSeconds` of levels with that floor's power taken out (see `#modulationDb`).
   */
  #track(levelDb: number, seconds: number): void {
    this.#levels.push(levelDb);
    const keep = Math.max(1, Math.round(this.#options.floorWindowSeconds / seconds));
    while (this.#levels.length > keep) this.#levels.shift();
    let floor = Number.POSITIVE_INFINITY;
    for (const level of this.#levels) floor = Math.min(floor, level);
    this.#floorDb = Math.max(FLOOR_START_DB - 30, floor);
    const abovePower = 10 ** (levelDb / 10) - 10 ** (this.#floorDb / 10);
    const aboveDb = abovePower > 0 ? 10 * Math.log10(abovePower) : -Infinity;
    this.#aboveFloorLevels.push(Math.max(aboveDb, this.#floorDb - DIP_DEPTH_DB));
    const modulationFrames = Math.max(3, Math.round(this.#options.modulationWindowSeconds / seconds));
    while (this.#aboveFloorLevels.length > modulationFrames) this.#aboveFloorLevels.shift();
  }

  #modulationDb(): number {
    const levels = this.#aboveFloorLevels.map((level) => Math.max(level, -90));
    if (levels.length < 3) return 0;
    const mean = levels.reduce((sum, value) => sum + value, 0) / levels.length;
    const variance = levels.reduce((sum, value) => sum + (value - mean) ** 2, 0) / levels.length;
    return Math.sqrt(variance);
  }
}

/**
 * Chords: a pitch tracker on polyphonic music hops between the notes sounding
 * together, an octave or a fifth apart, each held exactly. So a step to a
 * small whole-number ratio of the last pitch counts as held too. A voice's
 * octave slips glide along with it and miss these ratios by more than the tolerance.
 */
const NOTE_RATIOS = [1, 2, 1 / 2, 3, 1 / 3, 3 / 2, 2 / 3, 4 / 3, 3 / 4];

function heldPitch(ratio: number, tolerance: number): boolean {
  return NOTE_RATIOS.some((note) => Math.abs(ratio - note) <= tolerance * note);
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
 * (70–400 Hz), and that pitch. Vowels are periodic; breath, hiss and fan
 * noise are not. Works on a copy decimated to about 8 kHz to stay cheap at
 * 31 frames a second; the peak is refined by a parabola through its
 * neighbours, so a held musical note reads as held and a voice's glide as moving.
 */
export function pitchAnalysis(samples: Float32Array, sampleRate: number): { periodicity: number; pitchHz: number } {
  const factor = Math.max(1, Math.round(sampleRate / 8000));
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
  const minLag = Math.max(2, Math.floor(rate / 400));
  const maxLag = Math.min(length - 3, Math.ceil(rate / 70));
  const correlation = (lag: number): number => {
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
    return denominator > 0 ? cross / denominator : 0;
  };
  if (maxLag < minLag) return { periodicity: 0, pitchHz: 0 };
  const values = new Float32Array(maxLag + 2);
  let best = 0;
  for (let lag = minLag - 1; lag <= maxLag + 1; lag += 1) values[lag] = correlation(lag);
  // Only a peak is a period: low-pass noise (a fan's rumble) correlates strongly at short lags, but falling, not peaking.
  for (let lag = minLag; lag <= maxLag; lag += 1) {
    if (values[lag] >= values[lag - 1] && values[lag] >= values[lag + 1]) best = Math.max(best, values[lag]);
  }
  if (best <= 0) return { periodicity: 0, pitchHz: 0 };
  // The period is the first peak nearly as strong as the best: its multiples correlate as well (octave errors).
  let lag = minLag;
  while (lag < maxLag && !(values[lag] >= 0.9 * best && values[lag] >= values[lag - 1] && values[lag] >= values[lag + 1])) lag += 1;
  const before = values[lag - 1];
  const after = values[lag + 1];
  const curvature = before - 2 * values[lag] + after;
  const shift = curvature < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (before - after)) / curvature)) : 0;
  return { periodicity: best, pitchHz: rate / (lag + shift) };
}

/** The voicing half of `pitchAnalysis`. */
export function periodicity(samples: Float32Array, sampleRate: number): number {
  return pitchAnalysis(samples, sampleRate).periodicity;
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
  const lowBin = Math.max(1, Math.floor(70 / binHz));
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
