import { connectRateLimitRedis } from '@portfolioos/service-kit';
import type { ServiceDefinition } from '@portfolioos/service-runtime';
import { buildSearchApp } from './app.js';
import type { Config } from './config.js';
import { migrationsFolder } from './db/database.js';
import { checkElasticsearch, createElasticsearch } from './elasticsearch/create-elasticsearch.js';
import { createListingsIndexer } from './indexer/listings-indexer.js';
import { ensureListingsIndex } from './listings-index/listings-index.js';

/** The search process: Elasticsearch (the index behind its alias), the rate-limit Redis, the indexer. */
export function searchService(config: Config): ServiceDefinition<Config> {
  const es = createElasticsearch(config.ELASTICSEARCH_URL);
  return {
    name: 'search',
    version: '0.1.0',
    config,
    migrationsFolder,
    async build(rt) {
      rt.resource('elasticsearch', es, (client) => client.close());
      await ensureListingsIndex(es, config.LISTINGS_INDEX_ALIAS);
      const rateLimitRedis = rt.resource('redis', connectRateLimitRedis(config.REDIS_URL), (redis) =>
        redis.quit(),
      );
      return buildSearchApp(config, {
        es,
        rateLimitRedis,
        logger: rt.logger,
        readiness: { ...rt.readiness, elasticsearch: () => checkElasticsearch(es) },
      });
    },
    consumers: (rt) =>
      config.INDEXER_ENABLED
        ? [
            createListingsIndexer({
              kafkaBrokers: rt.backbone.brokers,
              schemaRegistryUrl: rt.backbone.schemaRegistryUrl,
              listingsTopic: config.LISTINGS_TOPIC,
              groupId: config.INDEXER_GROUP_ID,
              alias: config.LISTINGS_INDEX_ALIAS,
              chunkSize: config.INDEXER_CHUNK_SIZE,
              db: rt.database.db,
              es,
              logger: rt.backbone.logger,
              metrics: rt.backbone.metrics,
            }),
          ]
        : [],
  };
}
