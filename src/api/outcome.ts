/**
 * What every status adapter answers, whatever the platform: a leaf module of
 * shared types, so adapters, the poller and the renderers depend on it and
 * on nothing of each other.
 */
import type { ApolloReport, ApolloResults } from './apollo-schemas.js';
import type { QuestionnaireDetails } from './questionnaire-schemas.js';
import type { MentalWellnessResults } from './schemas.js';

export interface TranscriptTurn {
  /** The platform's role (`assistant`, `user`, …) when it gives one. */
  readonly role?: string;
  readonly text: string;
  /** Seconds from the start of the call, as the platform wrote it. */
  readonly at?: string;
}

export interface CallAnalysis {
  readonly overview?: string;
  readonly outcome?: string;
  readonly sentiment?: string;
  readonly keyTopics: readonly string[];
  readonly actionItems: readonly string[];
}

/** A voice-agent call record from any platform, normalised to what the element renders. */
export interface CallRecord {
  readonly platform: string;
  readonly id: string | undefined;
  /** The platform's own status string. */
  readonly status: string;
  readonly durationSeconds: number | undefined;
  /** The platform's end reason (e.g. `human_ended_call`, `user_hangup`). */
  readonly endReason: string | undefined;
  readonly transcript: readonly TranscriptTurn[];
  readonly analysis: CallAnalysis | undefined;
}

/**
 * Something the element knows how to render. `warnings` travel with a view
 * when one status answer holds several runs (a call); otherwise the
 * outcome's warnings apply.
 */
export type ResultView =
  | { readonly kind: 'mental-wellness'; readonly results: MentalWellnessResults; readonly warnings?: readonly string[] }
  | {
      readonly kind: 'apollo';
      readonly results: ApolloResults;
      readonly report: ApolloReport | undefined;
      readonly modelVersion: string | undefined;
      readonly warnings: readonly string[];
    }
  | { readonly kind: 'emotions'; readonly results: Readonly<Record<string, unknown>>; readonly warnings: readonly string[] }
  | { readonly kind: 'call'; readonly record: CallRecord }
  | { readonly kind: 'questionnaire'; readonly details: QuestionnaireDetails };

/** Why a call failed, as far as the person needs to know (never the platform's error text). */
export const CALL_FAILURES = ['busy', 'no-answer', 'canceled', 'failed'] as const;
export type CallFailure = (typeof CALL_FAILURES)[number];

export type StatusOutcome =
  | { readonly phase: 'pending'; readonly status: string; readonly response: unknown }
  | {
      readonly phase: 'complete';
      readonly status: string;
      readonly response: unknown;
      readonly model: string;
      readonly modelRunId: string | undefined;
      readonly results: unknown;
      readonly warnings: readonly string[];
      readonly views: readonly ResultView[];
    }
  | {
      readonly phase: 'failed';
      readonly status: string;
      readonly response: unknown;
      /** thymia's errorCode, or the platform's failure status. */
      readonly errorCode: string | undefined;
      /** The public error code; `model-error` when absent. */
      readonly code?: 'model-error' | 'data-deleted';
      /** A failed call: explained by its own message rather than by `errorCode`. */
      readonly callFailure?: CallFailure;
    };

export interface AdapterContext {
  /** The element's `model`, for responses that do not say which model they are. */
  readonly model: string;
}

/** Returns an outcome, or throws `StatusShapeError` when the body is not understood. */
export type StatusAdapter = (body: unknown, context: AdapterContext) => StatusOutcome;
