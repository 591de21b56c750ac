import type { ServiceDefinition } from '@portfolioos/service-runtime';
import { buildLeasingApp } from './app.js';
import type { Config } from './config.js';
import { migrationsFolder } from './db/database.js';
import { createOrganizationsConsumer } from './organizations/organizations-consumer.js';
import { leasingEvents } from './outbox.js';

/** The leasing process: its database, the outbox relay and the organizations consumer. */
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
