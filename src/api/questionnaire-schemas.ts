/**
 * thymia's questionnaire status (`GET /v1/questionnaires/{id}`,
 * QuestionnaireResponse). `questions`, `answers` and `scoreMetadata` are
 * open objects in the OpenAPI document, so no keys are assumed.
 */
import * as z from 'zod/mini';

export const QUESTIONNAIRE_STATUSES = ['RESULTS_NOT_AVAILABLE', 'RESULTS_AVAILABLE'] as const;

/** QuestionnaireScoreDetails: only questionnaires that can be scored have one. */
export const QuestionnaireScoreDetailsSchema = z.looseObject({
  score: z.number(),
  scoreMetadata: z.optional(z.record(z.string(), z.unknown())),
});

/** CompletedQuestionnaireDetails. */
export const QuestionnaireDetailsSchema = z.looseObject({
  completedAt: z.string(),
  name: z.string(),
  questions: z.unknown(),
  answers: z.unknown(),
  scoreDetails: z.optional(z.nullable(QuestionnaireScoreDetailsSchema)),
});
export type QuestionnaireDetails = z.infer<typeof QuestionnaireDetailsSchema>;

/** QuestionnaireResponse: `details` only once `status` is `RESULTS_AVAILABLE`. */
export const QuestionnaireResponseSchema = z.looseObject({
  status: z.enum(QUESTIONNAIRE_STATUSES),
  details: z.optional(z.nullable(QuestionnaireDetailsSchema)),
});

/** Only a questionnaire answers with these statuses; model runs and calls never do. */
export function looksLikeQuestionnaire(body: unknown): boolean {
  const status = typeof body === 'object' && body !== null ? (body as { status?: unknown }).status : undefined;
  return (QUESTIONNAIRE_STATUSES as readonly unknown[]).includes(status);
}
