import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RecordingName } from '../state/machine.js';
import { LazyModule } from '../lazy-module.js';
import type { ChunkJournal, ChunkProgress, JournalPosition, PausedMarker } from './chunk-journal.js';
import { storeHoldsAnything } from './presence.js';
import type { RecordingStore } from './recording-store.js';
import type { RecoverableRecording } from './restore.js';

type StorageEngine = typeof import('./storage-engine.js');

/** Loaded once per page: when a take starts, or when the store holds something to restore. */
const storageEngine = new LazyModule<StorageEngine>(() => import('./storage-engine.js'));

/**
 * Runs `use` with the storage engine: synchronously once it is loaded, so
 * writes queue in exactly the order they were asked for (as they always did);
 * after the load otherwise.
 */
function withEngine<T>(use: (engine: StorageEngine) => T | Promise<T>): Promise<T> {
  const engine = storageEngine.value;
  if (engine) {
    try {
      return Promise.resolve(use(engine));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return storageEngine.load().then(use);
}

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
  /** The journal being made for the take just begun (the engine may still be loading). */
  #beginning: Promise<ChunkJournal> | undefined;
  #reportedThisTake = false;
  /** Bumped on disconnect, so a lookup started by an earlier connection never lands. */
  #generation = 0;

  constructor(host: ReactiveControllerHost, options: PersistenceOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  #store(engine: StorageEngine): RecordingStore {
    return new engine.RecordingStore(this.#options.storageKey());
  }

  hostConnected(): void {
    const generation = this.#generation;
    // After the first update, so attributes set alongside the element (storage-key, model) apply; in a task
    // after it, so opening the database does not hold back the first paint.
    void this.#host.updateComplete.then(() =>
      setTimeout(() => {
        if (generation === this.#generation) void this.lookup();
      }),
    );
  }

  hostDisconnected(): void {
    this.#generation += 1;
    // The journal stays: MediaRecorder's last slice may still arrive and is worth keeping.
  }

  /** Purges expired entries and reports what is left for this key and model. */
  async lookup(): Promise<void> {
    const generation = this.#generation;
    const storageKey = this.#options.storageKey();
    // Nothing kept anywhere (the usual first visit): nothing to purge or offer, nothing more to download.
    if (!storageEngine.value && !(await storeHoldsAnything())) return;
    // Patiently: nothing else would ask again, and a chunk lost to a flaky connection would hide the kept take.
    const found = await storageEngine
      .loadPatiently()
      .then((engine) =>
        engine.purgeAndFind(storageKey, {
          steps: this.#options.steps(),
          model: this.#options.model(),
          ttlMs: this.#options.ttlMs ?? engine.DEFAULT_TTL_MS,
        }),
      )
      .catch((): RecoverableRecording[] => []);
    if (generation !== this.#generation || storageKey !== this.#options.storageKey() || !found.length) return;
    this.#options.onRestore(found);
  }

  /** A new take of `recording` starts: its journal replaces any earlier one. */
  beginTake(recording: RecordingName): void {
    this.#reportedThisTake = false;
    const storageKey = this.#options.storageKey();
    const model = this.#options.model();
    const journalFor = (engine: StorageEngine) => new engine.ChunkJournal(storageKey, recording, model, (error) => this.#report(error));
    const loaded = storageEngine.value;
    // Loaded already (a second take): journal from the first slice on, as before.
    this.#journal = loaded ? journalFor(loaded) : undefined;
    if (loaded) return;
    const begun = withEngine(journalFor);
    this.#beginning = begun;
    void begun.then(
      (journal) => {
        if (this.#beginning === begun) this.#journal = journal;
      },
      (error: unknown) => this.#report(error),
    );
  }

  /** A take an earlier page left paused is resumed here: its journal carries on where it stopped. */
  continueTake(recording: RecordingName, position: JournalPosition): void {
    this.#reportedThisTake = false;
    this.#beginning = undefined;
    const engine = storageEngine.value;
    this.#journal = engine && new engine.ChunkJournal(this.#options.storageKey(), recording, this.#options.model(), (error) => this.#report(error), position);
  }

  /** The take paused (a reload brings it back paused) or runs again; queued behind its chunks. */
  markPaused(marker: Omit<PausedMarker, 'createdAt'> | undefined): void {
    const mark = (journal: ChunkJournal) => void (marker ? journal.markPaused(marker) : journal.clearPaused());
    if (this.#journal) mark(this.#journal);
    else void this.#beginning?.then(mark, () => undefined);
  }

  appendChunk(chunk: Blob, progress: ChunkProgress): void {
    if (this.#journal) {
      void this.#journal.append(chunk, progress);
      return;
    }
    // The engine is still loading: queue behind the journal being made, in arrival order.
    const begun = this.#beginning;
    void begun?.then((journal) => {
      if (this.#beginning === begun) void journal.append(chunk, progress);
    }, () => undefined);
  }

  /**
   * The take stopped: store it whole; its journal goes in the same
   * transaction (see RecordingStore.saveTake). If the whole cannot be stored
   * the journal stays, since it may still hold the audio.
   */
  keep(recording: RecordingName, take: KeptTake): Promise<boolean> {
    this.#journal = undefined;
    this.#beginning = undefined;
    return withEngine((engine) => this.#keep(engine, recording, take));
  }

  async #keep(engine: StorageEngine, recording: RecordingName, take: KeptTake): Promise<boolean> {
    const store = this.#store(engine);
    // Queued synchronously behind the journal's writes and ahead of any later forget().
    const saved = await store.saveTake(
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
    if (!saved) this.#report(new DOMException('could not store the recording', 'QuotaExceededError'));
    return saved;
  }

  /** One step of a submission reached its pre-signed URL. */
  markUploaded(recording: RecordingName, url: string): Promise<void> {
    return withEngine((engine) => this.#store(engine).markUploaded(recording, url));
  }

  /** Forgets the recordings (uploaded, retaken or discarded). */
  async forget(recordings: readonly RecordingName[]): Promise<void> {
    // A discarded take's last slice may still be on its way: let it fall on the floor.
    if (this.#journal && recordings.includes(this.#journal.recording)) this.#journal = undefined;
    // Nothing was ever loaded, so nothing was ever written by this page: only an earlier page's entries could exist.
    if (!storageEngine.value && !(await storeHoldsAnything())) return;
    // Storage that refuses (no IndexedDB, a sandboxed frame) must never fail the upload that called this.
    await withEngine((engine) => {
      const store = this.#store(engine);
      return Promise.all(recordings.map((recording) => store.remove(recording)));
    }).catch(() => undefined);
  }

  /**
   * Deletes every recording this storage key keeps — each step's take, its
   * journal and upload markers (for sign-out). A take being recorded stops
   * being journalled, so no slice lands after the clear. Resolves false if
   * storage refused.
   */
  clearStoredRecordings(): Promise<boolean> {
    this.#journal = undefined;
    this.#beginning = undefined;
    return withEngine((engine) => this.#store(engine).clear()).catch(() => false);
  }

  #report(error: unknown): void {
    if (this.#reportedThisTake) return;
    this.#reportedThisTake = true;
    this.#options.onStorageFailed(error);
  }
}
