import type { EventHandlers, EventRegistry, TombstoneHandler } from '@portfolioos/events';
import { catalogRegistry, type EventPayloads } from '@portfolioos/schemas';
import { onInvitationAccepted, onInvitationCreated } from './catalog/invitation.handler.js';
import { onListingDeleted, onListingSnapshot } from './catalog/listing.handler.js';
import { onOrganizationChanged } from './catalog/organization-changed.handler.js';
import { onPropertyArchived, onPropertyChanged } from './catalog/property.handler.js';
import { onUnitArchived, onUnitChanged } from './catalog/unit.handler.js';
import type { LeasingTx } from './db/database.js';

// The composition root of what leasing consumes. What it publishes is in outbox.ts.

/** The topics the upstream consumer reads (the catalog's unless configured; tests use their own). */
export interface UpstreamTopics {
  organizations: string;
  properties: string;
  units: string;
  listings: string;
  invitations: string;
}

/** The catalog with identity's organization and listings' property/unit events on the given topics. */
export function upstreamEventsReading(topics: UpstreamTopics): EventRegistry<EventPayloads> {
  return catalogRegistry({
    'identity.organization': topics.organizations,
    'listings.property': topics.properties,
    'listings.unit': topics.units,
    'listings.listing': topics.listings,
    'identity.invitation': topics.invitations,
  });
}

/**
 * Every subscription of the leasing service, in one place (consumer group leasing-upstream): the local
 * copies of organizations (time zone), properties (time zone) and units that leases are drafted against,
 * and of listings (which unit each markets, whether it is published) that applications are made to;
 * identity's tenant invitations, whose acceptance links a tenant to its portal user.
 */
export function upstreamSubscriptions(): EventHandlers<EventPayloads, LeasingTx> {
  return {
    'portfolioos.identity.OrganizationCreated': (event, tx) => onOrganizationChanged(event.payload, tx),
    'portfolioos.identity.OrganizationUpdated': (event, tx) => onOrganizationChanged(event.payload, tx),
    'portfolioos.listings.PropertyCreated': (event, tx) => onPropertyChanged(event.payload, tx),
    'portfolioos.listings.PropertyUpdated': (event, tx) => onPropertyChanged(event.payload, tx),
    'portfolioos.listings.PropertyArchived': (event, tx) => onPropertyArchived(event.payload, tx),
    'portfolioos.listings.UnitCreated': (event, tx) => onUnitChanged(event.payload, tx),
    'portfolioos.listings.UnitUpdated': (event, tx) => onUnitChanged(event.payload, tx),
    'portfolioos.listings.UnitArchived': (event, tx) => onUnitArchived(event.payload, tx),
    'portfolioos.listings.ListingSnapshot': (event, tx) => onListingSnapshot(event.payload, tx),
    'portfolioos.identity.InvitationCreated': (event, tx) => onInvitationCreated(event.payload, tx),
    'portfolioos.identity.InvitationAccepted': (event, tx) => onInvitationAccepted(event.payload, tx),
  };
}

/** Tombstones: only the compacted listings topic has them (a deleted listing). */
export function upstreamTombstones(topics: UpstreamTopics): TombstoneHandler<LeasingTx> {
  return async (tombstone, tx) => {
    if (tombstone.topic === topics.listings) await onListingDeleted(tombstone, tx);
  };
}
