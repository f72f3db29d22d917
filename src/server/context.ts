/**
 * What every route is handed: the request, its path parameters, the
 * resolved configuration, and `authorize()` — the host's hook, run at most
 * once per request, validated, and followed by the optional rate limit.
 */
import type { CorsPolicy } from './cors.js';
import type { ThymiaLogger } from './log.js';
import type { ThymiaStore } from './store.js';
import type { Authorization, ResultsPolicy, UserDetails } from './thymia-requests.js';
import type { Tokens } from './token.js';
import type { UpstreamOptions } from './upstream.js';

/** An authorization that passed the schema. */
export interface ValidAuthorization extends Authorization {
  readonly user: UserDetails;
  readonly results?: ResultsPolicy;
}

/** The optional rate limit's verdict: anything but an object with `retryAfter` lets the request through. */
export type RateLimitVerdict = { readonly retryAfter: number } | null | undefined | void | false;

export interface HandlerConfig {
  readonly basePath: string;
  readonly upstream: UpstreamOptions;
  readonly tokens: Tokens;
  readonly cors: CorsPolicy;
  readonly log: ThymiaLogger;
  readonly authorize: (request: Request) => Promise<Authorization | null | undefined> | Authorization | null | undefined;
  readonly rateLimit?: (request: Request, authorization: ValidAuthorization) => Promise<RateLimitVerdict> | RateLimitVerdict;
  readonly questionnaireTypes?: readonly string[];
  readonly store?: ThymiaStore;
  readonly retentionDays?: number;
}

export interface RouteContext {
  readonly request: Request;
  readonly url: URL;
  /** The route pattern's capture groups. */
  readonly params: readonly string[];
  readonly config: HandlerConfig;
  /** The signed-in person (401 when `authorize` answers null or throws; 429 from `rateLimit`). */
  authorize(): Promise<ValidAuthorization>;
}

export type RouteHandler = (context: RouteContext) => Promise<Response>;

/** One row of the route table: a path under `basePath` and a handler per method. */
export interface Route {
  readonly path: RegExp;
  readonly methods: Readonly<Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', RouteHandler>>>;
}
