/**
 * The status poller's decisions as pure functions, so every odd answer a
 * status URL can give (and fast-check can invent) is tested without a
 * network: how one answer is read, and what the poller does next.
 */
import { ERROR_CODES, RecorderError } from '../errors.js';
import { backoffDelay, retryAfterMs } from './backoff.js';
import { isRetryableStatus } from './http.js';
import type { AdapterContext, StatusAdapter, StatusOutcome } from './outcome.js';

/** One status answer, as the poller understood it. */
export type PollAttempt =
  /** `retryAfterMs`: the host paces polling with Retry-After on an ordinary answer. */
  | { readonly kind: 'outcome'; readonly outcome: StatusOutcome; readonly retryAfterMs?: number }
  /** Worth asking again soon: 5xx, 408, 429, timeout, network error. */
  | { readonly kind: 'transient'; readonly reason: string; readonly retryAfterMs?: number }
  /** An answer, but not one we understand: ask again, give up if it keeps happening. */
  | { readonly kind: 'malformed'; readonly reason: string }
  /** No point asking again (404 → data deleted, other 4xx). */
  | { readonly kind: 'fatal'; readonly error: RecorderError };

export interface RawAnswer {
  readonly status: number;
  readonly retryAfter: string | null;
  /** The body text; undefined when it could not be read. */
  readonly body: string | undefined;
}

/** Reads one HTTP answer. Never throws, whatever the body or the adapter does. */
export function classifyAnswer(answer: RawAnswer, adapter: StatusAdapter, context: AdapterContext, now: number = Date.now()): PollAttempt {
  const { status } = answer;
  if (status === 404) return { kind: 'fatal', error: new RecorderError(ERROR_CODES.dataDeleted, 'status 404', { status }) };
  if (isRetryableStatus(status)) {
    return { kind: 'transient', reason: status ? `HTTP ${status}` : 'network error', retryAfterMs: retryAfterMs(answer.retryAfter, now) };
  }
  if (status < 200 || status >= 300) {
    return { kind: 'fatal', error: new RecorderError(ERROR_CODES.statusFailed, `status ${status}`, { status }) };
  }
  if (answer.body === undefined) return { kind: 'transient', reason: 'body not read' };
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    // A proxy's HTML error page or a truncated body: not thymia's answer.
    return { kind: 'malformed', reason: 'not JSON' };
  }
  const attempt = readBody(body, adapter, context);
  const pace = retryAfterMs(answer.retryAfter, now);
  return attempt.kind === 'outcome' && pace !== undefined ? { ...attempt, retryAfterMs: pace } : attempt;
}

/** Runs the adapter on a parsed body; any throw (shape error or adapter bug) counts as malformed. */
export function readBody(body: unknown, adapter: StatusAdapter, context: AdapterContext): PollAttempt {
  try {
    const outcome: unknown = adapter(body, context);
    if (!isOutcome(outcome)) return { kind: 'malformed', reason: 'adapter returned no outcome' };
    return { kind: 'outcome', outcome };
  } catch (error) {
    if (error instanceof RecorderError) return { kind: 'fatal', error };
    const issues = (error as { issues?: unknown } | null)?.issues;
    return { kind: 'malformed', reason: typeof issues === 'string' ? issues : String((error as Error | null)?.message ?? error) };
  }
}

function isOutcome(value: unknown): value is StatusOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const phase = (value as { phase?: unknown }).phase;
  return phase === 'pending' || phase === 'complete' || phase === 'failed';
}

export interface PollLimits {
  readonly intervalMs: number;
  /** Consecutive malformed answers tolerated before `invalid-status-response`. */
  readonly maxMalformed: number;
  /** Consecutive transient failures tolerated before `status-failed`. */
  readonly maxTransient: number;
  readonly maxBackoffMs: number;
}

export interface PollCounters {
  readonly malformed: number;
  readonly transient: number;
}

export const FRESH_COUNTERS: PollCounters = { malformed: 0, transient: 0 };

export type PollDecision =
  /** Tell the element; the run is still going, ask again after `delayMs`. */
  | { readonly action: 'pending'; readonly outcome: StatusOutcome; readonly delayMs: number }
  /** Tell the element; the run is over. */
  | { readonly action: 'done'; readonly outcome: StatusOutcome }
  /** Say nothing, ask again after `delayMs`. */
  | { readonly action: 'retry'; readonly delayMs: number }
  | { readonly action: 'fail'; readonly error: RecorderError };

/**
 * What to do after one answer. Malformed and transient answers back off
 * exponentially from the poll interval (Retry-After wins when given) and
 * give up only after several in a row; any understood answer resets both.
 */
export function decide(
  counters: PollCounters,
  attempt: PollAttempt,
  limits: PollLimits,
  random: () => number = Math.random,
): { readonly counters: PollCounters; readonly decision: PollDecision } {
  switch (attempt.kind) {
    case 'outcome': {
      const { outcome } = attempt;
      return {
        counters: FRESH_COUNTERS,
        decision:
          outcome.phase === 'pending'
            ? { action: 'pending', outcome, delayMs: Math.min(attempt.retryAfterMs ?? limits.intervalMs, limits.maxBackoffMs) }
            : { action: 'done', outcome },
      };
    }
    case 'malformed': {
      const malformed = counters.malformed + 1;
      const next = { ...counters, malformed };
      if (malformed >= limits.maxMalformed) {
        return { counters: next, decision: { action: 'fail', error: new RecorderError(ERROR_CODES.invalidStatusResponse, attempt.reason) } };
      }
      return { counters: next, decision: { action: 'retry', delayMs: backoffDelay(malformed, limits.intervalMs, limits.maxBackoffMs, random) } };
    }
    case 'transient': {
      const transient = counters.transient + 1;
      const next = { ...counters, transient };
      if (transient >= limits.maxTransient) {
        return { counters: next, decision: { action: 'fail', error: new RecorderError(ERROR_CODES.statusFailed, attempt.reason) } };
      }
      // A Retry-After beyond the backoff cap is a server asking for more patience than a person has.
      const delayMs = Math.min(attempt.retryAfterMs ?? backoffDelay(transient, limits.intervalMs, limits.maxBackoffMs, random), limits.maxBackoffMs);
      return { counters: next, decision: { action: 'retry', delayMs } };
    }
    case 'fatal':
      return { counters, decision: { action: 'fail', error: attempt.error } };
  }
}
