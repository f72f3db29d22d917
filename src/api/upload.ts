import { ERROR_CODES, RecorderError } from '../errors.js';
import { baseMimeType } from '../capture/mime.js';
import { backoffDelay, retryAfterMs, sleep } from './backoff.js';
import { isRetryableStatus } from './http.js';
import { EXPIRY_SKEW_MS, isUrlExpired, urlExpiresAt } from './url-expiry.js';

export interface UploadOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (loaded: number, total: number) => void;
  /** Called before each retry so the person and the host can be told. */
  readonly onRetry?: (attempt: number, delayMs: number, reason: string) => void;
  readonly maxAttempts?: number;
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /** Abort and retry an attempt that has made no progress for this long. */
  readonly stallTimeoutMs?: number;
  /** The clock the URL's expiry is read against (tests set a skewed one). */
  readonly now?: () => number;
}

interface AttemptResult {
  readonly status: number;
  readonly body: string;
  readonly retryAfter: string | null;
}

/**
 * Whether a failed attempt means the URL has expired. A URL that says when
 * it expires is judged by that: a refusal, readable (403) or not (a network
 * error, as a 403 without CORS headers looks), close enough to the expiry
 * that a skewed clock could hide it. A URL that does not say falls back to
 * S3's answers: 403 AccessDenied, or a 400 that mentions expiry.
 */
export function isExpiredUploadResponse(status: number, body: string, url?: string, now: number = Date.now()): boolean {
  const expiresAt = url === undefined ? undefined : urlExpiresAt(url);
  if (expiresAt === undefined) return status === 403 || (status === 400 && /expired/i.test(body));
  if ((status === 400 || status === 403) && /expired/i.test(body)) return true;
  return (status === 0 || status === 403) && now + EXPIRY_SKEW_MS >= expiresAt;
}

function expired(status: number | undefined, why: string): RecorderError {
  return new RecorderError(ERROR_CODES.uploadUrlExpired, why, { status });
}

/**
 * One PUT of the bytes to a pre-signed URL, with upload progress. XHR rather
 * than fetch because only XHR reports upload progress in every browser.
 * Content-Type is the base MIME type; no credentials, no other headers.
 */
function putOnce(url: string, body: Blob, options: UploadOptions): Promise<AttemptResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let stallTimer: ReturnType<typeof setTimeout> | undefined;
    const armStallTimer = () => {
      clearTimeout(stallTimer);
      if (options.stallTimeoutMs) stallTimer = setTimeout(() => xhr.abort(), options.stallTimeoutMs);
    };
    const cleanup = () => {
      clearTimeout(stallTimer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => xhr.abort();
    let abortedByCaller = false;
    xhr.open('PUT', url);
    xhr.withCredentials = false;
    xhr.setRequestHeader('Content-Type', baseMimeType(body.type));
    xhr.upload.addEventListener('progress', (event) => {
      armStallTimer();
      options.onProgress?.(event.loaded, event.lengthComputable ? event.total : body.size);
    });
    xhr.addEventListener('load', () => {
      cleanup();
      // Only a refusal can carry Retry-After; reading it cross-origin otherwise logs "unsafe header" (S3 exposes none).
      const retryAfter = isRetryableStatus(xhr.status) && /^retry-after:/im.test(xhr.getAllResponseHeaders()) ? xhr.getResponseHeader('Retry-After') : null;
      resolve({ status: xhr.status, body: xhr.responseText, retryAfter });
    });
    xhr.addEventListener('error', () => {
      cleanup();
      resolve({ status: 0, body: '', retryAfter: null });
    });
    xhr.addEventListener('abort', () => {
      cleanup();
      if (abortedByCaller) reject(new DOMException('Upload aborted', 'AbortError'));
      else resolve({ status: 0, body: 'stalled', retryAfter: null });
    });
    if (options.signal) {
      if (options.signal.aborted) {
        reject(new DOMException('Upload aborted', 'AbortError'));
        return;
      }
      options.signal.addEventListener('abort', () => (abortedByCaller = true), { once: true });
      options.signal.addEventListener('abort', onAbort, { once: true });
    }
    armStallTimer();
    xhr.send(body);
  });
}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** Waits for the browser to report it is online again (no-op when it is). */
function whenOnline(signal?: AbortSignal): Promise<void> {
  if (!isOffline()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    };
    const aborted = () => {
      window.removeEventListener('online', done);
      reject(signal?.reason);
    };
    window.addEventListener('online', done, { once: true });
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

/**
 * PUTs the recording, retrying network failures, stalls, 408/429 and 5xx with
 * backoff and jitter (honouring Retry-After), never other 4xx. While the
 * browser is offline it goes quiet: no attempts, no backoff, and failures
 * the offline network explains do not count; it resumes the moment `online`
 * fires. Never PUTs to a URL past its expiry (see url-expiry.ts). Throws
 * RecorderError `upload-url-expired` for an expired or used URL (before any
 * attempt when the URL says so) and `upload-failed` otherwise.
 */
export async function uploadRecording(url: string, body: Blob, options: UploadOptions = {}): Promise<void> {
  const maxAttempts = options.maxAttempts ?? 5;
  const now = options.now ?? Date.now;
  for (let attempt = 1; ; ) {
    if (isOffline()) {
      options.onRetry?.(attempt, 0, 'offline');
      await whenOnline(options.signal);
    }
    // Checked before every attempt: a long offline wait or backoff can outlive the URL.
    if (isUrlExpired(url, now())) throw expired(undefined, 'upload URL past its expiry');
    const result = await putOnce(url, body, options);
    if (result.status >= 200 && result.status < 300) {
      options.onProgress?.(body.size, body.size);
      return;
    }
    // The connection went away under this attempt: wait for it rather than spend an attempt.
    if (result.status === 0 && isOffline()) continue;
    if (isExpiredUploadResponse(result.status, result.body, url, now())) {
      throw expired(result.status, `upload answered ${result.status || 'network error'} at the URL's expiry`);
    }
    const retryable = isRetryableStatus(result.status);
    if (!retryable || attempt >= maxAttempts) {
      throw new RecorderError(ERROR_CODES.uploadFailed, `upload answered ${result.status || 'network error'}`, {
        status: result.status,
      });
    }
    const maxMs = options.retryMaxMs ?? 30_000;
    const delayMs = Math.min(maxMs, retryAfterMs(result.retryAfter) ?? backoffDelay(attempt, options.retryBaseMs ?? 1000, maxMs));
    options.onRetry?.(attempt, delayMs, result.status ? `HTTP ${result.status}` : result.body || 'network error');
    await sleep(delayMs, options.signal);
    attempt += 1;
  }
}
