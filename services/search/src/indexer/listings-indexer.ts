import type { Client } from '@elastic/elasticsearch';
import {
  createServiceConsumer,
  type EventsLogger,
  type EventsMetrics,
  type ServiceConsumer,
} from '@portfolioos/events';
import type { EventPayloads } from '@portfolioos/schemas';
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

/** The indexer as server.ts runs it: worker, readiness probe, group-joined. */
export type ListingsIndexer = ServiceConsumer;

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
  const writer = new ListingWriter(options.es, options.alias);
  return createServiceConsumer<EventPayloads, SearchTx>({
    clientId: 'search-indexer',
    brokers: options.kafkaBrokers,
    schemaRegistryUrl: options.schemaRegistryUrl,
    groupId: options.groupId,
    db: options.db,
    events: searchEvents(options.listingsTopic),
    handlers: searchSubscriptions(writer),
    onTombstone: listingTombstones(writer),
    batchHandler: searchBatches(writer),
    chunkSize: options.chunkSize,
    logger: options.logger,
    metrics: options.metrics,
    topics: [options.listingsTopic],
    fromBeginning: true,
  });
}
