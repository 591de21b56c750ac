import { enqueueEvent, type SqlExecutor } from '@portfolioos/events';
import { catalogRegistry, type EventPayloads } from '@portfolioos/schemas';

/** The event types the notifications service publishes (notifications.*), with their schemas and topics. */
export const notificationsEvents = catalogRegistry();

export type NotificationsEventType = Extract<keyof EventPayloads, `portfolioos.notifications.${string}`>;

/** Writes a notifications event to the outbox in the caller's transaction, keyed by its aggregate id. */
export function publish<T extends NotificationsEventType>(
  tx: SqlExecutor,
  type: T,
  key: string,
  payload: EventPayloads[T] & { organization_id: string; occurred_at: number },
): Promise<string> {
  return enqueueEvent(tx, notificationsEvents, {
    type,
    key,
    organizationId: payload.organization_id,
    occurredAt: new Date(payload.occurred_at),
    payload,
  });
}

/** A channel as the Avro enum spells it. */
export const eventChannel = (channel: 'email' | 'sms' | 'in_app') =>
  (channel === 'in_app' ? 'IN_APP' : channel.toUpperCase()) as 'EMAIL' | 'SMS' | 'IN_APP';
