/**
 * The status adapters by name. Each turns whatever the host's status URL
 * answers into one `StatusOutcome`; the default reads thymia (model runs,
 * voice-agent calls and questionnaires, auto-detected), the others voice-agent platforms.
 */
import type { StatusAdapter } from '../outcome.js';
import { apolloAdapter, looksLikeApolloRun } from './apollo.js';
import { mentalWellnessAdapter } from './helios.js';
import { questionnaireAdapter } from './questionnaire.js';
import { looksLikeQuestionnaire } from '../questionnaire-schemas.js';
import { synthflowAdapter } from './synthflow.js';
import { thinnestAiAdapter } from './thinnestai.js';
import { looksLikeThymiaCall } from '../call-schemas.js';
import { thymiaCallAdapter } from './thymia-call.js';

export const thymiaAdapter: StatusAdapter = (body, context) => {
  if (looksLikeThymiaCall(body)) return thymiaCallAdapter(body, context);
  if (looksLikeQuestionnaire(body)) return questionnaireAdapter(body, context);
  if (looksLikeApolloRun(body, context.model)) return apolloAdapter(body, context);
  return mentalWellnessAdapter(body, context);
};

export const STATUS_ADAPTERS: Readonly<Record<string, StatusAdapter>> = {
  thymia: thymiaAdapter,
  synthflow: synthflowAdapter,
  thinnestai: thinnestAiAdapter,
};

/** The host's `status-adapter`: a function, a built-in name, or thymia's by default. */
export function resolveAdapter(adapter: string | StatusAdapter | undefined): StatusAdapter {
  if (typeof adapter === 'function') return adapter;
  return (adapter && STATUS_ADAPTERS[adapter]) || thymiaAdapter;
}
