import { ERROR_CODES, RecorderError } from '../errors.js';
import { baseMimeType } from '../capture/mime.js';
import { backoffDelay, retryAfterMs, sleep } from './backoff.js';

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
}

interface AttemptResult {
  readonly status: number;
  readonly body: string;
  readonly retryAfter: string | null;
}

/** S3 answers an expired or re-used pre-signed URL with 403 AccessDenied. */
export function isExpiredUploadResponse(status: number, body: string): boolean {
  return status === 403 || (status === 400 && /expired/i.test(body));
}

function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
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
 * fires. Throws RecorderError `upload-url-expired` for an expired/used URL
 * and `upload-failed` otherwise.
 */
export async function uploadRecording(url: string, body: Blob, options: UploadOptions = {}): Promise<void> {
  const maxAttempts = options.maxAttempts ?? 5;
  for (let attempt = 1; ; ) {
    if (isOffline()) {
      options.onRetry?.(attempt, 0, 'offline');
      await whenOnline(options.signal);
    }
    const result = await putOnce(url, body, options);
    if (result.status >= 200 && result.status < 300) {
      options.onProgress?.(body.size, body.size);
      return;
    }
    if (isExpiredUploadResponse(result.status, result.body)) {
      throw new RecorderError(ERROR_CODES.uploadUrlExpired, `upload answered ${result.status}`, { status: result.status });
    }
    const retryable = isRetryableStatus(result.status);
    // The connection went away under this attempt: wait for it rather than spend an attempt.
    if (retryable && result.status === 0 && isOffline()) continue;
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
