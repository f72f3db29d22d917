/** thymia's Apollo model run (`GET /v1/models/apollo/{id}`) as a status outcome. */
import { ApolloModelRunSchema, type ApolloModelRun } from '../apollo-schemas.js';
import type { ResultView, StatusAdapter } from '../outcome.js';
import { describeIssues, StatusShapeError } from '../status-error.js';
import { modelRunOutcome } from './model-run.js';

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

export const apolloAdapter: StatusAdapter = (body) => {
  const parsed = ApolloModelRunSchema.safeParse(body);
  if (!parsed.success) throw new StatusShapeError(describeIssues(parsed.error.issues));
  const run = parsed.data;
  return modelRunOutcome(run, 'apollo', () => apolloView(run));
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
