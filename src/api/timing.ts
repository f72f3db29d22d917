/**
 * How patient the element is with the network. The defaults suit people on
 * real connections; tests (and hosts with unusual networks) shorten them
 * through the element's `timing` property.
 */
export interface ResilienceTiming {
  /** First upload retry delay; doubles per attempt, with jitter. */
  readonly uploadRetryBaseMs: number;
  /** Upper bound for an upload retry delay (and for Retry-After). */
  readonly uploadRetryMaxMs: number;
  /** Upload attempts before `upload-failed` (offline waits do not count). */
  readonly uploadMaxAttempts: number;
  /** An upload attempt with no progress for this long is abandoned and retried. */
  readonly uploadStallMs: number;
  /** One status GET that has not answered in this long counts as a transient failure. */
  readonly statusTimeoutMs: number;
  /** Upper bound for a status backoff delay. */
  readonly statusRetryMaxMs: number;
  /** Consecutive malformed status answers before `invalid-status-response`. */
  readonly statusMaxMalformed: number;
}

export const DEFAULT_TIMING: ResilienceTiming = {
  uploadRetryBaseMs: 1000,
  uploadRetryMaxMs: 30_000,
  uploadMaxAttempts: 5,
  uploadStallMs: 30_000,
  statusTimeoutMs: 15_000,
  statusRetryMaxMs: 30_000,
  statusMaxMalformed: 5,
};

/** Overrides merged onto the defaults; non-positive or non-finite values are ignored. */
export function resolveTiming(overrides: Partial<ResilienceTiming> | undefined): ResilienceTiming {
  const merged: Record<string, number> = { ...DEFAULT_TIMING };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (key in DEFAULT_TIMING && typeof value === 'number' && Number.isFinite(value) && value > 0) merged[key] = value;
  }
  return merged as unknown as ResilienceTiming;
}
