import fastifyRateLimit from '@fastify/rate-limit';
import type { RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import type { ServicePlugin } from '../app/build-app.js';
import { ProblemError } from '../errors/problem.js';

export interface RateLimitOptions {
  /** Shared counters, so every replica of a service enforces one limit per client. */
  redis: Redis;
  /** Key namespace, e.g. `listings:public:`; keeps services apart on a shared Redis. */
  namespace: string;
  /** Requests allowed per client per window, unless a route sets its own `config.rateLimit.max`. */
  max: number;
  windowMs: number;
  /** Routes limited without declaring `config.rateLimit` themselves, e.g. every public route. */
  appliesTo?: (route: RouteOptions) => boolean;
}

/**
 * Per-client request limits kept in Redis. A route is limited when it declares `config: { rateLimit: {} }`
 * (or `{ max, timeWindow }` to override) or when `appliesTo` selects it. The client is `request.ip`, so
 * behind the ingress the service must run with trustProxy. When Redis is unreachable requests pass: public
 * search staying up matters more than its limit for the seconds Redis is away.
 */
export function rateLimitPlugin(options: RateLimitOptions): ServicePlugin {
  return fp(async (app) => {
    const { appliesTo } = options;
    // Added before the rate-limit plugin's own onRoute hook, which looks for `config.rateLimit`.
    if (appliesTo)
      app.addHook('onRoute', (route) => {
        if (route.config?.rateLimit === undefined && appliesTo(route))
          route.config = { ...route.config, rateLimit: {} };
      });
    await app.register(fastifyRateLimit, {
      global: false,
      redis: options.redis,
      nameSpace: options.namespace,
      max: options.max,
      timeWindow: options.windowMs,
      skipOnError: true,
      errorResponseBuilder: (_request, context) =>
        new ProblemError({
          status: 429,
          slug: 'rate-limited',
          title: 'Too Many Requests',
          detail: `Rate limit of ${context.max} requests exceeded; retry in ${context.after}.`,
          extensions: { retry_after_seconds: Math.ceil(context.ttl / 1000) },
        }),
    });
  });
}

/**
 * The rate-limit plugin from a service's `rateLimitConfigFields`, as a list for buildApp's external tier:
 * empty without a Redis client (tests that do not exercise the limit).
 */
export function configuredRateLimit(
  config: { PUBLIC_RATE_LIMIT_MAX: number; PUBLIC_RATE_LIMIT_WINDOW_MS: number },
  redis: Redis | undefined,
  options: { namespace: string; appliesTo: (route: RouteOptions) => boolean },
): ServicePlugin[] {
  if (!redis) return [];
  const limit = { max: config.PUBLIC_RATE_LIMIT_MAX, windowMs: config.PUBLIC_RATE_LIMIT_WINDOW_MS };
  return [rateLimitPlugin({ redis, ...limit, ...options })];
}

/** Selects the routes that declare `config.auth.public` (anonymous callers, so limited per client). */
export const publicRoutes = (route: RouteOptions): boolean => route.config?.auth?.public === true;

/**
 * The Redis client for rate-limit counters. Commands fail at once while Redis is away (no offline queue,
 * no retries), so a Redis outage lets requests through instead of holding them.
 */
export function connectRateLimitRedis(url: string): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 2000 });
  // Connection errors are retried by ioredis in the background; each failed command is skipped above.
  redis.on('error', () => {});
  return redis;
}
