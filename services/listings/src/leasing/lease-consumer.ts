import {
  createServiceConsumer,
  type EventsLogger,
  type EventsMetrics,
  type ServiceConsumer,
} from '@portfolioos/events';
import type { EventPayloads } from '@portfolioos/schemas';
import type { ListingsDb, ListingsTx } from '../db/database.js';
import { leasingSubscriptions, listingsEventsReading } from '../events.js';

export interface LeaseConsumerOptions {
  kafkaBrokers: string[];
  schemaRegistryUrl: string;
  /** The leasing.lease topic (the catalog's unless configured; tests use their own). */
  leasesTopic: string;
  groupId: string;
  db: ListingsDb;
  logger: EventsLogger;
  /** Resolved at start, so server.ts can hand over the app's registry once the app is built. */
  metrics?: () => EventsMetrics | undefined;
}

/** The leasing consumer as server.ts runs it. */
export type LeaseConsumer = ServiceConsumer;

/** The consumer group that lets listing status follow leasing's events (see events.ts for what it does). */
export function createLeaseConsumer(options: LeaseConsumerOptions): ServiceConsumer {
  return createServiceConsumer<EventPayloads, ListingsTx>({
    clientId: 'listings-leasing',
    brokers: options.kafkaBrokers,
    schemaRegistryUrl: options.schemaRegistryUrl,
    groupId: options.groupId,
    db: options.db,
    events: listingsEventsReading(options.leasesTopic),
    handlers: leasingSubscriptions(),
    logger: options.logger,
    metrics: options.metrics,
    topics: [options.leasesTopic],
    // A new group reads the whole history: old leases are recognised by their dates and skipped.
    fromBeginning: true,
  });
}
