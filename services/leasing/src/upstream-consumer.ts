import {
  createServiceConsumer,
  type EventsLogger,
  type EventsMetrics,
  type ServiceConsumer,
} from '@portfolioos/events';
import type { EventPayloads } from '@portfolioos/schemas';
import type { LeasingDb, LeasingTx } from './db/database.js';
import {
  upstreamEventsReading,
  upstreamSubscriptions,
  upstreamTombstones,
  type UpstreamTopics,
} from './events.js';

export interface UpstreamConsumerOptions {
  brokers: string[];
  schemaRegistryUrl: string;
  topics: UpstreamTopics;
  groupId: string;
  db: LeasingDb;
  logger: EventsLogger;
  /** Resolved at start: the app's metrics registry (the runtime hands it over). */
  metrics?: () => EventsMetrics | undefined;
}

/** The consumer group that keeps leasing's organizations, properties and units in step (see events.ts). */
export function createUpstreamConsumer(options: UpstreamConsumerOptions): ServiceConsumer {
  return createServiceConsumer<EventPayloads, LeasingTx>({
    clientId: options.groupId,
    brokers: options.brokers,
    schemaRegistryUrl: options.schemaRegistryUrl,
    groupId: options.groupId,
    db: options.db,
    events: upstreamEventsReading(options.topics),
    handlers: upstreamSubscriptions(),
    onTombstone: upstreamTombstones(options.topics),
    logger: options.logger,
    metrics: options.metrics,
    topics: Object.values(options.topics),
    // A new group reads the whole history: every organization, property and unit that exists.
    fromBeginning: true,
  });
}
