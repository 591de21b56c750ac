import type { NotificationRead, NotificationRequested } from '@portfolioos/schemas';

/** An in-app notification as the bell shows it (`notification`). */
export interface InAppNotification {
  notification_id: string;
  organization_id: string;
  template: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
}

/** Another device of the same person read a notification (`notification:read`): update the count. */
export interface NotificationReadPush {
  notification_id: string;
  read_at: string;
}

/** The push for a requested notification, or null unless it is for the in-app channel of a user. */
export function inAppNotification(event: NotificationRequested): InAppNotification | null {
  if (!event.recipient_user_id || !event.channels.includes('IN_APP')) return null;
  return {
    notification_id: event.notification_id,
    organization_id: event.organization_id,
    template: event.template,
    title: event.title,
    body: event.body,
    link: event.link ?? null,
    created_at: new Date(event.occurred_at).toISOString(),
  };
}

export function notificationReadPush(event: NotificationRead): NotificationReadPush {
  return { notification_id: event.notification_id, read_at: new Date(event.occurred_at).toISOString() };
}
