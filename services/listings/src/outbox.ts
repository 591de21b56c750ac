import { enqueueEvent, enqueueEvents, enqueueTombstone, type SqlExecutor } from '@portfolioos/events';
import { catalogRegistry, type EventPayloads } from '@portfolioos/schemas';

/** The event types the listings service publishes (listings.*), with their schemas and topics. */
export const listingsEvents = catalogRegistry();

type ListingsEventType = Extract<keyof EventPayloads, `portfolioos.listings.${string}`>;

/** Writes a listings event to the outbox in the caller's transaction, keyed by its aggregate id. */
export function publish<T extends ListingsEventType>(
  tx: SqlExecutor,
  type: T,
  key: string,
  payload: EventPayloads[T] & { organization_id: string },
): Promise<string> {
  return enqueueEvent(tx, listingsEvents, { type, key, organizationId: payload.organization_id, payload });
}

/** `publish` for many events of one type in one statement (bulk writes: snapshots of many listings, seeding). */
export async function publishMany<T extends ListingsEventType>(
  tx: SqlExecutor,
  type: T,
  items: readonly { key: string; payload: EventPayloads[T] & { organization_id: string } }[],
): Promise<void> {
  const batch = items.map(({ key, payload }) => ({
    type,
    key,
    organizationId: payload.organization_id,
    payload,
  }));
  await enqueueEvents(tx, listingsEvents, batch);
}

/**
 * Enqueues the tombstone of a deleted listing (null value on the compacted snapshot topic) at
 * `version`, one past its last snapshot's: readers keep an older snapshot replayed later from bringing
 * the listing back.
 */
export function enqueueListingTombstone(
  tx: SqlExecutor,
  listingId: string,
  organizationId: string,
  version: number,
): Promise<string> {
  return enqueueTombstone(tx, listingsEvents, {
    type: 'portfolioos.listings.ListingSnapshot',
    key: listingId,
    organizationId,
    version,
  });
}

/** Now, as an Avro timestamp-millis. */
export const nowMillis = (): number => Date.now();
