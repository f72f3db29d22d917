// sqliteStore (thymia-recorder/server/sqlite): the store contract on ':memory:' and on a file, and
// erasure that leaves none of the person's data in the database file's bytes (secure_delete). The
// BUILT store (dist/lib/server; scripts/test.sh builds it when stale).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { heliosResults, run, storeContract } from './support/store-contract.mjs';
import { sqliteStore } from '../../dist/lib/server/sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'thymia-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));

storeContract('sqlite :memory:', async () => sqliteStore({ path: ':memory:' }));
storeContract('sqlite file', async () => sqliteStore({ path: join(dir, 'contract.db') }));

test('sqlite: erasure leaves no trace of the person in the database file', async () => {
  const path = join(dir, 'erase.db');
  const store = sqliteStore({ path });
  const leaving = 'subject-leaving-7f3a9c';
  const staying = 'subject-staying-2b81d0';
  const transcript = 'transcript-marker-only-the-leaving-person-said';
  for (let i = 0; i < 40; i++) {
    const results = heliosResults(i / 40, { transcript: `${transcript} ${i}` });
    await store.saveRun(leaving, run(`2026-11-01T08:${String(i).padStart(2, '0')}:00.000Z`, { results, runId: `run-leaving-${i}` }));
  }
  await store.saveRun(staying, run('2026-11-02T08:00:00.000Z', { runId: 'run-staying-0' }));
  const contains = (needle) => readFileSync(path).includes(Buffer.from(needle));
  // The file holds them before: the check below can fail.
  assert.ok(contains(leaving) && contains(transcript) && contains('run-leaving-7'), 'the saved runs are in the file');

  assert.equal(await store.eraseSubject(leaving), 40);
  for (const needle of [leaving, transcript, 'run-leaving-']) assert.ok(!contains(needle), `${needle} is gone from the file`);
  assert.ok(contains(staying), "the other person's run is still there");
  // The rollback journal, which held the erased pages during the delete, is gone with the commit.
  assert.ok(!existsSync(`${path}-journal`) && !existsSync(`${path}-wal`));
  await store.close();
});

test('sqlite: a file store keeps runs across a restart, and migrates an existing file without loss', async () => {
  const path = join(dir, 'restart.db');
  const first = sqliteStore({ path });
  const saved = run('2026-12-01T09:00:00.000Z');
  await first.saveRun('restart-person', saved);
  await first.close();
  const second = sqliteStore({ path });
  await second.migrate();
  assert.deepEqual(await second.listRuns('restart-person', { limit: 5 }), [saved]);
  await second.close();
});

test('sqlite: retentionDays given to the store applies on every save', async () => {
  const store = sqliteStore({ path: ':memory:', retentionDays: 7 });
  await store.saveRun('kept-a-week', run('2026-11-01T08:00:00.000Z'));
  await store.saveRun('kept-a-week', run('2026-12-06T08:00:00.000Z'), { now: new Date('2026-12-07T00:00:00.000Z') });
  assert.deepEqual((await store.listRuns('kept-a-week', { limit: 5 })).map((r) => r.completedAt.slice(0, 10)), ['2026-12-06']);
  await store.close();
});
