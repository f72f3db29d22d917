/**
 * A voice-agent call record from any platform, normalised to what the
 * element renders; `thymia-result` carries it as `results` next to the raw
 * `response`.
 */
import type { CallRecord, StatusOutcome } from '../outcome.js';
import { StatusShapeError } from '../status-error.js';
import { callPhase, endedCallOutcome } from './call-status.js';

export type { CallAnalysis, CallRecord, TranscriptTurn } from '../outcome.js';

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
    case 'deleted':
      return endedCallOutcome(record.status, response)!;
    default:
      // An unknown status could be terminal; treating it as malformed bounds the wait.
      throw new StatusShapeError(`status: unknown call status "${record.status}"`);
  }
}

/** Non-empty trimmed string, or undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
