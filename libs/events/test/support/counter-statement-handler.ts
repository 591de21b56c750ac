import { sql } from 'drizzle-orm';
import type { ConsumedRecord, StatementHandler } from '../../src/index.js';
import type { TestEvents } from './test-events.js';

/**
 * A statement counterpart of recordCounterEffect: one multi-row insert of the chunk's fresh events, in
 * chunk order. An event marked `fail` fails the whole statement (the chunk then goes one by one).
 * Remembers the records of every call in `calls`, if given.
 */
export function counterStatementHandler(
  calls?: ConsumedRecord<TestEvents>[][],
): StatementHandler<TestEvents> {
  return (records, fresh) => {
    calls?.push(records);
    const events = records.flatMap((r) => (r.kind === 'event' ? [r.event] : []));
    // A division by zero stands for a statement the database refuses (a constraint, a bad value).
    const divisor = events.some((e) => e.payload.fail) ? 0 : 1;
    return [
      sql`insert into counter_effects (event_id, counter_id, seq)
          select e.event_id, e.counter_id, e.seq / ${divisor}::bigint
            from unnest(${sql.param(events.map((e) => e.envelope.eventId))}::uuid[],
                        ${sql.param(events.map((e) => e.payload.counter_id))}::text[],
                        ${sql.param(events.map((e) => e.payload.seq))}::bigint[])
                 with ordinality as e(event_id, counter_id, seq, n)
           where e.event_id in (select event_id from ${fresh})
           order by e.n`,
    ];
  };
}
