import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Events waiting to be published, written in the same transaction as the state change they describe.
 * Services re-export this table from their db/schema.ts so their migrations create it. It carries no
 * row-level-security policy: the relay reads across organizations.
 */
export const outbox = pgTable(
  'outbox',
  {
    // Publication order. Per-aggregate order holds because a service locks/writes the aggregate row
    // before enqueuing its event, so a later event of one aggregate always gets a larger id.
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: uuid('event_id').notNull().unique(),
    eventType: text('event_type').notNull(),
    topic: text('topic').notNull(),
    key: text('key').notNull(),
    payload: jsonb('payload').notNull(),
    organizationId: uuid('organization_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    traceparent: text('traceparent'),
    tracestate: text('tracestate'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('outbox_unsent_idx')
      .on(t.id)
      .where(sql`${t.sentAt} is null`),
  ],
);

/**
 * Events a consumer has applied, recorded in the same transaction as the effect, so a redelivered
 * event is recognised and skipped (exactly-once effects over at-least-once delivery).
 */
export const inbox = pgTable(
  'inbox',
  {
    consumer: text('consumer').notNull(),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);
