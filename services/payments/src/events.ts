import type { EventHandlers, EventRegistry } from '@portfolioos/events';
import { catalogRegistry, type EventPayloads } from '@portfolioos/schemas';
import type { PaymentsTx } from './db/database.js';
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
