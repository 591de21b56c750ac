import {
  createServiceConsumer,
  type EventsLogger,
  type EventsMetrics,
  type ServiceConsumer,
} from '@portfolioos/events';
import type { EventPayloads } from '@portfolioos/schemas';
import type { MaintenanceDb, MaintenanceTx } from './db/database.js';
import { upstreamEventsReading, upstreamSubscriptions, type UpstreamTopics } from './events.js';

export interface UpstreamConsumerOptions {
  brokers: string[];
  schemaRegistryUrl: string;
  topics: UpstreamTopics;
  groupId: string;
  db: MaintenanceDb;
  logger: EventsLogger;
  /** Resolved at start: the app's metrics registry (the runtime hands it over). */
  metrics?: () => EventsMetrics | undefined;
}

/** The consumer group that keeps the local organizations, properties, units, tenancies and tenants in step. */
export function createUpstreamConsumer(options: UpstreamConsumerOptions): ServiceConsumer {
  return createServiceConsumer<EventPayloads, MaintenanceTx>({
    clientId: options.groupId,
    brokers: options.brokers,
    schemaRegistryUrl: options.schemaRegistryUrl,
    groupId: options.groupId,
    db: options.db,
    events: upstreamEventsReading(options.topics),
    handlers: upstreamSubscriptions(),
    logger: options.logger,
    metrics: options.metrics,
    topics: Object.values(options.topics),
    // A new group reads the whole history: every organization, property, unit, lease and tenant there is.
    fromBeginning: true,
  });
}
