/**
 * thymia's voice-agent call (`GET /v1/calls/{id}`). The call's own status is
 * an undocumented free string, so completion is decided by the model runs
 * it carries (enumerated statuses); the call status only ends the wait when
 * no run exists and it names a failure the shared table knows.
 */
import { VoiceAgentCallSchema, type CallModelRuns } from '../call-schemas.js';
import type { ResultView, StatusAdapter, StatusOutcome } from '../outcome.js';
import { describeIssues, StatusShapeError } from '../status-error.js';
import { apolloView } from './apollo.js';
import { endedCallOutcome } from './call-status.js';

type RunName = keyof CallModelRuns & ('mentalWellness' | 'apollo' | 'emotions');
const RUN_ORDER: readonly RunName[] = ['mentalWellness', 'apollo', 'emotions'];

function viewFor(name: RunName, runs: CallModelRuns): ResultView {
  const warnings = runs[name]?.warnings ?? [];
  switch (name) {
    case 'mentalWellness': {
      const results = runs.mentalWellness?.results;
      if (!results) throw new StatusShapeError('modelRun.mentalWellness.results: missing on COMPLETE_OK');
      return { kind: 'mental-wellness', results, warnings };
    }
    case 'apollo':
      return apolloView(runs.apollo!);
    case 'emotions': {
      const results = runs.emotions?.results;
      if (!results) throw new StatusShapeError('modelRun.emotions.results: missing on COMPLETE_OK');
      return { kind: 'emotions', results, warnings };
    }
  }
}

export const thymiaCallAdapter: StatusAdapter = (body) => {
  const parsed = VoiceAgentCallSchema.safeParse(body);
  if (!parsed.success) throw new StatusShapeError(describeIssues(parsed.error.issues));
  const call = parsed.data;
  const runs: CallModelRuns = call.modelRun ?? {};
  const present = RUN_ORDER.filter((name) => runs[name]);
  const pending: StatusOutcome = { phase: 'pending', status: call.status, response: call };

  if (!present.length) return endedCallOutcome(call.status, call) ?? pending;
  if (present.some((name) => runs[name]!.status === 'CREATED' || runs[name]!.status === 'RUNNING')) return pending;

  const ok = present.filter((name) => runs[name]!.status === 'COMPLETE_OK');
  if (!ok.length) {
    const failed = runs[present[0]]!;
    return { phase: 'failed', status: call.status, response: call, errorCode: failed.errorCode ?? undefined };
  }
  const views = ok.map((name) => viewFor(name, runs));
  const results: Partial<Record<RunName, unknown>> = {};
  for (const name of ok) results[name] = runs[name]!.results;
  return {
    phase: 'complete',
    status: call.status,
    response: call,
    model: 'call',
    modelRunId: call.id,
    results,
    warnings: ok.flatMap((name) => runs[name]!.warnings ?? []),
    views,
  };
};
