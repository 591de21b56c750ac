import fastifyRateLimit from '@fastify/rate-limit';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import { ProblemError } from '../errors/problem.js';
import type { ServicePlugin } from '../app/build-app.js';

export interface RateLimitOptions {
  /** Shared counters, so every replica of a service enforces one limit per client. */
  redis: Redis;
  /** Key namespace, e.g. `listings:search:`; keep services apart on a shared Redis. */
  namespace: string;
  /** Requests allowed per client per window, unless a route sets its own `config.rateLimit.max`. */
  max: number;
  windowMs: number;
}

/** Config fields for a service with rate-limited public routes (spread into its config schema). */
export const rateLimitConfigFields = {
  REDIS_URL: Type.String({ pattern: '^rediss?://', default: 'redis://127.0.0.1:6379' }),
  PUBLIC_RATE_LIMIT_MAX: Type.Integer({ minimum: 1, default: 600 }),
  PUBLIC_RATE_LIMIT_WINDOW_MS: Type.Integer({ minimum: 1000, default: 60_000 }),
};

/**
 * Per-client request limits kept in Redis. Opt-in per route with `config: { rateLimit: {} }` (or
 * `{ max, timeWindow }` to override). The client is `request.ip`, so behind the ingress the service
 * must run with trustProxy. When Redis is unreachable requests pass: public search staying up matters
 * more than its limit for the seconds Redis is away (readiness reports the outage).
 */
export function rateLimitPlugin(options: RateLimitOptions): ServicePlugin {
  return fp(async (app) => {
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
