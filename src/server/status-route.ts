/**
 * `GET /status/<token>`: the run the token names, for the person it names,
 * fetched from thymia, validated, and cut to the person's results policy.
 * A completed run is kept in the host's store, when it gave one.
 */
import { ApolloModelRunSchema } from '../api/apollo-schemas.js';
import { VoiceAgentCallSchema } from '../api/call-schemas.js';
import { QuestionnaireResponseSchema } from '../api/questionnaire-schemas.js';
import { MentalWellnessModelRunSchema } from '../api/schemas.js';
import type { HandlerConfig, RouteContext, Route } from './context.js';
import { HttpError, jsonResponse } from './errors.js';
import { applyPolicy } from './policy.js';
import type { StoredModel } from './store.js';
import type { TokenModel } from './token.js';
import { callThymia } from './upstream.js';

const THYMIA_STATUS = {
  helios: { path: '/v1/models/mental-wellness/', schema: MentalWellnessModelRunSchema },
  apollo: { path: '/v1/models/apollo/', schema: ApolloModelRunSchema },
  questionnaire: { path: '/v1/questionnaires/', schema: QuestionnaireResponseSchema },
  call: { path: '/v1/calls/', schema: VoiceAgentCallSchema },
} as const satisfies Record<TokenModel, unknown>;

/** Complete with results: what history keeps. */
function completedAt(model: TokenModel, answer: Record<string, unknown>): string | undefined {
  const done = model === 'questionnaire' ? answer.status === 'RESULTS_AVAILABLE' : answer.status === 'COMPLETE_OK';
  if (!done) return undefined;
  const details = answer.details as { completedAt?: unknown } | undefined;
  const at = model === 'questionnaire' ? details?.completedAt : answer.completedAt;
  return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? at : new Date().toISOString();
}

async function keep(config: HandlerConfig, subject: string, model: TokenModel, runId: string, at: string, results: unknown): Promise<void> {
  if (!config.store) return;
  try {
    await config.store.saveRun(subject, { runId, model: model as StoredModel, completedAt: at, results }, { retentionDays: config.retentionDays });
  } catch (error) {
    // The person still gets their result; the host learns the store failed (no subject, no results in the line).
    config.log({ level: 'error', event: 'store.failed', message: `saving a completed ${model} run failed (${error instanceof Error ? error.name : 'error'})`, model });
  }
}

async function status(context: RouteContext): Promise<Response> {
  const { config } = context;
  const auth = await context.authorize();
  const { model, runId } = await config.tokens.verify(context.params[0] ?? '', auth.subject);
  const target = THYMIA_STATUS[model];
  const answer = await callThymia(config.upstream, 'GET', `${target.path}${encodeURIComponent(runId)}`);
  // The element reads a 404 as "data deleted" (thymia's deleteData window has passed).
  if (answer.status === 404) throw new HttpError('not-found', 'This run no longer exists at thymia.');
  const parsed = target.schema.safeParse(answer.body);
  if (!parsed.success) {
    config.log({ level: 'error', event: 'upstream.invalid', message: `thymia's ${model} status did not match its schema`, model });
    throw new HttpError('upstream', 'thymia answered with something unexpected.');
  }
  const filtered = applyPolicy(model, auth.results, answer.body);
  const at = completedAt(model, answer.body as Record<string, unknown>);
  if (at) await keep(config, auth.subject, model, runId, at, filtered);
  return jsonResponse(200, filtered);
}

export const statusRoute: Route = { path: /^\/status\/([\w.-]{1,2048})$/, methods: { GET: status } };
