/**
 * When a pre-signed upload URL stops working, read from the URL itself. No
 * request is needed: every common signing scheme writes its lifetime into
 * the query. A store answers a PUT to an expired URL with a 403 that may
 * carry no CORS headers, which the page sees only as a network error — so
 * the element decides from the URL, not from the answer.
 */

/** A URL with less than this left is not started on: it may lapse in flight, and clocks drift. */
export const EXPIRY_MARGIN_MS = 30_000;

/**
 * After a failed attempt, a URL this close to its expiry (by our clock) is
 * taken to have expired: the device clock may be behind the store's, and
 * the store's refusal is unreadable.
 */
export const EXPIRY_SKEW_MS = 120_000;

/** `20261123T094107Z`, the basic ISO 8601 form SigV4 and Google's V4 signing use. */
function basicIsoUtc(value: string | null): number | undefined {
  const match = value?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2026-02-31 over into March: a date that does not round-trip is not a date.
  return new Date(time).getUTCDate() === day && new Date(time).getUTCHours() === hour ? time : undefined;
}

function seconds(value: string | null): number | undefined {
  if (!value || !/^\d{1,10}$/.test(value)) return undefined;
  return Number(value);
}

/** A signed date plus a lifetime in seconds, as SigV4 (`X-Amz-`) and Google V4 (`X-Goog-`) write them. */
function signedPlusLifetime(query: URLSearchParams, prefix: 'X-Amz-' | 'X-Goog-'): number | undefined {
  const signedAt = basicIsoUtc(query.get(`${prefix}Date`));
  const lifetime = seconds(query.get(`${prefix}Expires`));
  return signedAt === undefined || lifetime === undefined ? undefined : signedAt + lifetime * 1000;
}

/**
 * The moment (ms since the epoch) a pre-signed URL expires, or `undefined`
 * when it does not say: `X-Amz-Date` + `X-Amz-Expires` (S3 SigV4),
 * `X-Goog-Date` + `X-Goog-Expires` (Cloud Storage V4), or `Expires` in epoch
 * seconds (S3 SigV2, Cloud Storage V2, CloudFront). Relative URLs are fine.
 */
export function urlExpiresAt(url: string): number | undefined {
  let query: URLSearchParams;
  try {
    query = new URL(url, 'http://relative.invalid').searchParams;
  } catch {
    return undefined;
  }
  const epoch = seconds(query.get('Expires'));
  return signedPlusLifetime(query, 'X-Amz-') ?? signedPlusLifetime(query, 'X-Goog-') ?? (epoch === undefined ? undefined : epoch * 1000);
}

/**
 * True when the URL says it has expired at `now`, or will within `marginMs`.
 * A URL that carries no expiry is never called expired.
 */
export function isUrlExpired(url: string, now: number = Date.now(), marginMs: number = EXPIRY_MARGIN_MS): boolean {
  const expiresAt = urlExpiresAt(url);
  return expiresAt !== undefined && now + marginMs >= expiresAt;
}
