import { Type, type Static } from '@sinclair/typebox';
import {
  baseConfigFields,
  eventBackboneConfigFields,
  loadConfig,
  rateLimitConfigFields,
  trustedProxies,
  trustProxyHops,
} from '@portfolioos/service-kit/config';

export const configSchema = Type.Object({
  ...baseConfigFields,
  ...eventBackboneConfigFields,
  ...rateLimitConfigFields,
  HTTP_PORT: Type.Integer({ minimum: 0, maximum: 65_535, default: 3003 }),
  ELASTICSEARCH_URL: Type.String({ pattern: '^https?://', default: 'http://127.0.0.1:9200' }),
  /** The alias every query and write goes through; versioned indices behind it are `<alias>_v<n>`. */
  LISTINGS_INDEX_ALIAS: Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]*$', default: 'listings' }),
  /** Snapshot topic the indexer reads (the catalog's; tests use their own). */
  LISTINGS_TOPIC: Type.String({ minLength: 1, default: 'listings.listing' }),
  /** Consumer group of the indexer; also its inbox consumer name and dead-letter topic prefix. */
  INDEXER_GROUP_ID: Type.String({ minLength: 1, default: 'search-indexer' }),
  /** Snapshots per Elasticsearch bulk request (and per inbox transaction) in the indexer. */
  INDEXER_CHUNK_SIZE: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }),
  /** Run the Kafka indexer in this process (off for a query-only replica). */
  INDEXER_ENABLED: Type.Boolean({ default: true }),
  /** How long a search's point in time outlives each page: the longest pause between pages a client gets. */
  SEARCH_PIT_KEEP_ALIVE: Type.String({ pattern: '^[1-9][0-9]{0,3}[smh]$', default: '2m' }),
  /**
   * Points in time one client address may hold open on one replica; a search past it pages the live
   * index. Ten covers a person with several tabs; an office behind one address degrades, never fails.
   */
  SEARCH_PIT_MAX_PER_CLIENT: Type.Integer({ minimum: 1, default: 10 }),
  /** Points in time one replica holds open in total (each pins segment readers in Elasticsearch). */
  SEARCH_PIT_MAX_OPEN: Type.Integer({ minimum: 1, default: 500 }),
  /**
   * Facets and map clusters are counted exactly up to this many matching listings; a search matching
   * more counts them on a random sample of about this many and scales the counts up (a continent at
   * zoom 4 would otherwise aggregate the whole index on every request).
   */
  SEARCH_EXACT_FACETS_LIMIT: Type.Integer({ minimum: 1, default: 25_000 }),
  TRUST_PROXY_HOPS: trustProxyHops,
  TRUSTED_PROXIES: trustedProxies,
});

export type Config = Static<typeof configSchema>;

/** Reads the search service's configuration once, at boot. */
export const readConfig = (env: NodeJS.ProcessEnv = process.env): Readonly<Config> =>
  loadConfig(configSchema, env);
