import {
  AvroSerde,
  checkKafka,
  createKafka,
  EventConsumer,
  type EventsLogger,
  type EventsMetrics,
} from '@portfolioos/events';
import type { EventPayloads } from '@portfolioos/schemas';
import type { BackgroundWorker } from '@portfolioos/service-kit';
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

export interface LeaseConsumer {
  worker: BackgroundWorker;
  /** Resolves once the consumer group has been joined (tests wait for it before producing). */
  joined: () => Promise<void>;
  ping: () => Promise<void>;
}

/** The consumer group that lets listing status follow leasing's events (see events.ts for what it does). */
export function createLeaseConsumer(options: LeaseConsumerOptions): LeaseConsumer {
  const kafka = createKafka({
    clientId: 'listings-leasing',
    brokers: options.kafkaBrokers,
    logger: options.logger,
  });
  const events = listingsEventsReading(options.leasesTopic);
  let consumer: EventConsumer<EventPayloads, ListingsTx> | null = null;
  return {
    worker: {
      name: 'leasing consumer',
      start: async () => {
        consumer = new EventConsumer<EventPayloads, ListingsTx>({
          kafka,
          groupId: options.groupId,
          db: options.db,
          events,
          serde: new AvroSerde(options.schemaRegistryUrl, events),
          handlers: leasingSubscriptions(),
          logger: options.logger,
          metrics: options.metrics?.(),
          topics: [options.leasesTopic],
          // A new group reads the whole history: old leases are recognised by their dates and skipped.
          fromBeginning: true,
        });
        await consumer.start();
      },
      stop: async () => {
        await consumer?.stop();
      },
    },
    joined: async () => {
      if (!consumer) throw new Error('leasing consumer not started');
      await consumer.joinedGroup();
    },
    ping: () => checkKafka(kafka),
  };
}
