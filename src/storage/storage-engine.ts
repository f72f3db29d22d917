/**
 * The storage engine proper (chunk journal, kept takes, restore, sealing),
 * loaded when a take starts or when the store holds something to restore:
 * a first visit with nothing kept never downloads it.
 */
export { ChunkJournal } from './chunk-journal.js';
export { DEFAULT_TTL_MS, RecordingStore } from './recording-store.js';
export { purgeAndFind } from './restore.js';
