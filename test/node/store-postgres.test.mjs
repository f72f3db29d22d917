// postgresStore (thymia-recorder/server/postgres): the store contract, and two "replicas" (two
// stores, two connection pools) on one database saving the same run at once. The server is
// THYMIA_POSTGRES_URL when set, else the throw-away cluster of scripts/postgres/start.sh (started
// here when it is not running). Skipped, saying why, only where no PostgreSQL binaries exist. The
// BUILT store (dist/lib/server; scripts/test.sh builds it when stale).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import pg from 'pg';
import { run, storeContract, subject } from './support/store-contract.mjs';
import { postgresStore } from '../../dist/lib/server/postgres.js';

function serverUrl() {
  if (process.env.THYMIA_POSTGRES_URL) return { url: process.env.THYMIA_POSTGRES_URL };
  const installed = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').length > 0;
  if (!installed) return { skip: 'SKIPPED: no PostgreSQL here (apt-get install postgresql, or set THYMIA_POSTGRES_URL)' };
  const script = new URL('../../scripts/postgres/start.sh', import.meta.url).pathname;
  const out = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return { url: out.trim().split('\n').pop() };
}

const { url, skip } = serverUrl();
if (skip) console.warn(`store-postgres: ${skip}`);

/** A database of its own for one test, dropped by the returned function. */
async function freshDatabase() {
  const name = `thymia_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.href,
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database ${name} with (force)`);
      await client.end();
    },
  };
}

storeContract('postgres', async () => postgresStore({ url }), { skip });

test('postgres: two replicas saving the same run at once keep one row', { skip }, async () => {
  const database = await freshDatabase();
  // Two stores = two pools = two instances of a host; both migrate at once on the empty database too.
  const replicas = [postgresStore({ url: database.url }), postgresStore({ url: database.url })];
  try {
    await Promise.all(replicas.map((store) => store.migrate()));
    const person = subject('replicas');
    for (let round = 0; round < 10; round++) {
      const saved = run(`2026-12-0${1 + (round % 7)}T09:00:00.000Z`);
      // Each replica polls twice: four concurrent saves of one run id on eight connections.
      await Promise.all(replicas.flatMap((store) => [store.saveRun(person, saved), store.saveRun(person, saved)]));
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query('select count(*)::int as n, count(distinct run_id)::int as runs from thymia_runs');
    await client.end();
    assert.deepEqual(rows[0], { n: 10, runs: 10 });
    for (const store of replicas) assert.equal((await store.listRuns(person, { limit: 50 })).length, 10);
  } finally {
    await Promise.all(replicas.map((store) => store.close()));
    await database.drop();
  }
});

test('postgres: the history query reads its index in order: no table scan, no sort', { skip }, async () => {
  const store = postgresStore({ url });
  await store.migrate();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // A small table makes any plan cheap: with the alternatives priced out, is there an index that
    // serves this query in its order? (Without one the plan still sorts or scans, and this fails.)
    await client.query('set enable_seqscan = off; set enable_bitmapscan = off; set enable_sort = off');
    const plan = await client.query(
      "explain select run_id, model, completed_at, results from thymia_runs where subject = $1 order by completed_at desc, run_id desc limit 50",
      ['someone'],
    );
    const text = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    assert.match(text, /Index Scan (Backward )?using thymia_runs_subject_completed on thymia_runs/, text);
    assert.doesNotMatch(text, /Sort/, text);
  } finally {
    await client.end();
    await store.close();
  }
});
