import { CALL_FAILURES, type CallFailure, type StatusOutcome } from '../outcome.js';

/**
 * One table for every platform's call status, so Synthflow, ThinnestAI and
 * thymia calls move the element through the same lifecycle.
 *
 * | platform status                                    | element                   |
 * | -------------------------------------------------- | ------------------------- |
 * | pending, queued, ringing, in-progress, active       | `processing` (keep polling) |
 * | completed, ended                                   | `complete`                |
 * | failed, busy, no-answer, canceled/cancelled, error | `error` (`model-error`)   |
 * | deleted (ThinnestAI)                               | `error` (`data-deleted`)  |
 *
 * Synthflow documents pending/ringing/in-progress/completed/no-answer/busy/
 * failed/canceled; ThinnestAI active/ended/error/pending/deleted. `queued`
 * and `cancelled` cover common spellings of the same states.
 */
export const CALL_PHASES = { pending: 'pending', complete: 'complete', failed: 'failed', deleted: 'deleted' } as const;
export type CallPhase = (typeof CALL_PHASES)[keyof typeof CALL_PHASES];

const TABLE: Readonly<Record<string, CallPhase>> = {
  pending: 'pending',
  queued: 'pending',
  ringing: 'pending',
  'in-progress': 'pending',
  active: 'pending',
  completed: 'complete',
  ended: 'complete',
  failed: 'failed',
  busy: 'failed',
  'no-answer': 'failed',
  canceled: 'failed',
  cancelled: 'failed',
  error: 'failed',
  deleted: 'deleted',
};

/** `In_Progress`, `in progress` and `in-progress` are the same status. */
export function normaliseCallStatus(status: string): string {
  return status.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** The lifecycle phase for a platform status, or undefined when the status is unknown. */
export function callPhase(status: string): CallPhase | undefined {
  return TABLE[normaliseCallStatus(status)];
}

/** Why a call failed, for the person's message (never the platform's error text). */
export function callFailure(status: string): CallFailure {
  const normalised = normaliseCallStatus(status);
  if (normalised === 'cancelled') return 'canceled';
  return (CALL_FAILURES as readonly string[]).includes(normalised) ? (normalised as CallFailure) : 'failed';
}

/** A call that ended without results (failed or deleted), or undefined while it may still produce them. */
export function endedCallOutcome(status: string, response: unknown): StatusOutcome | undefined {
  switch (callPhase(status)) {
    case 'failed':
      return { phase: 'failed', status, response, errorCode: status, callFailure: callFailure(status) };
    case 'deleted':
      return { phase: 'failed', status, response, errorCode: status, code: 'data-deleted' };
    default:
      return undefined;
  }
}
