// @ts-check
/**
 * Upload bytes per minute per engine and per requested rate: the built element records for
 * CALIBRATE_SECONDS (default 20) at `audio-bits-per-second` = 32, 48, 64 and 96 kb/s in Chromium,
 * Firefox ESR and WebKitGTK (their fake microphones, as in engines.mjs), then, in Chromium, from a
 * silent file too. Each line is the PUT's bytes per minute against the contract's ceiling (the rate
 * plus 3 % container overhead), and the ratio of what arrived to what was asked: the figures the
 * per-engine calibration in src/capture/bitrate.ts is taken from.
 *
 *   npx vite build && node scripts/bench/calibrate-bitrate.mjs
 *   CALIBRATE_ENGINES=webkit CALIBRATE_RATES=64000 node scripts/bench/calibrate-bitrate.mjs
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from '../chromium-args.mjs';
import { startBenchServer } from './bench-server.mjs';
import { chromiumDriver, firefoxDriver, measure, webkitDriver } from './engines.mjs';
import { benchPages } from './pages.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seconds = Number(process.env.CALIBRATE_SECONDS ?? 20);
const rates = (process.env.CALIBRATE_RATES ?? '32000,48000,64000,96000').split(',').map(Number);
const only = process.env.CALIBRATE_ENGINES?.split(',');
const speech = join(root, 'test/fixtures/speech.wav');
const silence = join(root, 'test/fixtures/silence.wav');
const engines = [
  { name: 'chromium', open: () => chromiumDriver({ chromium, chromiumPath: CHROMIUM_PATH, wav: speech }) },
  { name: 'chromium-silence', open: () => chromiumDriver({ chromium, chromiumPath: CHROMIUM_PATH, wav: silence }) },
  { name: 'firefox', open: firefoxDriver },
  { name: 'webkit', open: webkitDriver },
].filter(({ name }) => !only || only.some((wanted) => name.startsWith(wanted)));

const server = await startBenchServer(root, benchPages());
try {
  for (const engine of engines) {
    for (const rate of rates) {
      try {
        const result = await measure(engine.open, { server, seconds, attributes: { 'audio-bits-per-second': String(rate) } });
        const perMinute = (result.bytes / result.durationSeconds) * 60;
        const ceiling = (rate / 8) * 60 * 1.03;
        console.log(
          `calibrate.${engine.name}.${rate / 1000}k ${Math.round(perMinute)} B/min (ceiling ${Math.round(ceiling)}; ${perMinute <= ceiling ? 'inside' : 'OVER'}; ` +
            `arrived/asked ${(perMinute / ((rate / 8) * 60)).toFixed(3)}; ${result.mimeType}; ${result.durationSeconds.toFixed(1)} s)`,
        );
      } catch (error) {
        console.log(`calibrate.${engine.name}.${rate / 1000}k n/a (${String(error instanceof Error ? error.message : error).split('\n')[0]})`);
      }
    }
  }
} finally {
  await server.close?.();
}
process.exit(0);
