/**
 * The results policy, applied on the server so the browser receives no more
 * than the element would show (src/render/*-results.ts):
 *
 * - `full`: thymia's answer as it came.
 * - `summary`: Helios' buckets and mental strain (no continuous scores, no
 *   transcript); Apollo's disorder-level probability and severity (no
 *   symptom scores, no report links); a questionnaire's name, time and
 *   score (no questions or answers); warnings and the model version.
 * - `none`: status, timestamps, warnings and error codes only.
 *
 * Under every policy thymia's `errorReason` (for debugging, never for
 * people) and the person's details from `authorize` (`userLabel`, `tags`, a
 * call's `user`) stay on the server. Summaries are built by picking known
 * fields, so a field thymia adds later never leaks through one.
 */
import { APOLLO_DISORDERS } from '../api/apollo-schemas.js';
import { BUCKETED_BIOMARKERS } from '../api/schemas.js';
import type { ResultsPolicy } from './thymia-requests.js';
import type { TokenModel } from './token.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function pick(source: Json, keys: readonly string[]): Json {
  const out: Json = {};
  for (const key of keys) if (key in source) out[key] = source[key];
  return out;
}

function omit(source: Json, keys: readonly string[]): Json {
  const out: Json = { ...source };
  for (const key of keys) delete out[key];
  return out;
}

/** What `none` keeps of a model run: its lifecycle, never its content. */
const RUN_LIFECYCLE = ['id', 'status', 'createdAt', 'runAt', 'completedAt', 'warnings', 'errorCode'] as const;
/** Never sent, whatever the policy. */
const NEVER = ['errorReason', 'userLabel', 'tags', 'user'] as const;

/** The policy when the host's authorization names none: Apollo is for clinicians. */
export function defaultPolicy(model: TokenModel | 'emotions'): ResultsPolicy {
  return model === 'apollo' ? 'none' : 'full';
}

function heliosRun(run: Json, policy: ResultsPolicy): Json {
  if (policy === 'full') return omit(run, NEVER);
  const kept = pick(run, RUN_LIFECYCLE);
  if (policy === 'none') return kept;
  const results = run.results;
  if (isObject(results) && Array.isArray(results.sections)) {
    kept.results = {
      sections: results.sections.filter(isObject).map((section) => ({
        ...pick(section, ['startSecs', 'finishSecs', 'mentalStrain', ...BUCKETED_BIOMARKERS]),
        // Withheld; the field is required by thymia's schema (and the element's), the element shows it only when non-empty.
        transcript: '',
      })),
    };
  }
  if ('model' in run) kept.model = run.model;
  return kept;
}

function apolloRun(run: Json, policy: ResultsPolicy): Json {
  if (policy === 'full') return omit(run, NEVER);
  const kept = pick(run, RUN_LIFECYCLE);
  if (policy === 'none') return kept;
  const disorders = isObject(run.results) ? run.results.disorders : undefined;
  if (isObject(disorders)) {
    kept.results = {
      disorders: Object.fromEntries(
        APOLLO_DISORDERS.map((name) => [name, isObject(disorders[name]) ? pick(disorders[name] as Json, ['probability', 'severity']) : disorders[name]]),
      ),
      // No symptom leaves under summary; empty maps keep the shape thymia documents.
      symptoms: { depression: {}, anxiety: {} },
    };
  }
  if ('model' in run) kept.model = run.model;
  return kept;
}

function emotionsRun(run: Json, policy: ResultsPolicy): Json {
  return policy === 'none' ? pick(run, RUN_LIFECYCLE) : omit(run, NEVER);
}

function questionnaire(answer: Json, policy: ResultsPolicy): Json {
  if (policy === 'full') return omit(answer, NEVER);
  const kept = pick(answer, ['status']);
  if (policy === 'none' || !isObject(answer.details)) return kept;
  const details = answer.details;
  kept.details = pick(details, ['name', 'completedAt']);
  if (isObject(details.scoreDetails) && 'score' in details.scoreDetails) (kept.details as Json).scoreDetails = { score: details.scoreDetails.score };
  return kept;
}

/** A voice-agent call: the call's lifecycle, and each run inside it under its own model's policy. */
function call(answer: Json, policy: ResultsPolicy | undefined): Json {
  const runs = isObject(answer.modelRun) ? answer.modelRun : undefined;
  const base = (policy ?? 'full') === 'full' ? omit(answer, NEVER) : pick(answer, ['id', 'status', 'createdAt', 'updatedAt', 'startedAt', 'endedAt', 'agent']);
  if (!runs) return base;
  const modelRun: Json = {};
  if (isObject(runs.mentalWellness)) modelRun.mentalWellness = heliosRun(runs.mentalWellness, policy ?? defaultPolicy('helios'));
  if (isObject(runs.apollo)) modelRun.apollo = apolloRun(runs.apollo, policy ?? defaultPolicy('apollo'));
  if (isObject(runs.emotions)) modelRun.emotions = emotionsRun(runs.emotions, policy ?? defaultPolicy('emotions'));
  for (const key of ['mentalWellness', 'apollo', 'emotions']) if (runs[key] === null) modelRun[key] = null;
  return { ...base, modelRun };
}

/**
 * thymia's status answer for `model`, cut to what `policy` lets the browser
 * see. `policy` undefined: the model's default (`none` for Apollo, `full` otherwise).
 */
export function applyPolicy(model: TokenModel, policy: ResultsPolicy | undefined, answer: unknown): Json {
  if (!isObject(answer)) return {};
  switch (model) {
    case 'helios':
      return heliosRun(answer, policy ?? defaultPolicy(model));
    case 'apollo':
      return apolloRun(answer, policy ?? defaultPolicy(model));
    case 'questionnaire':
      return questionnaire(answer, policy ?? defaultPolicy(model));
    case 'call':
      return call(answer, policy);
  }
}
