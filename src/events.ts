import type { RecorderErrorDetail } from './errors.js';
import type { RecorderStateName, RecordingName } from './state/machine.js';
import type { QualityReport } from './capture/quality.js';
import type { RestoredDetail } from './state/restore-plan.js';
import type { PauseReason, PauseRecord } from './state/pauses.js';

export type { PauseReason, PauseRecord } from './state/pauses.js';
import type { HistoryBaseline, HistoryRun } from './state/history.js';

export interface StateChangeDetail {
  readonly state: RecorderStateName;
  readonly previous: RecorderStateName;
}
export interface RecordingStartDetail {
  readonly recording: RecordingName;
}
export interface RecordingStopDetail {
  readonly recording: RecordingName;
  readonly durationSeconds: number;
  readonly speechSeconds: number;
  readonly mimeType: string;
  readonly size: number;
  /** How the take sounded, from the audio the element analysed, with the track settings actually applied. */
  readonly quality?: QualityReport;
  /** Every pause of the take, in order; `durationSeconds` leaves them out (recorded time only). */
  readonly pauses: readonly PauseRecord[];
}
export interface RecordingPauseDetail {
  readonly recording: RecordingName;
  /** `user`, or the interruption: `muted`, `ended`, `interrupted`, `hidden`, `device-lost`. */
  readonly reason: PauseReason;
  /** Recorded seconds when the take paused. */
  readonly atSeconds: number;
}
export interface RecordingResumeDetail {
  readonly recording: RecordingName;
  /** Recorded seconds when the take carried on (the same as the pause's `atSeconds`). */
  readonly atSeconds: number;
  /** How long it was paused (wall clock). */
  readonly pausedSeconds: number;
}
export interface UploadProgressDetail {
  readonly recording: RecordingName;
  readonly loaded: number;
  readonly total: number;
}
export interface UploadCompleteDetail {
  readonly recording: RecordingName;
}
export interface UploadRetryDetail {
  readonly recording: RecordingName;
  readonly attempt: number;
  readonly delayMs: number;
  readonly reason: string;
}
export interface StatusDetail {
  readonly status: string;
  readonly response: unknown;
}
export interface ResultDetail {
  readonly model: string;
  readonly modelRunId: string | undefined;
  readonly results: unknown;
  readonly warnings: readonly string[];
  readonly response: unknown;
}
export type { RestoredDetail } from './state/restore-plan.js';
export type ErrorDetail = RecorderErrorDetail;
export interface ConsentDetail {
  readonly accepted: true;
  /** The consent text the person was shown (the `consent` slot's text, or the default). */
  readonly text: string;
  /** ISO 8601 timestamp of the tick. */
  readonly at: string;
}

/** Every event the element dispatches, by name. */
/** `thymia-history`: the person's kept runs (newest first, as the host's history answered) and their baseline. */
export interface HistoryDetail {
  readonly runs: readonly HistoryRun[];
  readonly baseline: HistoryBaseline;
}
export type { HistoryBaseline, HistoryRun } from './state/history.js';

export interface ThymiaEventDetails {
  'thymia-state-change': StateChangeDetail;
  'thymia-recording-start': RecordingStartDetail;
  'thymia-recording-stop': RecordingStopDetail;
  'thymia-recording-pause': RecordingPauseDetail;
  'thymia-recording-resume': RecordingResumeDetail;
  'thymia-upload-progress': UploadProgressDetail;
  'thymia-upload-complete': UploadCompleteDetail;
  'thymia-upload-retry': UploadRetryDetail;
  'thymia-status': StatusDetail;
  'thymia-result': ResultDetail;
  'thymia-error': ErrorDetail;
  'thymia-restored': RestoredDetail;
  'thymia-consent': ConsentDetail;
  'thymia-history': HistoryDetail;
}
export type ThymiaEventName = keyof ThymiaEventDetails;

/** The event names, listed once: tests, the demo and framework wrappers derive theirs from this. */
export const THYMIA_EVENT_NAMES = Object.freeze(
  Object.keys({
    'thymia-state-change': 0,
    'thymia-recording-start': 0,
    'thymia-recording-stop': 0,
    'thymia-recording-pause': 0,
    'thymia-recording-resume': 0,
    'thymia-upload-progress': 0,
    'thymia-upload-complete': 0,
    'thymia-upload-retry': 0,
    'thymia-status': 0,
    'thymia-result': 0,
    'thymia-error': 0,
    'thymia-restored': 0,
    'thymia-consent': 0,
    'thymia-history': 0,
    // `satisfies` makes a name missing here, or one without a detail type, a compile error.
  } satisfies Record<ThymiaEventName, 0>) as ThymiaEventName[],
);

/** A typed, bubbling, composed event, so hosts outside the shadow root hear it. */
export class ThymiaEvent<Name extends ThymiaEventName> extends CustomEvent<ThymiaEventDetails[Name]> {
  constructor(name: Name, detail: ThymiaEventDetails[Name]) {
    super(name, { detail, bubbles: true, composed: true });
  }
}

/** Event name → event class, for `addEventListener` typing. */
export type ThymiaEventMap = { [Name in ThymiaEventName]: ThymiaEvent<Name> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends ThymiaEventMap {}
}
