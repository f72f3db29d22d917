/**
 * Status adapters turn whatever the host's status URL answers into one shape
 * the element understands. The default reads thymia's model runs; others
 * (voice-agent platforms) plug in through the same signature.
 */
import type { ApolloReport, ApolloResults } from './apollo-schemas.js';
import { apolloAdapter, looksLikeApolloRun } from './adapters/apollo.js';
import type { CallRecord } from './adapters/call-record.js';
import { synthflowAdapter } from './adapters/synthflow.js';
import { thinnestAiAdapter } from './adapters/thinnestai.js';
import { thymiaCallAdapter } from './adapters/thymia-call.js';
import { looksLikeThymiaCall } from './call-schemas.js';
import { MentalWellnessModelRunSchema, type MentalWellnessResults } from './schemas.js';
import { describeIssues, StatusShapeError } from './status-error.js';

export { StatusShapeError } from './status-error.js';

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
  | { readonly kind: 'call'; readonly record: CallRecord };

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
      /** Message to show instead of the one keyed by `errorCode` (platform call failures). */
      readonly messageKey?: string;
    };

export interface AdapterContext {
  /** The element's `model`, for responses that do not say which model they are. */
  readonly model: string;
}

/** Returns an outcome, or throws `StatusShapeError` when the body is not understood. */
export type StatusAdapter = (body: unknown, context: AdapterContext) => StatusOutcome;

/** thymia's Helios (`mental-wellness`) model run. */
export const mentalWellnessAdapter: StatusAdapter = (body) => {
  const parsed = MentalWellnessModelRunSchema.safeParse(body);
  if (!parsed.success) throw new StatusShapeError(describeIssues(parsed.error.issues));
  const run = parsed.data;
  switch (run.status) {
    case 'CREATED':
    case 'RUNNING':
      return { phase: 'pending', status: run.status, response: run };
    case 'COMPLETE_ERROR':
      return { phase: 'failed', status: run.status, response: run, errorCode: run.errorCode ?? undefined };
    case 'COMPLETE_OK':
      if (!run.results) throw new StatusShapeError('results: missing on COMPLETE_OK');
      return {
        phase: 'complete',
        status: run.status,
        response: run,
        model: 'helios',
        modelRunId: run.id,
        results: run.results,
        warnings: run.warnings ?? [],
        views: [{ kind: 'mental-wellness', results: run.results }],
      };
  }
};

/** The default adapter: thymia voice-agent calls, Apollo runs and Helios runs, auto-detected. */
export const thymiaAdapter: StatusAdapter = (body, context) => {
  if (looksLikeThymiaCall(body)) return thymiaCallAdapter(body, context);
  if (looksLikeApolloRun(body, context.model)) return apolloAdapter(body, context);
  return mentalWellnessAdapter(body, context);
};

export const STATUS_ADAPTERS: Record<string, StatusAdapter> = {
  thymia: thymiaAdapter,
  synthflow: synthflowAdapter,
  thinnestai: thinnestAiAdapter,
};
