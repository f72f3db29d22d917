/**
 * `createThymiaHandler(options)`: the host's backend half as one Web-standard
 * `(Request) => Promise<Response>`, for any runtime with `fetch`, `Request`,
 * `Response` and `crypto.subtle` (Node ≥ 20, Bun, Deno, Cloudflare Workers).
 * Routes live in a small table (`Route[]`); this file resolves the options,
 * finds the route, applies the origin policy and turns every failure into
 * the contract's JSON error.
 */
import { createCors } from './cors.js';
import type { HandlerConfig, RateLimitVerdict, Route, RouteContext, ValidAuthorization } from './context.js';
import { readEnv } from './env.js';
import { errorResponse, HttpError } from './errors.js';
import { historyRoute } from './history-routes.js';
import { defaultLogger, safeLogger, type ThymiaLogger } from './log.js';
import { sessionRoute } from './session-route.js';
import { statusRoute } from './status-route.js';
import type { ThymiaStore } from './store.js';
import { AuthorizationSchema, describeIssues, type Authorization } from './thymia-requests.js';
import { checkSecrets, createTokens, type TokenModel } from './token.js';
import { THYMIA_REGIONS, type ThymiaRegion } from './upstream.js';

export interface ThymiaHandlerOptions {
  /** Signs status tokens; ≥ 32 bytes. An array rotates keys: sign with the first, accept all. Default: THYMIA_SECRET. */
  readonly secret?: string | Uint8Array | readonly (string | Uint8Array)[];
  /** Who is asking: the signed-in person and thymia's details for them; null → 401. */
  readonly authorize: (request: Request) => Promise<Authorization | null | undefined> | Authorization | null | undefined;
  /** Default: THYMIA_API_KEY from the environment, where the runtime has one. */
  readonly apiKey?: string;
  /** Default: THYMIA_BASE_URL, else the region's URL. */
  readonly baseUrl?: string;
  /** thymia's data region when no baseUrl is given: `default` (https://api.thymia.ai), `ca` or `us`. */
  readonly region?: ThymiaRegion;
  /** Where the routes live. Default `/api/thymia`. */
  readonly basePath?: string;
  /** Other origins whose pages may call the routes (CORS with credentials). Default: none, same-origin only. */
  readonly allowedOrigins?: readonly string[];
  /** Optional: answer `{ retryAfter: seconds }` to refuse with 429 and `Retry-After`. */
  readonly rateLimit?: (request: Request, authorization: ValidAuthorization) => Promise<RateLimitVerdict> | RateLimitVerdict;
  /** Questionnaire types this site offers (agreed with thymia); others are refused. Default: any. */
  readonly questionnaireTypes?: readonly string[];
  /** How long a status link works. Default 24 h. */
  readonly tokenTtlSeconds?: number;
  /** Per attempt at thymia. Default 10 s. */
  readonly timeoutMs?: number;
  /** Further attempts for a status GET after a network error, 5xx or 429. Default 2. */
  readonly retries?: number;
  /** The longest single wait between attempts (a longer Retry-After ends the retries). Default 2 s. */
  readonly retryMaxMs?: number;
  /** For tests and special runtimes. Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Receives one entry per notable event; never personal data or secrets. Default: warnings and errors to the console. */
  readonly log?: ThymiaLogger;
  /** Keeps each completed run per person (history). Without it the handler is stateless. */
  readonly store?: ThymiaStore;
  /** With a store: runs older than this are erased when the person's next run is kept. */
  readonly retentionDays?: number;
  /** The clock tokens are signed and checked against (tests). Default `Date.now`. */
  readonly now?: () => number;
}

export interface ThymiaHandler {
  /** The whole API: `(request) => Promise<Response>`. */
  readonly fetch: (request: Request) => Promise<Response>;
  /** The same function, named for file-based routers (`export const { GET, POST } = thymia`). */
  readonly GET: (request: Request) => Promise<Response>;
  readonly POST: (request: Request) => Promise<Response>;
  readonly DELETE: (request: Request) => Promise<Response>;
  readonly OPTIONS: (request: Request) => Promise<Response>;
  readonly basePath: string;
  /** A status URL for a run the host created itself (e.g. a voice-agent call), for this person. */
  createStatusUrl(claims: { model: TokenModel; runId: string; subject: string }): Promise<string>;
}

function normaliseBasePath(path: string): string {
  const trimmed = `/${path}`.replace(/\/+/g, '/').replace(/\/$/, '');
  return trimmed;
}

/** The extra routes other modules add (history); each returns rows for the table. */
export type RouteFactory = (config: HandlerConfig) => readonly Route[];

export function createThymiaHandler(options: ThymiaHandlerOptions, extraRoutes: readonly RouteFactory[] = []): ThymiaHandler {
  if (typeof options?.authorize !== 'function') throw new TypeError('createThymiaHandler: `authorize` is required');
  const apiKey = options.apiKey ?? readEnv('THYMIA_API_KEY');
  if (!apiKey) throw new TypeError('createThymiaHandler: `apiKey` is required (or THYMIA_API_KEY in the environment)');
  const secrets = checkSecrets(options.secret ?? readEnv('THYMIA_SECRET'));
  const baseUrl = (options.baseUrl ?? readEnv('THYMIA_BASE_URL') ?? THYMIA_REGIONS[options.region ?? 'default']).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(baseUrl)) throw new TypeError('createThymiaHandler: `baseUrl` must be an http(s) URL');
  const basePath = normaliseBasePath(options.basePath ?? '/api/thymia');
  const log = safeLogger(options.log ?? defaultLogger);
  const config: HandlerConfig = {
    basePath,
    upstream: {
      apiKey,
      baseUrl,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      timeoutMs: options.timeoutMs ?? 10_000,
      retries: options.retries ?? 2,
      retryBaseMs: 250,
      retryMaxMs: options.retryMaxMs ?? 2_000,
      log,
    },
    tokens: createTokens(secrets, options.tokenTtlSeconds ?? 24 * 3600, options.now ?? Date.now),
    cors: createCors(options.allowedOrigins),
    log,
    authorize: options.authorize,
    rateLimit: options.rateLimit,
    questionnaireTypes: options.questionnaireTypes,
    store: options.store,
    retentionDays: options.retentionDays,
  };
  const routes: readonly Route[] = [
    sessionRoute,
    statusRoute,
    // Without a store the handler keeps nothing, and /history does not exist (404).
    ...(config.store ? [historyRoute] : []),
    ...extraRoutes.flatMap((factory) => factory(config)),
  ];

  function authorizeOnce(request: Request): () => Promise<ValidAuthorization> {
    let pending: Promise<ValidAuthorization> | undefined;
    return () => (pending ??= authorizeRequest(request));
  }

  async function authorizeRequest(request: Request): Promise<ValidAuthorization> {
    let result: unknown;
    try {
      result = await config.authorize(request);
    } catch (error) {
      log({ level: 'warn', event: 'authorize.threw', message: `authorize threw (${error instanceof Error ? error.name : 'error'}); answering 401` });
      result = null;
    }
    if (result === null || result === undefined) throw new HttpError('unauthenticated', 'Sign in first.');
    const parsed = AuthorizationSchema.safeParse(result);
    if (!parsed.success) {
      // The host's bug, not the person's: the issues name fields, never their values.
      log({ level: 'error', event: 'authorize.invalid', message: `authorize answered an invalid Authorization: ${describeIssues(parsed.error.issues)}` });
      throw new HttpError('internal', 'The server is not set up correctly.');
    }
    const authorization = parsed.data as ValidAuthorization;
    const verdict = await config.rateLimit?.(request, authorization);
    if (verdict && typeof verdict === 'object' && Number.isFinite(verdict.retryAfter)) {
      const seconds = Math.max(1, Math.ceil(verdict.retryAfter));
      throw new HttpError('rate-limited', 'Too many requests; try again shortly.', { 'Retry-After': String(seconds) });
    }
    return authorization;
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) throw new HttpError('not-found', 'No such route.');
    const path = url.pathname.slice(basePath.length);
    for (const row of routes) {
      const match = row.path.exec(path);
      if (!match) continue;
      const methods = Object.keys(row.methods);
      if (request.method === 'OPTIONS') return config.cors.preflight(request, methods);
      const handle = row.methods[request.method as keyof Route['methods']];
      if (!handle) throw new HttpError('method-not-allowed', `Use ${methods.join(' or ')}.`, { Allow: [...methods, 'OPTIONS'].join(', ') });
      config.cors.checkOrigin(request);
      const context: RouteContext = { request, url, params: match.slice(1), config, authorize: authorizeOnce(request) };
      return handle(context);
    }
    throw new HttpError('not-found', 'No such route.');
  }

  async function handle(request: Request): Promise<Response> {
    let response: Response;
    try {
      response = await route(request);
    } catch (error) {
      if (!(error instanceof HttpError)) {
        log({ level: 'error', event: 'internal', message: `unexpected ${error instanceof Error ? error.name : 'error'} while answering` });
      }
      response = errorResponse(error instanceof HttpError ? error : new HttpError('internal', 'Something went wrong on the server.'));
    }
    for (const [name, value] of Object.entries(config.cors.headersFor(request))) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    return response;
  }

  return {
    fetch: handle,
    GET: handle,
    POST: handle,
    DELETE: handle,
    OPTIONS: handle,
    basePath,
    async createStatusUrl(claims) {
      return `${basePath}/status/${await config.tokens.sign(claims)}`;
    },
  };
}
