import type { EventHandlers, EventRegistry } from '@portfolioos/events';
import { catalogRegistry, type EventPayloads } from '@portfolioos/schemas';
import type { GatewayMetrics } from './gateway/gateway-metrics.js';
import type { GatewayServer } from './gateway/socket-data.js';
import type { RealtimeTx } from './db/database.js';
import { pushListingSnapshot } from './listings/listing-snapshot.handler.js';
import { pushInAppNotification, pushNotificationRead } from './notifications/in-app-notification.handler.js';

// The composition root of what realtime consumes (it publishes nothing).

/** The catalog with the topics this deployment reads (the catalog's unless configured; tests use their own). */
export function realtimeEventsReading(topics: {
  listings: string;
  notifications: string;
}): EventRegistry<EventPayloads> {
  return catalogRegistry({
    'listings.listing': topics.listings,
    'notifications.notification': topics.notifications,
  });
}

type Push = (pushed: string[]) => void;
const counted = (metrics: () => GatewayMetrics) => (pushed: string[]) =>
  pushed.forEach((event) => metrics().pushed.inc({ event }));

/** listings' snapshots → map viewports and organization staff (group LISTINGS_GROUP_ID). */
export function listingSubscriptions(
  io: () => GatewayServer,
  metrics: () => GatewayMetrics,
): EventHandlers<EventPayloads, RealtimeTx> {
  const push: Push = counted(metrics);
  return {
    'portfolioos.listings.ListingSnapshot': async (event) => push(pushListingSnapshot(io(), event.payload)),
  };
}

/** notifications' in-app events → the recipient's devices (group NOTIFICATIONS_GROUP_ID). */
export function notificationSubscriptions(
  io: () => GatewayServer,
  metrics: () => GatewayMetrics,
): EventHandlers<EventPayloads, RealtimeTx> {
  const push: Push = counted(metrics);
  return {
    'portfolioos.notifications.NotificationRequested': async (event) =>
      push(pushInAppNotification(io(), event.payload)),
    'portfolioos.notifications.NotificationRead': async (event) =>
      push(pushNotificationRead(io(), event.payload)),
  };
}
