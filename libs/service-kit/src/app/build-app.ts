import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { installProblemHandlers } from '../errors/error-handler.js';
import { installHealthRoutes } from '../health/health-routes.js';
import type { ReadinessChecks } from '../health/readiness.js';
import { installDraining } from '../http/draining.js';
import { proxyTrustFunction, type ProxyTrust } from '../http/proxy-trust.js';
import { echoRequestId, generateRequestId } from '../http/request-id.js';
import { refuseMalformedText } from '../http/well-formed-text.js';
import { installSecurityHeaders, type ContentSecurityDirectives } from '../http/security-headers.js';
import { requireStrictBodies } from '../http/strict-body.js';
import { buildValidatorFactory } from '../http/validator-compiler.js';
import { fastifyOtelPlugin } from '../observability/fastify-otel.js';
import { createLogger, isLogger, type AppLogger } from '../observability/logger.js';
import { installMetrics } from '../observability/metrics.js';
import { RequestLogController } from '../observability/request-log-controller.js';
import { installOpenApi } from '../openapi/swagger.js';

/** The Fastify instance every service gets: TypeBox-typed routes. */
export type ServiceApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** A service plugin; wrap with fastify-plugin when its decorators must be visible to later tiers. */
export type ServicePlugin = FastifyPluginAsyncTypebox;

/** A plugin plus where to mount it (e.g. `{ plugin: leaseRoutes, prefix: '/v1/leases' }`). */
export type PluginEntry = ServicePlugin | { plugin: ServicePlugin; prefix?: string };

export interface BuildAppOptions {
  name: string;
  version: string;
  /**
   * The process's logger (the runtime's, shared with its Kafka clients); or options to make one (pino JSON at
   * `level` to `stream`, stdout by default); false silences logs (tests).
   */
  logger?: AppLogger;
  openapi?: { title?: string; description?: string; documentPath?: string };
  /**
   * Dependencies /readyz checks, by name (e.g. `{ postgres: () => pool.query('select 1') }`); wrap one in
   * `optionalCheck` when the service serves HTTP without it.
   */
  readiness?: ReadinessChecks;
  readinessTimeoutMs?: number;
  /** Registered in order: external (clients, db), app (domain services), then routes. */
  plugins?: { external?: PluginEntry[]; app?: PluginEntry[]; routes?: PluginEntry[] };
  bodyLimit?: number;
  /**
   * Behind the ingress, so request.ip is the client's: `{ hops, proxies }` from the config's TRUST_PROXY_HOPS
   * and TRUSTED_PROXIES. Only this form: a bare hop count would believe X-Forwarded-For from any peer, so
   * a caller reaching the service directly could pick its own address for rate limits and lockouts.
   */
  trustProxy?: ProxyTrust;
  /** The Content-Security-Policy, replacing the API's (which allows the /docs page and nothing else). */
  contentSecurityPolicy?: ContentSecurityDirectives;
}

/** Builds (never listens) a service's Fastify app with the platform conventions of ARCHITECTURE.md §3 and §7. */
export async function buildApp(options: BuildAppOptions): Promise<ServiceApp> {
  const logger =
    options.logger === false
      ? undefined
      : isLogger(options.logger)
        ? options.logger
        : createLogger(options, options.logger);
  const app = Fastify({
    ...(logger ? { loggerInstance: logger as FastifyBaseLogger } : { logger: false }),
    logController: new RequestLogController(),
    genReqId: generateRequestId,
    requestIdHeader: false,
    schemaController: { compilersFactory: { buildValidator: buildValidatorFactory() } },
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: trustedProxies(options.trustProxy),
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Before anything else, so every later hook and route is wrapped in the request span.
  await app.register(fastifyOtelPlugin());
  installProblemHandlers(app);
  await installSecurityHeaders(app, options.contentSecurityPolicy);
  echoRequestId(app);
  requireStrictBodies(app);
  refuseMalformedText(app);
  installMetrics(app, { service: options.name });
  await installOpenApi(app, {
    title: options.openapi?.title ?? options.name,
    version: options.version,
    ...(options.openapi?.description ? { description: options.openapi.description } : {}),
    ...(options.openapi?.documentPath ? { documentPath: options.openapi.documentPath } : {}),
  });
  installDraining(app);
  installHealthRoutes(app, {
    checks: options.readiness ?? {},
    timeoutMs: options.readinessTimeoutMs ?? 2000,
  });

  for (const tier of [options.plugins?.external, options.plugins?.app, options.plugins?.routes]) {
    for (const entry of tier ?? []) {
      if (typeof entry === 'function') await app.register(entry);
      else await app.register(entry.plugin, entry.prefix ? { prefix: entry.prefix } : {});
    }
  }
  return app;
}

// No setting: no proxy is believed (tests, a service answering clients directly).
function trustedProxies(
  setting: BuildAppOptions['trustProxy'],
): false | ((address: string, hop: number) => boolean) {
  return setting ? proxyTrustFunction(setting) : false;
}
