import { ERROR_CODES, RecorderError } from '../errors.js';
import { backoffDelay, isAbort, retryAfterMs, sleep } from './backoff.js';
import { StatusShapeError, type AdapterContext, type StatusAdapter, type StatusOutcome } from './status.js';

export interface PollOptions {
  readonly url: string;
  readonly init?: RequestInit;
  readonly intervalMs: number;
  readonly adapter: StatusAdapter;
  readonly context: AdapterContext;
  readonly signal: AbortSignal;
  /** Every understood answer, pending or final. */
  readonly onStatus: (outcome: StatusOutcome) => void;
  readonly requestTimeoutMs?: number;
  /** Consecutive malformed answers tolerated before giving up. */
  readonly maxMalformed?: number;
  /** Consecutive 5xx / timeouts / network errors tolerated before giving up. */
  readonly maxTransient?: number;
  readonly maxBackoffMs?: number;
}

type Attempt =
  | { readonly kind: 'outcome'; readonly outcome: StatusOutcome }
  | { readonly kind: 'transient'; readonly reason: string; readonly retryAfter?: number }
  | { readonly kind: 'malformed'; readonly reason: string };

async function fetchOnce(options: PollOptions): Promise<Attempt> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.requestTimeoutMs ?? 15_000);
  const signal = AbortSignal.any ? AbortSignal.any([options.signal, timeout.signal]) : options.signal;
  try {
    const init = options.init ?? {};
    const response = await fetch(options.url, {
      ...init,
      method: 'GET',
      headers: { Accept: 'application/json', ...Object.fromEntries(new Headers(init.headers ?? {})) },
      cache: 'no-store',
      signal,
    });
    if (response.status === 404) {
      throw new RecorderError(ERROR_CODES.dataDeleted, 'status 404', { status: 404 });
    }
    if (response.status === 408 || response.status === 429 || response.status >= 500) {
      return {
        kind: 'transient',
        reason: `HTTP ${response.status}`,
        retryAfter: retryAfterMs(response.headers.get('Retry-After')),
      };
    }
    if (!response.ok) {
      throw new RecorderError(ERROR_CODES.statusFailed, `status ${response.status}`, { status: response.status });
    }
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      return { kind: 'malformed', reason: 'not JSON' };
    }
    try {
      return { kind: 'outcome', outcome: options.adapter(body, options.context) };
    } catch (error) {
      if (error instanceof StatusShapeError) return { kind: 'malformed', reason: error.issues };
      throw error;
    }
  } catch (error) {
    if (error instanceof RecorderError) throw error;
    if (options.signal.aborted) throw options.signal.reason ?? error;
    return { kind: 'transient', reason: timeout.signal.aborted ? 'timeout' : 'network error' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Polls until the run completes or fails, riding out blips: 5xx, timeouts,
 * network errors and malformed bodies back off and retry. Resolves with the
 * final outcome; throws RecorderError for 404 (`data-deleted`), other 4xx and
 * exhausted retries, or the abort reason when stopped.
 */
export async function pollStatus(options: PollOptions): Promise<StatusOutcome> {
  const maxMalformed = options.maxMalformed ?? 5;
  const maxTransient = options.maxTransient ?? 40;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  let malformed = 0;
  let transient = 0;
  for (;;) {
    const attempt = await fetchOnce(options);
    let delay = options.intervalMs;
    if (attempt.kind === 'outcome') {
      malformed = 0;
      transient = 0;
      options.onStatus(attempt.outcome);
      if (attempt.outcome.phase !== 'pending') return attempt.outcome;
    } else if (attempt.kind === 'malformed') {
      malformed += 1;
      if (malformed >= maxMalformed) {
        throw new RecorderError(ERROR_CODES.invalidStatusResponse, attempt.reason);
      }
      delay = backoffDelay(malformed, options.intervalMs, maxBackoffMs);
    } else {
      transient += 1;
      if (transient >= maxTransient) throw new RecorderError(ERROR_CODES.statusFailed, attempt.reason);
      delay = attempt.retryAfter ?? backoffDelay(transient, options.intervalMs, maxBackoffMs);
    }
    try {
      await sleep(delay, options.signal);
    } catch (error) {
      if (isAbort(error) || options.signal.aborted) throw options.signal.reason ?? error;
      throw error;
    }
  }
}
