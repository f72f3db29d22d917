import type { RecorderErrorDetail } from './errors.js';
import type { RecorderStateName, RecordingName } from './state/machine.js';

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
export interface RestoredDetail {
  readonly recording: RecordingName;
  readonly durationSeconds: number;
  readonly speechSeconds: number;
  readonly ageSeconds: number;
}
export type ErrorDetail = RecorderErrorDetail;

/** Every event the element dispatches, by name. */
export interface ThymiaEventDetails {
  'thymia-state-change': StateChangeDetail;
  'thymia-recording-start': RecordingStartDetail;
  'thymia-recording-stop': RecordingStopDetail;
  'thymia-upload-progress': UploadProgressDetail;
  'thymia-upload-complete': UploadCompleteDetail;
  'thymia-upload-retry': UploadRetryDetail;
  'thymia-status': StatusDetail;
  'thymia-result': ResultDetail;
  'thymia-error': ErrorDetail;
  'thymia-restored': RestoredDetail;
}
export type ThymiaEventName = keyof ThymiaEventDetails;

/** A typed, bubbling, composed event, so hosts outside the shadow root hear it. */
export class ThymiaEvent<Name extends ThymiaEventName> extends CustomEvent<ThymiaEventDetails[Name]> {
  constructor(name: Name, detail: ThymiaEventDetails[Name]) {
    super(name, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'thymia-state-change': ThymiaEvent<'thymia-state-change'>;
    'thymia-recording-start': ThymiaEvent<'thymia-recording-start'>;
    'thymia-recording-stop': ThymiaEvent<'thymia-recording-stop'>;
    'thymia-upload-progress': ThymiaEvent<'thymia-upload-progress'>;
    'thymia-upload-complete': ThymiaEvent<'thymia-upload-complete'>;
    'thymia-upload-retry': ThymiaEvent<'thymia-upload-retry'>;
    'thymia-status': ThymiaEvent<'thymia-status'>;
    'thymia-result': ThymiaEvent<'thymia-result'>;
    'thymia-error': ThymiaEvent<'thymia-error'>;
    'thymia-restored': ThymiaEvent<'thymia-restored'>;
  }
}
