/** thymia's Helios model run (`GET /v1/models/mental-wellness/{id}`) as a status outcome. */
import type { StatusAdapter } from '../outcome.js';
import { MentalWellnessModelRunSchema } from '../schemas.js';
import { describeIssues, StatusShapeError } from '../status-error.js';
import { modelRunOutcome } from './model-run.js';

export const mentalWellnessAdapter: StatusAdapter = (body) => {
  const parsed = MentalWellnessModelRunSchema.safeParse(body);
  if (!parsed.success) throw new StatusShapeError(describeIssues(parsed.error.issues));
  const run = parsed.data;
  return modelRunOutcome(run, 'helios', () => {
    if (!run.results) throw new StatusShapeError('results: missing on COMPLETE_OK');
    return { kind: 'mental-wellness', results: run.results };
  });
};
