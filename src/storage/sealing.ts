import { createStore, get, update, type UseStore } from 'idb-keyval';

/**
 * Kept audio is someone's voice and health data: it is encrypted at rest
 * with AES-GCM under one key per origin, generated here once and kept in
 * IndexedDB as a non-extractable CryptoKey. Script on the page can still ask
 * the browser to decrypt with it (nothing in a page can stop that), but the
 * key's bytes can never be read out, so a copy of the profile's IndexedDB
 * files (a shared computer, a backup, disk forensics) holds no audio.
 *
 * Where WebCrypto is missing, or the browser cannot keep a CryptoKey in
 * IndexedDB, audio is kept in the clear: losing a recording would be worse
 * for the person than having it readable on their own device.
 */

/** A stored blob of audio: ciphertext when `iv` is present, the audio itself otherwise. */
export interface SealedBytes {
  readonly bytes: ArrayBuffer;
  /** AES-GCM's 12-byte nonce, random per record. */
  readonly iv?: Uint8Array<ArrayBuffer>;
}

const ALGORITHM = 'AES-GCM';
const KEY_NAME = 'recordings-key';

/**
 * Its own database: the recordings store is swept by the TTL purge and by
 * clearStoredRecordings(), and the key must outlive what it protects.
 */
let keyDb: UseStore | undefined;
function keyStore(): UseStore {
  keyDb ??= createStore('thymia-recorder-key', 'keys');
  return keyDb;
}

let cachedKey: Promise<CryptoKey | undefined> | undefined;

function subtle(): SubtleCrypto | undefined {
  return globalThis.crypto?.subtle;
}

/** The origin's recordings key, made on first use; undefined when audio must be kept in the clear. */
export function recordingsKey(): Promise<CryptoKey | undefined> {
  if (!subtle()) return Promise.resolve(undefined);
  cachedKey ??= loadOrCreateKey();
  return cachedKey;
}

async function loadOrCreateKey(): Promise<CryptoKey | undefined> {
  const crypto = subtle()!;
  try {
    const stored: unknown = await get(KEY_NAME, keyStore());
    if (stored instanceof CryptoKey) return stored;
    const fresh = await crypto.generateKey({ name: ALGORITHM, length: 256 }, false, ['encrypt', 'decrypt']);
    // Another tab may have made one meanwhile: the first one stored wins, in one transaction.
    let kept = fresh;
    await update<CryptoKey>(
      KEY_NAME,
      (current) => {
        kept = current instanceof CryptoKey ? current : fresh;
        return kept;
      },
      keyStore(),
    );
    return kept;
  } catch {
    // IndexedDB unavailable, or this browser cannot store a CryptoKey (DataCloneError).
    return undefined;
  }
}

/**
 * Encrypts `plain` for storage under `recordKey` (the IndexedDB key it will
 * live at, bound in as additional data so records cannot be swapped).
 */
export async function seal(plain: ArrayBuffer, recordKey: string): Promise<SealedBytes> {
  const key = await recordingsKey();
  if (!key) return { bytes: plain };
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const bytes = await subtle()!.encrypt({ name: ALGORITHM, iv, additionalData: encode(recordKey) }, key, plain);
  return { bytes, iv };
}

/** The audio back, or undefined when it cannot be decrypted (no key, another key, tampered). */
export async function unseal(record: SealedBytes, recordKey: string): Promise<ArrayBuffer | undefined> {
  if (!(record.bytes instanceof ArrayBuffer)) return undefined;
  if (record.iv === undefined) return record.bytes;
  const key = await recordingsKey();
  if (!key || !(record.iv instanceof Uint8Array)) return undefined;
  try {
    return await subtle()!.decrypt({ name: ALGORITHM, iv: record.iv, additionalData: encode(recordKey) }, key, record.bytes);
  } catch {
    return undefined;
  }
}

/**
 * Sealed, but this page has no key to open it with (IndexedDB refused the
 * key this time): leave it for a later page rather than treat it as garbage.
 */
export async function lockedAway(record: unknown): Promise<boolean> {
  const iv = typeof record === 'object' && record !== null ? (record as Partial<SealedBytes>).iv : undefined;
  return iv !== undefined && !(await recordingsKey());
}

function encode(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}
