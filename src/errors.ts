/** The `code` of every `thymia-error`, as the public contract lists them. */
export const ERROR_CODES = {
  micPermissionDenied: 'mic-permission-denied',
  micNotFound: 'mic-not-found',
  micLost: 'mic-lost',
  unsupportedBrowser: 'unsupported-browser',
  tooShort: 'too-short',
  missingConfig: 'missing-config',
  uploadFailed: 'upload-failed',
  uploadUrlExpired: 'upload-url-expired',
  statusFailed: 'status-failed',
  invalidStatusResponse: 'invalid-status-response',
  modelError: 'model-error',
  dataDeleted: 'data-deleted',
  storageFailed: 'storage-failed',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export interface RecorderErrorDetail {
  readonly code: ErrorCode;
  /** Fit to show the person; never thymia's `errorReason`. */
  readonly message: string;
  /** The person can get past it without reloading (retry, record again). */
  readonly recoverable: boolean;
  /** thymia's `errorCode`, for `model-error`. */
  readonly errorCode?: string;
  /** Why, in more detail, for the host's logs and its own guidance: `insecure-context`, `permissions-policy`, `no-media-recorder`, … */
  readonly reason?: string;
}

/** An error raised inside the engine or api layers, carrying its public code. */
export class RecorderError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: {
      readonly errorCode?: string;
      readonly reason?: string;
      /** The attribute at fault, for `missing-config`: named in the message the person (and page author) sees. */
      readonly attribute?: string;
      readonly status?: number;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message);
    this.name = 'RecorderError';
  }
}
