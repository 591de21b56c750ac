import type { BatchHandler, EventHandlers, EventRegistry, TombstoneHandler } from '@portfolioos/events';
import { catalogRegistry, type EventPayloads } from '@portfolioos/schemas';
import type { SearchTx } from './db/database.js';
import { listingBatches } from './indexer/listing-batch.js';
import type { ListingWriter } from './listings-index/listing-writer.js';

export const LISTING_SNAPSHOT = 'portfolioos.listings.ListingSnapshot' as const;

// The composition root of what search consumes; search publishes nothing (no outbox.ts).

/** The event types search knows, with the snapshot topic it reads (the catalog's unless configured). */
export function searchEvents(listingsTopic: string): EventRegistry<EventPayloads> {
  return catalogRegistry({ 'listings.listing': listingsTopic });
}

/** Every subscription of the search service, in one place: it consumes only listing snapshots. */
export function searchSubscriptions(writer: ListingWriter): EventHandlers<EventPayloads, SearchTx> {
  return {
    // The transaction only carries the inbox row; the effect is the Elasticsearch write (see indexer.ts).
    [LISTING_SNAPSHOT]: async (event) => {
      await writer.apply(event.payload);
    },
  };
}

/** A deleted listing: its tombstone on the compacted snapshot topic removes it from the index. */
export function listingTombstones(writer: ListingWriter): TombstoneHandler<SearchTx> {
  return async (tombstone) => {
    await writer.remove(tombstone.key, tombstone.envelope?.aggregateVersion ?? null);
  };
}

/**
 * The two above, a consumed chunk at a time: one Elasticsearch bulk request per chunk. The per-event
 * handlers still retry (then dead-letter) exactly the events whose bulk item failed.
 */
export function searchBatches(writer: ListingWriter): BatchHandler<EventPayloads, SearchTx> {
  return listingBatches(writer);
}
