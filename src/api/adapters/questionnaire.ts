/** thymia's questionnaire (`GET /v1/questionnaires/{id}`) as a status outcome. */
import type { StatusAdapter } from '../outcome.js';
import { QuestionnaireResponseSchema } from '../questionnaire-schemas.js';
import { describeIssues, StatusShapeError } from '../status-error.js';

export const questionnaireAdapter: StatusAdapter = (body) => {
  const parsed = QuestionnaireResponseSchema.safeParse(body);
  if (!parsed.success) throw new StatusShapeError(describeIssues(parsed.error.issues));
  const answer = parsed.data;
  if (answer.status === 'RESULTS_NOT_AVAILABLE') return { phase: 'pending', status: answer.status, response: answer };
  const details = answer.details ?? undefined;
  return {
    phase: 'complete',
    status: answer.status,
    response: answer,
    model: 'questionnaire',
    modelRunId: undefined,
    results: details,
    warnings: [],
    // A server half under results policy `none` sends no details: complete, with nothing to show.
    views: details ? [{ kind: 'questionnaire', details }] : [],
  };
};
