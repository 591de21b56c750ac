import type { ServiceDefinition } from '@portfolioos/service-runtime';
import { buildNotificationsApp } from './app.js';
import type { Config } from './config.js';
import { createEventsConsumer } from './consumers/events-consumer.js';
import { migrationsFolder } from './db/database.js';
import { deliveryDepsFromConfig } from './delivery/delivery-deps.js';
import { deliveryWorker } from './delivery/delivery-worker.js';
import { notificationsEvents } from './outbox.js';

/** The notifications process: its database, the outbox relay, the domain consumer and the delivery worker. */
export function notificationsService(config: Config): ServiceDefinition<Config> {
  return {
    name: 'notifications',
    version: '0.1.0',
    config,
    migrationsFolder,
    publishes: notificationsEvents,
    build: async (rt) =>
      buildNotificationsApp(config, { db: rt.database.db, logger: rt.logger, readiness: rt.readiness }),
    consumers: (rt) =>
      config.CONSUMERS_ENABLED
        ? [
            createEventsConsumer({
              ...rt.backbone,
              topicPrefix: config.TOPIC_PREFIX,
              groupId: config.EVENTS_GROUP_ID,
              db: rt.database.db,
              settings: {
                publicBaseUrl: config.PUBLIC_BASE_URL,
                maxEventAgeMs: config.NOTIFY_MAX_EVENT_AGE_HOURS * 3_600_000,
              },
            }),
          ]
        : [],
    workers: (rt) =>
      config.CONSUMERS_ENABLED
        ? [
            deliveryWorker(deliveryDepsFromConfig(config, rt.database.db), {
              pollMs: config.DELIVERY_POLL_MS,
              claimMs: config.DELIVERY_CLAIM_MS,
              logger: rt.logger,
            }),
          ]
        : [],
  };
}
