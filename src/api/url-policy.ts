import { ERROR_CODES, RecorderError } from '../errors.js';

/**
 * The element sends the person's voice to the URLs a page gives it. Only
 * `https:` may leave the device; plain `http:` is allowed where nothing
 * travels over an open network: the page's own origin (its own backend, a
 * dev server) and loopback hosts. `javascript:`, `data:`, `blob:` and other
 * schemes are never fetched.
 */

/** Hosts that never leave the machine (RFC 6761 `localhost`, 127.0.0.0/8, `[::1]`). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]') return true;
  // The URL parser has already normalised IPv4 (e.g. `0x7f.1` → `127.0.0.1`).
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** What `fetch` resolves relative URLs against: the document's base URL (also right in `srcdoc` frames). */
function pageBase(): string {
  return globalThis.document?.baseURI ?? globalThis.location?.href ?? 'about:blank';
}

/** The URL, resolved against the page, when the policy above allows it; otherwise undefined. */
export function allowedUrl(value: string, pageUrl: string | URL = pageBase()): URL | undefined {
  let url: URL;
  let page: URL;
  try {
    page = new URL(pageUrl);
    url = new URL(value.trim(), page);
  } catch {
    return undefined;
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol !== 'http:') return undefined;
  if (url.origin === page.origin || isLoopbackHost(url.hostname)) return url;
  return undefined;
}

/**
 * Checks one URL attribute. Returns the absolute URL, or throws a
 * `missing-config` RecorderError whose message names the attribute, so the
 * page author sees which attribute to fix and no request is made with it.
 */
export function checkUrl(value: string, attributeName: string, pageUrl: string | URL = pageBase()): string {
  const url = value.trim() ? allowedUrl(value, pageUrl) : undefined;
  if (url) return url.href;
  throw new RecorderError(
    ERROR_CODES.missingConfig,
    `${attributeName} must be an https: URL, or http: on this page's origin or a loopback host`,
    { reason: 'url-not-allowed', attribute: attributeName },
  );
}
