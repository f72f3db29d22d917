/** The element's public properties read as the flow's settings, defaults and limits applied. */
import type { StatusAdapter } from '../api/outcome.js';
import type { ResilienceTiming } from '../api/timing.js';
import type { RecordingName } from '../state/machine.js';
import type { FlowSettings } from './flow-controller.js';
import {
  DEFAULT_AUDIO_BITS_PER_SECOND,
  DEFAULT_MAX_SECONDS,
  DEFAULT_POLL_INTERVAL_MS,
  MIN_POLL_INTERVAL_MS,
  UPLOAD_URL_PROPERTY,
  minSpeechFor,
  stepsFor,
} from './protocol.js';

/** The element properties the flow reads (attribute names in the element's JSDoc). */
export interface RecorderProperties {
  readonly model: string;
  readonly uploadUrl?: string;
  readonly moodQuestionUploadUrl?: string;
  readonly readAloudUploadUrl?: string;
  readonly statusUrl?: string;
  readonly sessionUrl?: string;
  readonly minSpeechSeconds?: number;
  readonly maxSeconds: number;
  readonly pollInterval: number;
  readonly autoSubmit: boolean;
  readonly statusAdapter: string | StatusAdapter;
  readonly storageKey?: string;
  readonly statusRequestInit: RequestInit;
  readonly activityLink?: string;
  readonly follow: boolean;
  readonly timing: Partial<ResilienceTiming>;
  readonly requireConsent: boolean;
  readonly askSleep: boolean;
  readonly audioBitsPerSecond: number;
}

export interface PreflightAnswers {
  readonly consentAccepted: boolean;
  /** thymia's local format, or undefined when the person left it empty. */
  readonly sleepTime: string | undefined;
  readonly wakeTime: string | undefined;
}

/** Nothing to record: follow a call, or an activity done elsewhere. */
export function isFollowing(props: RecorderProperties): boolean {
  return props.follow || !!props.activityLink || props.statusAdapter === 'synthflow' || props.statusAdapter === 'thinnestai';
}

export function flowSettings(props: RecorderProperties, answers: PreflightAnswers): FlowSettings {
  const steps = stepsFor(props.model);
  const uploadUrls: Partial<Record<RecordingName, string>> = {};
  for (const step of steps) uploadUrls[step] = props[UPLOAD_URL_PROPERTY[step]] || undefined;
  return {
    model: props.model,
    steps,
    minSpeechSeconds: minSpeechFor(props.model, props.minSpeechSeconds),
    maxSeconds: props.maxSeconds > 0 ? props.maxSeconds : DEFAULT_MAX_SECONDS,
    pollIntervalMs: Math.max(MIN_POLL_INTERVAL_MS, props.pollInterval || DEFAULT_POLL_INTERVAL_MS),
    autoSubmit: props.autoSubmit,
    following: isFollowing(props),
    statusUrl: props.statusUrl,
    sessionUrl: props.sessionUrl,
    activityLink: props.activityLink,
    uploadUrls,
    requestInit: props.statusRequestInit,
    statusAdapter: props.statusAdapter,
    timing: props.timing,
    storageKey: props.storageKey || `thymia-recorder:${props.model}`,
    sleepTime: props.askSleep ? answers.sleepTime : undefined,
    wakeTime: props.askSleep ? answers.wakeTime : undefined,
    consentGiven: !props.requireConsent || answers.consentAccepted,
    audioBitsPerSecond: props.audioBitsPerSecond > 0 ? props.audioBitsPerSecond : DEFAULT_AUDIO_BITS_PER_SECOND,
  };
}
