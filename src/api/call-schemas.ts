/**
 * thymia's voice-agent call (`GET /v1/calls/{id}`, VoiceAgentCallResponse)
 * and the Emotions model run it may carry. The call's `status` is a free
 * string in the OpenAPI document (no enum), so it is only typed here; the
 * model runs inside `modelRun` carry the enumerated ModelRunStatus.
 */
import * as z from 'zod/mini';
import { ApolloModelRunSchema } from './apollo-schemas.js';
import { MentalWellnessModelRunSchema, modelRunFields } from './schemas.js';

/** EmotionsModelRunResponse: `results` is an open object, so no keys are assumed. */
export const EmotionsModelRunSchema = z.looseObject({
  ...modelRunFields,
  results: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
});
export type EmotionsModelRun = z.infer<typeof EmotionsModelRunSchema>;

/** ModelRuns: each run is present only when the call's agent ran that model. */
export const CallModelRunsSchema = z.looseObject({
  mentalWellness: z.optional(z.nullable(MentalWellnessModelRunSchema)),
  apollo: z.optional(z.nullable(ApolloModelRunSchema)),
  emotions: z.optional(z.nullable(EmotionsModelRunSchema)),
});
export type CallModelRuns = z.infer<typeof CallModelRunsSchema>;

/**
 * VoiceAgentCallResponse. `user` and `agent` are required by thymia but never
 * read here, so a host proxy that trims them still works.
 */
export const VoiceAgentCallSchema = z.looseObject({
  id: z.optional(z.string()),
  status: z.string(),
  user: z.optional(z.looseObject({ userLabel: z.optional(z.string()) })),
  agent: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  extractedFields: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  modelRun: z.optional(z.nullable(CallModelRunsSchema)),
});
export type VoiceAgentCall = z.infer<typeof VoiceAgentCallSchema>;

/** A call, not a model run: only calls have `agent` (required) or `modelRun`. */
export function looksLikeThymiaCall(body: unknown): boolean {
  return typeof body === 'object' && body !== null && ('agent' in body || 'modelRun' in body);
}
