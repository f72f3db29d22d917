import type { RecordingName } from './machine.js';

/** One stopped recording: what capture produced, storage keeps and the upload sends. */
export interface Take {
  readonly recording: RecordingName;
  readonly blob: Blob;
  /** The recorder's MIME type, codecs included (`audio/webm;codecs=opus`). */
  readonly mimeType: string;
  readonly durationSeconds: number;
  readonly speechSeconds: number;
}
