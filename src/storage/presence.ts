/**
 * Whether the recorders' IndexedDB store holds anything at all, asked on
 * every connect. Plain IndexedDB rather than idb-keyval, so the first visit
 * (nothing kept, the usual case) downloads neither idb-keyval nor the
 * storage engine.
 */

/** The one database and object store every recorder shares (see database.ts). */
export const DB_NAME = 'thymia-recorder';
export const STORE_NAME = 'recordings';

/** Anything at all in the store (any key, any element). False when storage is refused (private mode). */
export function storeHoldsAnything(): Promise<boolean> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DB_NAME);
    } catch {
      resolve(false);
      return;
    }
    // Created exactly as idb-keyval's createStore would, so its later open finds the store.
    request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
    request.onerror = () => resolve(false);
    request.onblocked = () => resolve(false);
    request.onsuccess = () => {
      const db = request.result;
      // Closed at once: an open connection would hold up a Safari page entering its back-forward cache.
      const answer = (holds: boolean) => {
        db.close();
        resolve(holds);
      };
      try {
        const count = db.transaction(STORE_NAME, 'readonly').objectStore(STORE_NAME).count();
        count.onsuccess = () => answer(count.result > 0);
        count.onerror = () => answer(false);
      } catch {
        answer(false);
      }
    };
  });
}
