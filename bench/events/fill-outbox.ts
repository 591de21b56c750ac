import { COUNTER_INCREMENTED, type Harness } from '@portfolioos/events/testing';

/** Writes `count` counter events (seq firstSeq…) into the outbox in one statement, over 30 keys. */
export function fillOutbox(harness: Harness, firstSeq: number, count: number) {
  return harness.pool.query(
    `insert into outbox (event_id, event_type, topic, key, payload, occurred_at)
     select gen_random_uuid(), $1, $2, 'k-' || (n % 30),
            jsonb_build_object('counter_id', 'k-' || (n % 30), 'seq', n, 'fail', false, 'note', null), now()
       from generate_series($3::int, $3::int + $4::int - 1) as n`,
    [COUNTER_INCREMENTED, harness.topic, firstSeq, count],
  );
}
