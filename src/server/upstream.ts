/**
 * Calls to thymia: the API key in `x-api-key` and nowhere else, a timeout on
 * every attempt (body included), and retries for GETs only — on network
 * errors, 5xx and 429, with jittered exponential backoff that honours
 * `Retry-After`. A POST that creates a run is never retried: once it may have
 * reached thymia a second one would cost the host a second run.
 */
import { backoffDelay, retryAfterMs, sleep } from '../api/backoff.js';
import { HttpError } from './errors.js';
import type { ThymiaLogger } from './log.js';

/** thymia's regions (the integration guides' "Multi-region"). */
export const THYMIA_REGIONS = {
  default: 'https://api.thymia.ai',
  ca: 'https://ca.api.thymia.ai',
  us: 'https://us.api.thymia.ai',
} as const;
export type ThymiaRegion = keyof typeof THYMIA_REGIONS;

export interface UpstreamOptions {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  /** Per attempt, headers and body. */
  readonly timeoutMs: number;
  /** Further attempts for a GET. */
  readonly retries: number;
  readonly retryBaseMs: number;
  /** No single wait is longer; a Retry-After beyond it ends the retries. */
  readonly retryMaxMs: number;
  readonly log: ThymiaLogger;
}

export interface UpstreamAnswer {
  readonly status: number;
  readonly body: unknown;
}

const RETRYABLE = (status: number) => status === 429 || status >= 500;

class RetryableAnswer extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter: number | undefined,
  ) {
    super(`thymia answered ${status}`);
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * One call. Answers 2xx and 404 (a run that does not exist or whose data was
 * deleted) with their JSON; anything else becomes `upstream` (502) or
 * `timeout` (504), logged by status only.
 */
export async function callThymia(options: UpstreamOptions, method: 'GET' | 'POST', path: string, body?: unknown): Promise<UpstreamAnswer> {
  const attempts = method === 'GET' ? 1 + options.retries : 1;
  const started = Date.now();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await attemptOnce(options, method, path, body);
    } catch (error) {
      if (error instanceof HttpError) throw error;
      if (isTimeout(error)) {
        options.log({ level: 'warn', event: 'upstream.timeout', message: `thymia did not answer a ${method} within ${options.timeoutMs} ms`, durationMs: Date.now() - started });
        throw new HttpError('timeout', 'thymia did not answer in time; try again shortly.');
      }
      const status = error instanceof RetryableAnswer ? error.status : undefined;
      const wait = error instanceof RetryableAnswer && error.retryAfter !== undefined ? error.retryAfter : backoffDelay(attempt, options.retryBaseMs, options.retryMaxMs);
      if (attempt >= attempts || wait > options.retryMaxMs) {
        options.log({
          level: 'error',
          event: 'upstream.failed',
          message: status ? `thymia answered a ${method} with ${status}` : `thymia could not be reached (${method}, ${error instanceof Error ? error.name : 'error'})`,
          status,
          durationMs: Date.now() - started,
        });
        throw new HttpError('upstream', 'thymia is not answering properly; try again shortly.');
      }
      options.log({ level: 'warn', event: 'upstream.retry', message: `retrying a GET in ${wait} ms`, status });
      await sleep(wait);
    }
  }
}

async function attemptOnce(options: UpstreamOptions, method: 'GET' | 'POST', path: string, body: unknown): Promise<UpstreamAnswer> {
  const headers: Record<string, string> = { 'x-api-key': options.apiKey, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // A timer cleared as soon as the answer is read (not AbortSignal.timeout): a finished call then holds
  // nothing until its deadline, so memory stays flat under load.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('thymia did not answer in time', 'TimeoutError')), options.timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await options.fetch(`${options.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
      // Never follow: a redirect would carry the API key elsewhere ('error' is not in Workers' fetch; a 3xx is refused below).
      redirect: 'manual',
    });
    text = await response.text();
  } finally {
    clearTimeout(timer);
  }
  if (RETRYABLE(response.status)) throw new RetryableAnswer(response.status, retryAfterMs(response.headers.get('retry-after')));
  if (!response.ok && response.status !== 404) {
    // 401/403: the key; 422: a request thymia refused. The host must look; the browser can do nothing.
    options.log({ level: 'error', event: 'upstream.refused', message: `thymia refused a ${method} request`, status: response.status });
    throw new HttpError('upstream', 'thymia refused the request.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (response.status === 404) return { status: 404, body: undefined };
    options.log({ level: 'error', event: 'upstream.not-json', message: `thymia answered a ${method} with something other than JSON`, status: response.status });
    throw new HttpError('upstream', 'thymia answered with something other than JSON.');
  }
  return { status: response.status, body: json };
}
