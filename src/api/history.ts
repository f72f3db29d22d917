/**
 * `GET history-url`: the person's kept runs, from the host's backend (the
 * server half's `GET /history`). Read, never trusted: an answer of another
 * shape is refused.
 */
import * as z from 'zod/mini';
import { mergeHeaders } from './http.js';
import type { HistoryRun } from '../state/history.js';

const HistoryAnswerSchema = z.looseObject({
  runs: z.array(z.looseObject({ runId: z.string(), model: z.string(), completedAt: z.string(), results: z.unknown() })),
});

/** At most this many runs (the server half's limit): the trend and the baseline's first sessions. */
const LIMIT = 200;

export async function fetchHistory(url: string, model: string, init: RequestInit, signal: AbortSignal): Promise<HistoryRun[]> {
  const target = new URL(url);
  target.searchParams.set('model', model);
  target.searchParams.set('limit', String(LIMIT));
  const response = await fetch(target, {
    ...init,
    method: 'GET',
    headers: mergeHeaders({ Accept: 'application/json' }, init.headers),
    cache: 'no-store',
    signal,
  });
  if (!response.ok) throw new Error(`history answered ${response.status}`);
  return HistoryAnswerSchema.parse(await response.json()).runs as HistoryRun[];
}
