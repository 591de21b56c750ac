import {
  enqueueEvent,
  enqueueTombstone,
  EventRegistry,
  type AvroSchemaJson,
  type SqlExecutor,
} from '@portfolioos/events';
import { eventSchemas, eventTopics, type EventPayloads } from '@portfolioos/schemas';

/** Every event type the listings service knows (it publishes listings.*). */
// The generated schemas are deeply readonly; avsc's Schema type is not (same JSON, different mutability).
const schemas = eventSchemas as unknown as Readonly<Record<string, AvroSchemaJson>>;
export const listingsEvents = new EventRegistry<EventPayloads>(schemas, eventTopics);

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

/** Enqueues the tombstone of a deleted listing (null value on the compacted snapshot topic). */
export function enqueueListingTombstone(
  tx: SqlExecutor,
  listingId: string,
  organizationId: string,
): Promise<string> {
  return enqueueTombstone(tx, listingsEvents, {
    type: 'portfolioos.listings.ListingSnapshot',
    key: listingId,
    organizationId,
  });
}

/** Now, as an Avro timestamp-millis. */
export const nowMillis = (): number => Date.now();
