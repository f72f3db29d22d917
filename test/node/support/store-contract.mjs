// The ThymiaStore contract, run against each implementation (SQLite, Postgres, D1) by its own test
// file. Every test uses subjects of its own, so the implementations may share one database.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

/** A Helios-like status answer, after the results policy. */
export function heliosResults(strain, extra = {}) {
  return { status: 'COMPLETE_OK', results: { sections: [{ mentalStrain: { value: strain } }] }, ...extra };
}

export function run(completedAt, { model = 'helios', results = heliosResults(0.4), runId = randomUUID() } = {}) {
  return { runId, model, completedAt, results };
}

/** A subject id no other test uses. */
export const subject = (label) => `${label}-${randomUUID()}`;

/**
 * @param {string} name
 * @param {() => Promise<import('../../../dist/lib/server/store.js').ThymiaStore>} open a fresh store on the shared database
 * @param {{ skip?: string }} [options]
 */
export function storeContract(name, open, { skip } = {}) {
  describe(`${name}: the ThymiaStore contract`, { skip }, () => {
    let store;
    before(async () => {
      store = await open();
      await store.migrate();
    });
    after(() => store?.close());

    test('migrate() runs again without error and keeps what is stored', async () => {
      const person = subject('migrate');
      await store.saveRun(person, run('2026-12-01T09:00:00.000Z'));
      await store.migrate();
      assert.equal((await store.listRuns(person, { limit: 10 })).length, 1);
    });

    test('a saved run comes back as it was saved, its results intact', async () => {
      const person = subject('round-trip');
      const saved = run('2026-12-01T09:00:00.000Z', { results: heliosResults(0.25, { warnings: ['short'], note: 'ü 日本' }) });
      await store.saveRun(person, saved);
      assert.deepEqual(await store.listRuns(person, { limit: 10 }), [saved]);
    });

    test('saving one run id twice keeps the first save only', async () => {
      const person = subject('idempotent');
      const first = run('2026-12-01T09:00:00.000Z', { results: heliosResults(0.1) });
      await store.saveRun(person, first);
      await store.saveRun(person, { ...first, results: heliosResults(0.9) });
      assert.deepEqual(await store.listRuns(person, { limit: 10 }), [first]);
    });

    test('twenty concurrent saves of one run keep one row', async () => {
      const person = subject('concurrent');
      const saved = run('2026-12-01T09:00:00.000Z');
      await Promise.all(Array.from({ length: 20 }, () => store.saveRun(person, saved)));
      assert.equal((await store.listRuns(person, { limit: 50 })).length, 1);
    });

    test('newest first, at most limit, filtered by model', async () => {
      const person = subject('order');
      const days = ['2026-11-03', '2026-11-01', '2026-11-05', '2026-11-02', '2026-11-04'];
      for (const day of days) await store.saveRun(person, run(`${day}T08:00:00.000Z`));
      await store.saveRun(person, run('2026-11-06T08:00:00.000Z', { model: 'apollo' }));
      const all = await store.listRuns(person, { limit: 50 });
      assert.deepEqual(
        all.map((r) => r.completedAt.slice(0, 10)),
        ['2026-11-06', '2026-11-05', '2026-11-04', '2026-11-03', '2026-11-02', '2026-11-01'],
      );
      const helios = await store.listRuns(person, { model: 'helios', limit: 3 });
      assert.deepEqual(
        helios.map((r) => [r.model, r.completedAt.slice(0, 10)]),
        [['helios', '2026-11-05'], ['helios', '2026-11-04'], ['helios', '2026-11-03']],
      );
      assert.deepEqual((await store.listRuns(person, { model: 'apollo', limit: 50 })).map((r) => r.model), ['apollo']);
    });

    test('completedAt is kept in UTC, so runs from several time zones sort by the instant', async () => {
      const person = subject('zones');
      await store.saveRun(person, run('2026-12-01T10:30:00+02:00')); // 08:30Z
      await store.saveRun(person, run('2026-12-01T09:00:00Z'));
      const runs = await store.listRuns(person, { limit: 10 });
      assert.deepEqual(runs.map((r) => r.completedAt), ['2026-12-01T09:00:00.000Z', '2026-12-01T08:30:00.000Z']);
    });

    test('a completedAt that is no date is refused, and nothing is kept', async () => {
      const person = subject('bad-date');
      await assert.rejects(store.saveRun(person, run('yesterday')), /completedAt/);
      assert.deepEqual(await store.listRuns(person, { limit: 10 }), []);
    });

    test("another subject's runs are never listed, nor taken over by saving their run id", async () => {
      const alice = subject('alice');
      const bob = subject('bob');
      const alicesRun = run('2026-12-01T09:00:00.000Z');
      await store.saveRun(alice, alicesRun);
      await store.saveRun(bob, run('2026-12-02T09:00:00.000Z'));
      // A save of Alice's run id under Bob changes nothing: the run stays Alice's.
      await store.saveRun(bob, alicesRun);
      const bobs = await store.listRuns(bob, { limit: 50 });
      assert.equal(bobs.length, 1);
      assert.notEqual(bobs[0].runId, alicesRun.runId);
      assert.deepEqual(await store.listRuns(alice, { limit: 50 }), [alicesRun]);
      assert.deepEqual(await store.listRuns(subject('nobody'), { limit: 50 }), []);
    });

    test("eraseSubject removes that person's runs only and says how many", async () => {
      const leaving = subject('leaving');
      const staying = subject('staying');
      for (const day of ['01', '02', '03']) await store.saveRun(leaving, run(`2026-11-${day}T08:00:00.000Z`));
      await store.saveRun(staying, run('2026-11-01T08:00:00.000Z'));
      assert.equal(await store.eraseSubject(leaving), 3);
      assert.deepEqual(await store.listRuns(leaving, { limit: 50 }), []);
      assert.equal((await store.listRuns(staying, { limit: 50 })).length, 1);
      assert.equal(await store.eraseSubject(leaving), 0);
    });

    test("retention: a save erases that person's runs older than retentionDays, and no one else's", async () => {
      const person = subject('retention');
      const other = subject('retention-other');
      const now = new Date('2026-12-07T12:00:00.000Z');
      await store.saveRun(person, run('2026-09-01T08:00:00.000Z'));
      await store.saveRun(person, run('2026-11-20T08:00:00.000Z'));
      await store.saveRun(other, run('2026-09-01T08:00:00.000Z'));
      await store.saveRun(person, run('2026-12-07T08:00:00.000Z'), { retentionDays: 30, now });
      assert.deepEqual(
        (await store.listRuns(person, { limit: 50 })).map((r) => r.completedAt.slice(0, 10)),
        ['2026-12-07', '2026-11-20'],
      );
      assert.equal((await store.listRuns(other, { limit: 50 })).length, 1);
    });
  });
}
