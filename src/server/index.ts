/**
 * `thymia-recorder/server`: the host's backend half. Web APIs only (fetch,
 * Request, Response, crypto.subtle, URL): one build runs on Node ≥ 20, Bun,
 * Deno and Cloudflare Workers. Nothing here touches the DOM or the element.
 */
export { createThymiaHandler, type RouteFactory, type ThymiaHandler, type ThymiaHandlerOptions } from './handler.js';
export type { HandlerConfig, RateLimitVerdict, Route, RouteContext, RouteHandler, ValidAuthorization } from './context.js';
export { ERROR_STATUS, HttpError, jsonResponse, type ErrorCode } from './errors.js';
export type { ThymiaLogEntry, ThymiaLogger } from './log.js';
export { applyPolicy } from './policy.js';
export type { HistoryQuery, SaveOptions, StoredModel, StoredRun, ThymiaStore } from './store.js';
export {
  AuthorizationSchema,
  BIRTH_SEXES,
  LANGUAGE_CODES,
  RESULTS_POLICIES,
  type Authorization,
  type ResultsPolicy,
  type UserDetails,
} from './thymia-requests.js';
export { TOKEN_MODELS, type TokenModel } from './token.js';
export { THYMIA_REGIONS, type ThymiaRegion } from './upstream.js';
