/**
 * One model run's status as an outcome. Helios and Apollo runs (and the runs
 * inside a voice-agent call) share the status lifecycle; only what a
 * completed run shows differs, and the caller supplies that.
 */
import type { ModelRunStatus } from '../schemas.js';
import type { ResultView, StatusOutcome } from '../outcome.js';

interface RunStatusFields {
  readonly id?: string;
  readonly status: ModelRunStatus;
  readonly errorCode?: string | null;
  readonly warnings?: readonly string[] | null;
  readonly results?: unknown;
}

export function modelRunOutcome(run: RunStatusFields, model: string, view: () => ResultView): StatusOutcome {
  switch (run.status) {
    case 'CREATED':
    case 'RUNNING':
      return { phase: 'pending', status: run.status, response: run };
    case 'COMPLETE_ERROR':
      return { phase: 'failed', status: run.status, response: run, errorCode: run.errorCode ?? undefined };
    case 'COMPLETE_OK':
      return {
        phase: 'complete',
        status: run.status,
        response: run,
        model,
        modelRunId: run.id,
        results: run.results,
        warnings: run.warnings ?? [],
        // A server half under results policy `none` leaves `results` out: nothing to show, and nothing wrong
        // (thymia itself sends them on COMPLETE_OK, so a `null` there is still a broken answer).
        views: run.results === undefined ? [] : [view()],
      };
  }
}
