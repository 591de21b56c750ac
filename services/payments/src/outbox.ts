import { enqueueEvent, type SqlExecutor } from '@portfolioos/events';
import { catalogRegistry, type EventPayloads } from '@portfolioos/schemas';

/** The event types the payments service publishes (payments.*), with their schemas and topics. */
export const paymentsEvents = catalogRegistry();

export type PaymentsEventType = Extract<keyof EventPayloads, `portfolioos.payments.${string}`>;

/** Writes a payments event to the outbox in the caller's transaction, keyed by its aggregate id. */
export function publish<T extends PaymentsEventType>(
  tx: SqlExecutor,
  type: T,
  key: string,
  payload: EventPayloads[T] & { organization_id: string; occurred_at: number },
): Promise<string> {
  return enqueueEvent(tx, paymentsEvents, {
    type,
    key,
    organizationId: payload.organization_id,
    occurredAt: new Date(payload.occurred_at),
    payload,
  });
}
