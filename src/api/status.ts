/**
 * Status adapters turn whatever the host's status URL answers into one shape
 * the element understands. The default reads thymia's model runs; others
 * (voice-agent platforms) plug in through the same signature.
 */
import { MentalWellnessModelRunSchema, type MentalWellnessResults } from './schemas.js';

/** Something the element knows how to render. */
export type ResultView = { readonly kind: 'mental-wellness'; readonly results: MentalWellnessResults };

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
    };

export interface AdapterContext {
  /** The element's `model`, for responses that do not say which model they are. */
  readonly model: string;
}

/** Returns an outcome, or throws `StatusShapeError` when the body is not understood. */
export type StatusAdapter = (body: unknown, context: AdapterContext) => StatusOutcome;

export class StatusShapeError extends Error {
  constructor(readonly issues: string) {
    super(`status response not understood: ${issues}`);
    this.name = 'StatusShapeError';
  }
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

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

/** The default adapter: thymia model runs (and, later, calls), auto-detected. */
export const thymiaAdapter: StatusAdapter = (body, context) => mentalWellnessAdapter(body, context);

export const STATUS_ADAPTERS: Record<string, StatusAdapter> = {
  thymia: thymiaAdapter,
};
