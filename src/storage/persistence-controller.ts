import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RecordingName } from '../state/machine.js';
import { ChunkJournal, type ChunkProgress } from './chunk-journal.js';
import { DEFAULT_TTL_MS, RecordingStore } from './recording-store.js';
import { purgeAndFind, type RecoverableRecording } from './restore.js';

export interface PersistenceOptions {
  readonly storageKey: () => string;
  readonly model: () => string;
  readonly steps: () => readonly RecordingName[];
  /** Stored recordings the person has not uploaded yet, found on connect. */
  readonly onRestore: (found: readonly RecoverableRecording[]) => void;
  /** The browser refused to store audio (quota, private mode); reported once per take. */
  readonly onStorageFailed: (error: unknown) => void;
  readonly ttlMs?: number;
}

/** What a stopped take hands over to be kept until its upload is confirmed. */
export interface KeptTake {
  readonly blob: Blob;
  readonly mimeType: string;
  readonly durationSeconds: number;
  readonly speechSeconds: number;
}

/**
 * Keeps the person's audio safe in IndexedDB for the element: journals every
 * timeslice while recording, keeps the assembled take until its upload is
 * confirmed, and on connect offers back whatever an earlier page left behind.
 * Nothing here throws; storage trouble is reported once per take.
 */
export class PersistenceController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: PersistenceOptions;
  #journal: ChunkJournal | undefined;
  #reportedThisTake = false;
  /** Bumped on disconnect, so a lookup started by an earlier connection never lands. */
  #generation = 0;

  constructor(host: ReactiveControllerHost, options: PersistenceOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get #store(): RecordingStore {
    return new RecordingStore(this.#options.storageKey());
  }

  hostConnected(): void {
    const generation = this.#generation;
    // After the first update, so attributes set alongside the element (storage-key, model) apply.
    void this.#host.updateComplete.then(() => {
      if (generation === this.#generation) void this.lookup();
    });
  }

  hostDisconnected(): void {
    this.#generation += 1;
    // The journal stays: MediaRecorder's last slice may still arrive and is worth keeping.
  }

  /** Purges expired entries and reports what is left for this key and model. */
  async lookup(): Promise<void> {
    const generation = this.#generation;
    const storageKey = this.#options.storageKey();
    const found = await purgeAndFind(storageKey, {
      steps: this.#options.steps(),
      model: this.#options.model(),
      ttlMs: this.#options.ttlMs ?? DEFAULT_TTL_MS,
    });
    if (generation !== this.#generation || storageKey !== this.#options.storageKey() || !found.length) return;
    this.#options.onRestore(found);
  }

  /** A new take of `recording` starts: its journal replaces any earlier one. */
  beginTake(recording: RecordingName): void {
    this.#reportedThisTake = false;
    this.#journal = new ChunkJournal(this.#options.storageKey(), recording, this.#options.model(), (error) =>
      this.#report(error),
    );
  }

  appendChunk(chunk: Blob, progress: ChunkProgress): void {
    void this.#journal?.append(chunk, progress);
  }

  /**
   * The take stopped: store it whole, then drop its journal. If the whole
   * cannot be stored the journal stays, since it may still hold the audio.
   */
  async keep(recording: RecordingName, take: KeptTake): Promise<boolean> {
    this.#journal = undefined;
    const store = this.#store;
    // Queued synchronously behind the journal's writes and ahead of any later forget().
    const saving = store.saveTake(
      {
        recording,
        model: this.#options.model(),
        mimeType: take.mimeType,
        durationSeconds: take.durationSeconds,
        speechSeconds: take.speechSeconds,
        createdAt: Date.now(),
      },
      take.blob,
    );
    const cleared = saving.then((saved) => (saved ? ChunkJournal.clear(store.storageKey, recording) : undefined));
    const saved = await saving;
    await cleared;
    if (!saved) this.#report(new DOMException('could not store the recording', 'QuotaExceededError'));
    return saved;
  }

  /** One step of a submission reached its pre-signed URL. */
  markUploaded(recording: RecordingName, url: string): Promise<void> {
    return this.#store.markUploaded(recording, url);
  }

  /** Forgets the recordings (uploaded, retaken or discarded). */
  async forget(recordings: readonly RecordingName[]): Promise<void> {
    const store = this.#store;
    // A discarded take's last slice may still be on its way: let it fall on the floor.
    if (this.#journal && recordings.includes(this.#journal.recording)) this.#journal = undefined;
    await Promise.all(recordings.map((recording) => store.remove(recording)));
  }

  /**
   * Deletes every recording this storage key keeps — each step's take, its
   * journal and upload markers (for sign-out). A take being recorded stops
   * being journalled, so no slice lands after the clear. Resolves false if
   * storage refused.
   */
  clearStoredRecordings(): Promise<boolean> {
    this.#journal = undefined;
    return this.#store.clear();
  }

  #report(error: unknown): void {
    if (this.#reportedThisTake) return;
    this.#reportedThisTake = true;
    this.#options.onStorageFailed(error);
  }
}
