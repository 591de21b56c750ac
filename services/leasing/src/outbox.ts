import { enqueueEvent, EventRegistry, type SqlExecutor } from '@portfolioos/events';
import { NOTE_RECORDED, noteRecordedSchema, type LeasingEvents } from './example-events.js';

/** The event types the leasing service publishes, with their schemas and topics. */
export const leasingEvents = new EventRegistry<LeasingEvents>(
  { [NOTE_RECORDED]: noteRecordedSchema },
  { [NOTE_RECORDED]: 'leasing.note' },
);

/** Writes a leasing event to the outbox in the caller's transaction, keyed by its aggregate id. */
export function publish<T extends keyof LeasingEvents>(
  tx: SqlExecutor,
  type: T,
  key: string,
  payload: LeasingEvents[T],
): Promise<string> {
  return enqueueEvent(tx, leasingEvents, {
    type,
    key,
    organizationId: payload.organization_id,
    occurredAt: new Date(payload.occurred_at),
    payload,
  });
}
