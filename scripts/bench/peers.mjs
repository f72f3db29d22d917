/**
 * Usable sooner than a peer, side by side in one run (issue 25 item 5): the
 * built element and media-chrome (bench/package.json), each on a plain page
 * that loads it by a module script tag, in Debian's Chromium (playwright-core
 * over CDP), at 4× CPU (Emulation.setCPUThrottlingRate) and on an emulated
 * network (Network.emulateNetworkConditions: 100 ms round trip, 9 Mbit/s down,
 * 1.5 Mbit/s up — DevTools' "Fast 4G" throughput with the round trip the issue
 * names). Both served gzip -9 from the same loopback server. Every load is
 * cold (a fresh browser context: no cache, no open connection); the two pages
 * alternate, one warm-up load each is not counted; BENCH_PEER_RUNS (default 7).
 *
 * Per load:
 * - usable: performance.now() (from the navigation's start) in the first
 *   animation frame in which the control can be used (the probe then logs
 *   `bench-usable`; nothing polls the page from outside during the load) — ours: the element's
 *   Record button present, enabled and laid out (scripts/record-button.mjs's
 *   test plus a box); media-chrome: `<media-play-button>` defined and upgraded
 *   (an instance of its registered class), its shadow root rendered, not
 *   disabled (focusable, role=button), laid out, and joined to its
 *   `<media-controller>` (the controller has set `mediapaused` on it, so a
 *   click would play). A probe polls once per frame, in a classic inline
 *   script before the module script.
 * - long tasks: a trace of the load (CDP Tracing, category `toplevel`): every
 *   task on the page's renderer main thread (ThreadControllerImpl::RunTask,
 *   wall time, throttling included, as the Long Tasks API counts it) that
 *   overlaps navigation start → usable; the longest and how many last > 50 ms.
 * - round trips: the files fetched before usable (Resource Timing at the
 *   usable frame: scripts, and anything they fetch), chained by who asked for each (CDP
 *   Network.requestWillBeSent `initiator`: the page's parser = round 1, a
 *   file imported by a round-n file = round n + 1). The page itself is not
 *   counted.
 */
import { CHROMIUM_ARGS } from '../chromium-args.mjs';
import { machineBusy, machineTimes } from './flow.mjs';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export const NETWORK = Object.freeze({ offline: false, latency: 100, downloadThroughput: (9_000_000 / 8), uploadThroughput: (1_500_000 / 8) });
export const NETWORK_LABEL = '100 ms round trip, 9 Mbit/s down, 1.5 Mbit/s up (CDP Network.emulateNetworkConditions)';
const CPU = 4;

// Runs in the page before the module script: resolves `window.__usable` in the first frame where `usable()` holds.
const probe = (usable) => `<script>
(() => {
  const usable = ${usable};
  window.__usable = new Promise((resolve) => {
    const frame = () => {
      if (!usable()) return void requestAnimationFrame(frame);
      const at = performance.now();
      performance.mark('bench-usable');
      // The rest in a later task, so the usable frame holds only the check (the trace counts tasks up to the mark).
      setTimeout(() => {
        const resources = performance.getEntriesByType('resource').filter((entry) => entry.name.startsWith(location.origin) && entry.startTime <= at);
        const scripts = resources.filter((entry) => entry.initiatorType === 'script' || /\\.m?js(\\?|$)/.test(new URL(entry.name).pathname));
        resolve({ at, resources: resources.map((entry) => entry.name), timing: resources.map((entry) => [entry.name, entry.startTime, entry.responseEnd]), firstScriptAt: Math.min(...scripts.map((entry) => entry.responseStart)) });
        console.debug('bench-usable');
      });
    };
    requestAnimationFrame(frame);
  });
})();
</script>`;

const OURS_USABLE = `() => {
  const button = document.querySelector('thymia-recorder')?.shadowRoot?.querySelector('[part~="record-button"]');
  return button instanceof HTMLButtonElement && !button.disabled && button.getBoundingClientRect().width > 0;
}`;

const MEDIA_CHROME_USABLE = `() => {
  const button = document.querySelector('media-play-button');
  const Defined = customElements.get('media-play-button');
  return !!Defined && button instanceof Defined && !!button.shadowRoot?.querySelector('slot') &&
    !button.hasAttribute('disabled') && button.tabIndex === 0 && button.getAttribute('role') === 'button' &&
    button.hasAttribute('mediapaused') && button.getBoundingClientRect().width > 0;
}`;

/** A plain page: the usable probe, one module script, the body — the same shell for both, so only the component differs. */
const page = (usable, script, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
${probe(usable)}
<script type="module" src="${script}"></script></head>
<body>${body}</body></html>`;

/** The pages: the element as scripts/first-load.mjs loads it (Helios, English); media-chrome as its README shows it, in audio mode. */
export const PAGES = {
  thymia: {
    label: 'thymia-recorder (Helios, en)',
    html: page(OURS_USABLE, '/dist/thymia-recorder.js', '<thymia-recorder model="helios" lang="en" session-url="/api/session"></thymia-recorder>'),
  },
  mediaChrome: {
    label: 'media-chrome (play button)',
    html: page(
      MEDIA_CHROME_USABLE,
      '/media-chrome/media-chrome.js',
      `<media-controller audio>
  <audio slot="media" src="/silence.wav" preload="none"></audio>
  <media-control-bar><media-play-button></media-play-button></media-control-bar>
</media-controller>`,
    ),
  },
};

/** 0.1 s of 8 kHz mono silence: the `<audio>`'s source (preload="none": never fetched before play). */
function silenceWav() {
  const samples = 800;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(16000, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  return wav;
}

/**
 * media-chrome as a page gets it from a CDN: jsDelivr's `+esm` (its README's script tag) is the
 * package's index bundled into one minified file; the package ships the same bundle as dist/iife/index.js.
 */
export function mediaChromeBundle(root) {
  const dir = join(root, 'bench', 'node_modules', 'media-chrome');
  const file = join(dir, 'dist', 'iife', 'index.js');
  if (!existsSync(file)) return undefined;
  return { file, version: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version };
}

/** Serves the pages, dist/ and media-chrome's bundle, each gzip -9 (as a CDN or host would), no caching. */
export function serve(root, mediaChrome = mediaChromeBundle(root)) {
  const dist = join(root, 'dist');
  const gzipped = new Map();
  const send = (res, body, type) => {
    let zipped = gzipped.get(body);
    if (!zipped) gzipped.set(body, (zipped = gzipSync(body, { level: 9 })));
    res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Cache-Control': 'no-store' }).end(zipped);
  };
  const files = new Map();
  const read = (path) => {
    if (!files.has(path)) files.set(path, readFileSync(path));
    return files.get(path);
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = Object.entries(PAGES).find(([name]) => path === `/${name}.html`);
    if (page) return send(res, page[1].html, 'text/html; charset=utf-8');
    if (path === '/media-chrome/media-chrome.js') return send(res, read(mediaChrome.file), 'text/javascript');
    if (path === '/silence.wav') return void res.writeHead(200, { 'Content-Type': 'audio/wav' }).end(silenceWav());
    const file = normalize(path).replace(/^\/dist\//, '');
    if (path.startsWith('/dist/') && !file.includes('..') && existsSync(join(dist, file))) return send(res, read(join(dist, file)), 'text/javascript');
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * Tasks on the page's renderer main thread overlapping navigation start → usable:
 * `{ at, ms }` each, `at` in ms from the navigation's start (the page's clock).
 */
function mainThreadTasks(trace, usableAtMs) {
  const events = trace.traceEvents ?? trace;
  const mark = events.find((event) => event.name === 'bench-usable' && event.cat?.includes('user_timing'));
  if (!mark) return undefined;
  const threads = new Map(events.filter((event) => event.name === 'thread_name').map((event) => [`${event.pid}:${event.tid}`, event.args?.name]));
  const main = events.find((event) => event.pid === mark.pid && threads.get(`${event.pid}:${event.tid}`) === 'CrRendererMain');
  // The mark's trace time minus its page time is the navigation's start (performance.timeOrigin) on the trace's clock.
  const origin = mark.ts - usableAtMs * 1000;
  return events
    .filter((event) => event.name === 'ThreadControllerImpl::RunTask' && event.ph === 'X' && event.pid === mark.pid && event.tid === main?.tid)
    .filter((event) => event.ts < mark.ts && event.ts + event.dur > origin)
    .map((event) => ({ at: (event.ts - origin) / 1000, ms: event.dur / 1000, src: event.args?.src_func }));
}

/** Fetch rounds before usable: each requested file's round, from who asked for it. */
function roundTrips(requests, fetchedBeforeUsable, pageUrl) {
  const round = new Map([[pageUrl, 0]]);
  const byUrl = new Map(requests.map((request) => [request.url, request]));
  const roundOf = (url, seen = new Set()) => {
    if (round.has(url)) return round.get(url);
    const request = byUrl.get(url);
    const parent = request?.initiator?.url ?? request?.initiator?.stack?.callFrames?.find((frame) => frame.url)?.url;
    if (!parent || seen.has(url)) return NaN;
    seen.add(url);
    const value = roundOf(parent, seen) + 1;
    round.set(url, value);
    return value;
  };
  const rounds = [];
  for (const url of fetchedBeforeUsable) {
    const index = roundOf(url);
    // Asked for by nothing the page fetched (the browser's own, e.g. a favicon): no round of the page's.
    if (!Number.isFinite(index)) continue;
    (rounds[index - 1] ??= []).push(basename(new URL(url).pathname));
  }
  return rounds.map((files) => files ?? []);
}

async function load(browser, origin, name) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(page);
    const requests = [];
    cdp.on('Network.requestWillBeSent', (event) => requests.push({ url: event.request.url, initiator: event.initiator }));
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
    await browser.startTracing(undefined, { categories: ['toplevel', 'blink.user_timing', '__metadata'] });
    let usable;
    try {
      const url = `${origin}/${name}.html`;
      // The probe says so on the console: polling the page from here (waitForFunction) would evaluate Playwright's
      // injected script and the poll on the page's main thread during the load (≈ 150 ms and ≈ 40 ms tasks at 4×).
      const told = page.waitForEvent('console', { predicate: (message) => message.text() === 'bench-usable', timeout: 60_000 });
      await page.goto(url, { waitUntil: 'commit' });
      await told;
      usable = await page.evaluate(() => window.__usable);
      usable.rounds = roundTrips(requests, usable.resources, url);
    } finally {
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
      if (usable) usable.tasks = mainThreadTasks(trace, usable.at);
    }
    return { ...usable, errors };
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const stats = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });
const round = (value) => (Number.isFinite(value) ? Math.round(value) : '—');

/** Prints the side-by-side table and adds its figures. */
export async function peersBench({ root, chromium, chromiumPath, figure, table }) {
  const runs = Math.max(3, Number(process.env.BENCH_PEER_RUNS ?? 7));
  const mediaChrome = mediaChromeBundle(root);
  if (!mediaChrome) {
    console.log('\n(No side-by-side figures: bench/node_modules/media-chrome missing; bash scripts/ensure-deps.sh bench installs it.)');
    return;
  }
  const server = await serve(root, mediaChrome);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: [...CHROMIUM_ARGS] });
  const samples = { thymia: [], mediaChrome: [] };
  const notes = new Set();
  const machineAtStart = machineTimes();
  try {
    // Interleaved (the order alternates), the first of each a warm-up of the browser process (not counted).
    for (let run = 0; run <= runs; run += 1) {
      for (const name of run % 2 ? ['mediaChrome', 'thymia'] : ['thymia', 'mediaChrome']) {
        const result = await load(browser, origin, name);
        for (const error of result.errors) notes.add(`${name}: page error ${error}`);
        if (!result.tasks) notes.add(`${name}: no trace of the load's tasks`);
        if (run > 0) samples[name].push(result);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const machine = machineBusy(machineAtStart, machineTimes());
  const rows = [];
  const chains = [];
  for (const [name, loads] of Object.entries(samples)) {
    const key = `sideBySide.${name}`;
    const usable = stats(loads.map((sample) => sample.at));
    // The first render: tasks from the first script byte (Resource Timing responseStart) to usable. Before it
    // the main thread only commits the navigation and creates the page's context: the browser's, not the page's.
    const render = (sample) => sample.tasks?.filter((task) => task.at >= sample.firstScriptAt).map((task) => task.ms);
    const longest = stats(loads.map((sample) => (sample.tasks ? Math.max(0, ...render(sample)) : NaN)));
    const over = stats(loads.map((sample) => (sample.tasks ? render(sample).filter((ms) => ms > 50).length : NaN)));
    const longestAll = stats(loads.map((sample) => (sample.tasks ? Math.max(0, ...sample.tasks.map((task) => task.ms)) : NaN)));
    const rounds = loads[0]?.rounds ?? [];
    const chain = (sample) => sample.rounds.map((files) => files.join(' + ')).join(' → ');
    if (loads.some((sample) => chain(sample) !== chain(loads[0]))) notes.add(`${name}: the files fetched before usable differ between loads (${[...new Set(loads.map(chain))].join(' | ')})`);
    figure(`${key}.usable.median`, usable.median, 'ms');
    figure(`${key}.usable.min`, usable.min, 'ms');
    figure(`${key}.usable.max`, usable.max, 'ms');
    figure(`${key}.longestTask.median`, longest.median, 'ms', name === 'thymia' ? '<= 50' : undefined);
    figure(`${key}.longestTask.max`, longest.max, 'ms');
    figure(`${key}.tasksOver50ms.median`, over.median, 'tasks', name === 'thymia' ? '0' : undefined);
    figure(`${key}.longestTaskFromNavigation.median`, longestAll.median, 'ms');
    figure(`${key}.roundTrips`, rounds.length, 'rounds');
    rows.push([
      PAGES[name].label,
      round(usable.median),
      `${round(usable.min)}–${round(usable.max)}`,
      `${round(longest.median)} (${round(longest.min)}–${round(longest.max)})`,
      `${over.median} (${over.min}–${over.max})`,
      `${round(longestAll.median)}`,
      rounds.length,
    ]);
    // Each file's median request → response end, ms from navigation: where the rounds' time goes.
    const when = (file) => {
      const times = loads.map((sample) => sample.timing.find(([url]) => basename(new URL(url).pathname) === file)).filter(Boolean);
      return `${round(median(times.map(([, start]) => start)))}→${round(median(times.map(([, , end]) => end)))} ms`;
    };
    chains.push(
      `  ${PAGES[name].label}: ${rounds.length} round trip${rounds.length === 1 ? '' : 's'} before usable: ` +
        `${rounds.map((files, index) => `${index + 1}. ${files.map((file) => `${file} (${when(file)})`).join(' + ')}`).join(' → ')}; usable at ${round(usable.median)} ms`,
    );
  }
  const ahead = median(samples.mediaChrome.map((sample) => sample.at)) - median(samples.thymia.map((sample) => sample.at));
  figure('sideBySide.thymia.aheadOfMediaChrome.median', ahead, 'ms', '> 0');
  console.log(
    `\nSide by side, navigation → a usable control, ${CPU}× CPU, ${NETWORK_LABEL}, each file gzip -9 from a loopback server; ` +
      `${runs} cold loads each (fresh context), interleaved (the machine meanwhile: ${machine}). media-chrome ${mediaChrome.version}: ` +
      `its one-file bundle (what jsDelivr's +esm serves), a <media-controller audio> with <audio> and <media-play-button>. ` +
      `Tasks: the page's renderer main thread (trace, wall time at ${CPU}×) from the first script byte to usable; "from navigation" also counts the commit before it.\n`,
  );
  table(['page', 'usable median ms', 'min–max', 'longest task ms (min–max)', 'tasks > 50 ms', 'longest from navigation', 'round trips'], rows);
  console.log('');
  console.log('  Files fetched before usable by round (median requested → last byte, ms from navigation):');
  for (const line of chains) console.log(line);
  // What the long tasks are, by the task's posting site (the trace's src_func): script, frame, parser…
  console.log('  Tasks over 50 ms in the first render (all loads; posted by, count, ms min–max):');
  for (const [name, loads] of Object.entries(samples)) {
    const bySource = new Map();
    for (const sample of loads) for (const task of sample.tasks?.filter((task) => task.at >= sample.firstScriptAt && task.ms > 50) ?? []) bySource.set(task.src ?? '?', [...(bySource.get(task.src ?? '?') ?? []), task.ms]);
    const list = [...bySource].map(([src, ms]) => `${src} ×${ms.length} (${round(Math.min(...ms))}–${round(Math.max(...ms))})`).join(', ');
    console.log(`  ${PAGES[name].label}: ${list || 'none'}`);
  }
  console.log(`  ours ${ahead >= 0 ? 'ahead of' : 'BEHIND'} media-chrome by ${Math.abs(Math.round(ahead))} ms (medians)`);
  for (const note of notes) console.log(`  ! ${note}`);
}
