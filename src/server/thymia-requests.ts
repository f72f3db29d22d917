/**
 * thymia's create requests and answers, read from thymia's OpenAPI documents
 * (POST /v1/models/mental-wellness, POST /v1/models/apollo,
 * POST /v1/questionnaires) and the integration guides' limits. The person's
 * part (UserDetails, language, accent, tags, deletion) comes from the host's
 * `authorize`; the times come from the element's session request.
 */
import * as z from 'zod/mini';

/** thymia's LanguageCode enum. */
export const LANGUAGE_CODES = ['en', 'en-AU', 'en-GB', 'en-IE', 'en-IN', 'en-US', 'en-ZA', 'es-ES', 'es-US', 'id-ID', 'ja-JP'] as const;
export const LanguageCodeSchema = z.enum(LANGUAGE_CODES);

/** thymia's BirthSex enum. */
export const BIRTH_SEXES = ['MALE', 'FEMALE', 'INTERSEX', 'UNKNOWN'] as const;

/** thymia's Accent enum. */
export const AccentSchema = z.enum(['ID', 'NG', 'KE']);

/** "ISO 8601 date; if day or month are unknown, use 01". */
const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO 8601 date, YYYY-MM-DD'),
  z.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'not a calendar date'),
);

/** "ISO 8601 datetime, no timezone": thymia reads the time of day as the person lived it. */
export const LocalDateTimeSchema = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/, 'an ISO 8601 date-time without a time zone, e.g. 2026-11-23T09:41:07'),
  z.refine((value) => !Number.isNaN(Date.parse(value)), 'not a calendar date-time'),
);

/** UserDetails: userLabel at most 50 characters (the integration guide). */
export const UserDetailsSchema = z.strictObject({
  userLabel: z.string().check(z.minLength(1), z.maxLength(50)),
  dateOfBirth: isoDate,
  birthSex: z.enum(BIRTH_SEXES),
});
export type UserDetails = z.infer<typeof UserDetailsSchema>;

/** Tag: names at most 40 and values at most 100 characters; at most 20, names unique. */
export const TagSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  value: z.string().check(z.maxLength(100)),
});
export const TagsSchema = z.array(TagSchema).check(
  z.maxLength(20),
  z.refine((tags) => new Set(tags.map((tag) => tag.name)).size === tags.length, 'tag names must be unique'),
);

/** DataDeletionType. */
export const DataToDeleteSchema = z.array(z.enum(['RECORDINGS']));

/** How much of a result the browser may receive (the element's `results` attribute, decided by the host). */
export const RESULTS_POLICIES = ['none', 'summary', 'full'] as const;
export type ResultsPolicy = (typeof RESULTS_POLICIES)[number];

/** What the host's `authorize` answers: who the signed-in person is, and thymia's details for them. */
export const AuthorizationSchema = z.object({
  subject: z.string().check(z.minLength(1), z.maxLength(512)),
  user: UserDetailsSchema,
  language: LanguageCodeSchema,
  accent: z.optional(AccentSchema),
  tags: z.optional(TagsSchema),
  deleteData: z.optional(z.boolean()),
  dataToDelete: z.optional(DataToDeleteSchema),
  results: z.optional(z.enum(RESULTS_POLICIES)),
});
export type Authorization = z.input<typeof AuthorizationSchema>;

/** MentalWellnessModelRunUploadCreate. */
export const HeliosCreateSchema = z.strictObject({
  user: UserDetailsSchema,
  language: LanguageCodeSchema,
  accent: z.optional(AccentSchema),
  sleepTime: z.optional(LocalDateTimeSchema),
  wakeTime: z.optional(LocalDateTimeSchema),
  recordingTime: z.optional(LocalDateTimeSchema),
  tags: z.optional(TagsSchema),
  deleteData: z.optional(z.boolean()),
  dataToDelete: z.optional(DataToDeleteSchema),
});

/** ApolloModelRunCreate: user, language and deleteData only. */
export const ApolloCreateSchema = z.strictObject({
  user: UserDetailsSchema,
  language: LanguageCodeSchema,
  deleteData: z.optional(z.boolean()),
});

/** QuestionnaireCreate: UserDetailsShort and a type agreed with thymia. */
export const QuestionnaireCreateSchema = z.strictObject({
  user: z.strictObject({ userLabel: UserDetailsSchema.shape.userLabel }),
  questionnaireType: z.string().check(z.minLength(1), z.maxLength(100)),
});

/** MentalWellnessModelRunCreateUploadResponse. */
export const HeliosCreatedSchema = z.looseObject({ id: z.string(), recordingUploadUrl: z.string().check(z.minLength(1)) });

/** ApolloModelRunCreateResponse. */
export const ApolloCreatedSchema = z.looseObject({
  id: z.string(),
  uploadUrls: z.looseObject({ moodQuestionUploadUrl: z.string().check(z.minLength(1)), readAloudUploadUrl: z.string().check(z.minLength(1)) }),
});

/** QuestionnaireCreateResponse. */
export const QuestionnaireCreatedSchema = z.looseObject({ id: z.string(), activityLink: z.string().check(z.minLength(1)) });

/** The element's session request (`session-url`), plus `questionnaireType` for a questionnaire. No other field. */
const times = {
  recordingTime: z.optional(LocalDateTimeSchema),
  sleepTime: z.optional(LocalDateTimeSchema),
  wakeTime: z.optional(LocalDateTimeSchema),
};
export const SESSION_REQUEST_SCHEMAS = {
  helios: z.strictObject({ model: z.literal('helios'), ...times }),
  apollo: z.strictObject({ model: z.literal('apollo'), ...times }),
  questionnaire: z.strictObject({ model: z.literal('questionnaire'), questionnaireType: z.optional(QuestionnaireCreateSchema.shape.questionnaireType), ...times }),
} as const;
/** The model first, so a body with an extra field is told which field, not just "invalid input". */
export const SessionModelSchema = z.object({ model: z.enum(['helios', 'apollo', 'questionnaire']) });
export const SessionRequestSchema = z.union([SESSION_REQUEST_SCHEMAS.helios, SESSION_REQUEST_SCHEMAS.apollo, SESSION_REQUEST_SCHEMAS.questionnaire]);
export type SessionRequest = z.infer<typeof SessionRequestSchema>;

interface Issue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly expected?: unknown;
  readonly values?: readonly unknown[];
  readonly maximum?: unknown;
  readonly minimum?: unknown;
}

/** One issue in words. zod/mini carries no locale (its messages read "Invalid input"), so the codes are spelt out here. */
function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unexpected field${issue.keys && issue.keys.length > 1 ? 's' : ''} ${(issue.keys ?? []).join(', ')}`;
    case 'invalid_type':
      return `expected ${String(issue.expected)}`;
    case 'invalid_value':
      return `expected one of ${(issue.values ?? []).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}`;
    case 'too_small':
      return `at least ${String(issue.minimum)}`;
    default:
      return issue.message;
  }
}

/** zod's issues as one line: where and what, never the value sent. */
export function describeIssues(issues: readonly Issue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : 'body'}: ${describeIssue(issue)}`)
    .join('; ');
}
