import type { Redis } from 'ioredis';
import type { JWTVerifyGetKey } from 'jose';
import {
  authPlugin,
  buildApp,
  configuredRateLimit,
  partnerApiKeys,
  type ApiKeyCache,
  publicRoutes,
  remoteJwks,
  type AppLogger,
  type ReadinessChecks,
  type ServiceApp,
} from '@portfolioos/service-kit';
import type { Config } from './config.js';
import type { ListingsDb } from './db/database.js';
import { listingRoutes } from './listings/routes.js';
import { ListingService } from './listings/service.js';
import { propertyRoutes } from './properties/routes.js';
import { PropertyService } from './properties/service.js';
import { publishedListingRoutes } from './search/published-listing-routes.js';
import { searchRoutes } from './search/routes.js';
import { ListingSearch } from './search/search-service.js';
import { propertyUnitRoutes, unitRoutes } from './units/routes.js';
import { UnitService } from './units/service.js';

/** What the listings app runs on; server.ts opens them, tests pass their own. */
export interface ListingsDeps {
  db: ListingsDb;
  /** Keys that verify identity's access tokens; defaults to identity's JWKS at JWKS_URL (cached). */
  verificationKeys?: JWTVerifyGetKey;
  logger?: AppLogger;
  readiness?: ReadinessChecks;
  /** Counters for the per-client limit on the public (anonymous) routes; no limit without it. */
  rateLimitRedis?: Redis;
  /** Recent API key answers (the runtime's, kept true by revocation events); every key introspected without. */
  apiKeyCache?: ApiKeyCache;
}

/** Builds (never listens) the listings service's Fastify app. */
export async function buildListingsApp(config: Config, deps: ListingsDeps): Promise<ServiceApp> {
  const units = new UnitService(deps.db);
  return buildApp({
    name: 'listings',
    version: '0.1.0',
    logger: deps.logger ?? { level: config.LOG_LEVEL },
    openapi: {
      title: 'PortfolioOS listings',
      description: 'Properties, units, listings, and the public map search.',
    },
    trustProxy: { hops: config.TRUST_PROXY_HOPS, proxies: config.TRUSTED_PROXIES },
    readiness: deps.readiness ?? {},
    plugins: {
      external: [
        authPlugin({
          accessTokens: {
            keys: deps.verificationKeys ?? remoteJwks(config.JWKS_URL),
            issuer: config.JWT_ISSUER,
            audience: config.JWT_AUDIENCE,
          },
          apiKeys: partnerApiKeys(config, deps.apiKeyCache),
        }),
        // The public map search is anonymous, so it is limited per client address.
        ...configuredRateLimit(config, deps.rateLimitRedis, {
          namespace: 'listings:public:',
          appliesTo: publicRoutes,
        }),
      ],
      routes: [
        { plugin: propertyRoutes(new PropertyService(deps.db)), prefix: '/v1/properties' },
        { plugin: propertyUnitRoutes(units), prefix: '/v1/properties' },
        { plugin: unitRoutes(units), prefix: '/v1/units' },
        {
          plugin: searchRoutes(new ListingSearch(deps.db, config.SEARCH_MAX_LIMIT)),
          prefix: '/v1/listings',
        },
        { plugin: publishedListingRoutes(deps.db), prefix: '/v1/listings' },
        { plugin: listingRoutes(new ListingService(deps.db)), prefix: '/v1/listings' },
      ],
    },
  });
}
