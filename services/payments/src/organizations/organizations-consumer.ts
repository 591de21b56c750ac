import {
  createServiceConsumer,
  type EventsLogger,
  type EventsMetrics,
  type ServiceConsumer,
} from '@portfolioos/events';
import type { EventPayloads } from '@portfolioos/schemas';
import type { PaymentsDb, PaymentsTx } from '../db/database.js';
import { organizationEventsReading, organizationSubscriptions } from '../events.js';

export interface OrganizationsConsumerOptions {
  brokers: string[];
  schemaRegistryUrl: string;
  /** identity's organization topic (the catalog's unless configured; tests use their own). */
  topic: string;
  groupId: string;
  db: PaymentsDb;
  logger: EventsLogger;
  /** Resolved at start: the app's metrics registry (the runtime hands it over). */
  metrics?: () => EventsMetrics | undefined;
}

/** The consumer group that keeps this service's organizations in step with identity (see events.ts). */
export function createOrganizationsConsumer(options: OrganizationsConsumerOptions): ServiceConsumer {
  return createServiceConsumer<EventPayloads, PaymentsTx>({
    clientId: options.groupId,
    brokers: options.brokers,
    schemaRegistryUrl: options.schemaRegistryUrl,
    groupId: options.groupId,
    db: options.db,
    events: organizationEventsReading(options.topic),
    handlers: organizationSubscriptions(),
    logger: options.logger,
    metrics: options.metrics,
    topics: [options.topic],
    // A new group reads the whole history: every organization that exists.
    fromBeginning: true,
  });
}
