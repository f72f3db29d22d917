/** thymia's Apollo model run (`GET /v1/models/apollo/{id}`) as a status outcome. */
import { ApolloModelRunSchema, type ApolloModelRun } from '../apollo-schemas.js';
import type { ResultView, StatusAdapter, StatusOutcome } from '../status.js';
import { describeIssues, StatusShapeError } from '../status-error.js';

/** The view of a completed run; report and model version travel with the scores. */
export function apolloView(run: ApolloModelRun): ResultView {
  if (!run.results) throw new StatusShapeError('results: missing on COMPLETE_OK');
  return {
    kind: 'apollo',
    results: run.results,
    report: run.report ?? undefined,
    modelVersion: run.model ?? undefined,
    warnings: run.warnings ?? [],
  };
}

export function apolloOutcome(run: ApolloModelRun, response: unknown): StatusOutcome {
  switch (run.status) {
    case 'CREATED':
    case 'RUNNING':
      return { phase: 'pending', status: run.status, response };
    case 'COMPLETE_ERROR':
      return { phase: 'failed', status: run.status, response, errorCode: run.errorCode ?? undefined };
    case 'COMPLETE_OK':
      return {
        phase: 'complete',
        status: run.status,
        response,
        model: 'apollo',
        modelRunId: run.id,
        results: run.results,
        warnings: run.warnings ?? [],
        views: [apolloView(run)],
      };
  }
}

export const apolloAdapter: StatusAdapter = (body) => {
  const parsed = ApolloModelRunSchema.safeParse(body);
  if (!parsed.success) throw new StatusShapeError(describeIssues(parsed.error.issues));
  return apolloOutcome(parsed.data, parsed.data);
};

/**
 * Apollo and Helios runs share every field but `results` (and Apollo's
 * `report`), so the results decide; before results exist either reading
 * gives the same pending outcome and the element's `model` breaks the tie.
 */
export function looksLikeApolloRun(body: unknown, model: string): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const results = (body as { results?: unknown }).results;
  if (typeof results === 'object' && results !== null) {
    if ('disorders' in results) return true;
    if ('sections' in results) return false;
  }
  return 'report' in body || model === 'apollo';
}
