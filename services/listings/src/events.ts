import {
  enqueueEvent,
  enqueueEvents,
  enqueueTombstone,
  EventRegistry,
  type AvroSchemaJson,
  type EventHandlers,
  type SqlExecutor,
} from '@portfolioos/events';
import { eventSchemas, eventTopics, type EventPayloads } from '@portfolioos/schemas';
import type { ListingsTx } from './db/database.js';
import { onLeaseSigned } from './leasing/lease-signed.handler.js';

// The generated schemas are deeply readonly; avsc's Schema type is not (same JSON, different mutability).
const schemas = eventSchemas as unknown as Readonly<Record<string, AvroSchemaJson>>;
/** Every event type the listings service knows (it publishes listings.*, it reads leasing.lease). */
export const listingsEvents = new EventRegistry<EventPayloads>(schemas, eventTopics);

const LEASE_EVENTS = [
  'portfolioos.leasing.LeaseSentForSignature',
  'portfolioos.leasing.LeaseSigned',
  'portfolioos.leasing.LeaseAmended',
  'portfolioos.leasing.LeaseTerminated',
] as const;

/** The registry with the lease events on `leasesTopic` (the catalog's leasing.lease unless configured). */
export function listingsEventsReading(leasesTopic: string): EventRegistry<EventPayloads> {
  const topics = Object.fromEntries(LEASE_EVENTS.map((type) => [type, leasesTopic]));
  return new EventRegistry<EventPayloads>(schemas, { ...eventTopics, ...topics });
}

/**
 * Every subscription of the listings service, in one place (consumer group listings-leasing).
 * - LeaseSigned: the unit's published listing becomes leased (leasing/lease-signed.handler.ts).
 * - LeaseTerminated, LeaseAmended: deliberately not consumed. A listing is marketing copy; when a unit
 *   comes free again, staff decide whether, when and at what price to re-list it (publish accepts a leased
 *   listing). Occupancy itself is never stored here: it is derived from the leases, in leasing.
 */
export function leasingSubscriptions(): EventHandlers<EventPayloads, ListingsTx> {
  return {
    'portfolioos.leasing.LeaseSigned': (event, tx) => onLeaseSigned(event.payload, tx),
  };
}

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
