import type { ServiceDefinition } from '@portfolioos/service-runtime';
import { createObjectStorage, ensureBucket } from '@portfolioos/storage';
import { buildMaintenanceApp } from './app.js';
import type { Config } from './config.js';
import { migrationsFolder } from './db/database.js';
import { maintenanceEvents } from './outbox.js';
import { requestPhotosPurpose } from './photos/purpose.js';
import { slaBreachWorker } from './sla/breach-worker.js';
import { createUpstreamConsumer } from './upstream-consumer.js';

/** The maintenance process: its database, object storage, the outbox relay and the upstream consumer. */
export function maintenanceService(config: Config): ServiceDefinition<Config> {
  return {
    name: 'maintenance',
    version: '0.1.0',
    config,
    migrationsFolder,
    publishes: maintenanceEvents,
    build: async (rt) => {
      const storage = rt.resource('object storage', createObjectStorage(config), async (s) => s.destroy());
      const corsOrigins = config.UPLOAD_CORS_ORIGINS.split(',').filter(Boolean);
      await ensureBucket(storage, requestPhotosPurpose, { corsOrigins });
      return buildMaintenanceApp(config, {
        db: rt.database.db,
        storage,
        logger: rt.logger,
        readiness: rt.readiness,
      });
    },
    consumers: (rt) =>
      config.CONSUMERS_ENABLED
        ? [
            createUpstreamConsumer({
              ...rt.backbone,
              topics: {
                organizations: config.ORGANIZATIONS_TOPIC,
                properties: config.PROPERTIES_TOPIC,
                units: config.UNITS_TOPIC,
                leases: config.LEASES_TOPIC,
                tenants: config.TENANTS_TOPIC,
                invitations: config.INVITATIONS_TOPIC,
                memberships: config.MEMBERSHIPS_TOPIC,
              },
              groupId: config.UPSTREAM_GROUP_ID,
              db: rt.database.db,
            }),
          ]
        : [],
    workers: (rt) =>
      config.SLA_DETECTOR_ENABLED
        ? [
            slaBreachWorker({
              db: rt.database.db,
              intervalMs: config.SLA_SWEEP_INTERVAL_MS,
              onError: (error) => rt.logger.error({ err: error }, 'SLA breach sweep failed'),
            }),
          ]
        : [],
  };
}
