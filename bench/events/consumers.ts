// The consumers bench:events drives: per-event handlers, a batch handler, or a statement handler
// (one statement per chunk with its inbox rows), on the harness's topic with a fresh group each.
import { sql } from 'drizzle-orm';
import { uniqueName } from '@portfolioos/testing';
import {
  EventConsumer,
  type BatchHandler,
  type HandlerTransaction,
  type StatementHandler,
} from '@portfolioos/events';
import {
  COUNTER_INCREMENTED,
  counterStatementHandler,
  recordCounterEffect,
  silentLogger,
  type Harness,
  type TestEvents,
} from '@portfolioos/events/testing';

export interface ConsumerShape {
  batchHandler?: BatchHandler<TestEvents, HandlerTransaction>;
  statementHandler?: StatementHandler<TestEvents>;
  fromBeginning?: boolean;
}

export function consumerOf(harness: Harness, shape: ConsumerShape = {}) {
  return new EventConsumer<TestEvents, HandlerTransaction>({
    kafka: harness.kafka,
    groupId: uniqueName('bench'),
    db: harness.db,
    events: harness.events,
    serde: harness.serde,
    handlers: { [COUNTER_INCREMENTED]: recordCounterEffect },
    ...shape,
    logger: silentLogger,
    sessionTimeoutMs: 6000,
  });
}

/**
 * The counter statement handler plus a second statement that notes when each fresh event was applied
 * (PostgreSQL's clock, the same machine's as the writer's occurred_at), for the latency run.
 */
export function timedStatementHandler(): StatementHandler<TestEvents> {
  const effects = counterStatementHandler();
  return (records, fresh) => [
    ...effects(records, fresh),
    sql`insert into bench_applied (event_id, occurred_at)
        select r.event_id, r.occurred_at
          from unnest(${sql.param(records.flatMap((r) => (r.kind === 'event' ? [r.event.envelope.eventId] : [])))}::uuid[],
                      ${sql.param(records.flatMap((r) => (r.kind === 'event' ? [r.event.envelope.occurredAt.toISOString()] : [])))}::timestamptz[])
               as r(event_id, occurred_at)
         where r.event_id in (select event_id from ${fresh})`,
  ];
}

export const benchAppliedDdl = `create table if not exists bench_applied (
  event_id uuid primary key,
  occurred_at timestamptz not null,
  applied_at timestamptz not null default clock_timestamp()
)`;
