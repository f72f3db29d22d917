/**
 * `thymia-recorder/server/d1`: the history store for Cloudflare Workers, on
 * the D1 binding the Worker is given (`env.DB`), through `kysely-d1` (a
 * small Kysely dialect over the binding's `prepare().bind().all()`).
 */
import { Kysely, sql, type DatabaseIntrospector, type Dialect, type TableMetadata } from 'kysely';
import { D1Dialect } from 'kysely-d1';
import { sqlStore, type HistoryDatabase, type SqlStoreOptions } from './sql-store.js';
import type { ThymiaStore } from './store.js';

export type { ThymiaStore, StoredRun, StoredModel, HistoryQuery, SaveOptions } from './store.js';
export type { SqlStoreOptions } from './sql-store.js';

/** The part of Workers' `D1Database` the store uses, so a host compiles without Workers' types. */
export interface D1Binding {
  prepare(query: string): { bind(...values: unknown[]): { all(): Promise<unknown> } };
}

/**
 * Table names for Kysely's migrator, without D1's own `_cf_*` tables: reading
 * their columns (as SQLite's introspector does) is refused with SQLITE_AUTH.
 */
class D1Introspector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;

  constructor(db: Kysely<unknown>) {
    this.#db = db;
  }

  async getSchemas(): Promise<[]> {
    return [];
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; type: string }>`
      select name, type from sqlite_master
      where type in ('table', 'view') and name not like 'sqlite%' and substr(name, 1, 4) != '_cf_'
    `.execute(this.#db);
    return rows.map(({ name, type }) => ({ name, isView: type === 'view', columns: [] }));
  }

  async getMetadata(): Promise<{ tables: TableMetadata[] }> {
    return { tables: await this.getTables() };
  }
}

function d1Dialect(binding: D1Binding): Dialect {
  const base = new D1Dialect({ database: binding as ConstructorParameters<typeof D1Dialect>[0]['database'] });
  return {
    createAdapter: () => base.createAdapter(),
    createDriver: () => base.createDriver(),
    createQueryCompiler: () => base.createQueryCompiler(),
    createIntrospector: (db) => new D1Introspector(db),
  };
}

export function d1Store(binding: D1Binding, options: SqlStoreOptions = {}): ThymiaStore {
  const db = new Kysely<HistoryDatabase>({ dialect: d1Dialect(binding) });
  return sqlStore(db, options);
}
