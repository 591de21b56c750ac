import { trace } from '@opentelemetry/api';
import { sql } from 'drizzle-orm';
import type { ConsumedEvent, EventHandlers, HandlerTransaction } from '../../src/index.js';
import { COUNTER_INCREMENTED, type TestEvents } from './test-events.js';

/** Records each applied event as an effect row; throws for events marked `fail`. */
export async function recordCounterEffect(
  event: ConsumedEvent<TestEvents, typeof COUNTER_INCREMENTED>,
  tx: HandlerTransaction,
): Promise<void> {
  if (event.payload.fail)
    throw new Error(`counter ${event.payload.counter_id} step ${event.payload.seq} refused`);
  const traceId = trace.getActiveSpan()?.spanContext().traceId ?? null;
  await tx.execute(sql`insert into counter_effects (event_id, counter_id, seq, trace_id)
                       values (${event.envelope.eventId}, ${event.payload.counter_id}, ${event.payload.seq}, ${traceId})`);
}

export const counterHandlers: EventHandlers<TestEvents, HandlerTransaction> = {
  [COUNTER_INCREMENTED]: recordCounterEffect,
};
