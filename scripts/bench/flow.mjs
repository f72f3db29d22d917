/**
 * The part of `npm run bench` that records: the built element
 * (dist/thymia-recorder.js) in Chromium with the fake microphone
 * (test/fixtures/speech.wav, looping), uploading to the project's mock
 * thymia (demo/backend/mock-thymia.js) served on loopback with no CSP.
 *
 * - One long recording (BENCH_RECORD_SECONDS, default 60): upload bytes per
 *   minute at the default 64 kb/s, main-thread busy share (CDP
 *   `TaskDuration` over wall time), long tasks (a `longtask` observer in the
 *   page) and JS heap growth (`JSHeapUsedSize` after a forced GC at start
 *   and at stop) against the size of what was encoded.
 * - Short takes with `auto-submit` (BENCH_LATENCY_RUNS, default 5): Stop →
 *   the PUT reaching the server; upload complete → first status request;
 *   result available on the server → `thymia-result` in the page. Page and
 *   server share one clock (`Date.now()`, same machine).
 *
 * Prints a table and hands each figure to `figure(name, value, unit, budget)`.
 */
import { CHROMIUM_ARGS, fakeMicrophoneArgs } from '../chromium-args.mjs';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench: flow</title></head>
<body><main id="stage"></main><script type="module" src="/flow-page.js"></script></body></html>`;

// Runs in the page: one take through the element, timed with the page's clock.
const PAGE_JS = `
import '/thymia-recorder.js';
window.longTasks = [];
new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.longTasks.push(entry.duration); })
  .observe({ type: 'longtask', buffered: true });
window.take = async ({ recordMs, minSpeech, processingMs, pollInterval }) => {
  const session = await (await fetch('/api/session?processingMs=' + processingMs, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ model: 'helios' }),
  })).json();
  const el = document.createElement('thymia-recorder');
  el.setAttribute('upload-url', session.recordingUploadUrl);
  el.setAttribute('status-url', session.statusUrl);
  el.setAttribute('min-speech-seconds', String(minSpeech));
  el.setAttribute('poll-interval', String(pollInterval));
  el.setAttribute('auto-submit', '');
  document.getElementById('stage').replaceChildren(el);
  await el.updateComplete;
  const seen = {};
  el.addEventListener('thymia-recording-stop', (event) => (seen.stop = event.detail));
  const result = new Promise((resolve, reject) => {
    el.addEventListener('thymia-result', () => resolve(Date.now()));
    el.addEventListener('thymia-error', (event) => { if (event.detail.code !== 'mic-not-found') reject(new Error(event.detail.code)); });
    setTimeout(() => reject(new Error('no result within ' + (recordMs + 60000) + ' ms')), recordMs + 60000);
  });
  await el.start();
  window.recordingStarted = true;
  await new Promise((resolve) => setTimeout(resolve, recordMs));
  // Stop once the minimum is in (Submit enabled), as a person would.
  const enough = () => el.shadowRoot.querySelector('[part~="submit-button"]')?.disabled === false;
  while (!enough()) await new Promise((resolve) => setTimeout(resolve, 50));
  const stopAt = Date.now();
  el.stop();
  const resultAt = await result;
  return { id: session.id, stopAt, resultAt, stop: seen.stop };
};
`;

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function serve(root) {
  const { createMockThymia } = await import(join(root, 'demo', 'backend', 'mock-thymia.js'));
  const mock = createMockThymia();
  /** Arrival time (server clock) of each request, by run id: the first PUT and every status GET. */
  const arrivals = new Map();
  const arrivalsFor = (id) => arrivals.get(id) ?? (arrivals.set(id, { put: undefined, status: [] }), arrivals.get(id));
  const server = createServer(async (req, res) => {
    const now = Date.now();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const put = /^\/mock-upload\/([\w-]+)\//.exec(path);
    if (put && req.method === 'PUT') arrivalsFor(put[1]).put ??= now;
    const status = /^\/api\/status\/([\w-]+)$/.exec(path);
    if (status && req.method === 'GET') arrivalsFor(status[1]).status.push(now);
    if (path === '/') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
    if (path === '/flow-page.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(PAGE_JS);
    if (/^\/thymia-recorder(-[\w-]+)?\.js$/.test(path) && existsSync(join(root, 'dist', path))) {
      return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(join(root, 'dist', path)));
    }
    if (await mock.handle(req, res)) return;
    res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, arrivals, url: `http://127.0.0.1:${server.address().port}/` };
}

/** Runs the flow figures; returns the rows it printed. */
export async function flowBench({ root, chromium, chromiumPath, figure, table }) {
  const wav = join(root, 'test', 'fixtures', 'speech.wav');
  if (!existsSync(wav)) {
    console.log('\n(No recording figures: test/fixtures/speech.wav missing; bash scripts/make-fixtures.sh makes it.)');
    return;
  }
  const recordSeconds = Math.max(10, Number(process.env.BENCH_RECORD_SECONDS ?? 60));
  const latencyRuns = Math.max(1, Number(process.env.BENCH_LATENCY_RUNS ?? 5));
  const pollInterval = 1000;
  const { server, arrivals, url } = await serve(root);
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: [...CHROMIUM_ARGS, ...fakeMicrophoneArgs(wav)] });
  const rows = [];
  try {
    const runFor = async (id) => (await fetch(new URL(`/__mock/runs/${id}`, url))).json();
    const statusOf = async (id) => (await fetch(new URL(`/api/status/${id}`, url))).json();

    // ── One long recording: bytes, main thread, long tasks, heap ──
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(url);
      await page.waitForFunction(() => typeof window.take === 'function');
      const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? NaN;
      const running = page.evaluate((options) => window.take(options), { recordMs: recordSeconds * 1000, minSpeech: 2, processingMs: 500, pollInterval });
      await page.waitForFunction(() => window.recordingStarted === true, null, { timeout: 30_000 });
      await cdp.send('HeapProfiler.collectGarbage');
      const heapStart = await metric('JSHeapUsedSize');
      const busyStart = await metric('TaskDuration');
      const wallStart = performance.now();
      const longTasksBefore = await page.evaluate(() => window.longTasks.length);
      // Just before Stop: what recording alone costs, and what it holds.
      await new Promise((resolve) => setTimeout(resolve, recordSeconds * 1000 - 500));
      const busy = (await metric('TaskDuration')) - busyStart;
      const wall = (performance.now() - wallStart) / 1000;
      const longTasks = (await page.evaluate(() => window.longTasks)).slice(longTasksBefore);
      await cdp.send('HeapProfiler.collectGarbage');
      const heapGrowth = (await metric('JSHeapUsedSize')) - heapStart;
      const taken = await running;
      const upload = (await runFor(taken.id)).uploads?.main;
      const duration = taken.stop?.durationSeconds ?? NaN;
      const bytesPerMinute = upload ? (upload.size / duration) * 60 : NaN;
      const budgetHeap = (upload?.size ?? 0) + 1024 * 1024;
      figure('upload.chromium.bytesPerMinute', bytesPerMinute, 'bytes', '<= 480000');
      figure('upload.chromium.kbps', upload ? (upload.size * 8) / duration / 1000 : NaN, 'kb/s');
      figure('recording.mainThread.percent', (busy / wall) * 100, '%', '<= 2');
      figure('recording.longTasks.count', longTasks.length, 'tasks');
      figure('recording.longestTask', Math.max(0, ...longTasks), 'ms', '<= 50');
      figure('recording.heapGrowth', heapGrowth, 'bytes', `<= ${budgetHeap} (encoded ${upload?.size ?? '?'} + 1 MiB)`);
      rows.push(['upload bytes per minute', `${Math.round(bytesPerMinute)} B (${upload?.contentType ?? '?'}, ${duration.toFixed(1)} s take, ${upload?.size ?? '?'} B)`, '≤ 480000']);
      rows.push([`main thread while recording (${wall.toFixed(0)} s)`, `${((busy / wall) * 100).toFixed(2)} % of a core`, '≤ 2 %']);
      rows.push(['long tasks while recording', `${longTasks.length}, longest ${Math.max(0, ...longTasks).toFixed(0)} ms`, 'none > 50 ms']);
      rows.push([`JS heap growth over ${wall.toFixed(0)} s`, `${(heapGrowth / 1024).toFixed(0)} KiB`, `≤ encoded + 1 MiB = ${(budgetHeap / 1024).toFixed(0)} KiB`]);
      await context.close();
    }

    // ── Short takes with auto-submit: the latency the person feels ──
    const stopToPut = [];
    const uploadToStatus = [];
    const resultToEvent = [];
    for (let run = 0; run < latencyRuns; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => typeof window.take === 'function');
      const taken = await page.evaluate((options) => window.take(options), { recordMs: 1000, minSpeech: 2, processingMs: 1500, pollInterval });
      const upload = (await runFor(taken.id)).uploads?.main;
      const seen = arrivals.get(taken.id);
      const status = await statusOf(taken.id);
      // thymia's run becomes COMPLETE processingMs after the upload landed (runAt).
      const resultAvailableAt = Date.parse(status.runAt) + 1500;
      stopToPut.push(seen?.put - taken.stopAt);
      uploadToStatus.push(seen?.status.find((at) => at >= upload.at) - upload.at);
      resultToEvent.push(taken.resultAt - resultAvailableAt);
      await context.close();
    }
    figure('latency.stopToUploadRequest.median', median(stopToPut), 'ms', '<= 100');
    figure('latency.uploadDoneToFirstStatus.median', median(uploadToStatus), 'ms');
    figure('latency.resultToEvent.median', median(resultToEvent), 'ms', `<= ${pollInterval + 50} (poll interval ${pollInterval} ms + 50)`);
    const list = (values) => values.map((value) => Math.round(value)).join(', ');
    rows.push([`Stop → PUT at the server (auto-submit, ${latencyRuns} runs)`, `median ${Math.round(median(stopToPut))} ms [${list(stopToPut)}]`, '≤ 100 ms']);
    rows.push(['upload complete → first status request', `median ${Math.round(median(uploadToStatus))} ms [${list(uploadToStatus)}]`, 'immediate']);
    rows.push([`result on the server → thymia-result (poll ${pollInterval} ms)`, `median ${Math.round(median(resultToEvent))} ms [${list(resultToEvent)}]`, `≤ ${pollInterval + 50} ms`]);
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`\nRecording in Chromium ${browser.version()} (fake microphone, built element, mock thymia on loopback):\n`);
  table(['figure', 'measured', 'budget'], rows);
}
