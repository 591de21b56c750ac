import type { ServiceDefinition } from '@portfolioos/service-runtime';
import { createObjectStorage } from '@portfolioos/storage';
import { buildLeasingApp } from './app.js';
import type { Config } from './config.js';
import { migrationsFolder } from './db/database.js';
import { leasingEvents } from './outbox.js';
import { leaseClockWorker } from './leases/lease-clock-worker.js';
import { reportRetentionWorker } from './screening/retention.js';
import { ReportStore } from './screening/report-store.js';
import { createUpstreamConsumer } from './upstream-consumer.js';

/** The leasing process: its database, the outbox relay and the upstream consumer. */
export function leasingService(config: Config): ServiceDefinition<Config> {
  let reportStore: ReportStore | undefined;
  return {
    name: 'leasing',
    version: '0.1.0',
    config,
    migrationsFolder,
    publishes: leasingEvents,
    build: async (rt) => {
      const storage = rt.resource('object storage', createObjectStorage(config), async (s) => s.destroy());
      reportStore = new ReportStore(storage);
      await reportStore.ensureBucket();
      return buildLeasingApp(config, {
        db: rt.database.db,
        logger: rt.logger,
        readiness: rt.readiness,
        reportStore,
      });
    },
    workers: (rt) => [
      leaseClockWorker({
        db: rt.database.db,
        intervalMs: config.LEASE_CLOCK_INTERVAL_SECONDS * 1000,
        logger: rt.logger,
      }),
      reportRetentionWorker({
        db: rt.database.db,
        store: reportStore!,
        intervalMs: config.SCREENING_RETENTION_SWEEP_SECONDS * 1000,
        logger: rt.logger,
      }),
    ],
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
                invitations: config.INVITATIONS_TOPIC,
              },
              groupId: config.UPSTREAM_GROUP_ID,
              db: rt.database.db,
            }),
          ]
        : [],
  };
}
