import type { NotificationsTx } from '../db/database.js';
import { deliveryQueue, notifications } from '../db/schema.js';
import { eventChannel, publish } from '../outbox.js';
import type { Category, Channel } from '../routing/channels.js';
import type { Recipient } from '../routing/recipient.js';

/** A notification the planner decided on, before it is recorded. */
export interface NewNotification {
  orgId: string;
  causeEventId: string;
  causeEventType: string;
  recipient: Recipient;
  channel: Channel;
  /** E-mail address or phone number; null for in-app. */
  address: string | null;
  template: string;
  category: Category;
  locale: string;
  data: Record<string, unknown>;
  title: string;
  body: string;
  link: string | null;
  /** When an e-mail/SMS may go (quiet hours push SMS later); now when absent. */
  dueAt?: Date;
  /** Switched off by the recipient's preferences: recorded (so the decision is visible), never sent. */
  suppressed?: boolean;
}

/**
 * Records one notification unless the same (event, recipient, channel) already has one. A new in-app
 * notification is in the inbox at once; a new e-mail/SMS goes into the delivery queue. Each new one is
 * announced as NotificationRequested (realtime pushes the in-app ones). Returns whether it was new.
 */
export async function recordNotification(tx: NotificationsTx, n: NewNotification): Promise<boolean> {
  const inApp = n.channel === 'in_app';
  const status = n.suppressed ? 'suppressed' : inApp ? 'sent' : 'pending';
  const [row] = await tx
    .insert(notifications)
    .values({
      orgId: n.orgId,
      causeEventId: n.causeEventId,
      causeEventType: n.causeEventType,
      recipientKey: n.recipient.key,
      recipientUserId: n.recipient.userId,
      channel: n.channel,
      address: n.address,
      template: n.template,
      category: n.category,
      locale: n.locale,
      data: n.data,
      title: n.title,
      body: n.body,
      link: n.link,
      status,
    })
    .onConflictDoNothing()
    .returning({ id: notifications.id, createdAt: notifications.createdAt });
  if (!row) return false;
  if (status === 'suppressed') return true;
  if (!inApp)
    await tx
      .insert(deliveryQueue)
      .values({ notificationId: row.id, orgId: n.orgId, dueAt: n.dueAt ?? new Date() });
  await publish(tx, 'portfolioos.notifications.NotificationRequested', row.id, {
    notification_id: row.id,
    organization_id: n.orgId,
    occurred_at: row.createdAt.getTime(),
    recipient_user_id: n.recipient.userId,
    recipient_email: n.channel === 'email' ? n.address : null,
    recipient_phone: n.channel === 'sms' ? n.address : null,
    template: n.template,
    channels: [eventChannel(n.channel)],
    title: n.title,
    body: n.body,
    link: n.link,
    cause_event_id: n.causeEventId,
    cause_event_type: n.causeEventType,
  });
  return true;
}
