import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { createStore, get, keys, set } from 'idb-keyval';
import { ChunkJournal } from '../../src/storage/chunk-journal.js';
import { recorderDb } from '../../src/storage/database.js';
import { RecordingStore } from '../../src/storage/recording-store.js';
import { findRecoverable, purgeAndFind } from '../../src/storage/restore.js';
import { recordingsKey } from '../../src/storage/sealing.js';
import { PersistenceController } from '../../src/storage/persistence-controller.js';

let counter = 0;
const uniqueKey = () => `unit-${Date.now()}-${counter++}`;
const bytesOf = async (buffer: ArrayBuffer) => [...new Uint8Array(buffer)];
const progress = (seconds: number) => ({ mimeType: 'audio/webm;codecs=opus', durationSeconds: seconds, speechSeconds: seconds / 2 });

async function keysUnder(storageKey: string): Promise<string[]> {
  return ((await keys(recorderDb())) as string[]).filter((key) => key.startsWith(`${storageKey}:`));
}

/** Makes every IndexedDB put throw as a full disk would, until restored. */
function fillTheDisk(): () => void {
  const original = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function put() {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return () => {
    IDBObjectStore.prototype.put = original;
  };
}

describe('ChunkJournal', () => {
  it('stores slices as ArrayBuffers in arrival order and reads them back as one recording', async () => {
    const key = uniqueKey();
    const journal = new ChunkJournal(key, 'main', 'helios');
    // Blobs of very different sizes: arrayBuffer() settles out of order unless writes are queued.
    const slices = [new Uint8Array(200_000).fill(1), new Uint8Array([2, 2]), new Uint8Array(50_000).fill(3), new Uint8Array([4])];
    await Promise.all(slices.map((slice, i) => journal.append(new Blob([slice], { type: 'audio/webm' }), progress(i + 1))));
    const read = await ChunkJournal.read(key, 'main');
    expect(read!.chunks).to.equal(4);
    expect(read!.bytes.byteLength).to.equal(250_003);
    const all = new Uint8Array(read!.bytes);
    expect([all[0], all[200_000], all[200_002], all[250_002]]).to.deep.equal([1, 2, 3, 4]);
    expect(read!.durationSeconds).to.equal(4);
    expect(read!.speechSeconds).to.equal(2);
    expect(read!.mimeType).to.equal('audio/webm;codecs=opus');
  });

  it('never lets the progress go backwards (the flush after release reports zero)', async () => {
    const key = uniqueKey();
    const journal = new ChunkJournal(key, 'main', 'helios');
    await journal.append(new Blob([new Uint8Array([1])]), progress(8));
    await journal.append(new Blob([new Uint8Array([2])]), { mimeType: '', durationSeconds: 0, speechSeconds: 0 });
    const read = await ChunkJournal.read(key, 'main');
    expect(read).to.include({ durationSeconds: 8, speechSeconds: 4, mimeType: 'audio/webm;codecs=opus' });
  });

  it('starts a new take by dropping the previous take of that step only', async () => {
    const key = uniqueKey();
    const first = new ChunkJournal(key, 'moodQuestion', 'apollo');
    await first.append(new Blob([new Uint8Array(10)]), progress(1));
    const other = new ChunkJournal(key, 'readAloud', 'apollo');
    await other.append(new Blob([new Uint8Array(3)]), progress(1));
    const second = new ChunkJournal(key, 'moodQuestion', 'apollo');
    await second.append(new Blob([new Uint8Array([9, 9])]), progress(1));
    expect(await bytesOf((await ChunkJournal.read(key, 'moodQuestion'))!.bytes)).to.deep.equal([9, 9]);
    expect((await ChunkJournal.read(key, 'readAloud'))!.bytes.byteLength).to.equal(3);
  });

  it('reports a full disk once, stops journalling, and never throws', async () => {
    const key = uniqueKey();
    const failures: unknown[] = [];
    const journal = new ChunkJournal(key, 'main', 'helios', (error) => failures.push(error));
    expect(await journal.append(new Blob([new Uint8Array([1])]), progress(1))).to.be.true;
    const restore = fillTheDisk();
    try {
      expect(await journal.append(new Blob([new Uint8Array([2])]), progress(2))).to.be.false;
      expect(await journal.append(new Blob([new Uint8Array([3])]), progress(3))).to.be.false;
    } finally {
      restore();
    }
    expect(await journal.append(new Blob([new Uint8Array([4])]), progress(4)), 'no holes after a lost slice').to.be.false;
    expect(failures).to.have.length(1);
    expect((failures[0] as DOMException).name).to.equal('QuotaExceededError');
    expect(await bytesOf((await ChunkJournal.read(key, 'main'))!.bytes), 'the gap-free prefix survives').to.deep.equal([1]);
  });
});

describe('RecordingStore', () => {
  it('reports a full disk by its result instead of throwing', async () => {
    const store = new RecordingStore(uniqueKey());
    const restore = fillTheDisk();
    try {
      const saved = await store.saveTake({ recording: 'main', model: 'helios', mimeType: 'audio/webm', durationSeconds: 1, speechSeconds: 1, createdAt: Date.now() }, new Blob([new Uint8Array(5)]));
      expect(saved).to.be.false;
    } finally {
      restore();
    }
    expect(await store.load('main')).to.equal(undefined);
  });

  it('saveTake keeps the take whole and drops its journal in the same step: never stored twice', async () => {
    const key = uniqueKey();
    const journal = new ChunkJournal(key, 'main', 'helios');
    await Promise.all([1, 2, 3].map((i) => journal.append(new Blob([new Uint8Array([i])], { type: 'audio/webm' }), progress(i))));
    expect(await keysUnder(key)).to.have.length(3);
    const store = new RecordingStore(key);
    expect(await store.saveTake({ recording: 'main', model: 'helios', mimeType: 'audio/webm', durationSeconds: 3, speechSeconds: 3, createdAt: Date.now() }, new Blob([new Uint8Array([1, 2, 3])]))).to.be.true;
    // Read the moment saveTake resolves, before anything else is queued: no slice beside the whole take.
    expect(await keysUnder(key)).to.deep.equal([`${key}:main`]);
    expect(new Uint8Array((await store.load('main'))!.bytes)).to.deep.equal(new Uint8Array([1, 2, 3]));
  });

  it('a take that cannot be stored whole leaves its journal in place', async () => {
    const key = uniqueKey();
    const journal = new ChunkJournal(key, 'main', 'helios');
    await journal.append(new Blob([new Uint8Array([9])], { type: 'audio/webm' }), progress(1));
    const restore = fillTheDisk();
    try {
      expect(await new RecordingStore(key).saveTake({ recording: 'main', model: 'helios', mimeType: 'audio/webm', durationSeconds: 1, speechSeconds: 1, createdAt: Date.now() }, new Blob([new Uint8Array([9])]))).to.be.false;
    } finally {
      restore();
    }
    expect(await keysUnder(key)).to.deep.equal([`${key}:main:chunk:00000000`]);
  });

  it('remove() forgets the recording, its upload marker and its journal', async () => {
    const key = uniqueKey();
    const store = new RecordingStore(key);
    await store.saveTake({ recording: 'main', model: 'helios', mimeType: 'audio/webm', durationSeconds: 1, speechSeconds: 1, createdAt: Date.now() }, new Blob([new Uint8Array(3)]));
    // A journal beside the kept take (a later take that crashed before it was kept whole).
    const journal = new ChunkJournal(key, 'main', 'helios');
    await journal.append(new Blob([new Uint8Array(3)]), progress(1));
    await store.markUploaded('main', '/somewhere');
    expect(await store.uploadedTo('main')).to.equal('/somewhere');
    expect(await keysUnder(key)).to.have.length(3);
    await store.remove('main');
    expect(await keysUnder(key)).to.deep.equal([]);
  });

  it('purges entries older than the TTL, whatever their kind, and keeps fresh ones', async () => {
    const oldKey = uniqueKey();
    const freshKey = uniqueKey();
    const day = 24 * 60 * 60 * 1000;
    await set(`${oldKey}:main`, { recording: 'main', model: 'helios', bytes: new ArrayBuffer(2), mimeType: 'audio/webm', durationSeconds: 1, speechSeconds: 1, createdAt: Date.now() - day - 1000 }, recorderDb());
    await set(`${oldKey}:main:chunk:00000000`, { seq: 0, bytes: new ArrayBuffer(2), mimeType: 'audio/webm', createdAt: Date.now() - day - 1000 }, recorderDb());
    await set(`${oldKey}:junk`, 'not ours', recorderDb());
    await new RecordingStore(freshKey).saveTake({ recording: 'main', model: 'helios', mimeType: 'audio/webm', durationSeconds: 1, speechSeconds: 1, createdAt: Date.now() }, new Blob([new Uint8Array(2)]));
    await RecordingStore.purgeExpired();
    expect(await keysUnder(oldKey)).to.deep.equal([]);
    expect(await keysUnder(freshKey)).to.deep.equal([`${freshKey}:main`]);
  });
});

describe('findRecoverable', () => {
  const meta = { recording: 'main' as const, model: 'helios', mimeType: 'audio/webm', durationSeconds: 12, speechSeconds: 9 };

  it('offers a stopped recording with its upload marker', async () => {
    const key = uniqueKey();
    const store = new RecordingStore(key);
    await store.saveTake({ ...meta, createdAt: Date.now() - 5000 }, new Blob([new Uint8Array([7, 7, 7])]));
    const found = await findRecoverable(key, { steps: ['main'], model: 'helios' });
    expect(found).to.have.length(1);
    expect(found[0]).to.include({ recording: 'main', source: 'recording', durationSeconds: 12, speechSeconds: 9, uploadedTo: undefined });
    expect(await bytesOf(found[0].bytes)).to.deep.equal([7, 7, 7]);
  });

  it('assembles a crashed take from its journal and promotes it to a stored recording', async () => {
    const key = uniqueKey();
    const journal = new ChunkJournal(key, 'main', 'helios');
    await journal.append(new Blob([new Uint8Array([1, 2])]), progress(1));
    await journal.append(new Blob([new Uint8Array([3])]), progress(2));
    const [found] = await findRecoverable(key, { steps: ['main'], model: 'helios' });
    expect(found.source).to.equal('journal');
    expect(await bytesOf(found.bytes)).to.deep.equal([1, 2, 3]);
    expect(await keysUnder(key), 'journal replaced by the assembled recording').to.deep.equal([`${key}:main`]);
    const [again] = await findRecoverable(key, { steps: ['main'], model: 'helios' });
    expect(again.source).to.equal('recording');
    expect(await bytesOf(again.bytes)).to.deep.equal([1, 2, 3]);
  });

  it('prefers the assembled recording over a journal whose cleanup never ran', async () => {
    const key = uniqueKey();
    const journal = new ChunkJournal(key, 'main', 'helios');
    await journal.append(new Blob([new Uint8Array([1])]), progress(1));
    await new RecordingStore(key).saveTake({ ...meta, createdAt: Date.now() }, new Blob([new Uint8Array([1, 5])]));
    const [found] = await findRecoverable(key, { steps: ['main'], model: 'helios' });
    expect(await bytesOf(found.bytes)).to.deep.equal([1, 5]);
    expect(await keysUnder(key)).to.deep.equal([`${key}:main`]);
  });

  it('leaves other models, expired and empty entries alone', async () => {
    const key = uniqueKey();
    await new RecordingStore(key).saveTake({ ...meta, model: 'apollo', createdAt: Date.now() }, new Blob([new Uint8Array(4)]));
    expect(await findRecoverable(key, { steps: ['main'], model: 'helios' })).to.deep.equal([]);
    const stale = uniqueKey();
    await new RecordingStore(stale).saveTake({ ...meta, createdAt: Date.now() - 2 * 24 * 3600_000 }, new Blob([new Uint8Array(4)]));
    expect(await purgeAndFind(stale, { steps: ['main'], model: 'helios' })).to.deep.equal([]);
    expect(await keysUnder(stale)).to.deep.equal([]);
  });

  it('serialises a finished take behind its own journal writes (no lost last slice)', async () => {
    const key = uniqueKey();
    const journal = new ChunkJournal(key, 'main', 'helios');
    const writes = [journal.append(new Blob([new Uint8Array(300_000)]), progress(1))];
    const removed = new RecordingStore(key).remove('main');
    await Promise.all([...writes, removed]);
    await waitUntil(async () => (await keysUnder(key)).length === 0, 'removed after the queued write');
  });
});

/** Where `needle` occurs in `haystack`, or -1. */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Recognisable "audio": an Opus-in-WebM header followed by a repeating pattern. */
function audioBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set([0x1a, 0x45, 0xdf, 0xa3, 0x4f, 0x70, 0x75, 0x73]);
  for (let i = 8; i < size; i += 1) bytes[i] = i % 251;
  return bytes;
}

describe('encryption at rest', () => {
  const meta = { recording: 'main' as const, model: 'helios', mimeType: 'audio/webm;codecs=opus', durationSeconds: 20, speechSeconds: 15 };

  it('stores a take as AES-GCM ciphertext with a fresh 12-byte IV, and reads back the identical audio', async () => {
    const key = uniqueKey();
    const audio = audioBytes(30_000);
    const store = new RecordingStore(key);
    expect(await store.saveTake({ ...meta, createdAt: Date.now() }, new Blob([audio]))).to.be.true;
    const raw = await get<{ bytes: ArrayBuffer; iv: Uint8Array }>(`${key}:main`, recorderDb());
    const atRest = new Uint8Array(raw!.bytes);
    expect(raw!.iv).to.be.instanceOf(Uint8Array);
    expect(raw!.iv.byteLength).to.equal(12);
    expect(atRest.byteLength, 'ciphertext plus the 16-byte tag').to.equal(audio.byteLength + 16);
    expect(indexOfBytes(atRest, audio.subarray(0, 16)), 'no plaintext run at rest').to.equal(-1);
    expect(indexOfBytes(atRest, audio.subarray(1000, 1016))).to.equal(-1);
    expect(await bytesOf((await store.load('main'))!.bytes)).to.deep.equal([...audio]);

    // The same audio stored again is sealed under another IV, so it looks different at rest.
    const other = uniqueKey();
    await new RecordingStore(other).saveTake({ ...meta, createdAt: Date.now() }, new Blob([audio]));
    const again = await get<{ bytes: ArrayBuffer; iv: Uint8Array }>(`${other}:main`, recorderDb());
    expect([...again!.iv]).not.to.deep.equal([...raw!.iv]);
    expect(await bytesOf(again!.bytes)).not.to.deep.equal(await bytesOf(raw!.bytes));
  });

  it('seals every journal slice and restores a crashed take byte for byte', async () => {
    const key = uniqueKey();
    const audio = audioBytes(9_000);
    const journal = new ChunkJournal(key, 'main', 'helios');
    await journal.append(new Blob([audio.slice(0, 4000)]), progress(1));
    await journal.append(new Blob([audio.slice(4000)]), progress(2));
    const slices = (await keysUnder(key)).filter((k) => k.includes(':chunk:'));
    expect(slices).to.have.length(2);
    for (const slice of slices) {
      const raw = await get<{ bytes: ArrayBuffer; iv: Uint8Array }>(slice, recorderDb());
      expect(raw!.iv.byteLength).to.equal(12);
      expect(indexOfBytes(new Uint8Array(raw!.bytes), audio.subarray(100, 116))).to.equal(-1);
      expect(indexOfBytes(new Uint8Array(raw!.bytes), audio.subarray(5000, 5016))).to.equal(-1);
    }
    const [found] = await findRecoverable(key, { steps: ['main'], model: 'helios' });
    expect(found.source).to.equal('journal');
    expect(await bytesOf(found.bytes)).to.deep.equal([...audio]);
    const promoted = await get<{ bytes: ArrayBuffer; iv: Uint8Array }>(`${key}:main`, recorderDb());
    expect(promoted!.iv.byteLength, 'the promoted recording is sealed too').to.equal(12);
    expect(indexOfBytes(new Uint8Array(promoted!.bytes), audio.subarray(0, 16))).to.equal(-1);
  });

  it('keeps its key in IndexedDB as a non-extractable CryptoKey', async () => {
    await new RecordingStore(uniqueKey()).saveTake({ ...meta, createdAt: Date.now() }, new Blob([audioBytes(10)]));
    const stored = await get<CryptoKey>('recordings-key', createStore('thymia-recorder-key', 'keys'));
    expect(stored).to.be.instanceOf(CryptoKey);
    expect(stored!.extractable).to.be.false;
    expect(stored!.algorithm).to.deep.include({ name: 'AES-GCM', length: 256 });
    expect(stored!.usages).to.have.members(['encrypt', 'decrypt']);
    const exported = await crypto.subtle.exportKey('raw', stored!).then(() => 'exported', (error: DOMException) => error.name);
    expect(exported).to.equal('InvalidAccessError');
    // The stored key is the one the audio is sealed with: it alone opens a record.
    const key = uniqueKey();
    const audio = audioBytes(64);
    await new RecordingStore(key).saveTake({ ...meta, createdAt: Date.now() }, new Blob([audio]));
    const raw = await get<{ bytes: ArrayBuffer; iv: Uint8Array<ArrayBuffer> }>(`${key}:main`, recorderDb());
    const opened = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: raw!.iv, additionalData: new TextEncoder().encode(`${key}:main`) }, stored!, raw!.bytes);
    expect(await bytesOf(opened)).to.deep.equal([...audio]);
    expect(await recordingsKey()).to.be.instanceOf(CryptoKey);
  });

  it('drops a recording whose ciphertext was tampered with, or moved under another key', async () => {
    const key = uniqueKey();
    await new RecordingStore(key).saveTake({ ...meta, createdAt: Date.now() }, new Blob([audioBytes(500)]));
    const raw = await get<{ bytes: ArrayBuffer; iv: Uint8Array }>(`${key}:main`, recorderDb());
    const moved = uniqueKey();
    await set(`${moved}:main`, raw, recorderDb());
    expect(await new RecordingStore(moved).load('main'), 'bound to where it was stored').to.equal(undefined);
    const flipped = new Uint8Array(raw!.bytes.slice(0));
    flipped[10] ^= 1;
    await set(`${key}:main`, { ...raw, bytes: flipped.buffer }, recorderDb());
    expect(await new RecordingStore(key).load('main')).to.equal(undefined);
    expect(await findRecoverable(key, { steps: ['main'], model: 'helios' })).to.deep.equal([]);
    expect(await keysUnder(key), 'an unreadable recording is removed').to.deep.equal([]);
  });

  it('keeps audio in the clear where WebCrypto is missing, and still reads it back', async () => {
    const key = uniqueKey();
    const audio = audioBytes(700);
    const original = Object.getOwnPropertyDescriptor(Crypto.prototype, 'subtle')!;
    Object.defineProperty(crypto, 'subtle', { configurable: true, get: () => undefined });
    try {
      expect(crypto.subtle).to.equal(undefined);
      await new RecordingStore(key).saveTake({ ...meta, createdAt: Date.now() }, new Blob([audio]));
      const raw = await get<{ bytes: ArrayBuffer; iv?: Uint8Array }>(`${key}:main`, recorderDb());
      expect(raw!.iv).to.equal(undefined);
      expect(await bytesOf(raw!.bytes)).to.deep.equal([...audio]);
    } finally {
      delete (crypto as { subtle?: unknown }).subtle;
    }
    expect(Object.getOwnPropertyDescriptor(Crypto.prototype, 'subtle')).to.deep.equal(original);
    expect(await bytesOf((await new RecordingStore(key).load('main'))!.bytes), 'a clear recording still restores').to.deep.equal([...audio]);
  });
});

describe('clearing a storage key (sign-out)', () => {
  it('removes every step, journal and upload marker of that key and nothing of another', async () => {
    const key = uniqueKey();
    const neighbour = `${key}:other`;
    const store = new RecordingStore(key);
    const meta = { model: 'apollo', mimeType: 'audio/webm', durationSeconds: 1, speechSeconds: 1, createdAt: Date.now() };
    await store.saveTake({ ...meta, recording: 'moodQuestion' }, new Blob([new Uint8Array(4)]));
    await store.markUploaded('moodQuestion', 'https://bucket.example/mood');
    await store.saveTake({ ...meta, recording: 'readAloud' }, new Blob([new Uint8Array(4)]));
    await new ChunkJournal(key, 'main', 'helios').append(new Blob([new Uint8Array(3)]), progress(1));
    await new RecordingStore(neighbour).saveTake({ ...meta, recording: 'main' }, new Blob([new Uint8Array(4)]));
    expect(await keysUnder(key)).to.have.length(5);
    expect(await store.clear()).to.be.true;
    expect(await keysUnder(key)).to.deep.equal([`${neighbour}:main`]);
    expect(await findRecoverable(key, { steps: ['moodQuestion', 'readAloud'], model: 'apollo' })).to.deep.equal([]);
  });
});

describe('PersistenceController.clearStoredRecordings', () => {
  it('deletes what the key keeps, and a slice arriving after it never lands', async () => {
    const key = uniqueKey();
    const host = { addController: () => undefined, removeController: () => undefined, requestUpdate: () => undefined, updateComplete: Promise.resolve(true) };
    const persistence = new PersistenceController(host, {
      storageKey: () => key,
      model: () => 'helios',
      steps: () => ['main'],
      onRestore: () => undefined,
      onStorageFailed: () => undefined,
    });
    persistence.beginTake('main');
    persistence.appendChunk(new Blob([new Uint8Array(5)]), progress(1));
    await waitUntil(async () => (await keysUnder(key)).length === 1, 'the first slice is journalled');
    expect(await persistence.clearStoredRecordings()).to.be.true;
    persistence.appendChunk(new Blob([new Uint8Array(5)]), progress(2));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await keysUnder(key)).to.deep.equal([]);
  });
});
