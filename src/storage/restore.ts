import { del, get, set } from 'idb-keyval';
import type { RecordingName } from '../state/machine.js';
import { deleteChunks, pausedKey, readJournal, type JournalPosition, type PausedMarker } from './chunk-journal.js';
import { recorderDb, serialize } from './database.js';
import { lockedAway } from './sealing.js';
import {
  DEFAULT_TTL_MS,
  markerKey,
  openRecording,
  recordingKey,
  RecordingStore,
  sealRecording,
  type StoredRecording,
  type UploadMarker,
} from './recording-store.js';

/** A stored recording nobody has confirmed as uploaded, found when an element connects. */
export interface RecoverableRecording extends StoredRecording {
  /** The pre-signed URL that already accepted it (a step of a multi-step submission). */
  readonly uploadedTo: string | undefined;
  /** `journal`: the tab went away mid-recording; this is the audio up to the last stored slice. */
  readonly source: 'recording' | 'journal';
  /**
   * A journal of several recorders (the input was replaced mid-take): each
   * one's bytes, to be joined (`bytes` is only their concatenation).
   */
  readonly parts?: readonly ArrayBuffer[];
  /** The take was paused when the page went away: it comes back paused, and its journal carries on from `position`. */
  readonly paused?: PausedMarker;
  readonly position?: JournalPosition;
}

export interface FindOptions {
  readonly steps: readonly RecordingName[];
  /** Entries made for another model under the same key are left alone. */
  readonly model: string;
  readonly ttlMs?: number;
  readonly now?: number;
}

/**
 * Finds each step's unuploaded recording for a storage key. A journal left by
 * a take that never stopped (crash, reload) is assembled and promoted to a
 * stored recording, so from here on it is handled like any stopped take. A
 * journal next to an assembled recording is a take that stopped but whose
 * journal cleanup never ran: the assembled one wins.
 */
export async function findRecoverable(storageKey: string, options: FindOptions): Promise<RecoverableRecording[]> {
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const now = options.now ?? Date.now();
  const found: RecoverableRecording[] = [];
  for (const recording of options.steps) {
    const entry = await serialize(storageKey, () => recoverStep(storageKey, recording, options.model).catch(() => undefined));
    if (entry && now - entry.createdAt <= ttlMs && entry.bytes.byteLength > 0) found.push(entry);
  }
  return found;
}

async function recoverStep(storageKey: string, recording: RecordingName, model: string): Promise<RecoverableRecording | undefined> {
  const key = recordingKey(storageKey, recording);
  const raw: unknown = await get(key, recorderDb());
  // Unreadable (not a recording, or sealed under a key this browser no longer has) counts as nothing stored.
  const stored = await openRecording(raw, key);
  if (stored) {
    if (stored.model !== model) return undefined;
    await deleteChunks(storageKey, recording).catch(() => undefined);
    const marker = await get<Partial<UploadMarker>>(markerKey(storageKey, recording), recorderDb());
    const uploadedTo = typeof marker?.uploadedTo === 'string' ? marker.uploadedTo : undefined;
    return { ...stored, recording, uploadedTo, source: 'recording' };
  }
  if (await lockedAway(raw)) return undefined;
  if (raw !== undefined) await del(key, recorderDb());
  const journal = await readJournal(storageKey, recording);
  if (!journal || journal.model !== model) return undefined;
  const paused = await get<PausedMarker>(pausedKey(storageKey, recording), recorderDb()).catch(() => undefined);
  // Paused, or in several parts: left as a journal (a paused take goes on in it; parts are joined by the element).
  if (paused?.reason || journal.parts.length > 1) {
    const { chunks: _chunks, parts, position, ...stored } = journal;
    return { ...stored, recording, uploadedTo: undefined, source: 'journal', parts, position, ...(paused?.reason && { paused }) };
  }
  const promoted: StoredRecording = {
    recording,
    model: journal.model,
    bytes: journal.bytes,
    mimeType: journal.mimeType,
    durationSeconds: journal.durationSeconds,
    speechSeconds: journal.speechSeconds,
    createdAt: journal.createdAt,
  };
  try {
    await set(key, await sealRecording(promoted, key), recorderDb());
    await deleteChunks(storageKey, recording);
  } catch {
    // Quota: keep the chunks; they still hold the audio for next time.
  }
  return { ...promoted, uploadedTo: undefined, source: 'journal' };
}

/** Purges expired entries, then finds what is left to restore. */
export async function purgeAndFind(storageKey: string, options: FindOptions): Promise<RecoverableRecording[]> {
  await RecordingStore.purgeExpired(options.ttlMs, options.now);
  return findRecoverable(storageKey, options);
}
