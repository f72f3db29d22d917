#!/usr/bin/env node
/**
 * `npm run screens`: renders the element's main states at 390 × 844 (a
 * phone) in English and Japanese into PNGs under docs/screens/, so a host
 * developer sees the element before installing it. Runs the demo's Vite
 * server (mock thymia) and Debian's Chromium with a fake microphone playing
 * test/fixtures/speech.wav (made by scripts/make-fixtures.sh).
 *
 *   npm run screens                 # every state, en and ja
 *   SCREENS_LANGS=en npm run screens
 *   SCREENS_WIDTH=320 SCREENS_OUT=/tmp/screens-320 npm run screens   # another phone, elsewhere
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeMicrophoneArgs } from './chromium-args.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.env.SCREENS_OUT ?? `${root}docs/screens`;
const langs = (process.env.SCREENS_LANGS ?? 'en,ja').split(',');
const VIEWPORT = { width: Number(process.env.SCREENS_WIDTH ?? 390), height: 844 };

execFileSync('bash', [`${root}scripts/make-fixtures.sh`], { stdio: 'ignore' });
mkdirSync(out, { recursive: true });

const server = await createServer({ root, configFile: `${root}vite.config.ts`, server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, ...fakeMicrophoneArgs(`${root}test/fixtures/speech.wav`)],
});

/** Runs in the page: the element's state and whether a part is there (and enabled). */
const probe = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 60_000, polling: 100 });
const inState = (page, state) => probe(page, (wanted) => document.querySelector('thymia-recorder')?.getAttribute('state') === wanted, state);
const enabled = (page, part) =>
  probe(page, (name) => {
    const found = document.querySelector('thymia-recorder')?.shadowRoot?.querySelector(`[part~="${name}"]`);
    return !!found && !found.disabled;
  }, part);
const press = (page, part) => page.locator(`thymia-recorder >> [part~="${part}"]`).first().click();

/** The element, settled, as one picture (its own height), and the phone screen as the person sees it. */
async function shoot(page, name, { screen = false } = {}) {
  await page.evaluate(() => document.querySelector('thymia-recorder').updateComplete);
  await page.waitForTimeout(400);
  const file = `${out}/${name}.png`;
  if (screen) await page.screenshot({ path: file });
  else await page.locator('thymia-recorder').screenshot({ path: file });
  console.log(file);
}

async function open(query) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(`${base}scripts/screens/page.html?${new URLSearchParams(query)}`);
  await inState(page, 'idle');
  await page.evaluate(() => document.querySelector('thymia-recorder').updateComplete);
  return page;
}

try {
  for (const lang of langs) {
    // Helios: idle, recording, review, results.
    let page = await open({ lang, 'min-speech-seconds': '4' });
    await shoot(page, `${lang}-helios-1-idle`);
    await press(page, 'record-button');
    await inState(page, 'recording');
    await page.waitForTimeout(2500);
    await shoot(page, `${lang}-helios-2-recording`, { screen: true });
    await enabled(page, 'submit-button');
    await press(page, 'stop-button');
    await inState(page, 'recorded');
    await shoot(page, `${lang}-helios-3-review`);
    await press(page, 'submit-button');
    await inState(page, 'complete');
    await shoot(page, `${lang}-helios-4-results`);
    await page.close();

    // Apollo: the read-aloud step before and while recording, the review of both takes, the patient's ending.
    page = await open({ lang, model: 'apollo', 'min-speech-seconds': '3' });
    await shoot(page, `${lang}-apollo-1-mood-question`);
    await press(page, 'record-button');
    await inState(page, 'recording');
    await enabled(page, 'next-button');
    await press(page, 'stop-button');
    await inState(page, 'recorded');
    await press(page, 'next-button');
    await inState(page, 'idle');
    await shoot(page, `${lang}-apollo-2-read-aloud`, { screen: true });
    await press(page, 'record-button');
    await inState(page, 'recording');
    await page.waitForTimeout(2500);
    await shoot(page, `${lang}-apollo-3-read-aloud-recording`, { screen: true });
    await enabled(page, 'submit-button');
    await press(page, 'stop-button');
    await inState(page, 'recorded');
    await shoot(page, `${lang}-apollo-4-review`);
    await press(page, 'submit-button');
    await inState(page, 'complete');
    await shoot(page, `${lang}-apollo-5-done`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
