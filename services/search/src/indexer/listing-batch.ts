import type { BatchHandler, BatchOutcome, ConsumedRecord } from '@portfolioos/events';
import type { EventPayloads } from '@portfolioos/schemas';
import type { SearchTx } from '../db/database.js';
import type { ListingWrite } from '../listings-index/listing-bulk.js';
import type { ListingWriter } from '../listings-index/listing-writer.js';

type ListingRecord = ConsumedRecord<EventPayloads>;
// Spelled out rather than imported from events.ts, which imports this module.
const LISTING_SNAPSHOT = 'portfolioos.listings.ListingSnapshot' satisfies keyof EventPayloads;

/** The writes for a chunk, and for each record the index of the write whose outcome is its outcome. */
export interface ListingBatchPlan {
  writes: ListingWrite[];
  writeOf: number[];
}

/**
 * Plans a chunk of snapshot events and tombstones as few writes as give the same index: per listing,
 * the last tombstone (it removes whatever came before) and the highest-version snapshot after it
 * (the older ones would be refused by external versioning anyway). A record that is superseded shares
 * the outcome of the write that superseded it, so if that write fails, the superseded records are
 * retried one by one too and the index ends as if each had been applied alone.
 */
export function planListingBatch(records: ListingRecord[]): ListingBatchPlan {
  const byListing = new Map<
    string,
    { remove: number | null; upsert: number | null; removed: number[]; upserted: number[] }
  >();
  records.forEach((record, i) => {
    const id = listingIdOf(record);
    const plan = byListing.get(id) ?? { remove: null, upsert: null, removed: [], upserted: [] };
    byListing.set(id, plan);
    if (record.kind === 'tombstone') {
      plan.remove = i;
      plan.removed.push(...plan.upserted, i);
      plan.upsert = null;
      plan.upserted = [];
    } else {
      if (plan.upsert === null || versionOf(record) > versionOf(records[plan.upsert]!)) plan.upsert = i;
      plan.upserted.push(i);
    }
  });
  const writes: ListingWrite[] = [];
  const writeOf: number[] = new Array<number>(records.length);
  for (const [listingId, plan] of byListing) {
    if (plan.remove !== null) {
      for (const i of plan.removed) writeOf[i] = writes.length;
      writes.push({ kind: 'remove', listingId, version: tombstoneVersionOf(records[plan.remove]!) });
    }
    if (plan.upsert !== null) {
      for (const i of plan.upserted) writeOf[i] = writes.length;
      writes.push({ kind: 'upsert', snapshot: snapshotOf(records[plan.upsert]!) });
    }
  }
  return { writes, writeOf };
}

/** The indexer's batch handler: one bulk request per consumed chunk (see planListingBatch). */
export function listingBatches(writer: ListingWriter): BatchHandler<EventPayloads, SearchTx> {
  return async (records) => {
    const { writes, writeOf } = planListingBatch(records);
    const errors = await writer.write(writes);
    return writeOf.map((w): BatchOutcome => {
      const error = errors[w];
      return error ? { ok: false, error } : { ok: true };
    });
  };
}

const listingIdOf = (record: ListingRecord) =>
  record.kind === 'tombstone' ? record.tombstone.key : snapshotOf(record).listing_id;
const versionOf = (record: ListingRecord) => snapshotOf(record).version;
const tombstoneVersionOf = (record: ListingRecord) =>
  record.kind === 'tombstone' ? (record.tombstone.envelope?.aggregateVersion ?? null) : null;

function snapshotOf(record: ListingRecord) {
  if (record.kind !== 'event' || record.event.type !== LISTING_SNAPSHOT) {
    throw new Error(`the indexer handles only listing snapshots and tombstones, not ${record.kind}`);
  }
  return record.event.payload as EventPayloads[typeof LISTING_SNAPSHOT];
}
