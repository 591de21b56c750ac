import { randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import { sql, type SQL } from 'drizzle-orm';
import type { EventRegistry } from '../event-registry.js';
import type { NewEvent, SqlExecutor } from './enqueue-event.js';

/**
 * enqueueEvent in the same round trip as the business statement: `statement` (an insert, update or
 * delete … returning, or a select) and the outbox insert run as one statement, and the event is written
 * only if `statement` returns a row. The outbox insert reads the statement's result, so the aggregate
 * row is written (and locked) before the outbox id is drawn: per-aggregate order holds as with two
 * statements. Returns the statement's rows and the event id (null when no row came back, so no event).
 */
export async function enqueueEventAlong<R, P extends object, T extends keyof P & string>(
  tx: SqlExecutor,
  statement: SQL,
  events: EventRegistry<P>,
  event: NewEvent<P, T>,
): Promise<{ rows: R[]; eventId: string | null }> {
  events.validate(event.type, event.payload);
  const eventId = event.eventId ?? randomUUID();
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  // Parameters in a select list get no type from the insert's columns, hence the casts.
  const result = (await tx.execute(sql`
    with business as (${statement}),
    queued as (
      insert into outbox (event_id, event_type, topic, key, payload, organization_id, occurred_at, traceparent, tracestate)
      select ${eventId}::uuid, ${event.type}::text, ${events.topicOf(event.type)}::text, ${event.key}::text,
             ${JSON.stringify(event.payload)}::jsonb, ${event.organizationId}::uuid,
             ${(event.occurredAt ?? new Date()).toISOString()}::timestamptz,
             ${carrier.traceparent ?? null}::text, ${carrier.tracestate ?? null}::text
        from (select 1 from business limit 1) as changed
      returning event_id
    )
    select business.*, (select count(*) from queued)::int as "$queued" from business`)) as {
    rows: (R & { $queued: number })[];
  };
  const rows = result.rows.map(({ $queued: _, ...row }) => row as R);
  return { rows, eventId: result.rows[0]?.$queued ? eventId : null };
}
