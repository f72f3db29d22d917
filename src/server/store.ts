/**
 * Where the server half keeps each person's completed runs (history). The
 * handler depends only on this interface; `thymia-recorder/server/sqlite`,
 * `/postgres` and `/d1` implement it with one schema and one set of queries.
 * No DOM, no Node-only API here: the handler runs on Workers, Deno and Bun too.
 */

/** Model names as the element and the routes spell them. */
export type StoredModel = 'helios' | 'apollo' | 'questionnaire' | 'call';

/** One completed run, as the results policy in force allowed it to be kept. */
export interface StoredRun {
  /** thymia's run id: the idempotency key (a second save of the same id changes nothing). */
  readonly runId: string;
  readonly model: StoredModel;
  /** ISO 8601 with a time zone: when thymia completed the run (else when it was first seen complete). */
  readonly completedAt: string;
  /** The status JSON after the results policy (never `errorReason`). */
  readonly results: unknown;
}

export interface HistoryQuery {
  readonly model?: StoredModel;
  /** At most this many runs, newest first. */
  readonly limit: number;
}

export interface SaveOptions {
  /** Runs of this subject older than this many days are erased on write. */
  readonly retentionDays?: number;
  /** The clock, for retention (tests pass their own). */
  readonly now?: Date;
}

export interface ThymiaStore {
  /** Keeps the run under `subject` once; concurrent saves of one `runId` from several replicas keep one row. */
  saveRun(subject: string, run: StoredRun, options?: SaveOptions): Promise<void>;
  /** The subject's runs only, newest `completedAt` first. */
  listRuns(subject: string, query: HistoryQuery): Promise<StoredRun[]>;
  /** Erases everything kept for `subject` (the person's GDPR erasure); resolves to the number of runs removed. */
  eraseSubject(subject: string): Promise<number>;
  /** Creates or upgrades the schema; idempotent, run once by the host (or lazily by the store). */
  migrate(): Promise<void>;
  /** Releases connections/files. */
  close(): Promise<void>;
}
