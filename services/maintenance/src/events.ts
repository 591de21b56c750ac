import type { EventHandlers, EventRegistry } from '@portfolioos/events';
import { catalogRegistry, type EventPayloads } from '@portfolioos/schemas';
import { onOrganizationChanged } from './catalog/organization-changed.handler.js';
import { onPropertyArchived, onPropertyChanged } from './catalog/property.handler.js';
import { onUnitArchived, onUnitChanged } from './catalog/unit.handler.js';
import type { MaintenanceTx } from './db/database.js';
import { onLeaseCancelled, onLeaseEnded, onLeaseTerminated, onLeaseTerms } from './tenancy/lease.handler.js';
import { onTenantChanged } from './tenancy/tenant.handler.js';
import {
  onInvitationAccepted,
  onInvitationCreated,
  onMembershipRevoked,
} from './vendors/identity.handler.js';

// The composition root of what maintenance consumes. What it publishes is in outbox.ts.

/** The topics the upstream consumer reads (the catalog's unless configured; tests use their own). */
export interface UpstreamTopics {
  organizations: string;
  properties: string;
  units: string;
  leases: string;
  tenants: string;
  invitations: string;
  memberships: string;
}

/** The catalog with the upstream topics as given. */
export function upstreamEventsReading(topics: UpstreamTopics): EventRegistry<EventPayloads> {
  return catalogRegistry({
    'identity.organization': topics.organizations,
    'listings.property': topics.properties,
    'listings.unit': topics.units,
    'leasing.lease': topics.leases,
    'leasing.tenant': topics.tenants,
    'identity.invitation': topics.invitations,
    'identity.membership': topics.memberships,
  });
}

/**
 * Every subscription of the maintenance service, in one place (consumer group maintenance-upstream):
 * organizations and properties (time zones), units (requests are filed for units that exist), and
 * leasing's tenancies and tenants (who lives where: a tenant files only for a unit it leases today), and
 * identity's vendor invitations and memberships (which portal user acts for which vendor).
 */
export function upstreamSubscriptions(): EventHandlers<EventPayloads, MaintenanceTx> {
  return {
    'portfolioos.identity.OrganizationCreated': (event, tx) => onOrganizationChanged(event.payload, tx),
    'portfolioos.identity.OrganizationUpdated': (event, tx) => onOrganizationChanged(event.payload, tx),
    'portfolioos.listings.PropertyCreated': (event, tx) => onPropertyChanged(event.payload, tx),
    'portfolioos.listings.PropertyUpdated': (event, tx) => onPropertyChanged(event.payload, tx),
    'portfolioos.listings.PropertyArchived': (event, tx) => onPropertyArchived(event.payload, tx),
    'portfolioos.listings.UnitCreated': (event, tx) => onUnitChanged(event.payload, tx),
    'portfolioos.listings.UnitUpdated': (event, tx) => onUnitChanged(event.payload, tx),
    'portfolioos.listings.UnitArchived': (event, tx) => onUnitArchived(event.payload, tx),
    'portfolioos.leasing.LeaseSigned': (event, tx) => onLeaseTerms(event.payload, tx),
    'portfolioos.leasing.LeaseStarted': (event, tx) => onLeaseTerms(event.payload, tx),
    'portfolioos.leasing.LeaseAmended': (event, tx) => onLeaseTerms(event.payload, tx),
    'portfolioos.leasing.LeaseEnded': (event, tx) => onLeaseEnded(event.payload, tx),
    'portfolioos.leasing.LeaseTerminated': (event, tx) => onLeaseTerminated(event.payload, tx),
    'portfolioos.leasing.LeaseCancelled': (event, tx) => onLeaseCancelled(event.payload, tx),
    'portfolioos.leasing.TenantCreated': (event, tx) => onTenantChanged(event.payload, tx),
    'portfolioos.leasing.TenantUpdated': (event, tx) => onTenantChanged(event.payload, tx),
    'portfolioos.identity.InvitationCreated': (event, tx) => onInvitationCreated(event.payload, tx),
    'portfolioos.identity.InvitationAccepted': (event, tx) => onInvitationAccepted(event.payload, tx),
    'portfolioos.identity.MembershipRevoked': (event, tx) => onMembershipRevoked(event.payload, tx),
  };
}
