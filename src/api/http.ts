/** HTTP details shared by every request the element makes to the host and to storage. */

/**
 * The element's own headers, then the host's (`statusRequestInit.headers`)
 * over them. One `Headers` object, so `Accept` and `accept` cannot both go out.
 */
export function mergeHeaders(defaults: HeadersInit, overrides: HeadersInit | undefined): Headers {
  const merged = new Headers(defaults);
  new Headers(overrides ?? {}).forEach((value, name) => merged.set(name, value));
  return merged;
}

/** Worth asking again: no answer at all (0), a timeout (408), too many requests (429), a server error (5xx). */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}
