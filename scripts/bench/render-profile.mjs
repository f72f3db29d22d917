/**
 * What is inside each long task of the element's first render (issue 25 item 5):
 * the side-by-side page (scripts/bench/peers.mjs: the built element, Helios in
 * English, 4× CPU, 100 ms round trip) loaded cold with a trace holding the
 * timeline (script evaluation, style, layout, paint) and V8's sampling
 * profiler; each task over the threshold listed with its trace events' self
 * time and its samples traced back through dist/*.js.map to the sources.
 *
 *   node scripts/bench/render-profile.mjs [runs=3] [threshold ms=30]
 *
 * Run it under `flock /tmp/thymia-browser.lock` (it times things). Needs a
 * built dist/ (npx vite build) with source maps.
 */
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium-args.mjs';
import { NETWORK, PAGES, serve } from './peers.mjs';
import { decodeMappings } from './source-map.mjs';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const runs = Number(process.argv[2] ?? 3);
const threshold = Number(process.argv[3] ?? 30);
const name = process.env.PROFILE_PAGE ?? 'thymia';

const maps = new Map();
function original(url, line, column) {
  const file = basename(new URL(url).pathname);
  if (!maps.has(file)) {
    const path = join(root, 'dist', `${file}.map`);
    maps.set(file, existsSync(path) ? (() => { const map = JSON.parse(readFileSync(path, 'utf8')); return { map, lines: decodeMappings(map) }; })() : undefined);
  }
  const entry = maps.get(file);
  const segments = entry?.lines[line];
  if (!segments?.length) return `${file}:${line + 1}:${column + 1}`;
  let found;
  for (const segment of segments) {
    if (segment.column > column) break;
    if (segment.source !== undefined) found = segment;
  }
  found ??= segments.find((segment) => segment.source !== undefined);
  if (!found) return `${file}:${line + 1}:${column + 1}`;
  const source = entry.map.sources[found.source].replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '');
  return `${source}:${found.line + 1}`;
}

/** The trace's CPU profile (ProfileChunk events of the page's main thread) as samples `{ ts, stack }`. */
function samplesOf(events, pid, tid) {
  const nodes = new Map();
  const samples = [];
  const profiles = new Map();
  for (const event of events) {
    if (event.pid !== pid) continue;
    if (event.name === 'Profile') profiles.set(event.id, { ts: event.args.data.startTime, tid: event.tid });
    if (event.name !== 'ProfileChunk') continue;
    const profile = profiles.get(event.id);
    if (!profile || profile.tid !== tid) continue;
    const data = event.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(`${event.id}:${node.id}`, { ...node, key: `${event.id}:${node.id}`, parentKey: node.parent === undefined ? undefined : `${event.id}:${node.parent}` });
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i += 1) {
      profile.ts += deltas[i] ?? 0;
      samples.push({ ts: profile.ts, node: `${event.id}:${ids[i]}` });
    }
  }
  const stackOf = (key) => {
    const stack = [];
    for (let node = nodes.get(key); node; node = nodes.get(node.parentKey)) stack.push(node.callFrame);
    return stack;
  };
  return samples.map((sample) => ({ ts: sample.ts, stack: stackOf(sample.node) }));
}

const frameName = (frame) => {
  if (!frame.url) return frame.functionName || '(native)';
  if (frame.url.includes('/dist/') || frame.url.includes('/media-chrome/')) return `${frame.functionName || '(anon)'} ${original(frame.url, frame.lineNumber, frame.columnNumber)}`;
  return `${frame.functionName || '(anon)'} ${basename(frame.url)}:${frame.lineNumber + 1}`;
};

async function profileOnce(browser, origin) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await browser.startTracing(undefined, {
      categories: ['toplevel', ...(process.env.PROFILE_LIGHT ? [] : ['devtools.timeline']), ...(process.env.PROFILE_HEAVY ? ['disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink', 'loading', 'fonts', 'disabled-by-default-fonts', 'disabled-by-default-blink.debug.layout', 'ui', 'disabled-by-default-v8.compile', 'disabled-by-default-v8.runtime_stats'] : []), 'blink.user_timing', ...(process.env.PROFILE_SAMPLES === '0' ? [] : ['disabled-by-default-v8.cpu_profiler']), '__metadata'],
    });
    let usable;
    try {
      // Told by a console message: polling from here (waitForFunction) would run Playwright's injected script on the page's main thread during the load.
      const told = page.waitForEvent('console', { predicate: (message) => message.text() === 'bench-usable', timeout: 60_000 });
      await page.goto(`${origin}/${name}.html`, { waitUntil: 'commit' });
      await told;
      usable = await page.evaluate(() => window.__usable);
    } finally {
      var trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    }
    const events = trace.traceEvents ?? trace;
    const mark = events.find((event) => event.name === 'bench-usable' && event.cat?.includes('user_timing'));
    const threads = new Map(events.filter((event) => event.name === 'thread_name').map((event) => [`${event.pid}:${event.tid}`, event.args?.name]));
    const main = events.find((event) => event.pid === mark.pid && threads.get(`${event.pid}:${event.tid}`) === 'CrRendererMain');
    const origin0 = mark.ts - usable.at * 1000;
    const firstScript = origin0 + (Number.isFinite(usable.firstScriptAt) ? usable.firstScriptAt : 0) * 1000;
    const mine = events.filter((event) => event.pid === mark.pid && event.tid === main.tid && (event.ph === 'X' || event.ph === 'B' || event.ph === 'E'));
    // B/E joined.
    const open = [];
    const complete = [];
    for (const event of mine.sort((a, b) => a.ts - b.ts)) {
      if (event.ph === 'X') complete.push(event);
      else if (event.ph === 'B') open.push(event);
      else { const begin = open.pop(); if (begin) complete.push({ ...begin, dur: event.ts - begin.ts }); }
    }
    complete.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const tasks = complete.filter((event) => event.name === 'ThreadControllerImpl::RunTask' && event.ts < mark.ts && event.ts + event.dur > firstScript);
    const samples = samplesOf(events, mark.pid, main.tid);
    const out = { usable: usable.at, tasks: [] };
    for (const task of tasks) {
      const ms = task.dur / 1000;
      const inside = complete.filter((event) => event !== task && event.ts >= task.ts && event.ts + event.dur <= task.ts + task.dur);
      // Self time per event name.
      const stack = [];
      for (const event of inside) event.children = 0;
      for (const event of inside) {
        while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= event.ts) stack.pop();
        if (stack.length) stack[stack.length - 1].children += event.dur;
        stack.push(event);
      }
      const self = new Map();
      for (const event of inside) {
        const label = event.name + (event.name === 'EvaluateScript' || event.name === 'v8.compileModule' || event.name === 'v8.evaluateModule' ? ` ${basename(String(event.args?.data?.url ?? event.args?.fileName ?? ''))}` : '');
        self.set(label, (self.get(label) ?? 0) + Math.max(0, event.dur - event.children) / 1000);
      }
      const taskSamples = samples.filter((sample) => sample.ts >= task.ts && sample.ts <= task.ts + task.dur);
      const selfFrames = new Map();
      const inclusive = new Map();
      for (let i = 0; i < taskSamples.length; i += 1) {
        const next = taskSamples[i + 1]?.ts ?? task.ts + task.dur;
        const us = Math.min(next - taskSamples[i].ts, 2000);
        const stackFrames = taskSamples[i].stack;
        const top = stackFrames[0] ? frameName(stackFrames[0]) : '(none)';
        selfFrames.set(top, (selfFrames.get(top) ?? 0) + us / 1000);
        const seen = new Set();
        for (const frame of stackFrames) {
          const where = frame.url ? frameName(frame).replace(/:\d+$/, '') : frame.functionName;
          if (seen.has(where)) continue;
          seen.add(where);
          inclusive.set(where, (inclusive.get(where) ?? 0) + us / 1000);
        }
      }
      const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1)} ${k}`);
      const marks = events.filter((event) => event.cat?.includes('user_timing') && /^x-/.test(event.name) && event.ts >= task.ts && event.ts <= task.ts + task.dur && event.ph !== 'e').map((event) => `${event.name}@${((event.ts - task.ts) / 1000).toFixed(1)}`);
      out.tasks.push({ marks, at: (task.ts - origin0) / 1000, ms, src: `${task.args?.src_func ?? ''}`, events: top(self, Number(process.env.PROFILE_EVENTS ?? 14)), self: top(selfFrames, 25), inclusive: top(inclusive, 40) });
    }
    return out;
  } finally {
    await context.close();
  }
}

// Variants for experiments, e.g. PROFILE_PAGE=variant PROFILE_ATTRS='style="--thymia-font: 16px sans-serif"'.
if (process.env.PROFILE_ATTRS) PAGES.variant = { html: PAGES.thymia.html.replace('<thymia-recorder ', `<thymia-recorder ${process.env.PROFILE_ATTRS} `) };
// A static page with the idle screen's text and no script: what a fresh renderer's first text layout costs by itself.
PAGES.statictext = { html: PAGES.thymia.html.replace(/<script type="module"[^>]*><\/script>/, '').replace(/<thymia-recorder[^>]*><\/thymia-recorder>/, '<div style="font: 1rem/1.5 system-ui, sans-serif; max-width: 36rem; padding: 1.25rem"><h2>Talk about your day</h2><p>Press Record and talk about your day until the speech bar is full.</p><details><summary>Tips</summary><p>Find a quiet place.</p></details><div><button part="record-button">Record</button></div></div>').replace("document.querySelector('thymia-recorder')?.shadowRoot?.querySelector", 'document.querySelector') };
const { chromium } = await import('playwright-core');
const server = await serve(root);
const originUrl = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
try {
  await profileOnce(browser, originUrl); // warm-up
  for (let run = 0; run < runs; run += 1) {
    const result = await profileOnce(browser, originUrl);
    console.log(`\n=== run ${run + 1}: usable ${result.usable.toFixed(0)} ms; tasks: ${result.tasks.map((task) => `${task.at.toFixed(0)}:${task.ms.toFixed(0)}`).join(' ')}`);
    for (const task of result.tasks.filter((task) => task.ms >= threshold)) {
      console.log(`\n--- task at ${task.at.toFixed(0)} ms, ${task.ms.toFixed(1)} ms (${task.src})`);
      console.log('  trace self:', task.events.join(' | '));
      if (task.marks.length) console.log('  marks:', [...new Set(task.marks)].join(' '));
      if (process.env.PROFILE_INCLUSIVE !== '0') console.log('  inclusive:\n    ' + task.inclusive.join('\n    '));
      console.log('  self:\n    ' + task.self.join('\n    '));
    }
  }
} finally {
  await browser.close();
  server.close();
}
