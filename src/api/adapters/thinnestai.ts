/**
 * ThinnestAI's "Get Call" (`GET /v2/calls/{call_id}`), proxied unchanged by
 * the host: a flat call object with a role-labelled transcript and an AI
 * analysis.
 */
import * as z from 'zod/mini';
import type { StatusAdapter } from '../outcome.js';
import { nullableString } from '../schemas.js';
import { describeIssues, StatusShapeError } from '../status-error.js';
import { callOutcome, text, type CallAnalysis, type CallRecord } from './call-record.js';

const stringList = z.optional(z.nullable(z.array(z.string())));

const TurnSchema = z.looseObject({
  role: nullableString,
  content: z.string(),
  timestamp: z.optional(z.nullable(z.union([z.string(), z.number()]))),
});

const SummarySchema = z.looseObject({
  overview: nullableString,
  key_topics: stringList,
  action_items: stringList,
  outcome: nullableString,
});

export const ThinnestAiCallSchema = z.looseObject({
  id: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  status: z.string(),
  duration_seconds: z.optional(z.nullable(z.number())),
  ended_reason: nullableString,
  transcript: z.optional(z.nullable(z.array(TurnSchema))),
  analysis: z.optional(
    z.nullable(
      z.looseObject({
        // Documented as an object; a plain-text summary is read as its overview.
        summary: z.optional(z.nullable(z.union([SummarySchema, z.string()]))),
        sentiment: nullableString,
      }),
    ),
  ),
});
export type ThinnestAiCall = z.infer<typeof ThinnestAiCallSchema>;

function analysisOf(call: ThinnestAiCall): CallAnalysis | undefined {
  const analysis = call.analysis;
  if (!analysis) return undefined;
  const summary = typeof analysis.summary === 'string' ? { overview: analysis.summary } : (analysis.summary ?? {});
  const result: CallAnalysis = {
    overview: text(summary.overview),
    outcome: text(summary.outcome),
    sentiment: text(analysis.sentiment),
    keyTopics: (summary.key_topics ?? []).filter((topic) => text(topic)),
    actionItems: (summary.action_items ?? []).filter((item) => text(item)),
  };
  const empty = !result.overview && !result.outcome && !result.sentiment && !result.keyTopics.length && !result.actionItems.length;
  return empty ? undefined : result;
}

export function thinnestAiRecord(call: ThinnestAiCall): CallRecord {
  return {
    platform: 'thinnestai',
    id: call.id === null || call.id === undefined ? undefined : String(call.id),
    status: call.status,
    durationSeconds: call.duration_seconds ?? undefined,
    endReason: text(call.ended_reason),
    transcript: (call.transcript ?? [])
      .filter((turn) => text(turn.content))
      .map((turn) => ({
        role: text(turn.role),
        text: turn.content,
        at: turn.timestamp === null || turn.timestamp === undefined ? undefined : String(turn.timestamp),
      })),
    analysis: analysisOf(call),
  };
}

export const thinnestAiAdapter: StatusAdapter = (body) => {
  const parsed = ThinnestAiCallSchema.safeParse(body);
  if (!parsed.success) throw new StatusShapeError(describeIssues(parsed.error.issues));
  return callOutcome(thinnestAiRecord(parsed.data), body);
};
