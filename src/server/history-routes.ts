/**
 * `GET /history` and `DELETE /history`: the signed-in person's kept runs,
 * and their erasure. Only the subject `authorize` names is ever read or
 * erased; runs come back through the results policy in force now (a policy
 * narrowed since a run was kept narrows what it shows). Mounted by the
 * handler only when the host gave a store: without one, `/history` is 404.
 */
import * as z from 'zod/mini';
import type { RouteContext, Route } from './context.js';
import { HttpError, jsonResponse } from './errors.js';
import { applyPolicy } from './policy.js';
import type { StoredModel, ThymiaStore } from './store.js';
import { describeIssues, type ResultsPolicy } from './thymia-requests.js';

const MODELS = ['helios', 'apollo', 'questionnaire', 'call'] as const satisfies readonly StoredModel[];
/** Enough for a baseline and a long trend; the store's index reads no further than this. */
export const HISTORY_MAX_LIMIT = 200;

const HistoryQuerySchema = z.object({
  model: z.optional(z.enum(MODELS)),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(HISTORY_MAX_LIMIT)), 50),
});

export interface HistoryRequest {
  /** The signed-in person (from `authorize`), never from the request. */
  readonly subject: string;
  /** Their results policy now (undefined: each model's default). */
  readonly policy: ResultsPolicy | undefined;
  readonly store: ThymiaStore;
  readonly request: Request;
}

/** The answer to one history request (GET lists, DELETE erases); usable outside the handler's route table too. */
export async function historyResponse({ subject, policy, store, request }: HistoryRequest): Promise<Response> {
  if (request.method === 'DELETE') {
    await store.eraseSubject(subject);
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  }
  const query = HistoryQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new HttpError('invalid-request', describeIssues(query.error.issues));
  const runs = await store.listRuns(subject, query.data);
  return jsonResponse(200, {
    runs: runs.map((run) => ({ ...run, results: applyPolicy(run.model, policy, run.results) })),
  });
}

async function handle(context: RouteContext): Promise<Response> {
  const { store } = context.config;
  // The route is only in the table with a store; this keeps the type honest.
  if (!store) throw new HttpError('not-found', 'No such route.');
  const auth = await context.authorize();
  return historyResponse({ subject: auth.subject, policy: auth.results, store, request: context.request });
}

export const historyRoute: Route = {
  path: /^\/history\/?$/,
  methods: { GET: handle, DELETE: handle },
};
