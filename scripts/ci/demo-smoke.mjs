// @ts-check
/**
 * CI's first-run check: starts `npm run demo` exactly as the README says (no extra environment),
 * reads the URL Vite prints, loads the page in Debian's Chromium and waits until the element has
 * rendered an enabled Record button. Prints what a newcomer would see, then stops the server.
 *
 *   node scripts/ci/demo-smoke.mjs
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { recordButtonEnabled } from '../record-button.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium-args.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

// A process group of its own, so stopping it also stops Vite under npm.
const demo = spawn('npm', ['run', 'demo'], { cwd: repo, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
const stop = () => {
  try {
    if (demo.pid) process.kill(-demo.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stop);

/** @returns {Promise<string>} the local URL Vite prints once it listens */
const listening = new Promise((resolve, reject) => {
  const read = (/** @type {Buffer} */ chunk) => {
    output += chunk.toString();
    const url = output.replace(/\x1b\[[0-9;]*m/g, '').match(/Local:\s+(http:\/\/\S+)/)?.[1];
    if (url) resolve(url);
  };
  demo.stdout.on('data', read);
  demo.stderr.on('data', read);
  demo.on('exit', (code) => reject(new Error(`npm run demo exited (${code}) before it listened:\n${output}`)));
  setTimeout(() => reject(new Error(`npm run demo printed no URL in 60 s:\n${output}`)), 60_000).unref();
});

let failed = false;
try {
  const url = await listening;
  console.log(`demo: npm run demo listening at ${url} after ${elapsed()}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
  try {
    const page = await browser.newPage();
    const problems = /** @type {string[]} */ ([]);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.goto(url);
    // Playwright's CSS locators pierce open shadow roots: this is the element's own button.
    const record = page.locator('thymia-recorder [part~="record-button"]');
    await record.waitFor({ state: 'visible', timeout: 60_000 });
    await recordButtonEnabled(page);
    console.log(`demo: the element rendered an enabled Record button ("${(await record.innerText()).trim()}") after ${elapsed()}`);
    if (problems.length) throw new Error(`the demo page logged errors:\n${problems.join('\n')}`);
  } finally {
    await browser.close();
  }
} catch (error) {
  failed = true;
  console.error(`demo: FAILED after ${elapsed()}: ${error instanceof Error ? error.message : String(error)}`);
  console.error(output);
} finally {
  stop();
}
process.exit(failed ? 1 : 0);
