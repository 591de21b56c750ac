import type { EventHandlers, EventRegistry } from '@portfolioos/events';
import { catalogRegistry, type EventPayloads } from '@portfolioos/schemas';
import type { ListingsTx } from './db/database.js';
import { onLeaseSigned } from './leasing/lease-signed.handler.js';

// The composition root of what listings consumes. What it publishes is in outbox.ts.

/** The catalog with leasing's lease events on `leasesTopic` (the catalog's leasing.lease unless configured). */
export function listingsEventsReading(leasesTopic: string): EventRegistry<EventPayloads> {
  return catalogRegistry({ 'leasing.lease': leasesTopic });
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
