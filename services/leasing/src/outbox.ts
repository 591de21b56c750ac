import { enqueueEvent, type SqlExecutor } from '@portfolioos/events';
import { catalogRegistry, type EventPayloads } from '@portfolioos/schemas';

/** The event types the leasing service publishes (leasing.*), with their schemas and topics. */
export const leasingEvents = catalogRegistry();

export type LeasingEventType = Extract<keyof EventPayloads, `portfolioos.leasing.${string}`>;

/** Writes a leasing event to the outbox in the caller's transaction, keyed by its aggregate id. */
export function publish<T extends LeasingEventType>(
  tx: SqlExecutor,
  type: T,
  key: string,
  payload: EventPayloads[T] & { organization_id: string; occurred_at: number },
): Promise<string> {
  return enqueueEvent(tx, leasingEvents, {
    type,
    key,
    organizationId: payload.organization_id,
    occurredAt: new Date(payload.occurred_at),
    payload,
  });
}
