/**
 * The recording figures of `npm run bench` in Chromium: the built element
 * (dist/thymia-recorder.js) on the bench server's pages (pages.mjs), the fake
 * microphone playing test/fixtures/speech.wav (looped), uploads and status
 * answered by the bench server (bench-server.mjs), which notes arrival times
 * on the same clock as the page (`Date.now()`, one machine).
 *
 * - interactive(): page load (navigation start) → Record present and enabled,
 *   4× CPU throttling (CDP Emulation.setCPUThrottlingRate), cold loads.
 * - startLongTake(): one take of BENCH_HEAP_SECONDS (default 180). Its first
 *   BENCH_MAIN_THREAD_SECONDS (default 60) give the main-thread share (CDP
 *   `TaskDuration` delta over wall time) and the long tasks (a `longtask`
 *   observer in the page) — the caller keeps every other browser idle until
 *   it resolves; then a CPU profile (CDP Profiler) and a trace of the next
 *   BENCH_PROFILE_SECONDS (default 10) say where that time goes. `finish()`
 *   waits for the end of the take: JS heap growth (`JSHeapUsedSize` after a
 *   forced GC, at the start and at the end) against the encoded size.
 * - latency(): short takes with `auto-submit` and the default minimum speech
 *   (10 s), Stop clicked once Submit is enabled: Stop → first body byte at
 *   the server, upload end → first status GET, result on the server →
 *   `thymia-result` in the page.
 */
import { CHROMIUM_ARGS, fakeMicrophoneArgs } from '../chromium-args.mjs';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { summarizeProfile, summarizeTrace } from './cpu-profile.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ONE_MB = 1_000_000;

export const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const list = (values) => values.map((value) => (Number.isFinite(value) ? Math.round(value) : '—')).join(', ');
/** Busy and total CPU time of the whole machine so far (Linux /proc/stat; undefined elsewhere). */
export function machineTimes() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    return { busy: fields.reduce((sum, value) => sum + value, 0) - idle, total: fields.reduce((sum, value) => sum + value, 0) };
  } catch {
    return undefined;
  }
}
/** The machine's busy share between two machineTimes() readings, all cores together. */
export const machineBusy = (from, to) => (from && to ? `${(((to.busy - from.busy) / (to.total - from.total)) * 100).toFixed(0)} % of ${cpus().length} cores` : `load avg ${loadavg()[0].toFixed(2)}`);

export function launch(chromium, chromiumPath, wav) {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...CHROMIUM_ARGS, ...(wav ? fakeMicrophoneArgs(wav) : [])] });
}

export async function openTakePage(browser, server) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/take.html`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
  const call = (method, ...args) => page.evaluate(([name, values]) => window.benchTake[name](...values), [method, args]);
  return { context, page, call, errors };
}

// ── Time to an interactive Record button at 4× CPU ──────────────────────

export async function interactive({ chromium, chromiumPath, server, figure }) {
  const runs = Math.max(5, Number(process.env.BENCH_INTERACTIVE_RUNS ?? 5));
  const browser = await launch(chromium, chromiumPath);
  const samples = [];
  try {
    // The first load warms the browser process (as in the load figures) and is not counted.
    for (let run = 0; run < runs + 1; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${server.origin}/interactive.html`);
      const result = await page.evaluate(() => window.benchInteractive);
      await context.close();
      if (run > 0) samples.push(result);
    }
  } finally {
    await browser.close();
  }
  const interactiveMs = samples.map((sample) => sample.interactiveAt);
  figure('load.cpu4x.interactive.median', median(interactiveMs), 'ms');
  return [
    [
      `navigation start → Record enabled, 4× CPU (${runs} cold loads)`,
      `median ${Math.round(median(interactiveMs))} ms [${list(interactiveMs)}]; element defined at median ${Math.round(median(samples.map((sample) => sample.definedAt)))} ms`,
      '',
    ],
  ];
}

// ── One long take: main thread, long tasks, profile, heap ────────────────

/**
 * Starts the long take and resolves once its main-thread window is measured:
 * `{ rows, profile, finish }`. Until this resolves the caller must keep every
 * other browser idle. `profile()` profiles and traces the next seconds of the
 * take (`{ profile, trace }` for printProfile); `finish()` completes the take
 * (heap growth) and resolves with more rows.
 */
export async function startLongTake({ root, chromium, chromiumPath, server, figure }) {
  const quick = process.env.BENCH_QUICK === '1';
  const heapSeconds = Math.max(20, Number(process.env.BENCH_HEAP_SECONDS ?? (quick ? 30 : 180)));
  const mainThreadSeconds = Math.min(heapSeconds - 5, Math.max(5, Number(process.env.BENCH_MAIN_THREAD_SECONDS ?? (quick ? 15 : 60))));
  const profileSeconds = Math.min(heapSeconds - mainThreadSeconds - 2, Math.max(0, Number(process.env.BENCH_PROFILE_SECONDS ?? (quick ? 5 : 10))));
  const browser = await launch(chromium, chromiumPath, join(root, 'test', 'fixtures', 'speech.wav'));
  try {
    const { page, call, errors } = await openTakePage(browser, server);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((entry) => entry.name === name)?.value ?? NaN;
    const { run, uploadUrl, statusUrl } = server.newRun({ processingMs: 300 });
    // Default minimum speech, bitrate and poll interval; only Stop ends the take.
    await call('mount', { 'upload-url': uploadUrl, 'status-url': statusUrl, 'auto-submit': '', 'max-seconds': String(heapSeconds + 60) });
    await call('record');
    const startedWall = performance.now();
    // Let the capture's on-demand code and the first slices settle into the baseline.
    await sleep(1000);
    await cdp.send('HeapProfiler.collectGarbage');
    const heapStart = await metric('JSHeapUsedSize');

    // Main-thread window: nothing but reading two metrics and the page's long-task list.
    const machineAtStart = machineTimes();
    const longTasksBefore = await page.evaluate(() => window.longTasks.length);
    const busyStart = await metric('TaskDuration');
    const windowStart = performance.now();
    await sleep(mainThreadSeconds * 1000);
    const busy = (await metric('TaskDuration')) - busyStart;
    const wall = (performance.now() - windowStart) / 1000;
    const longTasks = (await page.evaluate(() => window.longTasks)).slice(longTasksBefore);
    const machine = machineBusy(machineAtStart, machineTimes());
    const percent = (busy / wall) * 100;
    const longest = Math.max(0, ...longTasks.map((task) => task.duration));
    figure('recording.mainThread.percent', percent, '%', '<= 2');
    figure('recording.longTasks.count', longTasks.length, 'tasks');
    figure('recording.longestTask.ms', longest, 'ms', '<= 50');
    const rows = [
      [
        `main thread while recording (first ${wall.toFixed(0)} s of the long take)`,
        `${percent.toFixed(2)} % of a core (${(busy * 1000).toFixed(0)} ms busy; the machine, this take included: ${machine})`,
        '≤ 2 %',
      ],
      ['long tasks in that window', `${longTasks.length}, longest ${longest.toFixed(0)} ms`, 'none > 50 ms'],
    ];

    // Where that time goes: a CPU profile of the next seconds of the same take, and a trace over the
    // same seconds for the work outside JavaScript (style, layout, paint, and who posted each task).
    const profileTake = async () => {
      if (profileSeconds <= 0) return {};
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel', 'v8.execute', 'blink', 'blink.animations', 'webaudio', 'media'] });
      await cdp.send('Profiler.start');
      await sleep(profileSeconds * 1000);
      const { profile } = await cdp.send('Profiler.stop');
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
      await cdp.send('Profiler.disable');
      return { profile, trace };
    };

    const finish = async () => {
      try {
        await sleep(Math.max(0, heapSeconds * 1000 - (performance.now() - startedWall)));
        await cdp.send('HeapProfiler.collectGarbage');
        const heapEnd = await metric('JSHeapUsedSize');
        await call('stop');
        const seen = await call('waitFor', 'uploadCompleteAt', 120_000);
        await cdp.send('HeapProfiler.collectGarbage');
        const heapAfterUpload = await metric('JSHeapUsedSize');
        const encoded = run.upload?.bytes ?? NaN;
        const growth = heapEnd - heapStart;
        const duration = seen.stop?.durationSeconds ?? NaN;
        figure('recording.encoded.bytes', encoded, 'bytes');
        figure('recording.heapGrowth.bytes', growth, 'bytes', `<= ${Math.round(encoded + ONE_MB)} (encoded ${encoded} + 1 MB)`);
        for (const error of errors) console.log(`  ! long take: page error ${error}`);
        return [
          [
            `JS heap growth over a ${duration.toFixed(0)} s take (GC'd, at the end, before Stop)`,
            `${(growth / 1024).toFixed(0)} KiB (${(heapStart / 1024 / 1024).toFixed(2)} → ${(heapEnd / 1024 / 1024).toFixed(2)} MiB; after Stop and upload ${((heapAfterUpload - heapStart) / 1024).toFixed(0)} KiB)`,
            `≤ encoded + 1 MB = ${((encoded + ONE_MB) / 1024).toFixed(0)} KiB`,
          ],
          [
            'encoded size of that take',
            `${encoded} bytes (${seen.stop?.mimeType}, ${((encoded / duration) * 60).toFixed(0)} bytes/min over ${duration.toFixed(1)} s)`,
            '',
          ],
        ];
      } finally {
        await browser.close();
      }
    };
    return { rows, profile: profileTake, finish };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * The profile as tables: top functions and top source files / packages by
 * self time; then, from the trace of the same seconds, the renderer's work
 * by trace event and its tasks by where they were posted from.
 */
export function printProfile({ profile, trace }, { root, server, table }) {
  if (!profile) return undefined;
  const summary = summarizeProfile(profile, { distDir: join(root, 'dist'), origin: server.origin });
  const share = (ms) => `${((ms / summary.wallMs) * 100).toFixed(2)} %`;
  console.log(
    `\nWhere the main thread goes while recording (CDP Profiler, ${(summary.wallMs / 1000).toFixed(1)} s of the long take, self time; ` +
      `busy ${summary.busyMs.toFixed(0)} ms = ${share(summary.busyMs)} of wall; element frames traced through dist/*.js.map):\n`,
  );
  table(['function (source:line, first words of it)', 'self ms', '% of wall'], summary.functions.slice(0, 10).map(({ name, ms }) => [name, ms.toFixed(1), share(ms)]));
  console.log('');
  table(['source file / package', 'self ms', '% of wall'], summary.areas.filter(({ ms }) => ms > 0).slice(0, 10).map(({ name, ms }) => [name, ms.toFixed(1), share(ms)]));
  const traced = trace && summarizeTrace(trace);
  if (traced) {
    const per = (ms) => `${((ms / traced.spanMs) * 100).toFixed(2)} %`;
    const rate = (count) => `${(count / (traced.spanMs / 1000)).toFixed(1)}/s`;
    console.log(`\nThe same seconds in a trace of the renderer's main thread (${(traced.spanMs / 1000).toFixed(1)} s; tasks ${traced.taskMs.toFixed(0)} ms = ${per(traced.taskMs)}), self time per trace event:\n`);
    table(['trace event', 'self ms', '% of wall', 'rate'], traced.events.slice(0, 10).map(({ name, ms, count }) => [name, ms.toFixed(1), per(ms), rate(count)]));
    console.log('\n  …and its tasks by where they were posted from:\n');
    table(['task posted from', 'ms', '% of wall', 'rate'], traced.tasks.slice(0, 8).map(({ name, ms, count }) => [name, ms.toFixed(1), per(ms), rate(count)]));
    // The verdict in one line: frames (style, layout, paint), the element's JavaScript, the audio callback, timers.
    const task = (pattern) => traced.tasks.filter(({ name }) => pattern.test(name)).reduce((sum, { ms }) => sum + ms, 0);
    const frames = task(/^ScheduledActionSendBeginMainFrame/);
    const framesRate = traced.tasks.find(({ name }) => /^ScheduledActionSendBeginMainFrame/.test(name))?.count ?? 0;
    const elementJs = summary.areas.filter(({ name }) => /^src\/|^lit|^@lit|^zod|^idb-keyval/.test(name)).reduce((sum, { ms }) => sum + ms, 0);
    console.log(
      `\n  In short: rendering frames ${per(frames)} of wall (${rate(framesRate)}), the audio callback (ScriptProcessor) ${per(task(/^Process \(webaudio/))},` +
        ` timers ${per(task(/^DOMTimer/))}, MediaRecorder ${per(task(/mediarecorder/))}; the element's own JavaScript in all of them ${share(elementJs)} (profile).`,
    );
    if (traced.animations.length) {
      const started = traced.animations.slice(0, 4).map(({ name, count }) => `${name} ${rate(count)}`).join('; ');
      console.log(`  CSS animations/transitions started: ${started}${traced.notComposited.length ? `; not run on the compositor: ${traced.notComposited.join(', ')} (each frame then needs style, layout and paint)` : ''}.`);
    }
  }
  return { summary, traced };
}

// ── Latency the person feels ─────────────────────────────────────────────

/** One holder at a time, in call order: a run from its Stop click to its result, or a page opening. */
function mutex() {
  let last = Promise.resolve();
  return async () => {
    let release;
    const previous = last;
    last = new Promise((resolve) => (release = resolve));
    await previous;
    return release;
  };
}

/**
 * `quietAfter`: a promise (e.g. the long take's profile) that no Stop may
 * precede, so nothing else is measuring while a run is between Stop and result.
 */
export async function latency({ root, chromium, chromiumPath, server, figure, quietAfter }) {
  const runs = Math.max(5, Number(process.env.BENCH_LATENCY_RUNS ?? 5));
  // Takes record side by side (their speech takes time) but Stop → result never overlaps another run's.
  const overlap = Math.max(1, Number(process.env.BENCH_LATENCY_OVERLAP ?? 2));
  const pollInterval = 1000;
  const browser = await launch(chromium, chromiumPath, join(root, 'test', 'fixtures', 'speech.wav'));
  const exclusive = mutex();
  const quiet = Promise.resolve(quietAfter).catch(() => undefined);
  const results = new Array(runs);
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: Math.min(overlap, runs) }, async (_, track) => {
        // Tracks start apart, so their minimum arrives at different times.
        await sleep(track * 4000);
        while (next < runs) {
          const index = next++;
          // The result appears at evenly spread phases of the poll cycle, 1 s after the upload at the earliest.
          const phase = ((index + 0.5) / runs) * pollInterval;
          const { run, uploadUrl, statusUrl } = server.newRun({ completeAtFor: (done) => done.upload.endAt + 1000 + phase });
          // Opening a page is a burst of work: never while another run is between Stop and result.
          const opening = await exclusive();
          const { context, call, errors } = await openTakePage(browser, server).finally(opening);
          try {
            await call('mount', { 'upload-url': uploadUrl, 'status-url': statusUrl, 'auto-submit': '', 'poll-interval': String(pollInterval) });
            const startAt = await call('record');
            await call('waitForMinimum', 60_000);
            await quiet;
            const release = await exclusive();
            try {
              const stopAt = await call('stop');
              const seen = await call('waitFor', 'resultAt', 30_000);
              const upload = run.upload;
              const firstStatus = run.statusAt.find((at) => at >= upload.endAt);
              results[index] = {
                takeSeconds: (stopAt - startAt) / 1000,
                stopToFirstByte: upload.firstByteAt - stopAt,
                stopToRequest: upload.headersAt - stopAt,
                stopToStopEvent: seen.stop.at - stopAt,
                uploadDoneToFirstStatus: firstStatus - upload.endAt,
                resultToEvent: seen.resultAt - run.completeAt,
                servedToEvent: seen.resultAt - run.completeServedAt,
                bytes: upload.bytes,
                speechSeconds: seen.stop.speechSeconds,
              };
            } finally {
              release();
            }
            for (const error of errors) console.log(`  ! latency run ${index + 1}: page error ${error}`);
          } finally {
            await context.close();
          }
        }
      }),
    );
  } finally {
    await browser.close();
  }
  const of = (key) => results.map((result) => result[key]);
  figure('latency.stopToFirstUploadByte.median', median(of('stopToFirstByte')), 'ms', '<= 100');
  figure('latency.uploadDoneToFirstStatus.median', median(of('uploadDoneToFirstStatus')), 'ms');
  figure('latency.resultToEvent.median', median(of('resultToEvent')), 'ms', `<= ${pollInterval + 50} (poll-interval ${pollInterval} ms + 50)`);
  const takes = of('takeSeconds');
  return [
    [
      `Stop click → first body byte at the server (${runs} takes of ${Math.min(...takes).toFixed(1)}–${Math.max(...takes).toFixed(1)} s)`,
      `median ${Math.round(median(of('stopToFirstByte')))} ms [${list(of('stopToFirstByte'))}]; PUT headers ${list(of('stopToRequest'))}; stop event ${list(of('stopToStopEvent'))}`,
      '≤ 100 ms',
    ],
    ['upload end → first status GET (server times)', `median ${Math.round(median(of('uploadDoneToFirstStatus')))} ms [${list(of('uploadDoneToFirstStatus'))}]`, 'immediate'],
    [
      `result on the server (T) → thymia-result (poll-interval ${pollInterval} ms)`,
      `median ${Math.round(median(of('resultToEvent')))} ms [${list(of('resultToEvent'))}]; first COMPLETE answer → event ${list(of('servedToEvent'))}`,
      `≤ ${pollInterval + 50} ms`,
    ],
  ];
}
