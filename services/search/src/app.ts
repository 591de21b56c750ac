import type { Client } from '@elastic/elasticsearch';
import type { Redis } from 'ioredis';
import {
  buildApp,
  configuredRateLimit,
  type AppLogger,
  type ReadinessChecks,
  type ServiceApp,
} from '@portfolioos/service-kit';
import type { Config } from './config.js';
import { ListingsSearch } from './search/listings-search.js';
import { keepAliveMillis, PitBudget } from './search/pit-budget.js';
import { searchRoutes } from './search/routes.js';

/** What the search app runs on; server.ts opens them, tests pass their own. */
export interface SearchDeps {
  es: Client;
  logger?: AppLogger;
  readiness?: ReadinessChecks;
  /** Counters for the per-client limit on the search routes; no limit without it. */
  rateLimitRedis?: Redis;
}

/**
 * Builds (never listens) the search service's Fastify app. Every route is public — search shows only
 * ACTIVE listings, which are public by definition — so there is no auth plugin.
 */
export async function buildSearchApp(config: Config, deps: SearchDeps): Promise<ServiceApp> {
  const pits = new PitBudget({
    perClient: config.SEARCH_PIT_MAX_PER_CLIENT,
    total: config.SEARCH_PIT_MAX_OPEN,
    keepAliveMs: keepAliveMillis(config.SEARCH_PIT_KEEP_ALIVE),
  });
  const listings = new ListingsSearch(
    deps.es,
    {
      alias: config.LISTINGS_INDEX_ALIAS,
      pitKeepAlive: config.SEARCH_PIT_KEEP_ALIVE,
      exactFacetsLimit: config.SEARCH_EXACT_FACETS_LIMIT,
    },
    pits,
  );
  return buildApp({
    name: 'search',
    version: '0.1.0',
    logger: deps.logger ?? { level: config.LOG_LEVEL },
    openapi: {
      title: 'PortfolioOS search',
      description: 'Public listing search: full text, map areas, filters, facets and clusters.',
    },
    trustProxy: { hops: config.TRUST_PROXY_HOPS, proxies: config.TRUSTED_PROXIES },
    readiness: deps.readiness ?? {},
    plugins: {
      // Every search route is anonymous, so each is limited per client address.
      external: configuredRateLimit(config, deps.rateLimitRedis, {
        namespace: 'search:public:',
        appliesTo: (route) => route.url.startsWith('/v1/search'),
      }),
      routes: [{ plugin: searchRoutes(listings), prefix: '/v1/search' }],
    },
  });
}
