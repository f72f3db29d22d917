#!/usr/bin/env node
/**
 * `npm run bench` — prints figures, asserts nothing.
 *
 * 1. Size of dist/thymia-recorder.js (built first with
 *    `flock /tmp/thymia-recorder-build.lock npx vite build` if it is missing
 *    or older than the sources): raw, gzip (levels 6 and 9), brotli (quality 11), against
 *    the 20 KiB gzip budget, plus an approximate split by package / folder
 *    read from the source map.
 * 2. If Chromium and playwright-core are available: load the bundle from a
 *    loopback static server under a strict CSP and time module import
 *    (fetch + parse + evaluate, element defined) and first render, with and
 *    without 4× CPU throttling; also loads the bundle a second time and
 *    counts CSP violations.
 *    Then side by side with media-chrome (scripts/bench/peers.mjs, bench/package.json): navigation →
 *    a usable control on an emulated 4G network (100 ms round trip) at 4× CPU, interleaved cold
 *    loads; the longest main-thread task and the tasks over 50 ms of the first render; the script
 *    fetch rounds (round trips) before usable, with their files.
 * 3. Recording in Chromium (scripts/bench/flow.mjs, against the bench's own
 *    upload and status server, scripts/bench/bench-server.mjs), in this order:
 *    - navigation start → Record enabled at 4× CPU (cold loads);
 *    - Stop click → review on screen, at 1× and 4× CPU (scripts/bench/review.mjs);
 *    - one long take (3 min): over its first 60 s, with no other browser of
 *      the bench running, the main-thread share (CDP TaskDuration / wall) and
 *      long tasks; its JS heap growth over the whole take against its encoded size;
 *    - latency with `auto-submit` (takes of ~11–13 s, two recording side by
 *      side but never two between Stop and result): Stop → first upload byte,
 *      upload end → first status request, result on the server → `thymia-result`;
 *      meanwhile a CPU profile and a trace of the long take (a diagnostic table:
 *      where the main thread's time goes while recording).
 * 4. Side by side, as none of them depends on the machine's load: the rest of
 *    the long take (heap), upload bytes per minute per engine
 *    (scripts/bench/engines.mjs: Chromium, Firefox ESR, WebKitGTK, default
 *    64 kb/s; `n/a` and the reason for an engine that cannot be driven), and
 *    the speech count against Silero VAD on recordings of real people
 *    (scripts/vad/bench-vad.mjs; its fixtures come from scripts/vad/make-fixtures.sh).
 *
 * Ends with one `name value unit [(budget …)]` line per figure, also written
 * to bench/results.json, and `bench.time`: under 5 minutes on 2 cores (about 285 s
 * here; the phases' lengths are printed before the figures).
 *
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_RUNS (default 15),
 * BENCH_NO_BROWSER=1 to skip the browser parts, BENCH_REBUILD=1 to force a build,
 * BENCH_NO_VAD=1 to skip the speech count (see bench-vad.mjs for its own settings),
 * BENCH_NO_SERVER=1 to skip the server half's figures (scripts/bench/server.mjs),
 * BENCH_NO_HISTORY=1 to skip the history store's (scripts/bench/history.mjs: SQLite and Postgres),
 * BENCH_NO_FLOW=1 to skip the Chromium recording figures (3.), BENCH_NO_ENGINES=1
 * to skip bytes per minute per engine, BENCH_ENGINES=chromium,firefox,webkit
 * (a subset), BENCH_QUICK=1 for a quick pass (30 s heap take, 15 s main-thread
 * window, 10 s engine takes: the same figure names, shorter measurements).
 * Lengths: BENCH_HEAP_SECONDS (default 180), BENCH_MAIN_THREAD_SECONDS (60),
 * BENCH_PROFILE_SECONDS (10), BENCH_ENGINE_SECONDS (25), BENCH_LATENCY_RUNS (5),
 * BENCH_LATENCY_OVERLAP (takes recording at once, default 2), BENCH_INTERACTIVE_RUNS (5).
 * BENCH_NO_PEERS=1 skips the side by side with media-chrome (BENCH_PEER_RUNS loads each, default 7),
 * BENCH_NO_REVIEW=1 skips Stop → review (BENCH_REVIEW_RUNS takes per CPU rate, default 5;
 * BENCH_REVIEW_MIN_SPEECH, default 3 s). BENCH_ONLY=peers,review runs only those parts (either or
 * both) and updates their figures in bench/results.json, keeping the others.
 */
import { startBenchServer } from './bench/bench-server.mjs';
import { firstLoad } from './bench/first-load.mjs';
import { measureFirstLoad } from './first-load.mjs';
import { benchPages } from './bench/pages.mjs';
import { decodeMappings } from './bench/source-map.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'thymia-recorder.js');
const BUDGET_GZIP = 20 * 1024;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 15));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const startedAt = performance.now();
/** Every figure, for the closing `name value unit` lines and bench/results.json. */
const figures = [];
/** `value`: a number (null when not finite: printed `n/a`) or a string (e.g. a MIME type); `note`: why n/a. */
function figure(name, value, unit, budget, note) {
  const shown = typeof value === 'string' ? value : Number.isFinite(value) ? Number(value.toFixed(value >= 100 ? 0 : 3)) : null;
  figures.push({ name, value: shown, unit, ...(budget ? { budget } : {}), ...(note ? { note } : {}) });
}

const kib = (bytes) => `${(bytes / 1024).toFixed(2)} KiB`;
const pad = (text, width, right = false) => (right ? String(text).padStart(width) : String(text).padEnd(width));

function table(headers, rows) {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => `  ${cells.map((cell, i) => pad(cell, widths[i], i > 0)).join('  ')}`;
  console.log(line(headers));
  console.log(`  ${widths.map((width) => '─'.repeat(width)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

// ── 1. Build if needed ───────────────────────────────────────────────────

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const inputs = ['src', 'vite.config.ts', 'package.json'].map((path) => join(root, path)).filter(existsSync);
const stale = !existsSync(bundle) || process.env.BENCH_REBUILD === '1' || Math.max(...inputs.map(newestMtime)) > statSync(bundle).mtimeMs;
if (stale) {
  // Only the bundle: `npm run build` would also rewrite custom-elements.json and the editor data.
  // The lock keeps two builds (another bench, another engineer) from writing dist/ at once.
  console.log('dist/thymia-recorder.js is missing or older than its sources: npx vite build…');
  const result = spawnSync('flock', ['/tmp/thymia-recorder-build.lock', 'npx', 'vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(bundle)) {
    console.error('vite build failed; no figures.');
    process.exit(result.status || 1);
  }
}

// ── BENCH_ONLY: one or two parts alone ───────────────────────────────────

/** The side-by-side load figures against media-chrome (scripts/bench/peers.mjs). */
async function peerFigures() {
  const chromium = await loadPlaywright();
  if (!chromium || !existsSync(chromiumPath)) return void console.log(`\n(No side-by-side figures: ${chromium ? `${chromiumPath} not found` : 'playwright-core not installed'}.)`);
  const { peersBench } = await import('./bench/peers.mjs');
  await peersBench({ root, chromium, chromiumPath, figure, table });
}

// BENCH_ONLY=peers,review runs those parts and nothing else, and updates their figures in
// bench/results.json, keeping the rest of the last full run's.
const only = new Set((process.env.BENCH_ONLY ?? '').split(',').map((part) => part.trim()).filter(Boolean));
if (only.size) {
  const unknown = [...only].filter((part) => !['peers', 'review'].includes(part));
  if (unknown.length) {
    console.error(`BENCH_ONLY: unknown part ${unknown.join(', ')} (known: peers, review)`);
    process.exit(2);
  }
  const partTimes = [];
  const partStarted = performance.now();
  if (only.has('peers')) await peerFigures();
  if (only.has('peers')) partTimes.push(`side by side with media-chrome ${((performance.now() - partStarted) / 1000).toFixed(0)} s`);
  const reviewStarted = performance.now();
  if (only.has('review')) {
    const chromium = await loadPlaywright();
    const wav = join(root, 'test', 'fixtures', 'speech.wav');
    if (!chromium || !existsSync(chromiumPath) || !existsSync(wav)) console.log('\n(No Stop → review figures: needs playwright-core, Chromium and test/fixtures/speech.wav — bash scripts/make-fixtures.sh.)');
    else {
      const server = await startBenchServer(root, benchPages());
      try {
        const rows = await (await import('./bench/review.mjs')).reviewBench({ root, chromium, chromiumPath, server, figure });
        console.log('\nStop → review in Chromium (built element, fake microphone test/fixtures/speech.wav):\n');
        table(['figure', 'measured', 'budget'], rows);
      } finally {
        await server.close();
      }
    }
    partTimes.push(`stop → review ${((performance.now() - reviewStarted) / 1000).toFixed(0)} s`);
  }
  console.log(`\nPhases: ${partTimes.join(', ')}.`);
  console.log('\nFigures:\n');
  for (const { name, value, unit, budget, note } of figures) console.log(`${name} ${value ?? 'n/a'} ${unit}${budget ? ` (budget ${budget})` : ''}${note ? ` — ${note}` : ''}`);
  const resultsPath = join(root, 'bench', 'results.json');
  const last = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : { figures: [] };
  const fresh = new Map(figures.map((entry) => [entry.name, entry]));
  const merged = [...last.figures.map((entry) => fresh.get(entry.name) ?? entry), ...figures.filter((entry) => !last.figures.some((old) => old.name === entry.name))];
  mkdirSync(dirname(resultsPath), { recursive: true });
  writeFileSync(resultsPath, `${JSON.stringify({ ...last, figures: merged, updated: { date: new Date().toISOString(), only: [...only] } }, null, 2)}\n`);
  console.log(`\n(updated in ${relative(root, resultsPath)}: ${figures.length} figures)\n`);
  process.exit(0);
}

// ── 2. Sizes ─────────────────────────────────────────────────────────────

// What loads before Record, as a page meets it: every file Chromium fetched from dist/ for a plain
// script-tag page until Record was usable and the network idle (scripts/first-load.mjs), each
// compressed on its own (as served). Helios in English is the budgeted page.
const measuredLoads = await measureFirstLoad();
const heliosEnglish = measuredLoads.find((page) => page.name === 'helios-en');
const firstLoadFiles = (heliosEnglish?.files ?? []).map(({ file }) => join(dirname(bundle), file));
const sum = (measure) => firstLoadFiles.reduce((total, file) => total + measure(readFileSync(file)), 0);
const code = readFileSync(bundle);
const sizes = {
  raw: sum((bytes) => bytes.length),
  gzip6: sum((bytes) => gzipSync(bytes, { level: 6 }).length),
  gzip9: sum((bytes) => gzipSync(bytes, { level: 9 }).length),
  brotli: sum((bytes) => brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length),
};
const over = sizes.gzip9 - BUDGET_GZIP;
figure('bundle.raw', sizes.raw, 'bytes');
figure('bundle.gzip6', sizes.gzip6, 'bytes');
figure('bundle.gzip9', sizes.gzip9, 'bytes');
figure('bundle.brotli', sizes.brotli, 'bytes');
// The budget is what a Helios page in English downloads before Record: the entry and its static imports.
figure('first-load.gzip9', heliosEnglish?.gzip ?? NaN, 'bytes', `<= ${BUDGET_GZIP}`);
figure('first-load.files', firstLoadFiles.length, 'files');
for (const page of measuredLoads) {
  figure(`first-load.${page.name}.gzip9`, page.gzip, 'bytes');
  figure(`first-load.${page.name}.files`, page.files.length, 'files');
}
// Everything else the entry can reach, loaded only when used.
const fetchedFirst = new Set(firstLoadFiles.map((file) => basename(file)));
const load = firstLoad(bundle);
const later = [...load.initial, ...load.later].filter((chunk) => !fetchedFirst.has(chunk.file));
figure('on-demand.gzip9', later.reduce((total, chunk) => total + chunk.gzip, 0), 'bytes');
for (const chunk of later) figure(`on-demand.${chunk.file.replace(/^thymia-recorder-|-[\w-]{8}\.js$/g, '')}.gzip9`, chunk.gzip, 'bytes');

console.log(`\nFirst load: ${firstLoadFiles.map((file) => relative(root, file)).join(" + ")} (built ${new Date(statSync(bundle).mtimeMs).toISOString()})\n`);
table(
  ['measure', 'bytes', 'KiB', 'vs 20 KiB gzip budget'],
  [
    ['raw (minified)', sizes.raw, kib(sizes.raw), ''],
    ['gzip -6', sizes.gzip6, kib(sizes.gzip6), ''],
    ['gzip -9', sizes.gzip9, kib(sizes.gzip9), over > 0 ? `OVER by ${kib(over)} (${((sizes.gzip9 / BUDGET_GZIP) * 100).toFixed(0)}%)` : `under by ${kib(-over)} (${((sizes.gzip9 / BUDGET_GZIP) * 100).toFixed(0)}%)`],
    ['brotli -q 11', sizes.brotli, kib(sizes.brotli), ''],
  ],
);

/** Approximate share of the minified bundle per package / src folder, from the source map. */
function breakdown(file) {
  const code = readFileSync(file);
  const mapPath = `${file}.map`;
  if (!existsSync(mapPath)) return undefined;
  const map = JSON.parse(readFileSync(mapPath, 'utf8'));
  const group = (source) => {
    if (!source) return '(unmapped)';
    const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    if (pkg) return pkg[1];
    const src = source.match(/src\/(.*)$/);
    if (!src) return source;
    const parts = src[1].split('/');
    return parts.length > 1 ? `src/${parts[0]}/` : `src/${parts[0]}`;
  };
  const lines = code.toString('utf8').split('\n');
  const text = new Map();
  decodeMappings(map).forEach((segments, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    const starts = segments.map((segment) => [segment.column, segment.source ?? -1]);
    starts.forEach(([start, index], i) => {
      const end = i + 1 < starts.length ? starts[i + 1][0] : line.length;
      const name = group(index < 0 ? undefined : map.sources[index]);
      text.set(name, (text.get(name) ?? '') + line.slice(start, end));
    });
  });
  return [...text]
    .map(([name, chunk]) => ({ name, raw: Buffer.byteLength(chunk), gzip: gzipSync(chunk, { level: 9 }).length }))
    .sort((a, b) => b.raw - a.raw);
}

// One table over every first-load file (the core chunk holds nearly all of it).
const byPart = new Map();
for (const file of firstLoadFiles) {
  for (const part of breakdown(file) ?? []) {
    const seen = byPart.get(part.name) ?? { name: part.name, raw: 0, gzip: 0 };
    byPart.set(part.name, { name: part.name, raw: seen.raw + part.raw, gzip: seen.gzip + part.gzip });
  }
}
const parts = byPart.size ? [...byPart.values()].sort((a, b) => b.raw - a.raw) : undefined;
if (parts) {
  console.log('\nWhere the bytes come from (source-map attribution; gzip of each part alone, so the column sums to more than the whole):\n');
  table(
    ['part', 'raw', 'gzip alone'],
    parts.filter((part) => part.raw >= 200).map((part) => [part.name, kib(part.raw), kib(part.gzip)]),
  );
}

// ── 3. Browser ───────────────────────────────────────────────────────────

async function loadPlaywright() {
  try {
    return (await import('playwright-core')).chromium;
  } catch {
    return undefined;
  }
}

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; worker-src 'none'; object-src 'none'; base-uri 'none'";
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><main id="stage"></main><script type="module" src="/bench.js"></script></body></html>`;
// Runs in the page (a file, not inline script, because of the CSP).
const BENCH_JS = `
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));
const t0 = performance.now();
await import('/thymia-recorder.js');
const t1 = performance.now();
const defined = !!customElements.get('thymia-recorder');
const el = document.createElement('thymia-recorder');
document.getElementById('stage').append(el);
await el.updateComplete;
const t2 = performance.now();
await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const t3 = performance.now();
const rendered = !!el.shadowRoot && !!el.shadowRoot.querySelector('[part=record-button]');
let second = 'ok';
try { await import('/thymia-recorder.js?copy=2'); } catch (error) { second = String(error); }
const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/thymia-recorder.js'));
window.__bench = { importMs: t1 - t0, renderMs: t2 - t1, paintMs: t3 - t1, totalMs: t3 - t0,
  fetchMs: entry ? entry.responseEnd - entry.startTime : NaN, defined, rendered, second, violations };
`;

function serve() {
  const files = { '/': [PAGE, 'text/html'], '/bench.js': [BENCH_JS, 'text/javascript'] };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const headers = { 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' };
    if (files[path]) {
      res.writeHead(200, { ...headers, 'Content-Type': files[path][1] });
      res.end(files[path][0]);
    } else if (path === '/thymia-recorder.js') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' });
      res.end(code);
    } else if (/^\/thymia-recorder-[\w-]+\.js$/.test(path) && existsSync(join(root, 'dist', path))) {
      // Chunks the entry imports (statically or on demand).
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' });
      res.end(readFileSync(join(root, 'dist', path)));
    } else {
      res.writeHead(404, headers);
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => (Number.isFinite(value) ? value.toFixed(1) : '—');

async function browserFigures() {
  if (process.env.BENCH_NO_BROWSER === '1') return;
  const chromium = await loadPlaywright();
  if (!chromium || !existsSync(chromiumPath)) {
    console.log(`\n(No browser figures: ${chromium ? `${chromiumPath} not found` : 'playwright-core not installed'}.)`);
    return;
  }
  const server = await serve();
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const rows = [];
  const notes = new Set();
  try {
    console.log(`\nBrowser: Chromium ${browser.version()} headless, loopback server, strict CSP (${CSP.split(';')[1].trim()}), ${RUNS} cold loads each (fresh context, no cache).\n`);
    for (const throttle of [1, 4]) {
      const samples = [];
      for (let run = 0; run < RUNS + 1; run++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        await page.goto(url);
        const result = await page.waitForFunction(() => window.__bench, null, { timeout: 30_000 }).then((handle) => handle.jsonValue());
        await context.close();
        if (!result.defined) notes.add('element NOT defined after import');
        if (!result.rendered) notes.add('element did not render its record button');
        if (result.second !== 'ok') notes.add(`second load threw: ${result.second}`);
        for (const violation of result.violations) notes.add(`CSP violation: ${violation}`);
        for (const error of errors) notes.add(`page error: ${error}`);
        if (run > 0) samples.push(result); // the first load warms the browser process
      }
      for (const [label, key] of [
        ['fetch (loopback)', 'fetchMs'],
        ['import → defined', 'importMs'],
        ['defined → first render', 'renderMs'],
        ['defined → next frame', 'paintMs'],
        ['total to first frame', 'totalMs'],
      ]) {
        const values = samples.map((sample) => sample[key]);
        rows.push([`${throttle}× CPU`, label, ms(median(values)), ms(Math.min(...values)), ms(Math.max(...values))]);
        figure(`load.cpu${throttle}x.${key.replace(/Ms$/, '')}.median`, median(values), 'ms');
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  table(['cpu', 'phase', 'median ms', 'min', 'max'], rows);
  console.log(`\n  defined on load: ${notes.has('element NOT defined after import') ? 'NO' : 'yes'}; second load: ${[...notes].some((note) => note.startsWith('second load')) ? 'THREW' : 'no error'}; CSP violations: ${[...notes].filter((note) => note.startsWith('CSP')).length}`);
  for (const note of notes) console.log(`  ! ${note}`);
}

let peersSeconds = 0;
await browserFigures();

// Side by side with media-chrome: a usable control on an emulated 4G network at 4× CPU (BENCH_NO_PEERS=1 skips it).
if (process.env.BENCH_NO_BROWSER !== '1' && process.env.BENCH_NO_PEERS !== '1') {
  const started = performance.now();
  await peerFigures();
  peersSeconds = (performance.now() - started) / 1000;
}

// ── 4. Recording, upload per engine, speech count ───────────────────────

const browsersWanted = process.env.BENCH_NO_BROWSER !== '1';
const chromium = browsersWanted ? await loadPlaywright() : undefined;
const haveChromium = !!chromium && existsSync(chromiumPath);
const flowWanted = browsersWanted && process.env.BENCH_NO_FLOW !== '1';
const enginesWanted = browsersWanted && process.env.BENCH_NO_ENGINES !== '1';
const speechWav = join(root, 'test', 'fixtures', 'speech.wav');
if (flowWanted && !haveChromium) console.log(`\n(No recording figures: ${chromium ? `${chromiumPath} not found` : 'playwright-core not installed'}.)`);
if (flowWanted && haveChromium && !existsSync(speechWav)) console.log('\n(No recording figures: test/fixtures/speech.wav missing; bash scripts/make-fixtures.sh makes it.)');
const flowRuns = flowWanted && haveChromium && existsSync(speechWav);

const server = flowRuns || enginesWanted ? await startBenchServer(root, benchPages()) : undefined;
const context = { root, chromium, chromiumPath, server, figure };
const flowRows = [];
/** How long each part took, printed before the figures (what to shorten when the bench grows). */
const phases = [];
const timed = async (name, work) => {
  const started = performance.now();
  try {
    return await work;
  } finally {
    phases.push(`${name} ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
};
phases.push(`sizes and loads ${((performance.now() - startedAt) / 1000 - peersSeconds).toFixed(0)} s`);
if (peersSeconds) phases.push(`side by side with media-chrome ${peersSeconds.toFixed(0)} s`);
let long;
let profiled;
let vad;
try {
  if (flowRuns) {
    const flow = await import('./bench/flow.mjs');
    flowRows.push(...(await timed('interactive', flow.interactive(context))));
    // Stop → review on screen, one take at a time, before anything else records (BENCH_NO_REVIEW=1 skips it).
    if (process.env.BENCH_NO_REVIEW !== '1') flowRows.push(...(await timed('stop → review', import('./bench/review.mjs').then(({ reviewBench }) => reviewBench(context)))));
    // From here until `startLongTake` resolves, no other browser of the bench runs: the main-thread window.
    long = await timed('main-thread window', flow.startLongTake(context));
    flowRows.push(...long.rows);
    // The profile runs while the latency takes record; their Stops wait until it is done.
    const profiling = long.profile();
    flowRows.push(...(await timed('latency (and profile)', flow.latency({ ...context, quietAfter: profiling }))));
    profiled = await profiling;
  }
  // None of these depends on the machine's load (bytes, heap; the speech count checks its own audio clock).
  // The engines' pages do not render (see engines.mjs), so they take little from the speech count.
  const sideBySide = performance.now();
  const [vadRows, heapRows, engines] = await Promise.all([
    haveChromium ? timed('speech count', import('./vad/bench-vad.mjs').then(({ vadBench }) => vadBench({ root, chromium, chromiumPath, figure, table }))) : undefined,
    long ? timed('rest of the long take', long.finish()) : [],
    enginesWanted ? timed('engines', import('./bench/engines.mjs').then(({ enginesBench }) => enginesBench(context))) : undefined,
  ]);
  phases.push(`side by side ${((performance.now() - sideBySide) / 1000).toFixed(0)} s`);
  vad = vadRows;
  flowRows.push(...heapRows);
  if (flowRows.length) {
    console.log(`\nRecording in Chromium (built element, fake microphone test/fixtures/speech.wav, bench upload/status server on loopback):\n`);
    table(['figure', 'measured', 'budget'], flowRows);
  }
  if (profiled) (await import('./bench/flow.mjs')).printProfile(profiled, { root, server, table });
  engines?.print(table);
} finally {
  await server?.close();
}

// The server half (thymia-recorder/server) against a bare pass-through proxy, after the browsers are done
// (one core each for the target and the load). BENCH_NO_SERVER=1 skips it.
if (process.env.BENCH_NO_SERVER !== '1') await timed('server half', import('./bench/server.mjs').then(({ serverBench }) => serverBench({ figure })));
// The history store: writes, reads and the history query's p99 at 10,000 and 100,000 runs, SQLite and Postgres.
if (process.env.BENCH_NO_HISTORY !== '1') await timed('history store', import('./bench/history.mjs').then(({ historyBench }) => historyBench({ figure })));
figure('bench.time', (performance.now() - startedAt) / 1000, 's');
if (phases.length > 1) console.log(`\nPhases: ${phases.join(', ')}.`);
console.log('\nFigures:\n');
for (const { name, value, unit, budget, note } of figures) console.log(`${name} ${value ?? 'n/a'} ${unit}${budget ? ` (budget ${budget})` : ''}${note ? ` — ${note}` : ''}`);
const resultsPath = join(root, 'bench', 'results.json');
mkdirSync(dirname(resultsPath), { recursive: true });
writeFileSync(resultsPath, `${JSON.stringify({ date: new Date().toISOString(), figures, ...(vad ? { vad } : {}) }, null, 2)}\n`);
console.log(`\n(written to ${relative(root, resultsPath)})\n`);
