/**
 * The flow's settings, options and upload progress: shared by the flow
 * controller and the delivery code it loads on demand.
 */
import type { ResilienceTiming } from '../api/timing.js';
import type { StatusAdapter, StatusOutcome } from '../api/outcome.js';
import type { ThymiaEventDetails, ThymiaEventName } from '../events.js';
import type { Translate } from '../i18n/messages.js';
import type { RecordingName } from '../state/machine.js';

/** What the flow reads from the element's public properties, fresh each time it acts. */
export interface FlowSettings {
  readonly model: string;
  readonly steps: readonly RecordingName[];
  readonly minSpeechSeconds: number;
  readonly maxSeconds: number;
  readonly pollIntervalMs: number;
  readonly autoSubmit: boolean;
  /** Nothing to record: follow a call, or an activity done elsewhere. */
  readonly following: boolean;
  readonly statusUrl: string | undefined;
  readonly sessionUrl: string | undefined;
  readonly activityLink: string | undefined;
  readonly uploadUrls: Partial<Record<RecordingName, string>>;
  readonly requestInit: RequestInit;
  readonly statusAdapter: string | StatusAdapter;
  readonly timing: Partial<ResilienceTiming>;
  readonly storageKey: string;
  /** `ask-sleep`: when the person last fell asleep and woke up, as they entered it (local, no zone). */
  readonly sleepTime: string | undefined;
  readonly wakeTime: string | undefined;
  /** `require-consent` is met (or not asked for): until then no microphone is requested. */
  readonly consentGiven: boolean;
  readonly audioBitsPerSecond: number;
}

export interface FlowOptions {
  readonly settings: () => FlowSettings;
  /** Messages for `thymia-error` and notices, in the element's language. */
  readonly t: () => Translate;
  readonly emit: <Name extends ThymiaEventName>(name: Name, detail: ThymiaEventDetails[Name]) => void;
  /**
   * Awaited before following starts: the host's first full render (views,
   * language), so a page that listens once `updateComplete` resolves hears
   * the very first status.
   */
  readonly settled?: () => Promise<unknown>;
  /** Awaited before a result is announced, so whatever renders it is ready. */
  readonly prepareOutcome?: (outcome: StatusOutcome) => Promise<unknown>;
}

export interface UploadProgress {
  readonly loaded: number;
  readonly total: number;
  /** The connection dropped and the upload waits to retry. */
  readonly retrying: boolean;
}

