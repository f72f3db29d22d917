/**
 * A quality check before upload, from the frames the analyser already reads.
 * thymia answers poor audio only after the run ("Audio quality may affect
 * result accuracy"); these checks catch the usual causes while the person
 * can still retake. Pure: fed samples and the VAD's decision, no audio graph.
 */

export const QUALITY_ISSUES = {
  mostlySilence: 'mostly-silence',
  tooQuiet: 'too-quiet',
  clipping: 'clipping',
  lowSampleRate: 'low-sample-rate',
  processingOn: 'processing-on',
} as const;
export type QualityIssue = (typeof QUALITY_ISSUES)[keyof typeof QUALITY_ISSUES];

/** The microphone track's settings as the browser actually applied them (`track.getSettings()`). */
export interface AppliedSettings {
  readonly echoCancellation?: boolean;
  readonly noiseSuppression?: boolean;
  readonly autoGainControl?: boolean;
  readonly sampleRate?: number;
}

/** `quality` in `thymia-recording-stop`. */
export interface QualityReport {
  readonly issues: readonly QualityIssue[];
  /** RMS level of the speech (of everything when no frame was speech), dBFS. */
  readonly levelDbfs: number;
  /** Loudest sample, dBFS. */
  readonly peakDbfs: number;
  /** Share of samples at the converter's limit. */
  readonly clippedRatio: number;
  /** Share of the recorded time the voice-activity detector did not call speech. */
  readonly silenceRatio: number;
  /** Seconds of audio the check heard; well under the take's duration means the device dropped samples (an overloaded machine). */
  readonly heardSeconds: number;
  readonly sampleRate: number;
  readonly channelCount: number;
  readonly settings: AppliedSettings;
}

export interface QualityThresholds {
  readonly mostlySilenceRatio: number;
  readonly tooQuietDbfs: number;
  readonly clipLevel: number;
  readonly clippingRatio: number;
  readonly minSampleRate: number;
}

export const DEFAULT_QUALITY_THRESHOLDS: QualityThresholds = {
  // Talking about one's day is speech for roughly half to three quarters of the
  // time (breaths, pauses to think). Under a quarter means long stretches of
  // nothing: a person who stopped, or a microphone that hears them faintly.
  mostlySilenceRatio: 0.75,
  // Close-talking speech with gain control off sits around −30…−18 dBFS RMS.
  // Below −40 dBFS it nears laptop microphones' own noise (−55…−65 dBFS), so the
  // voice stands only ~15–20 dB clear, which hurts transcription and the model.
  tooQuietDbfs: -40,
  // Float samples from a clipped converter sit at ±1; 0.99 also catches
  // converters that stop a hair short of full scale.
  clipLevel: 0.99,
  // A plosive may touch the limit on a few samples, harmlessly; one sample in
  // a thousand at the limit is audible distortion throughout the voice.
  clippingRatio: 0.001,
  // thymia's models want at least wide-band audio; Bluetooth headsets in call
  // mode (HFP, CVSD) deliver 8 kHz, which removes most of the voice's overtones.
  minSampleRate: 16_000,
};

/** We ask for all three off (see RAW_VOICE_CONSTRAINTS); true means the browser kept them on. */
const PROCESSING = ['echoCancellation', 'noiseSuppression', 'autoGainControl'] as const;

/** An amplitude in [0, 1] as dBFS, floored at −120 (digital zero). */
export function amplitudeDbfs(amplitude: number): number {
  return amplitude > 0 ? Math.max(-120, 20 * Math.log10(amplitude)) : -120;
}

/** The settings the quality report carries, read off a live track. */
export function appliedSettings(track: Pick<MediaStreamTrack, 'getSettings'> | undefined): AppliedSettings & { channelCount?: number } {
  const settings: MediaTrackSettings = track?.getSettings?.() ?? {};
  const applied: { -readonly [K in keyof AppliedSettings]: AppliedSettings[K] } & { channelCount?: number } = {};
  for (const name of PROCESSING) if (typeof settings[name] === 'boolean') applied[name] = settings[name];
  if (typeof settings.sampleRate === 'number') applied.sampleRate = settings.sampleRate;
  if (typeof settings.channelCount === 'number') applied.channelCount = settings.channelCount;
  return applied;
}

export interface QualitySource {
  /** The audio graph's rate: what the analysed samples were taken at. */
  readonly contextSampleRate: number;
  /** `appliedSettings(track)`; its `sampleRate`, when the browser reports one, is the microphone's own. */
  readonly settings?: AppliedSettings & { channelCount?: number };
}

/**
 * What a take's samples add up to, in plain numbers: made where the samples
 * are (the audio thread), read where the report is (the page).
 */
export interface QualityTotals {
  /** Audio time fed. */
  readonly seconds: number;
  /** Of which the voice-activity detector called speech. */
  readonly speechSeconds: number;
  readonly samples: number;
  /** Samples at the clip level. */
  readonly clipped: number;
  /** Loudest sample's magnitude. */
  readonly peak: number;
  /** Mean power integrated over time (power × seconds), all frames and speech frames. */
  readonly powerSeconds: number;
  readonly speechPowerSeconds: number;
}

export const EMPTY_QUALITY_TOTALS: QualityTotals = { seconds: 0, speechSeconds: 0, samples: 0, clipped: 0, peak: 0, powerSeconds: 0, speechPowerSeconds: 0 };

/** Adds up one take's analysed frames. A retake starts a new tally. */
export class QualityTally {
  readonly #clipLevel: number;
  #totals: { -readonly [K in keyof QualityTotals]: QualityTotals[K] } = { ...EMPTY_QUALITY_TOTALS };

  constructor(clipLevel = DEFAULT_QUALITY_THRESHOLDS.clipLevel) {
    this.#clipLevel = clipLevel;
  }

  /** One analysed frame: time-domain samples in [-1, 1], the audio time it stands for, the VAD's call. */
  push(samples: Float32Array, seconds: number, speech: boolean): void {
    const totals = this.#totals;
    let sum = 0;
    for (let i = 0; i < samples.length; i += 1) {
      const sample = samples[i];
      const magnitude = Math.abs(sample);
      if (magnitude > totals.peak) totals.peak = magnitude;
      if (magnitude >= this.#clipLevel) totals.clipped += 1;
      sum += sample * sample;
    }
    totals.samples += samples.length;
    totals.seconds += seconds;
    // Power weighted by time, so a frame standing for a longer gap (a throttled tab) weighs more.
    const meanPower = samples.length ? sum / samples.length : 0;
    totals.powerSeconds += meanPower * seconds;
    if (speech) {
      totals.speechSeconds += seconds;
      totals.speechPowerSeconds += meanPower * seconds;
    }
  }

  get totals(): QualityTotals {
    return { ...this.#totals };
  }
}

/** The report for a take's totals, judged against the microphone the page opened. */
export function qualityReport(totals: QualityTotals, source: QualitySource, thresholds: Partial<QualityThresholds> = {}): QualityReport {
  const t = { ...DEFAULT_QUALITY_THRESHOLDS, ...thresholds };
  const { settings: { channelCount, ...settings } = {}, contextSampleRate } = source;
  const sampleRate = settings.sampleRate ?? contextSampleRate;
  const power =
    totals.speechSeconds > 0 ? totals.speechPowerSeconds / totals.speechSeconds : totals.seconds > 0 ? totals.powerSeconds / totals.seconds : 0;
  const levelDbfs = round(amplitudeDbfs(Math.sqrt(power)));
  const clippedRatio = totals.samples ? totals.clipped / totals.samples : 0;
  const silenceRatio = totals.seconds > 0 ? Math.max(0, 1 - totals.speechSeconds / totals.seconds) : 1;
  const issues: QualityIssue[] = [];
  if (silenceRatio > t.mostlySilenceRatio) issues.push(QUALITY_ISSUES.mostlySilence);
  if (levelDbfs < t.tooQuietDbfs) issues.push(QUALITY_ISSUES.tooQuiet);
  if (clippedRatio > t.clippingRatio) issues.push(QUALITY_ISSUES.clipping);
  if (sampleRate > 0 && sampleRate < t.minSampleRate) issues.push(QUALITY_ISSUES.lowSampleRate);
  if (PROCESSING.some((name) => settings[name] === true)) issues.push(QUALITY_ISSUES.processingOn);
  return {
    issues,
    levelDbfs,
    peakDbfs: round(amplitudeDbfs(totals.peak)),
    clippedRatio: round(clippedRatio, 5),
    silenceRatio: round(silenceRatio, 3),
    heardSeconds: round(totals.seconds, 2),
    sampleRate,
    channelCount: channelCount ?? 1,
    settings,
  };
}

function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
