/**
 * Where the element's speech counter and Silero disagree, frame by frame (32 ms at 16 kHz):
 * the seconds each misses or adds, sorted by where they sit against the other's segments
 * (a segment's head or tail, a gap inside one, or a whole segment), then each stretch of
 * disagreement with its level, noise floor, voicing, flatness and voice-band share. For
 * finding *why* a fixture is off before changing the detector; replay.mjs gives the totals.
 *
 * `node scripts/vad/compare.mjs FIXTURE [--frames]` (a name from .bench/vad; --frames lists
 * every frame of each stretch with Silero's probability). VAD options as JSON in VAD_OPTIONS.
 * Frames are decided with the detector's look-ahead; the last ones (under the look-ahead) are left out.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { readAudio16k, speechProbabilities, speechTimestamps } from './silero-reference.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [name] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (!name) throw new Error('usage: node scripts/vad/compare.mjs FIXTURE [--frames]');
const showFrames = process.argv.includes('--frames');
const out = join(mkdtempSync(join(tmpdir(), 'vad-compare-')), 'counter.mjs');
await build({
  stdin: { contents: `export { SpeechFrames, FRAME_SECONDS } from './src/capture/speech-frames.ts'; export { VoiceActivityDetector } from './src/capture/voice-activity.ts';`, resolveDir: root, loader: 'ts' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: out,
  logLevel: 'error',
});
const { SpeechFrames, FRAME_SECONDS, VoiceActivityDetector } = await import(pathToFileURL(out).href);
const path = join(root, '.bench', 'vad', `${name}.wav`);
const sox = spawnSync('sox', ['-V1', path, '-t', 'f32', '-e', 'floating-point', '-r', '48000', '-c', '1', '-'], { maxBuffer: 1 << 30 });
const audio = new Float32Array(sox.stdout.buffer.slice(sox.stdout.byteOffset, sox.stdout.byteOffset + sox.stdout.byteLength));

// Silero's frames: inside one of its segments (upstream's padding and joins included).
const audio16k = readAudio16k(path);
const probabilities = await speechProbabilities(audio16k);
const reference = new Array(probabilities.length).fill(false);
for (const { start, end } of speechTimestamps(probabilities, audio16k.length)) {
  for (let i = Math.floor(start / 512); i < Math.min(reference.length, Math.ceil(end / 512)); i += 1) reference[i] = true;
}

// Ours: the count grows when a frame settles (a look-ahead later); a jump of several frames counts a run held back until it showed enough voicing.
const vad = new VoiceActivityDetector(JSON.parse(process.env.VAD_OPTIONS ?? '{}'));
const features = [];
const counted = [];
let settled = 0;
const frames = new SpeechFrames(48_000, (frame, seconds) => {
  features.push({ ...frame, floorDb: vad.noiseFloorDb });
  const before = vad.speechSeconds;
  vad.push(frame, seconds);
  // Frames settle in order, once the look-ahead holds lookaheadSeconds of later ones.
  const pending = Math.ceil(0.3 / FRAME_SECONDS);
  while (settled < features.length - pending) counted[settled++] = false;
  const frameCount = Math.round((vad.speechSeconds - before) / FRAME_SECONDS);
  for (let k = 0; k < frameCount; k += 1) counted[settled - 1 - k] = true;
});
for (let i = 0; i < audio.length; i += 4096) frames.push(audio.subarray(i, i + 4096));

const n = Math.min(settled, reference.length);
const seconds = (count) => (count * FRAME_SECONDS).toFixed(2);
const runsOf = (test) => {
  const runs = [];
  for (let i = 0; i < n; i += 1) {
    if (!test(i)) continue;
    if (runs.length && runs.at(-1).end === i) runs.at(-1).end = i + 1;
    else runs.push({ start: i, end: i + 1 });
  }
  return runs;
};
const place = (run, other) => {
  const before = run.start > 0 && other[run.start - 1];
  const after = run.end < n && other[run.end];
  return before && after ? 'gap' : before ? 'tail' : after ? 'head' : 'whole';
};
const referenceSeconds = reference.filter(Boolean).length * FRAME_SECONDS;
console.log(`${name}: Silero ${referenceSeconds.toFixed(2)} s (whole frames), ours ${vad.speechSeconds.toFixed(2)} s (frames judged: ${n} of ${features.length})`);
const stretches = [
  ...runsOf((i) => reference[i] && !counted[i]).map((run) => ({ ...run, kind: 'missed', where: place(run, counted) })),
  ...runsOf((i) => counted[i] && !reference[i]).map((run) => ({ ...run, kind: 'added', where: place(run, reference) })),
].sort((a, b) => a.start - b.start);
for (const kind of ['missed', 'added']) {
  const totals = { head: 0, tail: 0, gap: 0, whole: 0 };
  for (const run of stretches.filter((run) => run.kind === kind)) totals[run.where] += run.end - run.start;
  console.log(`${kind.padEnd(6)} ${Object.entries(totals).map(([where, count]) => `${where} ${seconds(count)} s`).join(', ')}  (where, against the ${kind === 'missed' ? 'counted' : 'reference'} segments)`);
}
const mean = (run, key) => run.frames.reduce((sum, frame) => sum + frame[key], 0) / run.frames.length;
for (const run of stretches) {
  run.frames = features.slice(run.start, run.end);
  console.log(
    `${run.kind.padEnd(6)} ${run.where.padEnd(5)} ${seconds(run.start).padStart(6)}–${seconds(run.end).padStart(6)} s  level ${mean(run, 'levelDb').toFixed(1)} dBFS, floor ${mean(run, 'floorDb').toFixed(1)}, voicing ${mean(run, 'periodicity').toFixed(2)}, flatness ${mean(run, 'flatness').toFixed(2)}, voice band ${mean(run, 'voiceBandRatio').toFixed(2)}`,
  );
  if (!showFrames) continue;
  run.frames.forEach((frame, k) => {
    const i = run.start + k;
    console.log(`    ${seconds(i)} s  Silero p ${probabilities[i].toFixed(2)}  level ${frame.levelDb.toFixed(1)}  voicing ${frame.periodicity.toFixed(2)}  pitch ${(frame.pitchHz ?? 0).toFixed(0)} Hz  flatness ${frame.flatness.toFixed(2)}  voice band ${frame.voiceBandRatio.toFixed(2)}`);
  });
}
writeFileSync(out, '');
