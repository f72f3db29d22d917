import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/**
 * Long enough for what a busy 2-core CI machine does between two checks (a lazy chunk
 * compiled by the test server, a poll, an IndexedDB write): @open-wc's default of 1 s
 * failed there (Firefox, activity hand-off) while nothing was wrong. Still a bound, so a
 * wait that can never succeed fails.
 */
export const WAIT_UNTIL_TIMEOUT_MS = 10_000;

/** `waitUntil` from @open-wc/testing, with `WAIT_UNTIL_TIMEOUT_MS` unless a timeout is given. */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: WAIT_UNTIL_TIMEOUT_MS, ...options });
}
