import type { Client } from '@elastic/elasticsearch';
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
import type { SearchDb, SearchTx } from '../db/database.js';
import { listingTombstones, searchBatches, searchEvents, searchSubscriptions } from '../events.js';
import { ListingWriter } from '../listings-index/listing-writer.js';

export interface ListingsIndexerOptions {
  kafkaBrokers: string[];
  schemaRegistryUrl: string;
  listingsTopic: string;
  groupId: string;
  alias: string;
  db: SearchDb;
  es: Client;
  logger: EventsLogger;
  /** Snapshots per bulk request (and per inbox transaction). */
  chunkSize?: number;
  /** Resolved at start, so server.ts can hand over the app's registry once the app is built. */
  metrics?: () => EventsMetrics | undefined;
}

export interface ListingsIndexer {
  worker: BackgroundWorker;
  /** Readiness: Kafka answers metadata requests. */
  ping: () => Promise<void>;
  /** Resolves once the consumer group has been joined (tests wait for it before producing). */
  joined: () => Promise<void>;
}

/**
 * The Kafka → Elasticsearch indexer: an EventConsumer on the listing snapshot topic. Its inbox lives in
 * the search database, but the effect is in Elasticsearch, outside that transaction — so the inbox only
 * skips events already applied; it cannot make "apply + record" atomic. Both orders of failure are safe:
 * ES write done but transaction rolled back → the event is redelivered and the external-version write is
 * a no-op; ES write failed → the handler throws, nothing is recorded, the event is retried (then
 * dead-lettered). The real guarantee is Elasticsearch external versioning, not the inbox.
 * Each consumed chunk is one bulk request; only the snapshots whose bulk item failed are retried alone.
 */
export function createListingsIndexer(options: ListingsIndexerOptions): ListingsIndexer {
  const kafka = createKafka({
    clientId: 'search-indexer',
    brokers: options.kafkaBrokers,
    logger: options.logger,
  });
  const events = searchEvents(options.listingsTopic);
  let consumer: EventConsumer<EventPayloads, SearchTx> | null = null;
  return {
    worker: {
      name: 'listings indexer',
      start: async () => {
        const writer = new ListingWriter(options.es, options.alias);
        consumer = new EventConsumer<EventPayloads, SearchTx>({
          kafka,
          groupId: options.groupId,
          db: options.db,
          events,
          serde: new AvroSerde(options.schemaRegistryUrl, events),
          handlers: searchSubscriptions(writer),
          onTombstone: listingTombstones(writer),
          batchHandler: searchBatches(writer),
          chunkSize: options.chunkSize,
          logger: options.logger,
          metrics: options.metrics?.(),
          topics: [options.listingsTopic],
          fromBeginning: true,
        });
        await consumer.start();
      },
      stop: async () => {
        await consumer?.stop();
      },
    },
    ping: () => checkKafka(kafka),
    joined: async () => {
      if (!consumer) throw new Error('indexer not started');
      await consumer.joinedGroup();
    },
  };
}
