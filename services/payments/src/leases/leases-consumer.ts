import {
  createServiceConsumer,
  type EventsLogger,
  type EventsMetrics,
  type ServiceConsumer,
} from '@portfolioos/events';
import type { EventPayloads } from '@portfolioos/schemas';
import type { PaymentsDb, PaymentsTx } from '../db/database.js';
import { leaseEventsReading, leaseSubscriptions } from '../events.js';

export interface LeasesConsumerOptions {
  brokers: string[];
  schemaRegistryUrl: string;
  /** leasing's lease topic (the catalog's unless configured; tests use their own). */
  topic: string;
  groupId: string;
  db: PaymentsDb;
  logger: EventsLogger;
  /** Resolved at start: the app's metrics registry (the runtime hands it over). */
  metrics?: () => EventsMetrics | undefined;
}

/** The consumer group that keeps the lease projection in step with leasing (see events.ts). */
export function createLeasesConsumer(options: LeasesConsumerOptions): ServiceConsumer {
  return createServiceConsumer<EventPayloads, PaymentsTx>({
    clientId: options.groupId,
    brokers: options.brokers,
    schemaRegistryUrl: options.schemaRegistryUrl,
    groupId: options.groupId,
    db: options.db,
    events: leaseEventsReading(options.topic),
    handlers: leaseSubscriptions(),
    logger: options.logger,
    metrics: options.metrics,
    topics: [options.topic],
    // A new group reads the whole history: every lease that was ever signed.
    fromBeginning: true,
  });
}
