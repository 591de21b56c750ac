import { enqueueEvent, EventRegistry, type SqlExecutor } from '@portfolioos/events';
import { NOTE_RECORDED, noteRecordedSchema, type __Pascal__Events } from './example-events.js';

/** The event types the __name__ service publishes, with their schemas and topics. */
export const __camel__Events = new EventRegistry<__Pascal__Events>(
  { [NOTE_RECORDED]: noteRecordedSchema },
  { [NOTE_RECORDED]: '__name__.note' },
);

/** Writes a __name__ event to the outbox in the caller's transaction, keyed by its aggregate id. */
export function publish<T extends keyof __Pascal__Events>(
  tx: SqlExecutor,
  type: T,
  key: string,
  payload: __Pascal__Events[T],
): Promise<string> {
  return enqueueEvent(tx, __camel__Events, {
    type,
    key,
    organizationId: payload.organization_id,
    occurredAt: new Date(payload.occurred_at),
    payload,
  });
}
