import { del, delMany, get, promisifyRequest, set } from 'idb-keyval';
import type { RecordingName } from '../state/machine.js';
import { isDated, prefixRange, recorderDb, serialize } from './database.js';

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

/**
 * Where one step of a multi-step submission already landed. Apollo's steps
 * upload one after the other; a reload between them must not PUT the first
 * again to a pre-signed URL that accepts one object.
 */
export interface UploadMarker {
  readonly recording: RecordingName;
  readonly uploadedTo: string;
  readonly createdAt: number;
}

export const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;

export function recordingKey(storageKey: string, recording: RecordingName): string {
  return `${storageKey}:${recording}`;
}

export function markerKey(storageKey: string, recording: RecordingName): string {
  return `${storageKey}:${recording}:uploaded`;
}

/**
 * Recordings scoped by a storage key (one element, one model). Every method
 * reports failure (quota, private mode, no IndexedDB) by its result instead
 * of throwing: losing persistence must never stop a person from submitting.
 */
export class RecordingStore {
  constructor(readonly storageKey: string) {}

  /** Resolves false when the browser refused to store it (quota, private mode). */
  save(entry: StoredRecording): Promise<boolean> {
    return serialize(this.storageKey, async () => {
      try {
        await set(recordingKey(this.storageKey, entry.recording), entry, recorderDb());
        return true;
      } catch {
        return false;
      }
    });
  }

  /**
   * Like `save`, but queued now and reading the Blob inside the queue, so a
   * `remove` issued after this call (a fast upload) can never run first.
   */
  saveTake(entry: Omit<StoredRecording, 'bytes'>, blob: Blob): Promise<boolean> {
    return serialize(this.storageKey, async () => {
      try {
        const stored: StoredRecording = { ...entry, bytes: await blob.arrayBuffer() };
        await set(recordingKey(this.storageKey, entry.recording), stored, recorderDb());
        return true;
      } catch {
        return false;
      }
    });
  }

  load(recording: RecordingName): Promise<StoredRecording | undefined> {
    return serialize(this.storageKey, async () => {
      try {
        const entry = await get<StoredRecording>(recordingKey(this.storageKey, recording), recorderDb());
        return entry && entry.bytes instanceof ArrayBuffer ? entry : undefined;
      } catch {
        return undefined;
      }
    });
  }

  markUploaded(recording: RecordingName, uploadedTo: string): Promise<void> {
    const marker: UploadMarker = { recording, uploadedTo, createdAt: Date.now() };
    return serialize(this.storageKey, async () => {
      try {
        await set(markerKey(this.storageKey, recording), marker, recorderDb());
      } catch {
        // Worst case after a reload: the step is PUT again and the URL refuses it.
      }
    });
  }

  uploadedTo(recording: RecordingName): Promise<string | undefined> {
    return serialize(this.storageKey, async () => {
      try {
        return (await get<UploadMarker>(markerKey(this.storageKey, recording), recorderDb()))?.uploadedTo;
      } catch {
        return undefined;
      }
    });
  }

  /** Forgets a recording: its bytes, its upload marker and any journal chunks. */
  remove(recording: RecordingName): Promise<void> {
    return serialize(this.storageKey, async () => {
      try {
        const chunkKeys = await recorderDb()('readonly', (store) =>
          promisifyRequest(store.getAllKeys(prefixRange(`${recordingKey(this.storageKey, recording)}:chunk:`))),
        );
        await delMany([recordingKey(this.storageKey, recording), markerKey(this.storageKey, recording), ...chunkKeys], recorderDb());
      } catch {
        // Nothing to undo: a leftover entry expires with the TTL.
        await del(recordingKey(this.storageKey, recording), recorderDb()).catch(() => undefined);
      }
    });
  }

  /** Drops entries (of any key) older than `ttlMs`, or that are not ours to read. */
  static async purgeExpired(ttlMs: number = DEFAULT_TTL_MS, now: number = Date.now()): Promise<void> {
    try {
      await recorderDb()('readwrite', (store) => {
        const request = store.openCursor();
        return new Promise<void>((resolve, reject) => {
          request.onsuccess = () => {
            const cursor = request.result;
            if (!cursor) return resolve();
            const value: unknown = cursor.value;
            if (!isDated(value) || now - value.createdAt > ttlMs) cursor.delete();
            cursor.continue();
          };
          request.onerror = () => reject(request.error);
        });
      });
    } catch {
      // Storage unavailable: nothing is kept, so nothing can expire.
    }
  }
}
