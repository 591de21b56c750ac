import type { Client, estypes } from '@elastic/elasticsearch';
import type { ListingSnapshot } from '@portfolioos/schemas';
import { deletedListingMarker, toListingDocument } from './listing-document.js';

/**
 * One change to the listings index: store a snapshot (unless a newer one is there) or remove a listing.
 * A removal with the tombstone's version leaves a deleted-marker at that version (see operationsOf).
 */
export type ListingWrite =
  | { kind: 'upsert'; snapshot: ListingSnapshot }
  | { kind: 'remove'; listingId: string; version: number | null };

/** A bulk item Elasticsearch refused for a reason other than "already newer" or "already gone". */
export class ListingWriteError extends Error {
  override readonly name = 'ListingWriteError';
  constructor(
    readonly status: number,
    readonly errorType: string,
    reason: string,
  ) {
    super(`${status} ${errorType}: ${reason}`);
  }
}

/**
 * Sends the writes as one `_bulk` request (no refresh: search visibility follows the index's refresh
 * interval). Returns, per write in order, null when it took effect or was a harmless no-op (a version
 * conflict: the index holds this snapshot's version or a newer one; a delete of a missing listing), or
 * the error of that item.
 * A failure of the request as a whole throws.
 */
export async function bulkWriteListings(
  es: Client,
  index: string,
  writes: ListingWrite[],
): Promise<(ListingWriteError | null)[]> {
  if (writes.length === 0) return [];
  const result = await es.bulk({ operations: writes.flatMap((w) => operationsOf(index, w)) });
  if (result.items.length !== writes.length) {
    throw new Error(`bulk answered ${result.items.length} items for ${writes.length} writes`);
  }
  return result.items.map(itemError);
}

function operationsOf(index: string, write: ListingWrite): object[] {
  // A versioned tombstone replaces the document with a marker at its version instead of deleting it:
  // Elasticsearch forgets a deleted document's version after index.gc_deletes (60 s), and then an older
  // snapshot replayed later would be indexed again. The marker refuses it (external versioning) forever.
  if (write.kind === 'remove' && write.version !== null) {
    const { listingId, version } = write;
    return [
      { index: { _index: index, _id: listingId, version, version_type: 'external' } },
      deletedListingMarker(listingId, version),
    ];
  }
  if (write.kind === 'remove') return [{ delete: { _index: index, _id: write.listingId } }];
  const { snapshot } = write;
  return [
    {
      index: { _index: index, _id: snapshot.listing_id, version: snapshot.version, version_type: 'external' },
    },
    toListingDocument(snapshot),
  ];
}

function itemError(item: Partial<Record<estypes.BulkOperationType, estypes.BulkResponseItem>>) {
  const outcome = item.index ?? item.delete ?? item.create ?? item.update;
  // A delete of a missing listing answers 404 without an error; only a missing index carries one.
  if (!outcome?.error || outcome.error.type === 'version_conflict_engine_exception') return null;
  return new ListingWriteError(outcome.status, outcome.error.type, outcome.error.reason ?? 'no reason given');
}
