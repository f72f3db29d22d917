/**
 * Fails when src/ has an import cycle (type-only imports included): the
 * layers import one way only. `node scripts/check-cycles.mjs [dir]`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
const files = [];
const walk = (d) => { for (const f of readdirSync(d)) { const p = join(d, f); statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') && files.push(resolve(p)); } };
walk(process.argv[2] ?? 'src');
const graph = new Map();
for (const f of files) {
  const src = readFileSync(f, 'utf8');
  const deps = [...src.matchAll(/(?:import|export)[^'"]*?from\s+'(\.[^']+)'/g)].map((m) => resolve(dirname(f), m[1].replace(/\.js$/, '.ts')));
  graph.set(f, deps.filter((d) => files.includes(d)));
}
const state = new Map(); const stack = []; const cycles = [];
const visit = (n) => { state.set(n, 1); stack.push(n); for (const d of graph.get(n)) { if (state.get(d) === 1) cycles.push(stack.slice(stack.indexOf(d)).concat(d).map((p) => p.replace(process.cwd() + '/', ''))); else if (!state.get(d)) visit(d); } stack.pop(); state.set(n, 2); };
for (const f of files) if (!state.get(f)) visit(f);
console.log(cycles.length ? cycles.map((c) => c.join(' -> ')).join('\n') : 'no import cycles');
process.exit(cycles.length ? 1 : 0);
