/**
 * The history store's figures (part of `npm run bench`; alone: `node scripts/bench/history.mjs`):
 * on the embedded SQLite store (a file) and on Postgres (scripts/postgres/start.sh's throw-away
 * cluster), runs kept per second (saveRun, each its own commit) and history reads per second
 * (listRuns, 50 newest of one person), and the history query's p50/p99 with 10,000 and then
 * 100,000 stored runs across 10,000 people: the (subject, completed_at) index keeps it flat.
 * The BUILT stores (dist/lib/server; built here when missing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PEOPLE = 10_000;
const WRITES = 2_000;
const READS = 2_000;
const CONCURRENCY = 8;

/** A kept Helios result about the size thymia's is (≈ 700 B of JSON). */
function results(i) {
  const section = { startSecs: 0, finishSecs: 60, mentalStrain: { value: (i % 100) / 100 } };
  for (const name of ['distress', 'stress', 'exhaustion', 'sleepPropensity', 'lowSelfEsteem']) {
    section[name] = { value: [0, 0.33, 0.66, 1][i % 4] };
    section[`uniform${name[0].toUpperCase()}${name.slice(1)}`] = { value: ((i * 7) % 100) / 100 };
  }
  return { id: `run-${i}`, status: 'COMPLETE_OK', createdAt: '2026-12-01T10:00:00Z', completedAt: '2026-12-01T10:00:30Z', warnings: [], results: { sections: [section] } };
}

/** Row i of the bulk load: person i % PEOPLE, one run a day further back each round. */
function row(i) {
  const completedAt = new Date(Date.UTC(2026, 11, 1) - Math.floor(i / PEOPLE) * 86_400_000 - (i % PEOPLE) * 1000).toISOString();
  return { run_id: `bulk-${i}`, subject: `person-${i % PEOPLE}`, model: 'helios', completed_at: completedAt, results: JSON.stringify(results(i)), saved_at: completedAt };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Runs `count` calls of `task(i)`, `concurrency` at a time; answers per-second and the latencies' p50/p99 in ms. */
async function measure(count, concurrency, task) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: Math.round(count / seconds), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const readPerson = (i) => `person-${(i * 7919) % PEOPLE}`;

async function benchStore(name, store, bulkLoad, concurrency, figure) {
  await store.migrate();
  await bulkLoad(0, PEOPLE);
  const small = await measure(READS, concurrency, (i) => store.listRuns(readPerson(i), { model: 'helios', limit: 50 }));
  await bulkLoad(PEOPLE, 10 * PEOPLE);
  const reads = await measure(READS, concurrency, (i) => store.listRuns(readPerson(i), { model: 'helios', limit: 50 }));
  const writes = await measure(WRITES, concurrency, (i) =>
    store.saveRun(`writer-${i % 100}`, { runId: `w-${i}`, model: 'helios', completedAt: new Date(Date.UTC(2026, 11, 2) + i * 1000).toISOString(), results: results(i) }),
  );
  figure(`history.${name}.writes`, writes.perSecond, 'runs/s', undefined, `saveRun, ${concurrency} at a time, each its own commit`);
  figure(`history.${name}.reads`, reads.perSecond, 'queries/s', undefined, `listRuns (50 newest of one person) with 100,000 runs stored, ${concurrency} at a time`);
  figure(`history.${name}.query-p50-10k`, Number(small.p50.toFixed(2)), 'ms', undefined, '10,000 runs across 10,000 people');
  figure(`history.${name}.query-p99-10k`, Number(small.p99.toFixed(2)), 'ms');
  figure(`history.${name}.query-p50-100k`, Number(reads.p50.toFixed(2)), 'ms', undefined, '100,000 runs across 10,000 people');
  figure(`history.${name}.query-p99-100k`, Number(reads.p99.toFixed(2)), 'ms');
  await store.close();
}

export async function historyBench({ figure }) {
  if (!existsSync(join(root, 'dist/lib/server/sqlite.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.server.json'], { cwd: root, stdio: 'inherit' });
  const { sqliteStore } = await import(pathToFileURL(join(root, 'dist/lib/server/sqlite.js')).href);
  const { postgresStore } = await import(pathToFileURL(join(root, 'dist/lib/server/postgres.js')).href);

  // SQLite: a file, as the demo keeps it (rollback journal, secure_delete).
  const dir = mkdtempSync(join(tmpdir(), 'thymia-history-bench-'));
  try {
    const path = join(dir, 'history.sqlite');
    const bulk = new Database(path);
    const loadSqlite = async (from, to) => {
      const insert = bulk.prepare('insert into thymia_runs (run_id, subject, model, completed_at, results, saved_at) values (@run_id, @subject, @model, @completed_at, @results, @saved_at)');
      bulk.transaction(() => {
        for (let i = from; i < to; i++) insert.run(row(i));
      })();
    };
    // One connection at a time in SQLite: the store's queries run one after another anyway.
    await benchStore('sqlite', sqliteStore({ path }), loadSqlite, 1, figure);
    bulk.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Postgres: the throw-away cluster, a database of its own.
  let url = process.env.THYMIA_POSTGRES_URL;
  if (!url) {
    try {
      url = execFileSync('bash', [join(root, 'scripts/postgres/start.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop();
    } catch {
      console.log('(No Postgres figures: scripts/postgres/start.sh could not start a server.)');
      return;
    }
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const database = `thymia_bench_${Date.now()}`;
  await admin.query(`create database ${database}`);
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: benchUrl.href });
  try {
    await client.connect();
    const loadPostgres = async (from, to) => {
      for (let start = from; start < to; start += 1000) {
        const rows = Array.from({ length: Math.min(1000, to - start) }, (_, k) => row(start + k));
        const values = rows.map((_, k) => `($${k * 6 + 1}, $${k * 6 + 2}, $${k * 6 + 3}, $${k * 6 + 4}, $${k * 6 + 5}, $${k * 6 + 6})`).join(', ');
        await client.query(`insert into thymia_runs (run_id, subject, model, completed_at, results, saved_at) values ${values}`, rows.flatMap((r) => [r.run_id, r.subject, r.model, r.completed_at, r.results, r.saved_at]));
      }
      await client.query('analyze thymia_runs');
    };
    await benchStore('postgres', postgresStore({ url: benchUrl.href }), loadPostgres, CONCURRENCY, figure);
  } finally {
    await client.end();
    await admin.query(`drop database ${database} with (force)`);
    await admin.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await historyBench({ figure: (name, value, unit, budget, note) => console.log(`${name} ${value} ${unit}${note ? ` — ${note}` : ''}`) });
}
