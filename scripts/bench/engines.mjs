/**
 * Upload bytes per minute per browser engine: the built element, left at its
 * default `audio-bits-per-second` (64 kb/s), records for BENCH_ENGINE_SECONDS
 * (default 25) from each engine's fake microphone, Stop is clicked, and with
 * `auto-submit` it PUTs the take to the bench server, which counts the body
 * bytes. Bytes per minute = PUT bytes / the element's own `durationSeconds`
 * (from `thymia-recording-stop`) × 60; the wall time between the
 * recording-start event and the Stop click is shown beside it.
 *
 * - Chromium: playwright-core, Debian's Chromium with the shared flags and
 *   test/fixtures/speech.wav as the microphone.
 * - Firefox ESR: puppeteer-core over WebDriver BiDi with Firefox's fake media
 *   (a tone, not speech; its AudioContext needs a running PulseAudio).
 * - WebKitGTK (Safari's engine): MiniBrowser through WebKitWebDriver under
 *   Xvfb, with WebKit's mock capture device (a tone pattern); AAC in MP4.
 *
 * The tone microphones hold no speech, so the page sets `min-speech-seconds="0"`
 * for every engine (the speech minimum is not what is measured here). The
 * element records inside a `display: none` container: what it encodes does not
 * depend on its rendering, and its recording view (a pulsing dot, meters easing
 * 10 times a second) redraws at 60 fps, which costs WebKitGTK in software under
 * Xvfb more than a core (27.7 CPU-s for a 20 s take shown, 3.9 hidden) — enough
 * to starve the speech-count bench these takes run beside. An engine that
 * cannot be driven gets `n/a` and the reason, never a number.
 */
import { CHROMIUM_ARGS, fakeMicrophoneArgs } from '../chromium-args.mjs';
import { FIREFOX_FAKE_MEDIA_PREFS, FIREFOX_PATH } from '../firefox-prefs.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The contract's "Upload size": the default 64,000 b/s plus 3 % container overhead, a minute. */
const BUDGET_BYTES_PER_MINUTE = 494_400;
const MINIBROWSER = process.env.WEBKIT_MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const WEBKIT_WEBDRIVER = process.env.WEBKIT_WEBDRIVER_PATH ?? 'WebKitWebDriver';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

// ── Drivers: each opens the take page and calls `window.benchTake[method](...args)` ──

export async function chromiumDriver({ chromium, chromiumPath, wav }) {
  if (!chromium) throw new Error('playwright-core not installed');
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} not found`);
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: [...CHROMIUM_ARGS, ...fakeMicrophoneArgs(wav)] });
  const page = await (await browser.newContext()).newPage();
  return {
    microphone: 'test/fixtures/speech.wav (looped)',
    version: `Chromium ${browser.version()}`,
    goto: (url) => page.goto(url),
    call: (method, ...args) => page.evaluate(([name, values]) => window.benchTake[name](...values), [method, args]),
    ready: () => page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 }),
    close: () => browser.close(),
  };
}

/** PulseAudio answers (Firefox's AudioContext fails without it); started here when it does not. */
function ensurePulseAudio() {
  if (spawnSync('pactl', ['info'], { stdio: 'ignore' }).status === 0) return 'running';
  if (!onPath('pulseaudio')) throw new Error('no PulseAudio (Firefox needs one for its AudioContext)');
  const started = spawnSync('pulseaudio', ['-D', '--exit-idle-time=-1'], { stdio: 'ignore' });
  if (started.status !== 0 || spawnSync('pactl', ['info'], { stdio: 'ignore' }).status !== 0) throw new Error('pulseaudio -D failed');
  return 'started by the bench (pulseaudio -D)';
}

export async function firefoxDriver() {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`${FIREFOX_PATH} not found`);
  const pulse = ensurePulseAudio();
  const puppeteer = (await import('puppeteer-core')).default;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // The same fake media as the Firefox test group (web-test-runner.config.mjs).
    extraPrefsFirefox: FIREFOX_FAKE_MEDIA_PREFS,
  });
  const page = await browser.newPage();
  return {
    microphone: `Firefox fake media (a tone; PulseAudio ${pulse})`,
    version: `Firefox ${(await browser.version()).replace(/^firefox\//i, '')}`,
    goto: (url) => page.goto(url),
    call: (method, ...args) => page.evaluate((name, values) => window.benchTake[name](...values), method, args),
    ready: () => page.waitForFunction(() => window.benchReady === true, { timeout: 30_000 }),
    close: () => browser.close(),
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Classic WebDriver over plain HTTP (all WebKitWebDriver speaks). */
async function webdriver(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${answer.value?.error ?? response.status} ${answer.value?.message ?? ''}`.trim());
  return answer.value;
}

export async function webkitDriver() {
  if (!existsSync(MINIBROWSER)) throw new Error(`${MINIBROWSER} not found`);
  if (!onPath(WEBKIT_WEBDRIVER)) throw new Error(`${WEBKIT_WEBDRIVER} not on PATH`);
  if (!process.env.DISPLAY && !onPath('xvfb-run')) throw new Error('no DISPLAY and no xvfb-run');
  // The mock-microphone flags the WebKit test group uses.
  const { WEBKIT_MEDIA_ARGS } = await import('../webkitgtk-launcher.mjs');
  const port = await freePort();
  const command = [WEBKIT_WEBDRIVER, `--port=${port}`];
  const [program, ...args] = process.env.DISPLAY ? command : ['xvfb-run', '-a', '-s', '-screen 0 1280x1024x24', ...command];
  // Its own process group: stopping it stops Xvfb and the MiniBrowser it started.
  const driver = spawn(program, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  driver.stderr.on('data', (data) => (stderr = (stderr + data).slice(-2000)));
  const kill = () => {
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode}): ${stderr.trim()}`);
      const ok = await fetch(`${base}/status`).then((response) => response.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error('WebKitWebDriver did not answer within 30 s');
      await sleep(100);
    }
    const session = await webdriver(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: WEBKIT_MEDIA_ARGS } } },
    });
    const at = `/session/${session.sessionId}`;
    await webdriver(base, 'POST', `${at}/timeouts`, { script: 180_000, pageLoad: 60_000 });
    // Async script: the last argument is WebDriver's callback; a rejection comes back as { error }.
    const script = `const [name, values, done] = arguments;
      Promise.resolve().then(() => window.benchTake[name](...values))
        .then((value) => done({ value: value === undefined ? null : value }), (error) => done({ error: String((error && error.message) || error) }));`;
    return {
      microphone: 'WebKit mock capture device (a tone pattern)',
      version: `WebKitGTK MiniBrowser ${session.capabilities?.browserVersion ?? ''}`.trim(),
      goto: (url) => webdriver(base, 'POST', `${at}/url`, { url }),
      call: async (method, ...args) => {
        const answer = await webdriver(base, 'POST', `${at}/execute/async`, { script, args: [method, args] });
        if (answer?.error) throw new Error(answer.error);
        return answer?.value;
      },
      ready: async () => {
        const deadline = Date.now() + 30_000;
        while (!(await webdriver(base, 'POST', `${at}/execute/sync`, { script: 'return window.benchReady === true', args: [] }))) {
          if (Date.now() > deadline) throw new Error('take page not ready within 30 s');
          await sleep(100);
        }
      },
      close: async () => {
        await webdriver(base, 'DELETE', at).catch(() => undefined);
        kill();
      },
    };
  } catch (error) {
    kill();
    throw error;
  }
}

// ── One take per engine ──

export async function measure(open, { server, seconds, attributes = {} }) {
  const browser = await open();
  try {
    await browser.goto(`${server.origin}/take.html`);
    await browser.ready();
    const { id, run, uploadUrl, statusUrl } = server.newRun({ processingMs: 300 });
    const { userAgent } = await browser.call('mount', {
      'upload-url': uploadUrl,
      'status-url': statusUrl,
      'auto-submit': '',
      'min-speech-seconds': '0',
      'poll-interval': '1000',
      // Past the take, so only Stop ends it.
      'max-seconds': String(seconds + 60),
      ...attributes,
    }, { hidden: true });
    const startAt = await browser.call('record');
    await sleep(seconds * 1000);
    const stopAt = await browser.call('stop');
    const seen = await browser.call('waitFor', 'uploadCompleteAt', 60_000);
    const upload = run.upload;
    if (!upload?.endAt) throw new Error(`no upload reached the server (run ${id})`);
    return {
      version: browser.version,
      userAgent,
      microphone: browser.microphone,
      bytes: upload.bytes,
      contentType: upload.contentType,
      mimeType: seen.stop?.mimeType,
      eventSize: seen.stop?.size,
      durationSeconds: seen.stop?.durationSeconds,
      wallSeconds: (stopAt - startAt) / 1000,
    };
  } finally {
    await browser.close();
  }
}

/**
 * Runs the engines one after another (bytes do not depend on load, so this may
 * overlap other parts) and hands each figure to `figure`; returns the table rows.
 */
export async function enginesBench({ root, chromium, chromiumPath, server, figure }) {
  const seconds = Math.max(5, Number(process.env.BENCH_ENGINE_SECONDS ?? (process.env.BENCH_QUICK === '1' ? 10 : 25)));
  const wav = join(root, 'test', 'fixtures', 'speech.wav');
  const only = process.env.BENCH_ENGINES?.split(',').map((name) => name.trim());
  const engines = [
    { name: 'chromium', budget: `<= ${BUDGET_BYTES_PER_MINUTE}`, open: () => chromiumDriver({ chromium, chromiumPath, wav }) },
    { name: 'firefox', budget: `<= ${BUDGET_BYTES_PER_MINUTE}`, open: firefoxDriver },
    { name: 'webkit', budget: `<= ${BUDGET_BYTES_PER_MINUTE}`, open: webkitDriver },
  ].filter(({ name }) => !only || only.includes(name));
  const rows = [];
  const notes = [];
  for (const engine of engines) {
    let result;
    try {
      if (engine.name === 'chromium' && !existsSync(wav)) throw new Error('test/fixtures/speech.wav missing (bash scripts/make-fixtures.sh)');
      result = await measure(engine.open, { server, seconds });
    } catch (error) {
      const reason = String(error?.message ?? error).split('\n')[0];
      figure(`upload.${engine.name}.bytesPerMinute`, NaN, 'bytes', engine.budget, reason);
      rows.push([engine.name, 'n/a', '', '', '', '', reason]);
      notes.push(`${engine.name}: n/a — ${reason}`);
      continue;
    }
    const perMinute = (result.bytes / result.durationSeconds) * 60;
    figure(`upload.${engine.name}.bytesPerMinute`, perMinute, 'bytes', engine.budget);
    figure(`upload.${engine.name}.kbps`, (result.bytes * 8) / result.durationSeconds / 1000, 'kb/s');
    figure(`upload.${engine.name}.mimeType`, result.mimeType ?? 'unknown', 'mime');
    rows.push([
      engine.name,
      Math.round(perMinute),
      ((result.bytes * 8) / result.durationSeconds / 1000).toFixed(1),
      result.bytes,
      `${result.durationSeconds.toFixed(2)} / ${result.wallSeconds.toFixed(2)}`,
      `${result.mimeType} (PUT ${result.contentType})`,
      `${result.version}; ${result.microphone}${result.eventSize === result.bytes ? '' : `; event size ${result.eventSize} ≠ PUT`}`,
    ]);
  }
  return {
    print(table) {
      console.log(`\nUpload bytes per minute per engine (built element in a display:none container, default audio-bits-per-second = 64 kb/s, ${seconds} s take, Stop clicked, auto-submit PUT to the bench server; per minute = PUT bytes / the element's durationSeconds × 60):\n`);
      table(['engine', 'bytes/min', 'kb/s', 'PUT bytes', 'element s / wall s', 'mime type', 'browser; microphone'], rows);
      for (const note of notes) console.log(`  ! ${note}`);
    },
  };
}
