import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { RecordingName } from '../state/machine.js';

/**
 * A stopped recording, kept until its upload is confirmed. Bytes are an
 * ArrayBuffer because WebKit loses Blobs stored in IndexedDB.
 */
export interface StoredRecording {
  readonly recording: RecordingName;
  readonly model: string;
  readonly bytes: ArrayBuffer;
  readonly mimeType: string;
  readonly durationSeconds: number;
  readonly speechSeconds: number;
  readonly createdAt: number;
}

export const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;

let sharedStore: UseStore | undefined;
function store(): UseStore {
  sharedStore ??= createStore('thymia-recorder', 'recordings');
  return sharedStore;
}

/**
 * Recordings scoped by a storage key (one element, one model). Every method
 * reports failure (quota, private mode, no IndexedDB) by its result instead
 * of throwing: losing persistence must never stop a person from submitting.
 */
export class RecordingStore {
  constructor(readonly storageKey: string) {}

  #key(recording: RecordingName): string {
    return `${this.storageKey}:${recording}`;
  }

  async save(entry: StoredRecording): Promise<boolean> {
    try {
      await set(this.#key(entry.recording), entry, store());
      return true;
    } catch {
      return false;
    }
  }

  async load(recording: RecordingName): Promise<StoredRecording | undefined> {
    try {
      return await get<StoredRecording>(this.#key(recording), store());
    } catch {
      return undefined;
    }
  }

  async remove(recording: RecordingName): Promise<void> {
    try {
      await del(this.#key(recording), store());
    } catch {
      // Nothing to undo: a leftover entry expires with the TTL.
    }
  }

  /** Drops entries (of any key) older than `ttlMs`. */
  static async purgeExpired(ttlMs: number = DEFAULT_TTL_MS, now: number = Date.now()): Promise<void> {
    try {
      for (const key of await keys(store())) {
        const entry = await get<StoredRecording>(key, store());
        if (!entry || now - entry.createdAt > ttlMs) await del(key, store());
      }
    } catch {
      // Storage unavailable: nothing is kept, so nothing can expire.
    }
  }
}
