/** In-page network fakes for fault tests: what `navigator.onLine` says, and the events that go with it. */

let online = true;

/** Makes the page believe it is offline (navigator.onLine false, `offline` fired). */
export function goOffline(): void {
  online = false;
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event('offline'));
}

/** Back online: navigator.onLine true again and `online` fired. */
export function goOnline(): void {
  online = true;
  // Dropping the own property restores Navigator.prototype's real getter.
  delete (navigator as { onLine?: boolean }).onLine;
  window.dispatchEvent(new Event('online'));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
