import type { EventHandlers, EventRegistry } from '@portfolioos/events';
import { catalogRegistry, type EventPayloads } from '@portfolioos/schemas';
import type { PaymentsTx } from './db/database.js';
import { onLeaseEnding, onLeaseTerms } from './leases/lease-events.handler.js';
import { onOrganizationCreated } from './organizations/organization-created.handler.js';

// The composition root of what payments consumes. What it publishes is in outbox.ts.

/** The catalog with identity's organization events on `topic` (the catalog's unless configured). */
export function organizationEventsReading(topic: string): EventRegistry<EventPayloads> {
  return catalogRegistry({ 'identity.organization': topic });
}

/** Every subscription of the payments service, in one place (consumer group payments-organizations). */
export function organizationSubscriptions(): EventHandlers<EventPayloads, PaymentsTx> {
  return {
    'portfolioos.identity.OrganizationCreated': (event, tx) => onOrganizationCreated(event.payload, tx),
  };
}

/** The catalog with leasing's lease events on `topic` (the catalog's unless configured). */
export function leaseEventsReading(topic: string): EventRegistry<EventPayloads> {
  return catalogRegistry({ 'leasing.lease': topic });
}

/**
 * The lease projection the ledger bills from (consumer group payments-leases). A renewal is a new lease
 * with its own LeaseSigned, so LeaseRenewed needs nothing here; a cancelled lease was never signed, so
 * it was never billed.
 */
export function leaseSubscriptions(): EventHandlers<EventPayloads, PaymentsTx> {
  return {
    'portfolioos.leasing.LeaseSigned': (event, tx) => onLeaseTerms(event.payload, 'signed', tx),
    'portfolioos.leasing.LeaseStarted': (event, tx) => onLeaseTerms(event.payload, 'active', tx),
    'portfolioos.leasing.LeaseAmended': (event, tx) => onLeaseTerms(event.payload, null, tx),
    'portfolioos.leasing.LeaseTerminated': (event, tx) => onLeaseEnding(event.payload, tx),
    'portfolioos.leasing.LeaseEnded': (event, tx) => onLeaseEnding(event.payload, tx),
  };
}
