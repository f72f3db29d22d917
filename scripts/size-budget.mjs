// @ts-check
/**
 * Size budgets that are deterministic, so CI can hold them: the packed tarball's bytes (what
 * `npm install thymia-recorder` downloads). Prints each figure against its budget and exits 1 when
 * one is over. Timings never gate CI; they are the bench's job.
 *
 *   node scripts/size-budget.mjs            (after npm run build)
 *   TARBALL_BUDGET=100000 node scripts/size-budget.mjs   (prove it fails)
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
export const TARBALL_BUDGET_BYTES = Number(process.env.TARBALL_BUDGET ?? 400_000);

const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: repo, encoding: 'utf8' }));
const rows = [{ name: 'tarball packed', bytes: packed.size, budget: TARBALL_BUDGET_BYTES, note: `${packed.entryCount} files, ${packed.unpackedSize} B unpacked` }];
let over = false;
for (const row of rows) {
  const ok = row.bytes <= row.budget;
  over ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${row.name} ${row.bytes} B (budget ${row.budget} B; ${row.note})`);
}
process.exit(over ? 1 : 0);
