import { errors, type Client } from '@elastic/elasticsearch';
import type { ListingSnapshot } from '@portfolioos/schemas';
import { bulkWriteListings, type ListingWrite, type ListingWriteError } from './listing-bulk.js';
import { toListingDocument } from './listing-document.js';

/**
 * Applies listing snapshots to the index through its alias. Idempotent and order-proof by Elasticsearch
 * external versioning: a write carries the snapshot's `version` and Elasticsearch refuses it (409) unless
 * it is higher than the stored one — so replays, redeliveries and out-of-order snapshots are no-ops.
 */
export class ListingWriter {
  constructor(
    private readonly es: Client,
    private readonly alias: string,
  ) {}

  /** Stores the snapshot unless the index already holds this version or a newer one. Returns whether it wrote. */
  async apply(snapshot: ListingSnapshot): Promise<boolean> {
    try {
      await this.es.index({
        index: this.alias,
        id: snapshot.listing_id,
        version: snapshot.version,
        version_type: 'external',
        document: toListingDocument(snapshot),
      });
      return true;
    } catch (error) {
      if (isVersionConflict(error)) return false;
      throw error;
    }
  }

  /** Applies many writes in one bulk request, under the same rules; returns each one's error or null. */
  async write(writes: ListingWrite[]): Promise<(ListingWriteError | null)[]> {
    return bulkWriteListings(this.es, this.alias, writes);
  }

  /**
   * A tombstone (the listing was deleted). With the tombstone's version, the listing becomes a deleted
   * marker at that version, so older snapshots replayed later cannot bring it back; without one (bare
   * tombstones) the delete is unconditional.
   */
  async remove(listingId: string, version: number | null): Promise<void> {
    const [error] = await this.write([{ kind: 'remove', listingId, version }]);
    if (error) throw error;
  }
}

/** 409 from a versioned write: the stored version is the same or newer. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof errors.ResponseError && error.statusCode === 409;
}
