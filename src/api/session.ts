import { ERROR_CODES, RecorderError } from '../errors.js';
import { SessionResponseSchema, type SessionResponse } from './schemas.js';

/**
 * Asks the host backend for fresh upload URLs right before upload: thymia's
 * pre-signed URLs live one hour, so minting them at page load is fragile.
 */
export async function mintSession(
  url: string,
  model: string,
  init: RequestInit = {},
  signal?: AbortSignal,
): Promise<SessionResponse> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...Object.fromEntries(new Headers(init.headers ?? {})) },
      body: JSON.stringify({ model }),
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
