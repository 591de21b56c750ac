import type { EventHandlers, EventRegistry } from '@portfolioos/events';
import { catalogRegistry, type EventPayloads } from '@portfolioos/schemas';
import type { __Pascal__Tx } from './db/database.js';
import { onOrganizationCreated } from './organizations/organization-created.handler.js';

// The composition root of what __name__ consumes. What it publishes is in outbox.ts.

/** The catalog with identity's organization events on `topic` (the catalog's unless configured). */
export function organizationEventsReading(topic: string): EventRegistry<EventPayloads> {
  return catalogRegistry({ 'identity.organization': topic });
}

/** Every subscription of the __name__ service, in one place (consumer group __name__-organizations). */
export function organizationSubscriptions(): EventHandlers<EventPayloads, __Pascal__Tx> {
  return {
    'portfolioos.identity.OrganizationCreated': (event, tx) => onOrganizationCreated(event.payload, tx),
  };
}
