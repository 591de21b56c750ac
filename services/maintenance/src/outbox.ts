import { enqueueEvent, type SqlExecutor } from '@portfolioos/events';
import { catalogRegistry, type EventPayloads } from '@portfolioos/schemas';

/** The event types the maintenance service publishes (maintenance.*), with their schemas and topics. */
export const maintenanceEvents = catalogRegistry();

export type MaintenanceEventType = Extract<keyof EventPayloads, `portfolioos.maintenance.${string}`>;

/** Writes a maintenance event to the outbox in the caller's transaction, keyed by its aggregate id. */
export function publish<T extends MaintenanceEventType>(
  tx: SqlExecutor,
  type: T,
  key: string,
  payload: EventPayloads[T] & { organization_id: string; occurred_at: number },
): Promise<string> {
  return enqueueEvent(tx, maintenanceEvents, {
    type,
    key,
    organizationId: payload.organization_id,
    occurredAt: new Date(payload.occurred_at),
    payload,
  });
}
