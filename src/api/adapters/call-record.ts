/**
 * A voice-agent call record from any platform, normalised to what the
 * element renders; `thymia-result` carries it as `results` next to the raw
 * `response`.
 */
import type { StatusOutcome } from '../status.js';
import { StatusShapeError } from '../status-error.js';
import { callFailureMessageKey, callPhase } from './call-status.js';

export interface TranscriptTurn {
  /** The platform's role (`assistant`, `user`, …) when it gives one. */
  readonly role?: string;
  readonly text: string;
  /** Seconds from the start of the call, as the platform wrote it. */
  readonly at?: string;
}

export interface CallAnalysis {
  readonly overview?: string;
  readonly outcome?: string;
  readonly sentiment?: string;
  readonly keyTopics: readonly string[];
  readonly actionItems: readonly string[];
}

export interface CallRecord {
  readonly platform: string;
  readonly id: string | undefined;
  /** The platform's own status string. */
  readonly status: string;
  readonly durationSeconds: number | undefined;
  /** The platform's end reason (e.g. `human_ended_call`, `user_hangup`). */
  readonly endReason: string | undefined;
  readonly transcript: readonly TranscriptTurn[];
  readonly analysis: CallAnalysis | undefined;
}

/** Maps a normalised record to the element's lifecycle through the shared status table. */
export function callOutcome(record: CallRecord, response: unknown): StatusOutcome {
  const phase = callPhase(record.status);
  switch (phase) {
    case 'pending':
      return { phase: 'pending', status: record.status, response };
    case 'complete':
      return {
        phase: 'complete',
        status: record.status,
        response,
        model: 'call',
        modelRunId: record.id,
        results: record,
        warnings: [],
        views: [{ kind: 'call', record }],
      };
    case 'failed':
      return { phase: 'failed', status: record.status, response, errorCode: record.status, messageKey: callFailureMessageKey(record.status) };
    case 'deleted':
      return { phase: 'failed', status: record.status, response, errorCode: record.status, code: 'data-deleted' };
    default:
      // An unknown status could be terminal; treating it as malformed bounds the wait.
      throw new StatusShapeError(`status: unknown call status "${record.status}"`);
  }
}

/** Non-empty trimmed string, or undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
