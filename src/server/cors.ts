/**
 * Same-origin by default. A state-changing request (anything but GET/HEAD/
 * OPTIONS) from a page of another site is refused (403): its `Origin` must
 * be the request's own host or one of `allowedOrigins`, and without an
 * Origin, `Sec-Fetch-Site` must not say cross-site. Origins in
 * `allowedOrigins` get CORS answers, with credentials (hosts authorize by
 * cookie) and a preflight that allows only the route's methods.
 */
import { HttpError } from './errors.js';

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];
const ALLOWED_HEADERS = 'Content-Type, Authorization';

export interface CorsPolicy {
  /** CORS headers for an answer to this request (empty for same-origin or unknown origins). */
  headersFor(request: Request): Record<string, string>;
  /** Throws 403 for a cross-site state-changing request. */
  checkOrigin(request: Request): void;
  /** The answer to an OPTIONS request on a route that allows `methods`. */
  preflight(request: Request, methods: readonly string[]): Response;
}

function normaliseOrigin(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.origin === 'null' ? undefined : url.origin;
  } catch {
    return undefined;
  }
}

export function createCors(allowedOrigins: readonly string[] = []): CorsPolicy {
  const allowed = new Set(allowedOrigins.map((origin) => normaliseOrigin(origin) ?? origin));

  /** The Origin header when it names another origin we allow. */
  function allowedCrossOrigin(request: Request): string | undefined {
    const origin = request.headers.get('origin');
    if (!origin) return undefined;
    const normal = normaliseOrigin(origin);
    return normal && allowed.has(normal) ? normal : undefined;
  }

  function sameHost(request: Request, origin: string): boolean {
    // The host only: behind a TLS-terminating proxy the request's own scheme may read http.
    try {
      return new URL(origin).host === new URL(request.url).host;
    } catch {
      return false;
    }
  }

  return {
    headersFor(request): Record<string, string> {
      const origin = allowedCrossOrigin(request);
      if (!origin) return allowed.size ? { Vary: 'Origin' } : {};
      return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' };
    },
    checkOrigin(request) {
      if (SAFE_METHODS.includes(request.method)) return;
      const origin = request.headers.get('origin');
      if (origin) {
        if (sameHost(request, origin) || allowedCrossOrigin(request)) return;
        throw new HttpError('forbidden', 'Requests from another site are refused.');
      }
      if (request.headers.get('sec-fetch-site') === 'cross-site') throw new HttpError('forbidden', 'Requests from another site are refused.');
    },
    preflight(request, methods) {
      const allow = [...methods, 'OPTIONS'].join(', ');
      const origin = request.headers.get('origin');
      const wanted = request.headers.get('access-control-request-method');
      if (!origin || !wanted) return new Response(null, { status: 204, headers: { Allow: allow } });
      const cross = allowedCrossOrigin(request);
      if (!cross && !sameHost(request, origin)) throw new HttpError('forbidden', 'Requests from another site are refused.');
      if (!methods.includes(wanted.toUpperCase())) throw new HttpError('method-not-allowed', `Use ${methods.join(' or ')}.`, { Allow: allow });
      return new Response(null, {
        status: 204,
        headers: {
          Allow: allow,
          'Access-Control-Allow-Origin': cross ?? origin,
          'Access-Control-Allow-Credentials': 'true',
          'Access-Control-Allow-Methods': methods.join(', '),
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': '600',
          Vary: 'Origin',
        },
      });
    },
  };
}
