import { randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import { sql, type SQL } from 'drizzle-orm';
import type { EventRegistry } from '../event-registry.js';
import { tombstonePayloadJson } from './tombstone-payload.js';

/** Anything that runs SQL: a drizzle database or the transaction a service is writing in. */
export interface SqlExecutor {
  execute(query: SQL): Promise<unknown>;
}

/** One event to publish. `key` is the aggregate id: it picks the partition and so the ordering. */
export interface NewEvent<P extends object, T extends keyof P & string> {
  type: T;
  key: string;
  organizationId: string | null;
  payload: P[T];
  eventId?: string;
  occurredAt?: Date;
}

/**
 * Writes an event to the outbox inside the caller's transaction (never publishes directly: no dual
 * write). The payload is checked against its Avro schema here, so a bad event fails the business
 * transaction instead of stalling the relay later. Returns the event id.
 */
export async function enqueueEvent<P extends object, T extends keyof P & string>(
  tx: SqlExecutor,
  events: EventRegistry<P>,
  event: NewEvent<P, T>,
): Promise<string> {
  events.validate(event.type, event.payload);
  const eventId = event.eventId ?? randomUUID();
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  // No NOTIFY here: it takes a database-wide lock at commit, serialising every writing transaction.
  // The relay polls instead (and can be nudged in-process after a commit).
  await tx.execute(sql`
    insert into outbox (event_id, event_type, topic, key, payload, organization_id, occurred_at, traceparent, tracestate)
    values (${eventId}, ${event.type}, ${events.topicOf(event.type)}, ${event.key},
            ${JSON.stringify(event.payload)}::jsonb, ${event.organizationId},
            ${(event.occurredAt ?? new Date()).toISOString()}, ${carrier.traceparent ?? null}, ${carrier.tracestate ?? null})`);
  return eventId;
}

// 9 parameters a row; PostgreSQL takes at most 65,535 per statement.
const ROWS_PER_INSERT = 1000;

/**
 * enqueueEvent for many events at once: the same checks, one multi-row insert per 1,000 events (outbox
 * ids, and so publication order, follow the array). For bulk writes such as imports and seeding, where
 * one round trip per event would dominate. Returns the event ids in order.
 */
export async function enqueueEvents<P extends object, T extends keyof P & string>(
  tx: SqlExecutor,
  events: EventRegistry<P>,
  batch: readonly NewEvent<P, T>[],
): Promise<string[]> {
  for (const event of batch) events.validate(event.type, event.payload);
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  const now = new Date().toISOString();
  const ids = batch.map((event) => event.eventId ?? randomUUID());
  for (let start = 0; start < batch.length; start += ROWS_PER_INSERT) {
    const rows = batch.slice(start, start + ROWS_PER_INSERT).map(
      (event, i) => sql`(${ids[start + i]}, ${event.type}, ${events.topicOf(event.type)}, ${event.key},
        ${JSON.stringify(event.payload)}::jsonb, ${event.organizationId},
        ${event.occurredAt?.toISOString() ?? now}, ${carrier.traceparent ?? null}, ${carrier.tracestate ?? null})`,
    );
    await tx.execute(sql`
      insert into outbox (event_id, event_type, topic, key, payload, organization_id, occurred_at, traceparent, tracestate)
      values ${sql.join(rows, sql`, `)}`);
  }
  return ids;
}

/** A deletion on a compacted topic: `type` names the snapshot event whose key is going away. */
export interface NewTombstone<P extends object, T extends keyof P & string> {
  type: T;
  key: string;
  organizationId: string | null;
  /**
   * The aggregate's version at deletion, greater than every snapshot of it (e.g. last version + 1).
   * Sent as the `aggregate-version` header, so a reader can keep a replayed older snapshot from
   * bringing the aggregate back.
   */
  version?: number;
  eventId?: string;
  occurredAt?: Date;
}

/**
 * Writes a tombstone to the outbox inside the caller's transaction: the relay publishes it as a null
 * value (so log compaction drops the key) with the envelope headers of `type` (and its version), and
 * consumers receive it through `onTombstone`. Returns the event id.
 */
export async function enqueueTombstone<P extends object, T extends keyof P & string>(
  tx: SqlExecutor,
  events: EventRegistry<P>,
  tombstone: NewTombstone<P, T>,
): Promise<string> {
  const eventId = tombstone.eventId ?? randomUUID();
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  await tx.execute(sql`
    insert into outbox (event_id, event_type, topic, key, payload, organization_id, occurred_at, traceparent, tracestate)
    values (${eventId}, ${tombstone.type}, ${events.topicOf(tombstone.type)}, ${tombstone.key},
            ${tombstonePayloadJson(tombstone.version)}::jsonb,
            ${tombstone.organizationId}, ${(tombstone.occurredAt ?? new Date()).toISOString()},
            ${carrier.traceparent ?? null}, ${carrier.tracestate ?? null})`);
  return eventId;
}
