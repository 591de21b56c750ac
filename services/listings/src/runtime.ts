import { connectRateLimitRedis } from '@portfolioos/service-kit';
import type { ServiceDefinition } from '@portfolioos/service-runtime';
import { buildListingsApp } from './app.js';
import type { Config } from './config.js';
import { migrationsFolder } from './db/database.js';
import { createLeaseConsumer } from './leasing/lease-consumer.js';
import { listingsEvents } from './outbox.js';

/** The listings process: its database, the rate-limit Redis, the outbox relay and the leasing consumer. */
export function listingsService(config: Config): ServiceDefinition<Config> {
  return {
    name: 'listings',
    version: '0.1.0',
    config,
    migrationsFolder,
    publishes: listingsEvents,
    async build(rt) {
      const rateLimitRedis = rt.resource('redis', connectRateLimitRedis(config.REDIS_URL), (redis) =>
        redis.quit(),
      );
      return buildListingsApp(config, {
        db: rt.database.db,
        rateLimitRedis,
        apiKeyCache: rt.apiKeyCache(),
        logger: rt.logger,
        readiness: rt.readiness,
      });
    },
    consumers: (rt) =>
      config.LEASING_CONSUMER_ENABLED
        ? [
            createLeaseConsumer({
              kafkaBrokers: rt.backbone.brokers,
              schemaRegistryUrl: rt.backbone.schemaRegistryUrl,
              leasesTopic: config.LEASES_TOPIC,
              groupId: config.LEASING_GROUP_ID,
              db: rt.database.db,
              logger: rt.backbone.logger,
              metrics: rt.backbone.metrics,
            }),
          ]
        : [],
  };
}
