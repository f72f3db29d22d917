/**
 * The reference speech count: Silero VAD (v5, the ONNX model shipped in
 * @ricky0123/vad-web) run offline in Node with onnxruntime-node, segmented the
 * way upstream's `get_speech_timestamps` does with its default settings:
 * 16 kHz, 512-sample windows fed with 64 samples of context, threshold 0.5
 * (speech ends below 0.35), min speech 250 ms, min silence 100 ms, pad 30 ms.
 *
 * `node scripts/vad/silero-reference.mjs FILE.wav…` prints seconds of speech per file.
 * Needs sox (resampling to 16 kHz mono float). Bench only: nothing here reaches dist/.
 * Its packages live in the bench's own package (bench/package.json), installed by
 * `npm run bench` (scripts/ensure-deps.sh bench), not by the root `npm ci`.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Resolves from the bench's own package, not the root install. */
const require = createRequire(new URL('../../bench/package.json', import.meta.url));
const SAMPLE_RATE = 16_000;
const WINDOW = 512;
const CONTEXT = 64;
export const SILERO_DEFAULTS = { threshold: 0.5, minSpeechMs: 250, minSilenceMs: 100, speechPadMs: 30 };

export function sileroModelPath() {
  return join(dirname(require.resolve('@ricky0123/vad-web/package.json')), 'dist', 'silero_vad_v5.onnx');
}

/** Mono float samples at 16 kHz, resampled by sox. */
export function readAudio16k(path) {
  const result = spawnSync('sox', ['-V1', path, '-t', 'f32', '-e', 'floating-point', '-r', String(SAMPLE_RATE), '-c', '1', '-'], {
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0) throw new Error(`sox could not read ${path}: ${result.stderr}`);
  const bytes = result.stdout;
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

let sessionPromise;
async function session() {
  const ort = await import(pathToFileURL(require.resolve('onnxruntime-node')).href);
  sessionPromise ??= ort.InferenceSession.create(sileroModelPath(), { intraOpNumThreads: 1, interOpNumThreads: 1 }).then((s) => ({ ort, s }));
  return sessionPromise;
}

/** Speech probability per 512-sample window (32 ms), state and context carried across windows. */
export async function speechProbabilities(audio) {
  const { ort, s } = await session();
  const sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(SAMPLE_RATE)]), []);
  let state = new ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
  let context = new Float32Array(CONTEXT);
  const probabilities = [];
  for (let start = 0; start < audio.length; start += WINDOW) {
    const input = new Float32Array(CONTEXT + WINDOW);
    input.set(context, 0);
    input.set(audio.subarray(start, Math.min(audio.length, start + WINDOW)), CONTEXT); // the last window is zero-padded
    context = input.slice(WINDOW);
    const out = await s.run({ input: new ort.Tensor('float32', input, [1, CONTEXT + WINDOW]), state, sr });
    state = out.stateN;
    probabilities.push(out.output.data[0]);
  }
  return probabilities;
}

/** Upstream's get_speech_timestamps over window probabilities; returns [{ start, end }] in samples. */
export function speechTimestamps(probabilities, audioLength, options = SILERO_DEFAULTS) {
  const ms = (value) => (SAMPLE_RATE * value) / 1000;
  const minSpeech = ms(options.minSpeechMs);
  const minSilence = ms(options.minSilenceMs);
  const pad = ms(options.speechPadMs);
  const negThreshold = Math.max(options.threshold - 0.15, 0.01);
  const speeches = [];
  let triggered = false;
  let current = {};
  let tempEnd = 0;
  probabilities.forEach((probability, i) => {
    const at = WINDOW * i;
    if (probability >= options.threshold && tempEnd) tempEnd = 0;
    if (probability >= options.threshold && !triggered) {
      triggered = true;
      current.start = at;
      return;
    }
    if (probability < negThreshold && triggered) {
      if (!tempEnd) tempEnd = at;
      if (at - tempEnd < minSilence) return;
      current.end = tempEnd;
      if (current.end - current.start > minSpeech) speeches.push(current);
      current = {};
      tempEnd = 0;
      triggered = false;
    }
  });
  if (current.start !== undefined && audioLength - current.start > minSpeech) speeches.push({ start: current.start, end: audioLength });
  speeches.forEach((speech, i) => {
    if (i === 0) speech.start = Math.max(0, speech.start - pad);
    if (i < speeches.length - 1) {
      const next = speeches[i + 1];
      const silence = next.start - speech.end;
      if (silence < 2 * pad) {
        speech.end += Math.floor(silence / 2);
        next.start = Math.max(0, next.start - Math.floor(silence / 2));
      } else {
        speech.end = Math.min(audioLength, speech.end + pad);
        next.start = Math.max(0, next.start - pad);
      }
    } else {
      speech.end = Math.min(audioLength, speech.end + pad);
    }
  });
  return speeches;
}

/** Seconds of speech Silero finds in an audio file, and the segments (seconds). */
export async function referenceSpeech(path) {
  const audio = readAudio16k(path);
  const segments = speechTimestamps(await speechProbabilities(audio), audio.length);
  const seconds = segments.reduce((sum, { start, end }) => sum + (end - start), 0) / SAMPLE_RATE;
  return { seconds, durationSeconds: audio.length / SAMPLE_RATE, segments: segments.map(({ start, end }) => [start / SAMPLE_RATE, end / SAMPLE_RATE]) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const path of process.argv.slice(2)) {
    const { seconds, durationSeconds } = await referenceSpeech(path);
    console.log(`${path}\t${seconds.toFixed(2)} s speech in ${durationSeconds.toFixed(2)} s`);
  }
}
