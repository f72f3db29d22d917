/**
 * Synthflow's "Get a call" (`GET /v2/calls/{call_id}`), proxied unchanged by
 * the host. The top-level `status` says whether the request succeeded; the
 * call's own status is `response.calls[0].status`.
 */
import * as z from 'zod/mini';
import type { StatusAdapter } from '../outcome.js';
import { nullableString } from '../schemas.js';
import { describeIssues, StatusShapeError } from '../status-error.js';
import { callOutcome, text, type CallRecord } from './call-record.js';

/** The fields read here; the rest of the call item passes through untouched. */
export const SynthflowCallSchema = z.looseObject({
  call_id: nullableString,
  status: z.string(),
  /** Seconds. */
  duration: z.optional(z.nullable(z.number())),
  end_call_reason: nullableString,
  custom_end_call_reason: nullableString,
  transcript: nullableString,
});
export type SynthflowCall = z.infer<typeof SynthflowCallSchema>;

export const SynthflowGetCallSchema = z.looseObject({
  status: z.optional(z.string()),
  response: z.looseObject({ calls: z.array(SynthflowCallSchema).check(z.minLength(1)) }),
});

export function synthflowRecord(call: SynthflowCall): CallRecord {
  const transcript = text(call.transcript);
  return {
    platform: 'synthflow',
    id: call.call_id ?? undefined,
    status: call.status,
    durationSeconds: call.duration ?? undefined,
    // The host's own reason says more than the generic `custom_end_call`.
    endReason: text(call.custom_end_call_reason) ?? text(call.end_call_reason),
    // Synthflow gives the transcript as one string, without roles.
    transcript: transcript ? [{ text: transcript }] : [],
    analysis: undefined,
  };
}

export const synthflowAdapter: StatusAdapter = (body) => {
  const parsed = SynthflowGetCallSchema.safeParse(body);
  if (!parsed.success) throw new StatusShapeError(describeIssues(parsed.error.issues));
  return callOutcome(synthflowRecord(parsed.data.response.calls[0]), body);
};
