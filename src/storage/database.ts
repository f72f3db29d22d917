import { createStore, type UseStore } from 'idb-keyval';
import { DB_NAME, STORE_NAME } from './presence.js';

/**
 * The one IndexedDB object store every recorder shares. Assembled
 * recordings, upload markers and journal chunks live side by side, told apart
 * by key suffix: idb-keyval cannot add a second object store to a database
 * it has already opened, and one store keeps TTL purging in one pass.
 */
let shared: UseStore | undefined;
export function recorderDb(): UseStore {
  shared ??= createStore(DB_NAME, STORE_NAME);
  return shared;
}

/** Every key under `prefix`, in key order (chunk sequence numbers are zero-padded for this). */
export function prefixRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, `${prefix}\uffff`);
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs storage work for one storage key strictly in call order. Chunks must
 * land in the order MediaRecorder produced them (each needs an async
 * `Blob.arrayBuffer()` first), and a "take finished, drop its journal" must
 * not overtake the last chunk's write.
 */
export function serialize<T>(storageKey: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(storageKey) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  queues.set(storageKey, settled);
  void settled.then(() => {
    if (queues.get(storageKey) === settled) queues.delete(storageKey);
  });
  return next;
}

/** Every entry carries its creation time, so one TTL pass can judge any of them. */
export interface Dated {
  readonly createdAt: number;
}

export function isDated(value: unknown): value is Dated {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Dated>).createdAt === 'number';
}
