import type { ServiceDefinition } from '@portfolioos/service-runtime';
import { buildPaymentsApp } from './app.js';
import type { Config } from './config.js';
import { migrationsFolder } from './db/database.js';
import { createLeasesConsumer } from './leases/leases-consumer.js';
import { createOrganizationsConsumer } from './organizations/organizations-consumer.js';
import { paymentsEvents } from './outbox.js';
import { rentRunWorker } from './rent-run/rent-run-worker.js';

/** The payments process: its database, the outbox relay, the organization and lease consumers, the rent run. */
export function paymentsService(config: Config): ServiceDefinition<Config> {
  return {
    name: 'payments',
    version: '0.1.0',
    config,
    migrationsFolder,
    publishes: paymentsEvents,
    build: async (rt) =>
      buildPaymentsApp(config, { db: rt.database.db, logger: rt.logger, readiness: rt.readiness }),
    consumers: (rt) =>
      config.CONSUMERS_ENABLED
        ? [
            createOrganizationsConsumer({
              ...rt.backbone,
              topic: config.ORGANIZATIONS_TOPIC,
              groupId: config.ORGANIZATIONS_GROUP_ID,
              db: rt.database.db,
            }),
            createLeasesConsumer({
              ...rt.backbone,
              topic: config.LEASES_TOPIC,
              groupId: config.LEASES_GROUP_ID,
              db: rt.database.db,
            }),
          ]
        : [],
    workers: (rt) =>
      config.RENT_RUN_ENABLED
        ? [rentRunWorker(rt.database.db, { intervalMs: config.RENT_RUN_INTERVAL_MS, logger: rt.logger })]
        : [],
  };
}
