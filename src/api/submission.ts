/**
 * Delivering a submission: where the recordings go (static URLs, or fresh
 * ones minted through the host's session URL) and getting every one of them
 * there. No DOM; the element supplies the takes and hears progress.
 */
import { ERROR_CODES, RecorderError } from '../errors.js';
import type { RecordingName } from '../state/machine.js';
import { mintSession, type SessionBody } from './session.js';
import type { ResilienceTiming } from './timing.js';
import { uploadRecording } from './upload.js';
import { isUrlExpired } from './url-expiry.js';

/** Where a submission's recordings go and where its run reports. */
export interface Destination {
  readonly statusUrl: string;
  readonly uploadUrls: Partial<Record<RecordingName, string>>;
  /** The session chose a thymia activity instead of upload URLs. */
  readonly activityLink?: string;
}

/** A stopped recording on its way. */
export interface DeliverableTake {
  readonly recording: RecordingName;
  readonly blob: Blob;
}

/** The host's `session-url`, what is `POST`ed to it, and the host's `RequestInit` for it. */
export interface SessionRequest extends SessionBody {
  readonly url: string;
  readonly init?: RequestInit;
}

export interface DeliveryOptions {
  readonly steps: readonly RecordingName[];
  /** The takes, in step order. */
  readonly takes: readonly DeliverableTake[];
  /**
   * The URL that already confirmed each take (an earlier attempt, a restored
   * upload marker): a take is not sent again to the URL that has it. Read,
   * never written; new confirmations arrive through `onDelivered`. A
   * session mints a new run, where nothing is delivered yet.
   */
  readonly delivered?: Partial<Record<RecordingName, string>>;
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
  /** The clock upload URLs' expiry is read against; tests set a skewed one. */
  readonly now?: () => number;
}

/** The session is asked at most this often per submission: once, and once more if its URLs expire. */
const MAX_MINTS = 2;

/** The session answered with an activity link and no upload URLs: the person records there instead. */
export function isHandoff(destination: Destination, steps: readonly RecordingName[]): boolean {
  return !!destination.activityLink && steps.every((step) => !destination.uploadUrls[step]);
}

/** Asks the host backend for a fresh run: its status URL and upload URLs (or activity link). */
export async function mintDestination(session: SessionRequest, signal: AbortSignal): Promise<Destination> {
  const { url, init, ...body } = session;
  const answer = await mintSession(url, body, init, signal);
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

/**
 * Uploads every take the destination does not have yet. Refuses up front,
 * before any byte goes out, when one of their URLs is past its expiry: a
 * half-delivered submission helps nobody when a new run is needed anyway.
 */
async function uploadPending(destination: Destination, confirmed: Map<RecordingName, string>, options: DeliveryOptions): Promise<void> {
  const { takes, timing } = options;
  const now = options.now ?? Date.now;
  const pending = takes.filter((take) => confirmed.get(take.recording) !== destination.uploadUrls[take.recording]);
  if (pending.some((take) => isUrlExpired(destination.uploadUrls[take.recording]!, now()))) {
    throw new RecorderError(ERROR_CODES.uploadUrlExpired, 'upload URL past its expiry');
  }
  const total = takes.reduce((sum, take) => sum + take.blob.size, 0);
  let done = total - pending.reduce((sum, take) => sum + take.blob.size, 0);
  for (const take of pending) {
    const url = destination.uploadUrls[take.recording]!;
    const { recording } = take;
    await uploadRecording(url, take.blob, {
      signal: options.signal,
      stallTimeoutMs: timing.uploadStallMs,
      retryBaseMs: timing.uploadRetryBaseMs,
      retryMaxMs: timing.uploadRetryMaxMs,
      maxAttempts: timing.uploadMaxAttempts,
      now,
      onProgress: (loaded, size) => options.onProgress(recording, loaded, size, { loaded: done + loaded, total }),
      onRetry: (attempt, delayMs, reason) => options.onRetry(recording, attempt, delayMs, reason),
    });
    confirmed.set(recording, url);
    done += take.blob.size;
    await options.onDelivered(recording, url);
  }
}

function isExpiry(error: unknown): boolean {
  return error instanceof RecorderError && error.code === ERROR_CODES.uploadUrlExpired;
}

/**
 * Gets every take to its URL and returns the destination used. With a
 * session the run is minted now (the URLs live one hour) and, if a URL has
 * expired all the same — by what it says, or by failing near its expiry —
 * minted once more; a new run means every take goes again. Without a
 * session an expired URL is `upload-url-expired` and nothing is sent to it.
 * Takes already confirmed at their URL are not sent twice.
 */
export async function deliverTakes(options: DeliveryOptions): Promise<Destination> {
  const { session, signal, steps } = options;
  const confirmed = new Map(Object.entries(options.delivered ?? {}) as [RecordingName, string][]);
  let mints = 0;
  const mint = async (): Promise<Destination> => {
    mints += 1;
    const destination = await mintDestination(session!, signal);
    confirmed.clear();
    return destination;
  };
  let destination = session ? await mint() : options.staticDestination;
  for (;;) {
    if (isHandoff(destination, steps)) return destination;
    assertComplete(destination, steps);
    try {
      await uploadPending(destination, confirmed, options);
      return destination;
    } catch (error) {
      if (!isExpiry(error) || !session || mints >= MAX_MINTS) throw error;
      destination = await mint();
    }
  }
}
