/**
 * Delivering a submission: where the recordings go (static URLs, or fresh
 * ones minted through the host's session URL) and getting every one of them
 * there. No DOM; the element supplies the takes and hears progress.
 */
import { ERROR_CODES, RecorderError } from '../errors.js';
import type { RecordingName } from '../state/machine.js';
import { mintSession } from './session.js';
import type { ResilienceTiming } from './timing.js';
import { uploadRecording } from './upload.js';

/** Where a submission's recordings go and where its run reports. */
export interface Destination {
  readonly statusUrl: string;
  readonly uploadUrls: Partial<Record<RecordingName, string>>;
  /** The session chose a thymia activity instead of upload URLs. */
  readonly activityLink?: string;
}

/** A stopped recording on its way; `uploadedTo` remembers the URL that confirmed it. */
export interface DeliverableTake {
  readonly recording: RecordingName;
  readonly blob: Blob;
  uploadedTo?: string;
}

export interface SessionRequest {
  readonly url: string;
  readonly model: string;
  readonly init?: RequestInit;
}

export interface DeliveryOptions {
  readonly steps: readonly RecordingName[];
  /** The takes, in step order. */
  readonly takes: readonly DeliverableTake[];
  /** The URLs the host set as attributes; ignored when `session` is given. */
  readonly staticDestination: Destination;
  readonly session?: SessionRequest;
  readonly signal: AbortSignal;
  readonly timing: ResilienceTiming;
  /** Bytes of this take, and of the whole submission (confirmed takes included). */
  readonly onProgress: (recording: RecordingName, loaded: number, total: number, overall: { loaded: number; total: number }) => void;
  readonly onRetry: (recording: RecordingName, attempt: number, delayMs: number, reason: string) => void;
  /** A take is confirmed at `url`; awaited before the next take starts, so it can be recorded durably. */
  readonly onDelivered: (recording: RecordingName, url: string) => Promise<void> | void;
}

/** The session answered with an activity link and no upload URLs: the person records there instead. */
export function isHandoff(destination: Destination, steps: readonly RecordingName[]): boolean {
  return !!destination.activityLink && steps.every((step) => !destination.uploadUrls[step]);
}

/** Asks the host backend for a fresh run: its status URL and upload URLs (or activity link). */
export async function mintDestination(session: SessionRequest, signal: AbortSignal): Promise<Destination> {
  const answer = await mintSession(session.url, session.model, session.init, signal);
  const uploadUrls: Partial<Record<RecordingName, string>> = answer.uploadUrls
    ? { moodQuestion: answer.uploadUrls.moodQuestionUploadUrl, readAloud: answer.uploadUrls.readAloudUploadUrl }
    : { main: answer.recordingUploadUrl };
  return { statusUrl: answer.statusUrl, uploadUrls, activityLink: answer.activityLink };
}

function assertComplete(destination: Destination, steps: readonly RecordingName[]): void {
  const missing: string[] = steps.filter((step) => !destination.uploadUrls[step]).map((step) => `${step} upload URL`);
  if (!destination.statusUrl) missing.push('status URL');
  if (missing.length) throw new RecorderError(ERROR_CODES.missingConfig, `missing ${missing.join(', ')}`);
}

async function uploadPending(destination: Destination, options: DeliveryOptions): Promise<void> {
  const { takes, timing } = options;
  const total = takes.reduce((sum, take) => sum + take.blob.size, 0);
  let confirmed = takes
    .filter((take) => take.uploadedTo === destination.uploadUrls[take.recording])
    .reduce((sum, take) => sum + take.blob.size, 0);
  for (const take of takes) {
    const url = destination.uploadUrls[take.recording];
    if (!url || take.uploadedTo === url) continue;
    const { recording } = take;
    await uploadRecording(url, take.blob, {
      signal: options.signal,
      stallTimeoutMs: timing.uploadStallMs,
      retryBaseMs: timing.uploadRetryBaseMs,
      retryMaxMs: timing.uploadRetryMaxMs,
      maxAttempts: timing.uploadMaxAttempts,
      onProgress: (loaded, size) => options.onProgress(recording, loaded, size, { loaded: confirmed + loaded, total }),
      onRetry: (attempt, delayMs, reason) => options.onRetry(recording, attempt, delayMs, reason),
    });
    take.uploadedTo = url;
    confirmed += take.blob.size;
    await options.onDelivered(recording, url);
  }
}

/**
 * Gets every take to its URL and returns the destination used. With a
 * session the run is minted now (the URLs live one hour) and, if a URL has
 * expired all the same, minted once more; a new run means every take goes
 * again. Takes already confirmed at their URL are not sent twice.
 */
export async function deliverTakes(options: DeliveryOptions): Promise<Destination> {
  const { session, signal, steps } = options;
  const mint = async (): Promise<Destination> => {
    const destination = await mintDestination(session!, signal);
    for (const take of options.takes) take.uploadedTo = undefined;
    return destination;
  };
  let destination = session ? await mint() : options.staticDestination;
  if (isHandoff(destination, steps)) return destination;
  assertComplete(destination, steps);
  try {
    await uploadPending(destination, options);
  } catch (error) {
    const expired = error instanceof RecorderError && error.code === ERROR_CODES.uploadUrlExpired;
    if (!expired || !session) throw error;
    destination = await mint();
    if (isHandoff(destination, steps)) return destination;
    assertComplete(destination, steps);
    await uploadPending(destination, options);
  }
  return destination;
}
