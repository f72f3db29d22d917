/**
 * The one schema and the one set of queries behind every store
 * (`thymia-recorder/server/sqlite`, `/postgres`, `/d1`), written with Kysely,
 * a typed query builder that speaks all three dialects, so SQLite, Postgres
 * and D1 run the same statements. Each store module only opens its
 * connection and hands a `Kysely` here. No Node-only API: D1 runs on Workers.
 */
import { Kysely, Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { HistoryQuery, SaveOptions, StoredModel, StoredRun, ThymiaStore } from './store.js';

/** One row per completed run. Times are ISO 8601 UTC strings (`toISOString()`): they sort as text in all three. */
interface RunsTable {
  run_id: string;
  subject: string;
  model: string;
  completed_at: string;
  /** The policy-filtered status JSON, as text (one column type for all three). */
  results: string;
  saved_at: string;
}

export interface HistoryDatabase {
  thymia_runs: RunsTable;
}

/** The table names, so a host's own Kysely migrations (`kysely_migration`) never meet ours. */
const MIGRATION_TABLE = 'thymia_migration';
const MIGRATION_LOCK_TABLE = 'thymia_migration_lock';

/**
 * The migrations, in order; never edit a landed one, add the next. Kysely's
 * Migrator records which ran (and, on Postgres, holds an advisory lock and a
 * transaction; SQLite and D1 run them statement by statement), so `migrate()`
 * is idempotent and safe from several instances at once.
 */
const MIGRATIONS: Record<string, Migration> = {
  '2026-12-07-001-runs': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('thymia_runs')
        .ifNotExists()
        // The run id is the key: a second save of one run (a second poll, another replica) is a no-op.
        .addColumn('run_id', 'text', (column) => column.primaryKey())
        .addColumn('subject', 'text', (column) => column.notNull())
        .addColumn('model', 'text', (column) => column.notNull())
        .addColumn('completed_at', 'text', (column) => column.notNull())
        .addColumn('results', 'text', (column) => column.notNull())
        .addColumn('saved_at', 'text', (column) => column.notNull())
        .execute();
      // The history query (one person, newest first, optionally one model) reads an index range in
      // its own order, no sort: its cost follows the rows it returns, not the size of the table.
      await db.schema
        .createIndex('thymia_runs_subject_completed')
        .ifNotExists()
        .on('thymia_runs')
        .columns(['subject', 'completed_at desc', 'run_id desc'])
        .execute();
      await db.schema
        .createIndex('thymia_runs_subject_model_completed')
        .ifNotExists()
        .on('thymia_runs')
        .columns(['subject', 'model', 'completed_at desc', 'run_id desc'])
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export interface SqlStoreOptions {
  /** Runs older than this many days are erased when the same person's next run is saved (a `saveRun` option wins). */
  readonly retentionDays?: number;
  /**
   * Run `migrate()` before the first query (default `true`). Hosts that
   * migrate at deploy time turn it off and save the few look-ups it costs
   * on each start.
   */
  readonly autoMigrate?: boolean;
}

const DAY_MS = 86_400_000;

/** A timestamp in the one form the table keeps; an unreadable one is refused rather than stored out of order. */
function isoUtc(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new TypeError(`completedAt is not a date: ${JSON.stringify(value)}`);
  return new Date(time).toISOString();
}

/** A `ThymiaStore` over any Kysely dialect. */
export function sqlStore(db: Kysely<HistoryDatabase>, options: SqlStoreOptions = {}): ThymiaStore {
  let migrated: Promise<void> | undefined;

  const migrate = async (): Promise<void> => {
    const migrator = new Migrator({
      db,
      provider,
      migrationTableName: MIGRATION_TABLE,
      migrationLockTableName: MIGRATION_LOCK_TABLE,
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
  };

  // One attempt shared by concurrent callers; a failed one is tried again by the next call.
  const runMigrations = (): Promise<void> => {
    const attempt: Promise<void> = migrate().catch((error: unknown) => {
      if (migrated === attempt) migrated = undefined;
      throw error;
    });
    migrated = attempt;
    return attempt;
  };
  const ready = (): Promise<void> =>
    options.autoMigrate === false ? Promise.resolve() : (migrated ?? runMigrations());

  return {
    async saveRun(subject: string, run: StoredRun, saveOptions: SaveOptions = {}): Promise<void> {
      await ready();
      const now = saveOptions.now ?? new Date();
      await db
        .insertInto('thymia_runs')
        .values({
          run_id: run.runId,
          subject,
          model: run.model,
          completed_at: isoUtc(run.completedAt),
          results: JSON.stringify(run.results ?? null),
          saved_at: now.toISOString(),
        })
        .onConflict((conflict) => conflict.column('run_id').doNothing())
        .execute();
      const retentionDays = saveOptions.retentionDays ?? options.retentionDays;
      if (retentionDays !== undefined) {
        const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
        await db.deleteFrom('thymia_runs').where('subject', '=', subject).where('completed_at', '<', cutoff).execute();
      }
    },

    async listRuns(subject: string, query: HistoryQuery): Promise<StoredRun[]> {
      await ready();
      let select = db
        .selectFrom('thymia_runs')
        .select(['run_id', 'model', 'completed_at', 'results'])
        .where('subject', '=', subject);
      if (query.model) select = select.where('model', '=', query.model);
      const rows = await select
        .orderBy('completed_at', 'desc')
        // Equal times (two runs in one second) still come back in one order.
        .orderBy('run_id', 'desc')
        .limit(Math.max(0, Math.floor(query.limit)))
        .execute();
      return rows.map((row) => ({
        runId: row.run_id,
        model: row.model as StoredModel,
        completedAt: row.completed_at,
        results: JSON.parse(row.results) as unknown,
      }));
    },

    async eraseSubject(subject: string): Promise<number> {
      await ready();
      const result = await db.deleteFrom('thymia_runs').where('subject', '=', subject).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    // An explicit call always runs (the Migrator skips what ran); its success also serves the lazy path.
    migrate: runMigrations,

    async close(): Promise<void> {
      await db.destroy();
    },
  };
}
