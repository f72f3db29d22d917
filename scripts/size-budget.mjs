// @ts-check
/**
 * Size budgets that are deterministic, so CI can hold them: the packed tarball's bytes (what
 * `npm install thymia-recorder` downloads) and the first load of a Helios page in English as
 * Chromium fetches it (scripts/first-load.mjs: every file from dist/ until Record is usable,
 * gzip -9). Prints each figure against its budget and exits 1 when one is over. Timings never
 * gate CI; they are the bench's job.
 *
 *   node scripts/size-budget.mjs            (after npm run build)
 *   TARBALL_BUDGET=100000 FIRST_LOAD_BUDGET=10000 node scripts/size-budget.mjs   (prove it fails)
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measureFirstLoad } from './first-load.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
/**
 * 400 KB. The largest single file is the joining of a take's parts (mediabunny, 83 KB gzip,
 * loaded only when a take resumes on a new recorder); the internal layers' declarations carry no
 * doc comments and integrity.json hashes only the scripts a page loads, which is how 0.2.0's 441 KB came
 * under (388 KB).
 */
export const TARBALL_BUDGET_BYTES = Number(process.env.TARBALL_BUDGET ?? 400_000);
/**
 * 20 KiB (20,480 B). 0.2.0 shipped 22,716 B with pause/resume in the core; pausing, restoring a
 * kept take, the upload/analysis/result screens, the live region's sentences, the strings that
 * follow Record and the take itself (recorder, parts, joining: `TakeCapture`, with the engine) now
 * load when Record is pressed (20,194 B).
 */
export const FIRST_LOAD_BUDGET_BYTES = Number(process.env.FIRST_LOAD_BUDGET ?? 20_480);

const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: repo, encoding: 'utf8' }));
const loads = await measureFirstLoad();
const helios = loads.find((load) => load.name === 'helios-en');
if (!helios) throw new Error('no first-load figure for helios-en');
const rows = [
  { name: 'tarball packed', bytes: packed.size, budget: TARBALL_BUDGET_BYTES, note: `${packed.entryCount} files, ${packed.unpackedSize} B unpacked` },
  { name: 'first load, Helios page in English (gzip -9)', bytes: helios.gzip, budget: FIRST_LOAD_BUDGET_BYTES, note: helios.files.map((file) => `${file.file} ${file.gzip} B`).join(', ') },
];
for (const load of loads.filter((other) => other !== helios)) console.log(`     first load, ${load.name}: ${load.gzip} B gzip in ${load.files.length} files (reported, no budget)`);
let over = false;
for (const row of rows) {
  const ok = row.bytes <= row.budget;
  over ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${row.name} ${row.bytes} B (budget ${row.budget} B; ${row.note})`);
}
process.exit(over ? 1 : 0);
