import {
  createServiceConsumer,
  type EventsLogger,
  type EventsMetrics,
  type ServiceConsumer,
} from '@portfolioos/events';
import type { EventPayloads } from '@portfolioos/schemas';
import type { NotificationsDb, NotificationsTx } from '../db/database.js';
import { CONSUMED_TOPICS, consumedEventsReading, eventSubscriptions } from '../events.js';
import type { NotifySettings } from '../notifying/notify-for-event.js';

export interface EventsConsumerOptions {
  brokers: string[];
  schemaRegistryUrl: string;
  /** Prepended to each catalog topic (tests use their own). */
  topicPrefix: string;
  groupId: string;
  db: NotificationsDb;
  settings: NotifySettings;
  logger: EventsLogger;
  /** Resolved at start: the app's metrics registry (the runtime hands it over). */
  metrics?: () => EventsMetrics | undefined;
}

/** The consumer group that keeps the directory and turns routed events into notifications (events.ts). */
export function createEventsConsumer(options: EventsConsumerOptions): ServiceConsumer {
  return createServiceConsumer<EventPayloads, NotificationsTx>({
    clientId: options.groupId,
    brokers: options.brokers,
    schemaRegistryUrl: options.schemaRegistryUrl,
    groupId: options.groupId,
    db: options.db,
    events: consumedEventsReading(options.topicPrefix),
    handlers: eventSubscriptions(options.settings),
    logger: options.logger,
    metrics: options.metrics,
    topics: CONSUMED_TOPICS.map((topic) => `${options.topicPrefix}${topic}`),
    // A new group reads the whole history: the directory needs every organization, person and membership.
    fromBeginning: true,
  });
}
