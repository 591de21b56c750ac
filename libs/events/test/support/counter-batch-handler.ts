import { sql } from 'drizzle-orm';
import type { BatchHandler, BatchOutcome, ConsumedRecord, HandlerTransaction } from '../../src/index.js';
import type { TestEvents } from './test-events.js';

/** Marks an event that fails in a batch but succeeds alone (a transient, per-item failure). */
export const FLAKY_IN_BATCH = 'flaky-in-batch';

/**
 * A batch counterpart of recordCounterEffect: one multi-row insert for the chunk. Events marked `fail`
 * fail here too; FLAKY_IN_BATCH ones fail only here. Remembers the records of every call in `calls`, if given.
 */
export function counterBatchHandler(calls?: ConsumedRecord<TestEvents>[][]) {
  const handler: BatchHandler<TestEvents, HandlerTransaction> = async (records, tx) => {
    calls?.push(records);
    const outcomes: BatchOutcome[] = records.map((r) =>
      r.kind === 'event' && (r.event.payload.fail || r.event.payload.note === FLAKY_IN_BATCH)
        ? { ok: false, error: new Error(`step ${r.event.payload.seq} refused in batch`) }
        : { ok: true },
    );
    const rows = records.flatMap((r, i) =>
      r.kind === 'event' && outcomes[i]!.ok
        ? [sql`(${r.event.envelope.eventId}, ${r.event.payload.counter_id}, ${r.event.payload.seq})`]
        : [],
    );
    if (rows.length > 0) {
      await tx.execute(
        sql`insert into counter_effects (event_id, counter_id, seq) values ${sql.join(rows, sql`, `)}`,
      );
    }
    return outcomes;
  };
  return handler;
}
