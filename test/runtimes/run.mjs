/**
 * Runs the shared flow (./shared-flow.mjs) against the BUILT server half
 * hosted in each runtime: node:http, Express 5, Bun, Deno and workerd
 * (Miniflare), each over loopback against one mock thymia. Installs this
 * folder's own dependencies when missing and builds dist/lib/server when
 * stale. Ends with "runtimes: P passed, F failed" (one count per check per
 * runtime); a runtime that cannot start is reported with its exact error.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockThymia } from '../helpers/server-half.mjs';
import { runSharedFlow } from './shared-flow.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const bin = (name) => join(here, 'node_modules', '.bin', name);

// This folder's own dependencies (npm ci when node_modules is missing or older than the lock).
execFileSync('bash', [join(root, 'scripts', 'ensure-deps.sh'), 'test/runtimes'], { cwd: root, stdio: 'inherit' });
const built = join(root, 'dist', 'lib', 'server', 'index.js');
const newest = (dir) => readdirSync(dir, { recursive: true }).reduce((max, file) => Math.max(max, statSync(join(dir, String(file))).mtimeMs), 0);
if (!existsSync(built) || Math.max(newest(join(root, 'src', 'server')), newest(join(root, 'src', 'api'))) > statSync(built).mtimeMs) {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.server.json'], { cwd: root, stdio: 'inherit' });
}

const API_KEY = 'runtimes-api-key';
const RUNTIMES = [
  { name: 'node:http', command: process.execPath, args: ['servers/node-http.mjs'] },
  { name: 'express 5', command: process.execPath, args: ['servers/express.mjs'] },
  { name: 'bun', command: bin('bun'), args: ['servers/bun.mjs'] },
  { name: 'deno', command: bin('deno'), args: ['run', '--allow-net', '--allow-read', '--allow-env', '--no-prompt', 'servers/deno.mjs'] },
  { name: 'workerd', command: process.execPath, args: ['servers/workerd.mjs'] },
];

/** Starts a runtime's server and waits (bounded) for its LISTENING line. */
function start(runtime, mockUrl) {
  return new Promise((resolve, reject) => {
    const child = spawn(runtime.command, [...runtime.args, '0', API_KEY, mockUrl], { cwd: here, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no LISTENING line within 60 s: ${output.trim().slice(-2000)}`));
    }, 60_000);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/LISTENING (\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${match[1]}` });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening: ${output.trim().slice(-2000)}`));
    });
  });
}

const thymia = await startMockThymia({ apiKey: API_KEY });
let passed = 0;
let failed = 0;
const only = process.env.RUNTIMES?.split(',');
for (const runtime of RUNTIMES.filter((r) => !only || only.includes(r.name))) {
  let server;
  try {
    server = await start(runtime, thymia.url);
  } catch (error) {
    failed += 1;
    console.log(`✗ ${runtime.name}: could not start: ${error instanceof Error ? error.message : error}`);
    continue;
  }
  try {
    const outcomes = await runSharedFlow(server.url);
    for (const outcome of outcomes) {
      if (outcome.ok) passed += 1;
      else failed += 1;
      console.log(`${outcome.ok ? '✓' : '✗'} ${runtime.name}: ${outcome.name}${outcome.ok ? '' : ` — ${outcome.error}`}`);
    }
  } finally {
    server.child.removeAllListeners('exit');
    server.child.kill('SIGTERM');
    await new Promise((resolve) => {
      const kill = setTimeout(() => server.child.kill('SIGKILL'), 5000);
      server.child.once('exit', () => (clearTimeout(kill), resolve(undefined)));
    });
  }
}
thymia.close();
console.log(`runtimes: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
