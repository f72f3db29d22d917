/**
 * Replays the fixtures through the element's own speech counter in Node
 * (src/capture/speech-frames.ts + voice-activity.ts, bundled with esbuild):
 * the same frames and decisions the browser makes, in seconds instead of
 * minutes. For tuning; the bench's browser run is the figure that counts.
 * Where a fixture is off, frame by frame against Silero: scripts/vad/compare.mjs.
 *
 * `node scripts/vad/replay.mjs [FIXTURE…]` (names from .bench/vad, default all);
 * VAD options as JSON in VAD_OPTIONS, e.g. VAD_OPTIONS='{"marginDb":6}'.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { referenceSpeech } from './silero-reference.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, '.bench', 'vad');
const out = join(mkdtempSync(join(tmpdir(), 'vad-replay-')), 'counter.mjs');
await build({
  stdin: {
    contents: `export { SpeechFrames } from './src/capture/speech-frames.ts'; export { VoiceActivityDetector } from './src/capture/voice-activity.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: out,
  logLevel: 'error',
});
const { SpeechFrames, VoiceActivityDetector } = await import(pathToFileURL(out).href);
const options = JSON.parse(process.env.VAD_OPTIONS ?? '{}');

function read48k(path) {
  const result = spawnSync('sox', ['-V1', path, '-t', 'f32', '-e', 'floating-point', '-r', '48000', '-c', '1', '-'], { maxBuffer: 1 << 30 });
  const bytes = result.stdout;
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

const names = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(dir).filter((n) => n.endsWith('.wav')).map((n) => basename(n, '.wav')).sort();
let cpuSeconds = 0;
let audioSeconds = 0;
for (const name of names) {
  const path = join(dir, `${name}.wav`);
  const audio = read48k(path);
  const vad = new VoiceActivityDetector(options);
  const frames = new SpeechFrames(48_000, (features, seconds) => vad.push(features, seconds));
  const t0 = process.cpuUsage();
  for (let i = 0; i < audio.length; i += 4096) frames.push(audio.subarray(i, i + 4096));
  const used = process.cpuUsage(t0);
  cpuSeconds += (used.user + used.system) / 1e6;
  audioSeconds += audio.length / 48_000;
  const { seconds: reference } = await referenceSpeech(path);
  const error = vad.speechSeconds - reference;
  console.log(
    `${name.padEnd(22)} ref ${reference.toFixed(2).padStart(6)}  counter ${vad.speechSeconds.toFixed(2).padStart(6)}  ${error >= 0 ? '+' : ''}${error.toFixed(2)} s  ${reference > 0 ? `${((error / reference) * 100).toFixed(1)} %` : ''}`,
  );
}
console.log(`counter CPU: ${((cpuSeconds / audioSeconds) * 100).toFixed(2)} % of a core (Node, this machine)`);
writeFileSync(out, '');
