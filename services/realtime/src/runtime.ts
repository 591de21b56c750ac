import { Redis } from 'ioredis';
import type { ServiceApp } from '@portfolioos/service-kit';
import type { ServiceConsumer } from '@portfolioos/events';
import type { ServiceDefinition } from '@portfolioos/service-runtime';
import { buildRealtimeApp } from './app.js';
import type { Config } from './config.js';
import { migrationsFolder } from './db/database.js';
import { listingSubscriptions, notificationSubscriptions, realtimeEventsReading } from './events.js';
import { gatewayMetrics } from './gateway/gateway-metrics.js';
import { createPushConsumer } from './push-consumer.js';

/** The realtime process as the runtime runs it, plus the consumer groups it created (tests await them). */
export type RealtimeService = ServiceDefinition<Config> & { consumerGroups(): ServiceConsumer[] };

/** The realtime process: Redis (adapter, sessions), the gateway, and its two consumer groups. */
export function realtimeService(config: Config): RealtimeService {
  let app: ServiceApp | undefined;
  let groups: ServiceConsumer[] = [];
  const built = () => {
    if (!app) throw new Error('the realtime app is not built yet');
    return app;
  };
  return {
    name: 'realtime',
    version: '0.1.0',
    config,
    migrationsFolder,
    build: async (rt) => {
      const redis = rt.resource('redis', new Redis(config.REDIS_URL, { lazyConnect: false }), (r) =>
        r.quit(),
      );
      app = await buildRealtimeApp(config, { redis, logger: rt.logger, readiness: rt.readiness });
      return app;
    },
    consumers: (rt) => {
      if (!config.CONSUMERS_ENABLED) return [];
      const io = () => built().realtime;
      const metrics = () => gatewayMetrics(built().metrics);
      const events = realtimeEventsReading({
        listings: config.LISTINGS_TOPIC,
        notifications: config.NOTIFICATIONS_TOPIC,
      });
      const common = { backbone: rt.backbone, db: rt.database.db, events };
      groups = [
        createPushConsumer({
          ...common,
          topic: config.LISTINGS_TOPIC,
          groupId: config.LISTINGS_GROUP_ID,
          handlers: listingSubscriptions(io, metrics),
        }),
        createPushConsumer({
          ...common,
          topic: config.NOTIFICATIONS_TOPIC,
          groupId: config.NOTIFICATIONS_GROUP_ID,
          handlers: notificationSubscriptions(io, metrics),
        }),
      ];
      return groups;
    },
    consumerGroups: () => groups,
  };
}
