/**
 * `thymia-recorder/server/sqlite`: the embedded history store, one SQLite
 * file through `better-sqlite3` (an optional peer dependency the host
 * installs; 12.x on Node 20). Node only (Bun and Deno run it through their
 * Node compatibility).
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { sqlStore, type HistoryDatabase, type SqlStoreOptions } from './sql-store.js';
import type { ThymiaStore } from './store.js';

export type { ThymiaStore, StoredRun, StoredModel, HistoryQuery, SaveOptions } from './store.js';
export type { SqlStoreOptions } from './sql-store.js';

export interface SqliteStoreOptions extends SqlStoreOptions {
  /** The database file (created when missing), or `':memory:'` for tests. */
  readonly path: string;
}

export function sqliteStore({ path, ...options }: SqliteStoreOptions): ThymiaStore {
  const database = new Database(path);
  // Erasure leaves no trace in the file: deleted rows are overwritten with zeros, not just unlinked
  // from their page. The rollback journal (the default mode, not WAL) is removed at each commit.
  database.pragma('secure_delete = ON');
  // Wait for another process's write lock (a second instance on one file) instead of failing at once.
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<HistoryDatabase>({ dialect: new SqliteDialect({ database }) });
  return sqlStore(db, options);
}
