/**
 * thymia's Apollo response, read from "Get Apollo model run status &
 * results" (ApolloModelRunResponse, ApolloReport) and the Apollo
 * "Interpreting Results" page, which spells out the results object the
 * OpenAPI document leaves as `type: object`. Objects are loose so new fields
 * from thymia never break the element.
 */
import * as z from 'zod/mini';
import { modelRunFields, unitInterval } from './schemas.js';

export const APOLLO_DISORDERS = ['depression', 'anxiety'] as const;
export type ApolloDisorder = (typeof APOLLO_DISORDERS)[number];

/** In the order thymia's docs list them (DSM-V criteria). */
export const APOLLO_SYMPTOMS = {
  depression: [
    'anhedonia',
    'lowmood',
    'sleepissues',
    'lowenergy',
    'appetiteissues',
    'worthlessnessissues',
    'concentrationissues',
    'psychomotorissues',
  ],
  anxiety: ['nervousness', 'uncontrollableworry', 'excessiveworry', 'troublerelaxing', 'restlessness', 'irritability', 'dread'],
} as const satisfies Record<ApolloDisorder, readonly string[]>;

export const SEVERITY_LEVELS = ['none', 'mild', 'moderate', 'severe'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

export const ApolloDisorderScoreSchema = z.looseObject({ probability: unitInterval, severity: unitInterval });

export const ApolloSymptomScoreSchema = z.looseObject({
  severity: unitInterval,
  // "Values sum to 1": not enforced, rounding in thymia's output must not fail a run.
  distribution: z.looseObject({ none: unitInterval, mild: unitInterval, moderate: unitInterval, severe: unitInterval }),
});
export type ApolloSymptomScore = z.infer<typeof ApolloSymptomScoreSchema>;

/** Symptoms keyed by thymia's field names; a record so a symptom added later still validates and renders. */
const SymptomMapSchema = z.record(z.string(), ApolloSymptomScoreSchema);

export const ApolloResultsSchema = z.looseObject({
  disorders: z.looseObject({ depression: ApolloDisorderScoreSchema, anxiety: ApolloDisorderScoreSchema }),
  symptoms: z.looseObject({ depression: SymptomMapSchema, anxiety: SymptomMapSchema }),
});
export type ApolloResults = z.infer<typeof ApolloResultsSchema>;

/** ApolloReport: both URLs expire at `accessExpiresAt`. */
export const ApolloReportSchema = z.looseObject({
  viewUrl: z.string(),
  pdfUrl: z.string(),
  accessExpiresAt: z.string(),
});
export type ApolloReport = z.infer<typeof ApolloReportSchema>;

/** ApolloModelRunResponse (`GET /v1/models/apollo/{id}`). */
export const ApolloModelRunSchema = z.looseObject({
  ...modelRunFields,
  results: z.optional(z.nullable(ApolloResultsSchema)),
  report: z.optional(z.nullable(ApolloReportSchema)),
});
export type ApolloModelRun = z.infer<typeof ApolloModelRunSchema>;
