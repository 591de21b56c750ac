export {
  accessTokenClaimConfigFields,
  accessTokenConfigFields,
  baseConfigFields,
  baseConfigSchema,
  ConfigError,
  docusignConfigFields,
  eventBackboneConfigFields,
  objectStorageConfigFields,
  sendgridConfigFields,
  stripeConfigFields,
  twilioConfigFields,
  LogLevel,
  loadConfig,
  partnerApiKeyConfigFields,
  rateLimitConfigFields,
  trustedProxies,
  trustProxyHops,
} from './config/index.js';

export {
  badRequest,
  conflict,
  forbidden,
  notFound,
  PROBLEM_BASE_URI,
  ProblemError,
  problemFieldErrorSchema,
  problemSchema,
  unauthorized,
  unprocessable,
  type Problem,
  type ProblemFieldError,
  type ProblemInit,
} from './errors/problem.js';
export { PROBLEM_CONTENT_TYPE, problemForStatus, sendProblem } from './errors/problem-reply.js';

export { REQUEST_ID_HEADER } from './http/request-id.js';
export type { ProxyTrust } from './http/proxy-trust.js';
export { strictObject } from './http/strict-object.js';
export { taggedUnion } from './http/tagged-union.js';
export {
  configuredRateLimit,
  connectRateLimitRedis,
  publicRoutes,
  rateLimitPlugin,
  type RateLimitOptions,
} from './http/rate-limit.js';

export {
  optionalCheck,
  type CheckResult,
  type OptionalReadinessCheck,
  type ReadinessCheck,
  type ReadinessChecks,
} from './health/readiness.js';
export { createLogger, type AppLogger, type LoggerOptions } from './observability/logger.js';
// startTelemetry lives in '@portfolioos/service-kit/telemetry' so it can run before this entry loads Fastify.
export type { Telemetry, TelemetryOptions } from './observability/telemetry.js';

export { requestStringsWithoutRules } from './openapi/input-rules.js';

export { decodeCursor, encodeCursor } from './pagination/cursor.js';
export {
  cursorInstant,
  cursorInteger,
  cursorNumber,
  cursorUuid,
  isExactInstant,
  type InstantPrecision,
} from './pagination/cursor-fields.js';
export { page, paginationQuery } from './pagination/page-schemas.js';
export {
  creationOrderCursor,
  creationOrderPage,
  positionAfter,
  type CreationOrderPosition,
} from './pagination/creation-order.js';

export type { ContentSecurityDirectives } from './http/security-headers.js';
export {
  buildApp,
  type BuildAppOptions,
  type PluginEntry,
  type ServiceApp,
  type ServicePlugin,
} from './app/build-app.js';
export {
  runService,
  startService,
  type BackgroundWorker,
  type Resource,
  type RunningService,
  type RunServiceOptions,
  type StartServiceOptions,
} from './app/run-service.js';

export {
  ACCESS_TOKEN_ALGORITHM,
  ApiKeyCache,
  authorize,
  authPlugin,
  DEFAULT_PUBLIC_PATHS,
  partnerApiKeys,
  remoteApiKeys,
  remoteJwks,
  verifyAccessToken,
  type AccessTokenClaims,
  type AccessTokenVerifierOptions,
  type ApiKeyCacheOptions,
  type ApiKeyVerifier,
  type AuthPluginOptions,
  type AuthRequirement,
  type Principal,
  type PrincipalKind,
  type RemoteApiKeysOptions,
} from './auth/index.js';
