import { ERROR_CODES, RecorderError } from '../errors.js';
import { mergeHeaders } from './http.js';
import { SessionResponseSchema, type SessionResponse } from './schemas.js';

/**
 * What the element `POST`s to `session-url`. The times are local wall-clock
 * times without a zone (`localIsoTime`), as thymia's `recordingTime`,
 * `sleepTime` and `wakeTime` expect; the host passes them on to thymia.
 */
export interface SessionBody {
  readonly model: string;
  /** When the (first) recording started. */
  readonly recordingTime?: string;
  /** When the person last fell asleep, if `ask-sleep` collected it. */
  readonly sleepTime?: string;
  /** When the person last woke up, if `ask-sleep` collected it. */
  readonly wakeTime?: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * `2026-11-23T09:41:07`: the local wall-clock time, to the second, with no
 * zone — thymia reads the time of day as the person lived it.
 */
export function localIsoTime(date: Date): string {
  return (
    `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** The body as JSON, without the fields nobody supplied. */
function bodyJson(body: SessionBody): string {
  const { model, recordingTime, sleepTime, wakeTime } = body;
  return JSON.stringify({ model, recordingTime, sleepTime, wakeTime });
}

/**
 * Asks the host backend for fresh upload URLs right before upload: thymia's
 * pre-signed URLs live one hour, so minting them at page load is fragile.
 */
export async function mintSession(
  url: string,
  body: SessionBody,
  init: RequestInit = {},
  signal?: AbortSignal,
): Promise<SessionResponse> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      method: 'POST',
      headers: mergeHeaders({ 'Content-Type': 'application/json', Accept: 'application/json' }, init.headers),
      body: bodyJson(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new RecorderError(ERROR_CODES.uploadFailed, 'session request failed', { cause: error });
  }
  if (!response.ok) {
    throw new RecorderError(ERROR_CODES.uploadFailed, `session answered ${response.status}`, { status: response.status });
  }
  const parsed = SessionResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new RecorderError(ERROR_CODES.missingConfig, 'session response not understood');
  return parsed.data;
}
