import type { ServiceDefinition } from '@portfolioos/service-runtime';
import { buildLeasingApp } from './app.js';
import type { Config } from './config.js';
import { migrationsFolder } from './db/database.js';
import { leasingEvents } from './outbox.js';
import { createUpstreamConsumer } from './upstream-consumer.js';

/** The leasing process: its database, the outbox relay and the upstream consumer. */
export function leasingService(config: Config): ServiceDefinition<Config> {
  return {
    name: 'leasing',
    version: '0.1.0',
    config,
    migrationsFolder,
    publishes: leasingEvents,
    build: async (rt) =>
      buildLeasingApp(config, { db: rt.database.db, logger: rt.logger, readiness: rt.readiness }),
    consumers: (rt) =>
      config.CONSUMERS_ENABLED
        ? [
            createUpstreamConsumer({
              ...rt.backbone,
              topics: {
                organizations: config.ORGANIZATIONS_TOPIC,
                properties: config.PROPERTIES_TOPIC,
                units: config.UNITS_TOPIC,
                listings: config.LISTINGS_TOPIC,
              },
              groupId: config.UPSTREAM_GROUP_ID,
              db: rt.database.db,
            }),
          ]
        : [],
  };
}
