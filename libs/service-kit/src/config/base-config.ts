import { Type } from '@sinclair/typebox';

/** Log levels pino understands, most to least verbose. */
export const LogLevel = Type.Union(
  ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'].map((level) => Type.Literal(level)),
  { default: 'info' },
);

/** Variables every service reads; spread into the service's own `Type.Object({...baseConfigFields, ...})`. */
export const baseConfigFields = {
  HTTP_HOST: Type.String({ default: '127.0.0.1', minLength: 1 }),
  HTTP_PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 3000 }),
  LOG_LEVEL: LogLevel,
  DATABASE_URL: Type.String({ pattern: '^postgres(ql)?://' }),
  DATABASE_POOL_MAX: Type.Integer({ minimum: 1, default: 10 }),
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** Zipkin's /api/v2/spans (the local trace viewer; Zipkin takes no OTLP). The OpenTelemetry variable name. */
  OTEL_EXPORTER_ZIPKIN_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** Hard limit for a graceful shutdown before the process is killed. */
  SHUTDOWN_GRACE_MS: Type.Integer({ minimum: 0, default: 10_000 }),
  /** Time /readyz reports 503 before the server stops accepting, so load balancers stop routing first. */
  SHUTDOWN_DRAIN_DELAY_MS: Type.Integer({ minimum: 0, default: 0 }),
};

/** The base config schema on its own, for services with nothing to add. */
export const baseConfigSchema = Type.Object(baseConfigFields);

/** Services with rate-limited public routes: the Redis holding the counters and the default limit. */
export const rateLimitConfigFields = {
  REDIS_URL: Type.String({ pattern: '^rediss?://', default: 'redis://127.0.0.1:6379' }),
  /** Requests one client may make to the public routes per window. */
  PUBLIC_RATE_LIMIT_MAX: Type.Integer({ minimum: 1, default: 600 }),
  PUBLIC_RATE_LIMIT_WINDOW_MS: Type.Integer({ minimum: 1000, default: 60_000 }),
};

/**
 * Services that accept partner API keys: they check each key at identity's internal introspection
 * endpoint with the shared service-to-service token. Without a token, API keys are refused (401).
 */
export const partnerApiKeyConfigFields = {
  IDENTITY_INTROSPECTION_URL: Type.String({
    pattern: '^https?://',
    default: 'http://127.0.0.1:3001/internal/v1/api-keys/introspect',
  }),
  INTERNAL_API_TOKEN: Type.Optional(Type.String({ minLength: 32 })),
};

/**
 * Proxies in front of the service whose X-Forwarded-For entries are believed (the ingress: 1). Counting
 * hops, rather than trusting the header wholesale, takes the address the nearest proxy saw, so a client
 * cannot pick its own IP for rate limits and lockouts by sending the header itself.
 */
export const trustProxyHops = Type.Integer({ minimum: 0, maximum: 10, default: 1 });

/**
 * Addresses those proxies connect from (comma-separated CIDRs, or loopback, linklocal, uniquelocal); a peer
 * outside them is the client itself and its X-Forwarded-For is ignored, so a caller reaching the service
 * directly (another pod, a port-forward) cannot pick its IP either. Default: the local ingress on loopback.
 */
export const trustedProxies = Type.String({
  pattern: '^[0-9A-Za-z.:/, ]*$',
  default: 'loopback',
  description: 'CIDRs or loopback/linklocal/uniquelocal, comma-separated; empty = trust no proxy',
});
