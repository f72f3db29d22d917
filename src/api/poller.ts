import { ERROR_CODES, RecorderError } from '../errors.js';
import { isAbort, sleep as realSleep } from './backoff.js';
import { mergeHeaders } from './http.js';
import { classifyAnswer, decide, FRESH_COUNTERS, type PollAttempt, type PollCounters } from './poll-step.js';
import type { AdapterContext, StatusAdapter, StatusOutcome } from './outcome.js';

export interface PollOptions {
  readonly url: string;
  readonly init?: RequestInit;
  readonly intervalMs: number;
  readonly adapter: StatusAdapter;
  readonly context: AdapterContext;
  readonly signal: AbortSignal;
  /** Every understood answer, pending or final. */
  readonly onStatus: (outcome: StatusOutcome) => void;
  /** One GET that has not answered in this long is abandoned and counts as transient. */
  readonly requestTimeoutMs?: number;
  /** Consecutive malformed answers tolerated before giving up. */
  readonly maxMalformed?: number;
  /** Consecutive 5xx / timeouts / network errors tolerated before giving up. */
  readonly maxTransient?: number;
  readonly maxBackoffMs?: number;
  /** Gives up (`status-failed`, retryable) when the run is still pending after this long. */
  readonly maxDurationMs?: number;
  /** Tests inject an instant sleep to drive thousands of answers through the loop. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

async function fetchOnce(options: PollOptions): Promise<PollAttempt> {
  // One controller per GET, ended by the poll's stop or by the timeout (no AbortSignal.any: Safari before 17.4 lacks it).
  const request = new AbortController();
  const stop = () => request.abort(options.signal.reason);
  if (options.signal.aborted) stop();
  else options.signal.addEventListener('abort', stop, { once: true });
  // The timeout settles the wait itself too: a fetch that ignores its abort (WebKit, now and then) must not hold the poll.
  let expire!: (reason: unknown) => void;
  const expired = new Promise<never>((_, reject) => (expire = reject));
  expired.catch(() => undefined);
  const timer = setTimeout(() => {
    request.abort();
    expire(new DOMException('status request timed out', 'TimeoutError'));
  }, options.requestTimeoutMs ?? 15_000);
  try {
    const init = options.init ?? {};
    const response = await Promise.race([
      fetch(options.url, {
        ...init,
        method: 'GET',
        headers: mergeHeaders({ Accept: 'application/json' }, init.headers),
        cache: 'no-store',
        signal: request.signal,
      }),
      expired,
    ]);
    // The timeout also covers reading the body: a proxy can stall mid-body.
    const body = response.ok ? await Promise.race([response.text(), expired]) : undefined;
    return classifyAnswer(
      { status: response.status, retryAfter: response.headers.get('Retry-After'), body },
      options.adapter,
      options.context,
    );
  } catch (error) {
    if (options.signal.aborted) throw options.signal.reason ?? error;
    // Not stopped from outside, so an ended request is the timeout's doing.
    return { kind: 'transient', reason: request.signal.aborted ? 'timeout' : 'network error' };
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', stop);
  }
}

/**
 * Polls until the run completes or fails, riding out blips: 5xx, timeouts,
 * network errors and malformed bodies back off and retry. Keeps going while
 * the tab is hidden (a person who switches tabs still wants the result).
 * Resolves with the final outcome; throws RecorderError for 404
 * (`data-deleted`), other 4xx and exhausted retries, or the abort reason
 * when stopped.
 */
export async function pollStatus(options: PollOptions): Promise<StatusOutcome> {
  const limits = {
    intervalMs: options.intervalMs,
    maxMalformed: options.maxMalformed ?? 5,
    maxTransient: options.maxTransient ?? 40,
    maxBackoffMs: options.maxBackoffMs ?? 30_000,
  };
  const sleep = options.sleep ?? realSleep;
  const deadline = Date.now() + (options.maxDurationMs ?? 15 * 60_000);
  let counters: PollCounters = FRESH_COUNTERS;
  for (;;) {
    const attempt = await fetchOnce(options);
    const step = decide(counters, attempt, limits);
    counters = step.counters;
    const { decision } = step;
    if (decision.action === 'fail') throw decision.error;
    if (decision.action === 'done' || decision.action === 'pending') options.onStatus(decision.outcome);
    if (decision.action === 'done') return decision.outcome;
    if (Date.now() >= deadline) throw new RecorderError(ERROR_CODES.statusFailed, 'still pending at the polling deadline');
    try {
      await sleep(decision.delayMs, options.signal);
    } catch (error) {
      if (isAbort(error) || options.signal.aborted) throw options.signal.reason ?? error;
      throw error;
    }
    if (options.signal.aborted) throw options.signal.reason;
  }
}
