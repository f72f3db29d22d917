import { delMany, promisifyRequest, set } from 'idb-keyval';
import type { RecordingName } from '../state/machine.js';
import { prefixRange, recorderDb, serialize } from './database.js';
import { pausedKey, recordingKey, type StoredRecording } from './recording-store.js';
import { seal, unseal, type SealedBytes } from './sealing.js';
import type { PauseReason, PauseRecord } from '../state/pauses.js';

/**
 * Beside a journal while its take is paused: a reload then brings the take
 * back paused, with its pauses so far, and Resume carries the same journal on.
 * Holds no audio, only counts, so it is not sealed.
 */
export interface PausedMarker {
  readonly reason: PauseReason;
  readonly atSeconds: number;
  readonly pauses: readonly PauseRecord[];
  readonly durationSeconds: number;
  readonly speechSeconds: number;
  /** The recorded seconds of each finished part (a part may hold more audio: cut when joined). */
  readonly partSeconds?: readonly number[];
  /** The journal's own `createdAt` (the TTL purge reads it). */
  readonly createdAt: number;
}

/** Where a journal carries on after a reload (a paused take resumed). */
export interface JournalPosition {
  readonly nextSeq: number;
  readonly createdAt: number;
  readonly last: ChunkProgress;
}

export { pausedKey };

/**
 * One MediaRecorder timeslice, written the moment it arrives so a crash or
 * reload mid-recording loses at most one slice. It carries the take's running
 * totals, so the last chunk alone says how long the take was. Its audio is
 * sealed (see sealing.ts).
 */
export interface StoredChunk extends SealedBytes {
  readonly recording: RecordingName;
  readonly model: string;
  readonly seq: number;
  readonly mimeType: string;
  readonly durationSeconds: number;
  readonly speechSeconds: number;
  /** When the take started (the TTL counts from here). */
  readonly createdAt: number;
  /** Which recorder of the take made it (a new one after the microphone went away); absent in older entries: 0. */
  readonly part?: number;
}

/** The take's progress when a chunk arrives. */
export interface ChunkProgress {
  readonly mimeType: string;
  readonly durationSeconds: number;
  readonly speechSeconds: number;
  /** The take's recorder that made the chunk (see StoredChunk.part). */
  readonly part?: number;
}

/** A journal read back as one recording. */
export interface JournalContents extends StoredRecording {
  readonly chunks: number;
  /** Each recorder's bytes apart (a take whose input was replaced has several): joined, not concatenated. */
  readonly parts: readonly ArrayBuffer[];
  readonly position: JournalPosition;
}

function chunkPrefix(storageKey: string, recording: RecordingName): string {
  return `${recordingKey(storageKey, recording)}:chunk:`;
}

function chunkKey(storageKey: string, recording: RecordingName, seq: number): string {
  // Zero-padded so key order is arrival order.
  return `${chunkPrefix(storageKey, recording)}${String(seq).padStart(8, '0')}`;
}

async function chunkKeys(storageKey: string, recording: RecordingName): Promise<IDBValidKey[]> {
  return recorderDb()('readonly', (store) => promisifyRequest(store.getAllKeys(prefixRange(chunkPrefix(storageKey, recording)))));
}

async function deleteChunks(storageKey: string, recording: RecordingName): Promise<void> {
  const keys = await chunkKeys(storageKey, recording);
  await delMany([...keys, pausedKey(storageKey, recording)], recorderDb());
}

/**
 * Appends one take's timeslices to IndexedDB as ArrayBuffers (WebKit loses
 * Blobs there). Writes are queued per storage key, so they land in arrival
 * order and never after a later `clear`. Failures (quota, private mode) are
 * reported once through `onFailure`, never thrown: the take in memory is
 * still good and the person must be able to submit it.
 */
export class ChunkJournal {
  readonly #storageKey: string;
  readonly #recording: RecordingName;
  readonly #model: string;
  readonly #createdAt: number;
  readonly #onFailure: (error: unknown) => void;
  #seq = 0;
  #failed = false;
  #last: ChunkProgress = { mimeType: '', durationSeconds: 0, speechSeconds: 0 };

  /**
   * Starts a fresh journal for the step, dropping whatever an earlier take
   * left; or, given a position, carries on the journal a paused take left.
   */
  constructor(storageKey: string, recording: RecordingName, model: string, onFailure: (error: unknown) => void = () => undefined, position?: JournalPosition) {
    this.#storageKey = storageKey;
    this.#recording = recording;
    this.#model = model;
    this.#onFailure = onFailure;
    this.#createdAt = position?.createdAt ?? Date.now();
    if (position) {
      this.#seq = position.nextSeq;
      this.#last = position.last;
    } else {
      void ChunkJournal.clear(storageKey, recording);
    }
  }

  /** The take paused: a reload brings it back paused (queued behind the chunks before it). */
  markPaused(marker: Omit<PausedMarker, 'createdAt'>): Promise<void> {
    const key = pausedKey(this.#storageKey, this.#recording);
    const entry: PausedMarker = { ...marker, createdAt: this.#createdAt };
    // Through a promise: with no IndexedDB at all, recorderDb() throws rather than rejects.
    return serialize(this.#storageKey, () => Promise.resolve().then(() => set(key, entry, recorderDb())).catch(() => undefined));
  }

  /** The take runs again (or stopped): a reload finds a take that was recording, as before. */
  clearPaused(): Promise<void> {
    return serialize(this.#storageKey, () => Promise.resolve().then(() => delMany([pausedKey(this.#storageKey, this.#recording)], recorderDb())).catch(() => undefined));
  }

  get recording(): RecordingName {
    return this.#recording;
  }

  /** Queues the chunk's write; resolves false if it could not be stored. */
  append(chunk: Blob, progress: ChunkProgress): Promise<boolean> {
    // After one lost slice the rest could only make a journal with a hole in it.
    if (this.#failed) return Promise.resolve(false);
    const seq = this.#seq;
    this.#seq += 1;
    // Read the progress now (the take moves on before the write runs), and
    // never let it go backwards: the slice MediaRecorder flushes after the
    // microphone is released arrives with the capture's counters already reset.
    const meta: ChunkProgress = {
      mimeType: progress.mimeType || this.#last.mimeType || chunk.type,
      durationSeconds: Math.max(progress.durationSeconds, this.#last.durationSeconds),
      speechSeconds: Math.max(progress.speechSeconds, this.#last.speechSeconds),
      part: progress.part ?? 0,
    };
    this.#last = meta;
    return serialize(this.#storageKey, async () => {
      if (this.#failed) return false;
      try {
        const key = chunkKey(this.#storageKey, this.#recording, seq);
        const entry: StoredChunk = {
          recording: this.#recording,
          model: this.#model,
          seq,
          ...(await seal(await chunk.arrayBuffer(), key)),
          mimeType: meta.mimeType,
          durationSeconds: meta.durationSeconds,
          speechSeconds: meta.speechSeconds,
          createdAt: this.#createdAt,
          part: meta.part,
        };
        await set(key, entry, recorderDb());
        return true;
      } catch (error) {
        if (!this.#failed) {
          this.#failed = true;
          this.#onFailure(error);
        }
        return false;
      }
    });
  }

  static clear(storageKey: string, recording: RecordingName): Promise<void> {
    return serialize(storageKey, () => deleteChunks(storageKey, recording).catch(() => undefined));
  }

  /** The journal assembled into one recording, or undefined when there is none. */
  static read(storageKey: string, recording: RecordingName): Promise<JournalContents | undefined> {
    return serialize(storageKey, () => readJournal(storageKey, recording).catch(() => undefined));
  }
}

/** Unqueued read, for callers already inside `serialize`. */
export async function readJournal(storageKey: string, recording: RecordingName): Promise<JournalContents | undefined> {
  const values = await recorderDb()('readonly', (store) =>
    promisifyRequest(store.getAll(prefixRange(chunkPrefix(storageKey, recording)))),
  );
  const chunks = (values as unknown[])
    .filter((value): value is StoredChunk => isChunk(value))
    .sort((a, b) => a.seq - b.seq);
  // Only the newest take's chunks belong together, and only the gap-free run
  // from its first slice: a WebM/Ogg stream with a hole is not the recording.
  const newest = Math.max(...chunks.map((chunk) => chunk.createdAt));
  // A slice that cannot be decrypted is a hole too.
  const take: (StoredChunk & { readonly audio: ArrayBuffer })[] = [];
  for (const chunk of chunks) {
    if (chunk.createdAt !== newest) continue;
    if (chunk.seq !== take.length) break;
    const audio = await unseal(chunk, chunkKey(storageKey, recording, chunk.seq));
    if (!audio) break;
    take.push({ ...chunk, audio });
  }
  if (!take.length) return undefined;
  const last = take.at(-1)!;
  const concat = (chunks: readonly { readonly audio: ArrayBuffer }[]) => {
    const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.audio.byteLength, 0));
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(new Uint8Array(chunk.audio), offset);
      offset += chunk.audio.byteLength;
    }
    return bytes.buffer;
  };
  const bytes = new Uint8Array(concat(take));
  const partNumbers = [...new Set(take.map((chunk) => chunk.part ?? 0))];
  const parts = partNumbers.map((part) => concat(take.filter((chunk) => (chunk.part ?? 0) === part)));
  return {
    parts,
    position: {
      nextSeq: take.length,
      createdAt: last.createdAt,
      last: { mimeType: take[0].mimeType, durationSeconds: last.durationSeconds, speechSeconds: last.speechSeconds, part: last.part ?? 0 },
    },
    recording: last.recording,
    model: last.model,
    bytes: bytes.buffer,
    mimeType: take[0].mimeType,
    durationSeconds: last.durationSeconds,
    speechSeconds: last.speechSeconds,
    createdAt: last.createdAt,
    chunks: take.length,
  };
}

/** Unqueued delete, for callers already inside `serialize`. */
export { deleteChunks };

function isChunk(value: unknown): value is StoredChunk {
  if (typeof value !== 'object' || value === null) return false;
  const chunk = value as Partial<StoredChunk>;
  return (
    chunk.bytes instanceof ArrayBuffer &&
    typeof chunk.seq === 'number' &&
    typeof chunk.createdAt === 'number' &&
    typeof chunk.mimeType === 'string'
  );
}
