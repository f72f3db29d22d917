/**
 * Where a page's main-thread time went: a CDP `Profiler` profile (V8's
 * sampling profiler) reduced to self time per function and per source
 * file. Frames in the built element are traced back through its source maps
 * (dist/*.js.map) to the TypeScript (or the package in node_modules) they came
 * from, so the minified names do not hide which part of the element is busy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decodeMappings } from './source-map.mjs';

/** Looks up generated positions of dist files in their source maps (loaded once each). */
function sourceMaps(distDir) {
  const cache = new Map();
  const load = (file) => {
    if (cache.has(file)) return cache.get(file);
    const path = join(distDir, `${file}.map`);
    let entry;
    if (existsSync(path)) {
      const map = JSON.parse(readFileSync(path, 'utf8'));
      entry = { map, lines: decodeMappings(map) };
    }
    cache.set(file, entry);
    return entry;
  };
  /** @returns {{ source: string, line: number, text: string, name?: string } | undefined} */
  return (file, line, column) => {
    const entry = load(file);
    const segments = entry?.lines[line];
    if (!segments?.length) return undefined;
    let found;
    for (const segment of segments) {
      if (segment.column > column) break;
      if (segment.source !== undefined) found = segment;
    }
    found ??= segments.find((segment) => segment.source !== undefined);
    if (!found) return undefined;
    const source = entry.map.sources[found.source].replace(/^(\.\.\/)+/, '');
    const text = entry.map.sourcesContent?.[found.source]?.split('\n')[found.line]?.trim() ?? '';
    return { source, line: found.line + 1, text, name: found.name === undefined ? undefined : entry.map.names[found.name] };
  };
}

/** A source path shown by the part it belongs to: `src/capture/voice-activity.ts`, or the package. */
function area(source) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return pkg ? pkg[1] : source;
}

/**
 * Self time per function and per area (source file or package), in ms,
 * with the profile's idle, GC and "(program)" (browser work outside JS) apart.
 * `origin` is the page's origin, to tell the element's files from the page's.
 */
export function summarizeProfile(profile, { distDir, origin }) {
  const lookup = sourceMaps(distDir);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  // A sample's time runs until the next sample (the last one gets the interval before it).
  for (let i = 0; i < samples.length; i += 1) {
    const us = i + 1 < samples.length ? timeDeltas[i + 1] : timeDeltas[i];
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + Math.max(0, us));
  }
  const wallMs = (profile.endTime - profile.startTime) / 1000;
  const byFunction = new Map();
  const byArea = new Map();
  const special = { idle: 0, program: 0, gc: 0 };
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) continue;
    const ms = us / 1000;
    const { functionName, url, lineNumber, columnNumber } = frame;
    if (functionName === '(idle)') special.idle += ms;
    else if (functionName === '(program)') special.program += ms;
    else if (functionName === '(garbage collector)') special.gc += ms;
    if (['(idle)', '(program)', '(garbage collector)', '(root)'].includes(functionName)) continue;
    let key;
    let where;
    let group;
    const file = url.startsWith(origin) ? new URL(url).pathname.slice(1) : '';
    if (/^thymia-recorder(-[\w-]+)?\.js$/.test(file)) {
      const original = lookup(file, lineNumber, columnNumber);
      if (original) {
        where = `${original.source}:${original.line}`;
        key = `${where} ${original.text.slice(0, 60)}`;
        group = area(original.source);
      } else {
        where = `${file}:${lineNumber + 1}:${columnNumber + 1}`;
        key = `${functionName || '(anonymous)'} ${where}`;
        group = file;
      }
    } else if (file) {
      where = `${file}:${lineNumber + 1}`;
      key = `${functionName || '(anonymous)'} (bench page ${where})`;
      group = `bench page (${basename(file)})`;
    } else {
      where = url || '(native)';
      key = `${functionName || '(anonymous)'} ${url ? `(${url})` : '(native)'}`;
      group = url ? url : `(native) ${functionName}`;
    }
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byArea.set(group, (byArea.get(group) ?? 0) + ms);
  }
  byArea.set('(garbage collector)', special.gc);
  byArea.set('(program): browser work outside JS', special.program);
  const sorted = (map) => [...map].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  const busyMs = wallMs - special.idle;
  return { wallMs, busyMs, idleMs: special.idle, functions: sorted(byFunction), areas: sorted(byArea) };
}

/** Trace events of one thread as complete events (`B`/`E` pairs joined), in start order. */
function completeEvents(events) {
  const open = [];
  const done = [];
  for (const event of events) {
    if (event.ph === 'X' && typeof event.dur === 'number') done.push(event);
    else if (event.ph === 'B') open.push(event);
    else if (event.ph === 'E') {
      const begin = open.pop();
      if (begin) done.push({ ...begin, ph: 'X', dur: event.ts - begin.ts });
    }
  }
  return done.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/**
 * Where the renderer's main thread spends its time, from a Chromium trace
 * (categories devtools.timeline + toplevel): self time per trace event
 * (style, layout, paint, script, event dispatch…) and top-level tasks grouped
 * by where they were posted from (timers, the audio callback, the recorder…).
 */
export function summarizeTrace(trace) {
  const events = trace.traceEvents ?? trace;
  const mains = events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  const threadEvents = mains
    .map(({ pid, tid }) => events.filter((event) => event.pid === pid && event.tid === tid && event.ph !== 'M'))
    .sort((a, b) => b.length - a.length)[0];
  if (!threadEvents?.length) return undefined;
  const all = completeEvents(threadEvents);
  const spanUs = Math.max(...all.map((event) => event.ts + event.dur)) - Math.min(...all.map((event) => event.ts));
  // Self time: an event's duration less its direct children's.
  const stack = [];
  const self = new Map();
  for (const event of all) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= event.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children = (parent.children ?? 0) + event.dur;
    stack.push(event);
  }
  for (const event of all) {
    const entry = self.get(event.name) ?? { name: event.name, ms: 0, count: 0 };
    entry.ms += Math.max(0, event.dur - (event.children ?? 0)) / 1000;
    entry.count += 1;
    self.set(event.name, entry);
  }
  const tasks = new Map();
  let taskUs = 0;
  for (const event of all) {
    if (event.name !== 'ThreadControllerImpl::RunTask' && event.name !== 'RunTask') continue;
    // Each task counted whole (tasks on this thread do not nest outside nested run loops).
    taskUs += event.dur;
    const from = event.args?.src_func ? `${event.args.src_func} (${String(event.args.src_file ?? '').split('/').slice(-2).join('/')})` : '(no posting location)';
    const entry = tasks.get(from) ?? { name: from, ms: 0, count: 0 };
    entry.ms += event.dur / 1000;
    entry.count += 1;
    tasks.set(from, entry);
  }
  // CSS animations and transitions started (category blink.animations), and why any left the compositor.
  const animations = new Map();
  const notComposited = new Set();
  for (const event of events) {
    if (event.name !== 'Animation') continue;
    const data = event.args?.data ?? {};
    if (event.ph === 'b' && data.displayName) {
      const key = `${data.displayName} on ${data.nodeName ?? '?'}`;
      animations.set(key, { name: key, ms: 0, count: (animations.get(key)?.count ?? 0) + 1 });
    }
    for (const property of data.unsupportedProperties ?? []) notComposited.add(property);
  }
  const sorted = (map) => [...map.values()].sort((a, b) => b.ms - a.ms || b.count - a.count);
  return {
    spanMs: spanUs / 1000,
    taskMs: taskUs / 1000,
    events: sorted(self).filter(({ name }) => !/RunTask$/.test(name)),
    tasks: sorted(tasks),
    animations: sorted(animations),
    notComposited: [...notComposited],
  };
}
