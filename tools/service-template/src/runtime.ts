import type { ServiceDefinition } from '@portfolioos/service-runtime';
import { build__Pascal__App } from './app.js';
import type { Config } from './config.js';
import { migrationsFolder } from './db/database.js';
import { createOrganizationsConsumer } from './organizations/organizations-consumer.js';
import { __camel__Events } from './outbox.js';

/** The __name__ process: its database, the outbox relay and the organizations consumer. */
export function __camel__Service(config: Config): ServiceDefinition<Config> {
  return {
    name: '__name__',
    version: '0.1.0',
    config,
    migrationsFolder,
    publishes: __camel__Events,
    build: async (rt) =>
      build__Pascal__App(config, { db: rt.database.db, logger: rt.logger, readiness: rt.readiness }),
    consumers: (rt) =>
      config.CONSUMERS_ENABLED
        ? [
            createOrganizationsConsumer({
              ...rt.backbone,
              topic: config.ORGANIZATIONS_TOPIC,
              groupId: config.ORGANIZATIONS_GROUP_ID,
              db: rt.database.db,
            }),
          ]
        : [],
  };
}
