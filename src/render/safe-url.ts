/**
 * Links from a status or session response are data, not trusted markup:
 * only schemes that cannot run script in the page are ever put in an href
 * or an iframe src.
 */

/** Report links: `https:` only, as thymia serves them. */
export function httpsUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Activity links: `https:`, or any http(s) URL on the page's own origin (a
 * host proxy, or a local demo and test server).
 */
export function activityUrl(value: string | undefined, base = globalThis.location?.href): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    if (url.protocol === 'https:') return url.href;
    if (url.protocol === 'http:' && base && url.origin === new URL(base).origin) return url.href;
    return undefined;
  } catch {
    return undefined;
  }
}
