/**
 * The server half's figures (part of `npm run bench`; alone: `node scripts/bench/server.mjs`):
 * status polls per second through createThymiaHandler (token check, thymia GET, schema, results
 * policy) against a bare pass-through proxy (fetch upstream, return it), side by side in one run,
 * both over the same instant mock upstream on loopback, each target in its own process (one core),
 * load from autocannon (bench/ package). Then the handler's heap after 100,000 polls against its
 * heap after the warm-up (both after a full GC): flat means no per-request state is kept.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HELIOS_SCORES } from '../../demo/backend/mock-thymia.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const autocannon = createRequire(join(root, 'bench', 'package.json'))('autocannon');

/** thymia's answer for a completed Helios run, served instantly. */
function startUpstream() {
  const body = JSON.stringify({
    id: '5a4c1d9e-0b7f-4c41-9d55-3e2f1a6b7c80',
    status: 'COMPLETE_OK',
    createdAt: '2026-12-01T10:00:00Z',
    completedAt: '2026-12-01T10:00:30Z',
    userLabel: 'bench-label',
    warnings: [],
    model: 'helios-2.1',
    results: { sections: [{ startSecs: 0, finishSecs: 30, transcript: 'The North Wind and the Sun.', ...Object.fromEntries(Object.entries(HELIOS_SCORES).map(([k, v]) => [k, { value: v }])) }] },
  });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1');
  return once(server, 'listening').then(() => ({ url: `http://127.0.0.1:${server.address().port}`, close: () => (server.closeAllConnections(), server.close()) }));
}

/** @param {'handler' | 'proxy'} mode @param {string} upstream */
async function startTarget(mode, upstream) {
  const child = spawn(process.execPath, ['--expose-gc', join(here, 'server-target.mjs'), mode, upstream], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  for await (const chunk of child.stdout) {
    output += chunk;
    const match = output.match(/LISTENING (\d+) (\S+)/);
    if (match) return { url: `http://127.0.0.1:${match[1]}`, path: match[2], child };
  }
  throw new Error(`${mode} target did not start: ${output}`);
}

/** @param {string} url @param {{ amount?: number, duration?: number }} load */
function hit(url, load) {
  return autocannon({ url, connections: 16, pipelining: 1, ...load });
}

/** @param {string} base */
async function heap(base) {
  return (await (await fetch(`${base}/__mem`)).json()).heapUsed;
}

/**
 * @param {{ figure: (name: string, value: number, unit: string, budget?: string, note?: string) => void, table?: (head: string[], rows: string[][]) => void }} out
 */
export async function serverBench(out) {
  if (!existsSync(join(root, 'dist', 'lib', 'server', 'index.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.server.json'], { cwd: root, stdio: 'inherit' });
  const upstream = await startUpstream();
  /** @type {Record<string, any>} */
  const results = {};
  try {
    for (const mode of /** @type {const} */ (['proxy', 'handler'])) {
      const target = await startTarget(mode, upstream.url);
      try {
        await hit(`${target.url}${target.path}`, { amount: 2_000 });
        // Throughput and latency: the same 10 s for both, side by side in one run.
        const run = await hit(`${target.url}${target.path}`, { duration: 10 });
        if (run.non2xx || run.errors) throw new Error(`${mode}: ${run.non2xx} non-2xx, ${run.errors} errors`);
        results[mode] = { rps: run.requests.average, p50: run.latency.p50, p99: run.latency.p99 };
        if (mode === 'handler') {
          // Memory: the heap after a full GC, after the warm-up, after 50,000 more polls and after 100,000:
          // flat means the second 50,000 add nothing (the first may still grow code and pools).
          results[mode].warm = await heap(target.url);
          for (const at of ['half', 'after']) {
            const long = await hit(`${target.url}${target.path}`, { amount: 50_000 });
            if (long.non2xx || long.errors) throw new Error(`${mode}: ${long.non2xx} non-2xx, ${long.errors} errors`);
            results[mode][at] = await heap(target.url);
          }
        }
      } finally {
        if (target.child.exitCode === null) {
          const exited = once(target.child, 'exit');
          target.child.kill();
          await exited;
        }
      }
    }
  } finally {
    upstream.close();
  }
  const { handler, proxy } = results;
  const MB = 1024 * 1024;
  out.figure('server.polls_per_second', Math.round(handler.rps), 'req/s', undefined, `bare proxy ${Math.round(proxy.rps)} req/s`);
  out.figure('server.polls_vs_proxy', Math.round((handler.rps / proxy.rps) * 100), '%', '≥ 80 %');
  out.figure('server.latency_p50_added', handler.p50 - proxy.p50, 'ms', undefined, `handler ${handler.p50} ms, proxy ${proxy.p50} ms`);
  out.figure('server.latency_p99_added', handler.p99 - proxy.p99, 'ms', '≤ 1 ms', `handler ${handler.p99} ms, proxy ${proxy.p99} ms`);
  const mb = (bytes) => Math.round((bytes / MB) * 10) / 10;
  out.figure('server.heap_after_100k_polls', mb(handler.after), 'MB', undefined, `after warm-up ${mb(handler.warm)} MB, after 50,000 ${mb(handler.half)} MB`);
  out.figure('server.heap_growth_second_50k_polls', mb(handler.after - handler.half), 'MB', '≈ 0 (flat)');
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await serverBench({ figure: (name, value, unit, budget, note) => console.log(`${name} ${value} ${unit}${budget ? ` (budget ${budget})` : ''}${note ? ` — ${note}` : ''}`) });
  console.log(JSON.stringify(results));
}
