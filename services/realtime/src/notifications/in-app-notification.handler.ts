import type { NotificationRead, NotificationRequested } from '@portfolioos/schemas';
import { userRoom } from '../gateway/rooms.js';
import type { GatewayServer } from '../gateway/socket-data.js';
import { inAppNotification, notificationReadPush } from './in-app-notification.js';

// The seam for the notifications service's in-app events (issue 15): NotificationRequested with IN_APP
// among its channels and a recipient_user_id is pushed to that person's room on every device; the inbox
// of the consumer (groupId NOTIFICATIONS_GROUP_ID) makes a redelivered event push nothing more.

/** A notification for a person was created: ring their bell. Returns the pushed event names. */
export function pushInAppNotification(io: GatewayServer, event: NotificationRequested): string[] {
  const notification = inAppNotification(event);
  if (!notification || !event.recipient_user_id) return [];
  io.to(userRoom(event.recipient_user_id)).emit('notification', notification);
  return ['notification'];
}

/** The person read a notification somewhere: their other devices update the unread count. */
export function pushNotificationRead(io: GatewayServer, event: NotificationRead): string[] {
  io.to(userRoom(event.recipient_user_id)).emit('notification:read', notificationReadPush(event));
  return ['notification:read'];
}
