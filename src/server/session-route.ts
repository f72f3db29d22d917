/**
 * `POST /session`: creates the run at thymia with the person's details from
 * `authorize` (never from the body) and answers the element's session
 * contract: thymia's upload URL(s) or activity link, plus a signed `statusUrl`.
 */
import * as z from 'zod/mini';
import { readJson, requireJson } from './body.js';
import type { RouteContext, Route, ValidAuthorization } from './context.js';
import { HttpError, jsonResponse } from './errors.js';
import {
  ApolloCreatedSchema,
  ApolloCreateSchema,
  describeIssues,
  HeliosCreatedSchema,
  HeliosCreateSchema,
  QuestionnaireCreatedSchema,
  QuestionnaireCreateSchema,
  SESSION_REQUEST_SCHEMAS,
  SessionModelSchema,
  type SessionRequest,
} from './thymia-requests.js';
import { RUN_ID, type TokenModel } from './token.js';
import { callThymia } from './upstream.js';

interface Plan {
  readonly path: string;
  readonly body: unknown;
  readonly created: z.ZodMiniType;
  /** What the browser gets of thymia's answer (besides statusUrl). */
  readonly answer: (created: Record<string, unknown>) => Record<string, unknown>;
}

function plan(session: SessionRequest, auth: ValidAuthorization, questionnaireType: string | undefined): { model: TokenModel; plan: Plan } {
  const person = { user: auth.user, language: auth.language };
  switch (session.model) {
    case 'helios': {
      const body = HeliosCreateSchema.parse({
        ...person,
        accent: auth.accent,
        tags: auth.tags,
        deleteData: auth.deleteData,
        dataToDelete: auth.dataToDelete,
        recordingTime: session.recordingTime,
        sleepTime: session.sleepTime,
        wakeTime: session.wakeTime,
      });
      return {
        model: 'helios',
        plan: { path: '/v1/models/mental-wellness', body, created: HeliosCreatedSchema, answer: (c) => ({ id: c.id, recordingUploadUrl: c.recordingUploadUrl }) },
      };
    }
    case 'apollo': {
      // thymia's Apollo create takes no times, accent or tags.
      const body = ApolloCreateSchema.parse({ ...person, deleteData: auth.deleteData });
      return {
        model: 'apollo',
        plan: { path: '/v1/models/apollo', body, created: ApolloCreatedSchema, answer: (c) => ({ id: c.id, uploadUrls: c.uploadUrls }) },
      };
    }
    case 'questionnaire': {
      if (!questionnaireType) throw new HttpError('invalid-request', 'questionnaireType: required for a questionnaire');
      const body = QuestionnaireCreateSchema.parse({ user: { userLabel: auth.user.userLabel }, questionnaireType });
      return {
        model: 'questionnaire',
        plan: { path: '/v1/questionnaires', body, created: QuestionnaireCreatedSchema, answer: (c) => ({ id: c.id, activityLink: c.activityLink }) },
      };
    }
  }
}

async function createSession(context: RouteContext): Promise<Response> {
  const { request, url, config } = context;
  requireJson(request);
  const auth = await context.authorize();
  let input = await readJson(request);
  // The element's own session request names only its `model` attribute (helios/apollo): a host that
  // mints a questionnaire through `session-url` names the type in the URL's query, and that decides.
  const queryType = url.searchParams.get('questionnaireType');
  if (queryType !== null && typeof input === 'object' && input !== null && !Array.isArray(input)) input = { ...input, model: 'questionnaire' };
  const named = SessionModelSchema.safeParse(input);
  if (!named.success) throw new HttpError('invalid-request', describeIssues(named.error.issues));
  const parsed = SESSION_REQUEST_SCHEMAS[named.data.model].safeParse(input);
  if (!parsed.success) throw new HttpError('invalid-request', describeIssues(parsed.error.issues));
  const session: SessionRequest = parsed.data;
  const questionnaireType = session.model === 'questionnaire' ? (session.questionnaireType ?? queryType ?? undefined) : undefined;
  if (questionnaireType !== undefined) {
    const known = config.questionnaireTypes;
    if (!QuestionnaireCreateSchema.shape.questionnaireType.safeParse(questionnaireType).success || (known && !known.includes(questionnaireType))) {
      throw new HttpError('invalid-request', 'questionnaireType: not one this site offers');
    }
  }
  const { model, plan: call } = plan(session, auth, questionnaireType);
  const started = Date.now();
  const answer = await callThymia(config.upstream, 'POST', call.path, call.body);
  if (answer.status === 404) {
    // thymia answers 404 to a create when the model is not enabled for the key (Apollo needs an agreement).
    config.log({ level: 'error', event: 'session.refused', message: 'thymia answered 404 to a create: is this model enabled for the API key?', model, status: 404 });
    throw new HttpError('upstream', 'thymia refused the request.');
  }
  const created = call.created.safeParse(answer.body);
  const id = created.success ? (created.data as { id: string }).id : undefined;
  if (!created.success || !id || !RUN_ID.test(id)) {
    config.log({ level: 'error', event: 'upstream.invalid', message: `thymia's create answer did not match its schema`, model });
    throw new HttpError('upstream', 'thymia answered with something unexpected.');
  }
  const token = await config.tokens.sign({ model, runId: id, subject: auth.subject });
  config.log({ level: 'info', event: 'session.created', message: `${model} run created`, model, durationMs: Date.now() - started });
  return jsonResponse(200, { ...call.answer(created.data as Record<string, unknown>), statusUrl: `${config.basePath}/status/${token}` });
}

export const sessionRoute: Route = { path: /^\/session$/, methods: { POST: createSession } };
