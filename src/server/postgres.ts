/**
 * `thymia-recorder/server/postgres`: the history store for hosts that run
 * many instances, through `pg` (an optional peer dependency the host
 * installs). Every instance may save the same run at once: the run id is the
 * primary key and the insert does nothing on conflict, so one row is kept.
 */
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { sqlStore, type HistoryDatabase, type SqlStoreOptions } from './sql-store.js';
import type { ThymiaStore } from './store.js';

export type { ThymiaStore, StoredRun, StoredModel, HistoryQuery, SaveOptions } from './store.js';
export type { SqlStoreOptions } from './sql-store.js';

export interface PostgresStoreOptions extends SqlStoreOptions {
  /** A connection string: `postgres://user:password@host:5432/database`. */
  readonly url: string;
  /** The pool's connection limit (default 10, as `pg`'s). */
  readonly maxConnections?: number;
}

export function postgresStore({ url, maxConnections, ...options }: PostgresStoreOptions): ThymiaStore {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  const db = new Kysely<HistoryDatabase>({ dialect: new PostgresDialect({ pool }) });
  return sqlStore(db, options);
}
