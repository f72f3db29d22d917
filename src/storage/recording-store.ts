import { del, delMany, get, promisifyRequest, set } from 'idb-keyval';
import { RECORDING_NAMES, type RecordingName } from '../state/machine.js';
import { isDated, prefixRange, recorderDb, serialize } from './database.js';
import { seal, unseal, type SealedBytes } from './sealing.js';

/**
 * A stopped recording, kept until its upload is confirmed. Bytes are an
 * ArrayBuffer because WebKit loses Blobs stored in IndexedDB. This is the
 * recording as read back; at rest its bytes are sealed (`SealedRecord`).
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

/** A recording as it lies in IndexedDB: its audio sealed (see sealing.ts). */
export type SealedRecord = Omit<StoredRecording, 'bytes'> & SealedBytes;

export function isSealedRecord(value: unknown): value is SealedRecord {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<SealedRecord>;
  return entry.bytes instanceof ArrayBuffer && typeof entry.createdAt === 'number' && typeof entry.mimeType === 'string';
}

/** Seals a recording for `key`. */
export async function sealRecording(entry: StoredRecording, key: string): Promise<SealedRecord> {
  return { ...entry, ...(await seal(entry.bytes, key)) };
}

/** The recording stored at `key`, decrypted; undefined when it is not one or cannot be read. */
export async function openRecording(value: unknown, key: string): Promise<StoredRecording | undefined> {
  if (!isSealedRecord(value)) return undefined;
  const bytes = await unseal(value, key);
  if (!bytes) return undefined;
  const { iv: _iv, ...entry } = value;
  return { ...entry, bytes };
}

export const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;

export function recordingKey(storageKey: string, recording: RecordingName): string {
  return `${storageKey}:${recording}`;
}

export function markerKey(storageKey: string, recording: RecordingName): string {
  return `${storageKey}:${recording}:uploaded`;
}

/** Beside a paused take's journal (see PausedMarker in chunk-journal.ts). */
export function pausedKey(storageKey: string, recording: RecordingName): string {
  return `${storageKey}:${recording}:paused`;
}

/**
 * Recordings scoped by a storage key (one element, one model). Every method
 * reports failure (quota, private mode, no IndexedDB) by its result instead
 * of throwing: losing persistence must never stop a person from submitting.
 */
export class RecordingStore {
  constructor(readonly storageKey: string) {}

  /**
   * Stores a stopped take, sealed, and drops its journal in the same
   * IndexedDB transaction: the take is never kept twice (whole and as
   * slices), not even for a moment, and a crash between the two leaves one
   * or the other. Queued now and reading the Blob inside the queue, so a
   * `remove` issued after this call (a fast upload) can never run first.
   * Resolves false when the browser refused to store it (quota, private
   * mode); the journal then stays, since it may still hold the audio.
   */
  saveTake(entry: Omit<StoredRecording, 'bytes'>, blob: Blob): Promise<boolean> {
    return serialize(this.storageKey, async () => {
      try {
        const key = recordingKey(this.storageKey, entry.recording);
        // Sealed first: an IndexedDB transaction commits by itself across an await of other work.
        const sealed = await sealRecording({ ...entry, bytes: await blob.arrayBuffer() }, key);
        await recorderDb()('readwrite', (store) => {
          store.put(sealed, key);
          store.delete(prefixRange(`${key}:chunk:`));
          return promisifyRequest(store.transaction);
        });
        return true;
      } catch {
        return false;
      }
    });
  }

  load(recording: RecordingName): Promise<StoredRecording | undefined> {
    return serialize(this.storageKey, async () => {
      try {
        const key = recordingKey(this.storageKey, recording);
        return await openRecording(await get(key, recorderDb()), key);
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
        await delMany([recordingKey(this.storageKey, recording), markerKey(this.storageKey, recording), pausedKey(this.storageKey, recording), ...chunkKeys], recorderDb());
      } catch {
        // Nothing to undo: a leftover entry expires with the TTL (and with no IndexedDB at all, recorderDb() throws).
        await Promise.resolve()
          .then(() => del(recordingKey(this.storageKey, recording), recorderDb()))
          .catch(() => undefined);
      }
    });
  }

  /**
   * Forgets everything kept under this storage key — every step's recording,
   * journal and upload marker (sign-out). Resolves false if storage refused.
   */
  clear(): Promise<boolean> {
    return serialize(this.storageKey, async () => {
      try {
        const keys = await recorderDb()('readonly', (store) => promisifyRequest(store.getAllKeys(prefixRange(`${this.storageKey}:`))));
        // The prefix also matches a storage key that merely starts with this one followed by ':'.
        const ours = keys.filter((key) => typeof key === 'string' && isRecordingNameAt(key, this.storageKey.length + 1));
        if (ours.length) await delMany(ours, recorderDb());
        return true;
      } catch {
        return false;
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

/** Whether `key` continues at `offset` with a step name and then ends or goes on with ':'. */
function isRecordingNameAt(key: string, offset: number): boolean {
  const rest = key.slice(offset);
  return RECORDING_NAMES.some((name) => rest === name || rest.startsWith(`${name}:`));
}
