/**
 * thymia's response shapes, read once from thymia's OpenAPI documents
 * (API reference, "Get mental wellness model run status & results"). Objects are loose: thymia may add fields and
 * the element must keep working (and hand hosts the whole response).
 *
 * Run metadata the element never reads (`createdAt`, `userLabel`,
 * `deleteData`) is checked for type when present rather than required, so a
 * host proxy that trims it still works; everything the element acts on
 * (`status`, `errorCode`, `results`) is validated strictly.
 */
import * as z from 'zod/mini';

export const MODEL_RUN_STATUSES = ['CREATED', 'RUNNING', 'COMPLETE_OK', 'COMPLETE_ERROR'] as const;
export const ModelRunStatusSchema = z.enum(MODEL_RUN_STATUSES);
export type ModelRunStatus = z.infer<typeof ModelRunStatusSchema>;

/** Scores and probabilities: thymia's docs give every one as 0…1. */
export const unitInterval = z.number().check(z.gte(0), z.lte(1));

/** Optional fields that platforms send as `null` as readily as they leave them out. */
export const nullableString = z.optional(z.nullable(z.string()));

/** MentalWellnessValue / MentalWellnessContinuousValue. */
export const MentalWellnessValueSchema = z.looseObject({ value: unitInterval });

/** The five bucketed biomarkers and their `uniform*` continuous twins. */
export const BUCKETED_BIOMARKERS = ['distress', 'stress', 'exhaustion', 'sleepPropensity', 'lowSelfEsteem'] as const;
export type BucketedBiomarker = (typeof BUCKETED_BIOMARKERS)[number];
export const UNIFORM_BIOMARKERS = {
  distress: 'uniformDistress',
  stress: 'uniformStress',
  exhaustion: 'uniformExhaustion',
  sleepPropensity: 'uniformSleepPropensity',
  lowSelfEsteem: 'uniformLowSelfEsteem',
} as const satisfies Record<BucketedBiomarker, string>;

/** MentalWellnessPartResult. */
export const MentalWellnessSectionSchema = z.looseObject({
  startSecs: z.number(),
  finishSecs: z.number(),
  transcript: z.string(),
  mentalStrain: MentalWellnessValueSchema,
  distress: MentalWellnessValueSchema,
  stress: MentalWellnessValueSchema,
  exhaustion: MentalWellnessValueSchema,
  sleepPropensity: MentalWellnessValueSchema,
  lowSelfEsteem: MentalWellnessValueSchema,
  uniformDistress: z.optional(MentalWellnessValueSchema),
  uniformStress: z.optional(MentalWellnessValueSchema),
  uniformExhaustion: z.optional(MentalWellnessValueSchema),
  uniformSleepPropensity: z.optional(MentalWellnessValueSchema),
  uniformLowSelfEsteem: z.optional(MentalWellnessValueSchema),
});
export type MentalWellnessSection = z.infer<typeof MentalWellnessSectionSchema>;

/** MentalWellnessResults. */
export const MentalWellnessResultsSchema = z.looseObject({
  sections: z.array(MentalWellnessSectionSchema).check(z.minLength(1)),
});
export type MentalWellnessResults = z.infer<typeof MentalWellnessResultsSchema>;

const TagSchema = z.looseObject({ name: z.string(), value: z.string() });

/** The fields MentalWellnessModelRunResponse and ApolloModelRunResponse share. */
export const modelRunFields = {
  id: z.optional(z.string()),
  createdAt: z.optional(z.string()),
  status: ModelRunStatusSchema,
  runAt: z.optional(z.nullable(z.string())),
  completedAt: z.optional(z.nullable(z.string())),
  errorReason: z.optional(z.nullable(z.string())),
  // Unknown future codes still surface as `model-error`, with a generic message.
  errorCode: z.optional(z.nullable(z.string())),
  warnings: z.optional(z.nullable(z.array(z.string()))),
  userLabel: z.optional(z.string()),
  tags: z.optional(z.nullable(z.array(TagSchema))),
  deleteData: z.optional(z.boolean()),
  model: z.optional(z.nullable(z.string())),
};

/** MentalWellnessModelRunResponse (`GET /v1/models/mental-wellness/{id}`). */
export const MentalWellnessModelRunSchema = z.looseObject({
  ...modelRunFields,
  results: z.optional(z.nullable(MentalWellnessResultsSchema)),
  activityType: z.optional(z.nullable(z.string())),
  dataToDelete: z.optional(z.nullable(z.array(z.string()))),
});
export type MentalWellnessModelRun = z.infer<typeof MentalWellnessModelRunSchema>;

/** `session-url` answer: thymia's create response plus the host's `statusUrl`. */
export const SessionResponseSchema = z.looseObject({
  id: z.optional(z.string()),
  statusUrl: z.string().check(z.minLength(1)),
  recordingUploadUrl: z.optional(z.string()),
  uploadUrls: z.optional(
    z.looseObject({
      moodQuestionUploadUrl: z.string(),
      readAloudUploadUrl: z.string(),
    }),
  ),
  activityLink: z.optional(z.string()),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;
