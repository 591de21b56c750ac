import type { EventHandlers, EventRegistry } from '@portfolioos/events';
import { catalogRegistry, type EventPayloads } from '@portfolioos/schemas';
import type { NotificationsTx } from './db/database.js';
import { onMembershipChanged } from './directory/membership.handler.js';
import { onOrganizationChanged } from './directory/organization.handler.js';
import { onPersonChanged, onPersonDeactivated } from './directory/person.handler.js';
import { notifyForEvent, type NotifySettings } from './notifying/notify-for-event.js';

// The composition root of what notifications consumes. What it publishes is in outbox.ts.

/** The catalog topics the domain consumer reads: the directory's sources and the routed events'. */
export const CONSUMED_TOPICS = [
  'identity.organization',
  'identity.user',
  'identity.membership',
  'identity.invitation',
  'leasing.lease',
] as const;

/** The catalog with every consumed topic renamed `<prefix><topic>` (empty prefix in production). */
export function consumedEventsReading(prefix: string): EventRegistry<EventPayloads> {
  return catalogRegistry(Object.fromEntries(CONSUMED_TOPICS.map((topic) => [topic, `${prefix}${topic}`])));
}

/**
 * Every subscription of the notifications service, in one place (consumer group notifications-events):
 * the recipient directory (organizations, people, memberships) and the routed events (routing/).
 */
export function eventSubscriptions(settings: NotifySettings): EventHandlers<EventPayloads, NotificationsTx> {
  return {
    'portfolioos.identity.OrganizationCreated': (event, tx) => onOrganizationChanged(event.payload, tx),
    'portfolioos.identity.OrganizationUpdated': (event, tx) => onOrganizationChanged(event.payload, tx),
    'portfolioos.identity.UserRegistered': (event, tx) => onPersonChanged(event.payload, tx),
    'portfolioos.identity.UserProfileUpdated': (event, tx) => onPersonChanged(event.payload, tx),
    'portfolioos.identity.UserDeactivated': (event, tx) => onPersonDeactivated(event.payload, tx),
    'portfolioos.identity.MembershipGranted': (event, tx) => onMembershipChanged(event.payload, true, tx),
    'portfolioos.identity.MembershipRoleChanged': (event, tx) => onMembershipChanged(event.payload, true, tx),
    'portfolioos.identity.MembershipRevoked': (event, tx) => onMembershipChanged(event.payload, false, tx),
    'portfolioos.identity.InvitationCreated': (event, tx) => notifyForEvent(event, tx, settings),
    'portfolioos.leasing.LeaseOutForSignature': (event, tx) => notifyForEvent(event, tx, settings),
    'portfolioos.leasing.LeaseSigned': (event, tx) => notifyForEvent(event, tx, settings),
  };
}
