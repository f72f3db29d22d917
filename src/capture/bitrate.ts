/**
 * The rate handed to MediaRecorder so that an upload costs what
 * `audio-bits-per-second` says: at most that rate plus 3 % container
 * overhead per second of recording, in every engine. Encoders differ, so each
 * engine whose encoder overshoots is handed a calibrated rate. Measured with
 * `scripts/bench/calibrate-bitrate.mjs` (15 s takes at 32, 48, 64, 96 kb/s):
 *
 * - Chromium's Opus (WebM) holds its rate (0.96–1.02 of it, speech or
 *   silence): handed the rate as asked.
 * - Firefox's Opus in WebM adds a fixed cost to the asked rate (about
 *   3.5 kb/s of WebM block headers and Opus framing: 1.15 × the asked rate at
 *   29 kb/s, 1.05 at 86) and wanders with the sound (up to ±6 % between runs):
 *   asked for the rate that lands at 92 % of the wanted one. (Asked for a
 *   flat 90 %, it still went over at 32 kb/s: 247,893 B a minute.)
 * - WebKit's AAC in MP4 overshoots most at low rates (1.25 at 32 kb/s, 1.10
 *   at 96): what arrives is about 1.024 × the asked rate + 7.8 kb/s (ADTS-free
 *   AAC frames plus MP4 sample tables), so it is asked for the rate that lands
 *   at 97 % of the wanted one.
 */

/** How one engine's encoder turns an asked rate into upload bytes: arrived ≈ slope × asked + fixedBitsPerSecond. */
interface EncoderModel {
  readonly slope: number;
  readonly fixedBitsPerSecond: number;
  /** The share of the wanted rate to land at (headroom under the 3 % allowance for run-to-run wander). */
  readonly target: number;
}

export const ENCODER_MODELS = {
  aacInMp4: { slope: 1.024, fixedBitsPerSecond: 7_762, target: 0.97 },
  firefoxOpus: { slope: 1, fixedBitsPerSecond: 3_500, target: 0.92 },
} as const satisfies Record<string, EncoderModel>;

/** Below this an encoder gives up on speech (and Opus' own floor is 6 kb/s). */
const LOWEST_BITS_PER_SECOND = 8_000;

/** Which calibration applies: by the container the engine chose, and for Opus by the engine. */
export function encoderModel(mimeType: string, userAgent: string): EncoderModel | undefined {
  if (/^audio\/mp4\b/i.test(mimeType)) return ENCODER_MODELS.aacInMp4;
  // Gecko's Opus is the one whose rate wanders; Chromium's holds it.
  if (/\bFirefox\//.test(userAgent)) return ENCODER_MODELS.firefoxOpus;
  return undefined;
}

/** The `audioBitsPerSecond` to give MediaRecorder for an upload of `wanted` bits a second. */
export function encoderBitrate(wanted: number, mimeType: string, userAgent: string): number {
  const model = encoderModel(mimeType, userAgent);
  if (!model) return wanted;
  const asked = (wanted * model.target - model.fixedBitsPerSecond) / model.slope;
  return Math.max(LOWEST_BITS_PER_SECOND, Math.round(asked));
}
