// bench:events' first figure: what the outbox row adds to a write, for a one-statement write and for a
// service-shaped command, with the row riding on the save (enqueueEventAlong) or as its own statement.
import { performance } from 'node:perf_hooks';
import { sql, type SQL } from 'drizzle-orm';
import { enqueueEvent, enqueueEventAlong, type HandlerTransaction } from '@portfolioos/events';
import { COUNTER_INCREMENTED, type Harness } from '@portfolioos/events/testing';
import { quantile } from '../lib/stats.js';

const ORG_ID = '6a1f0c52-35f4-4d4c-9d0e-8f6b0a6f1e01';

// A one-statement write: the least work a transaction can do, so the outbox row weighs most here.
function minimalWrite(tx: HandlerTransaction, i: number) {
  return tx.execute(minimalStatement(i));
}

function minimalStatement(i: number) {
  return sql`insert into counters values (${`w-${i % 50}`}, ${i})
    on conflict (counter_id) do update set value = excluded.value returning value`;
}

// What a service command does: scope to the organization, lock and read the aggregate, save it.
async function serviceWrite(
  tx: HandlerTransaction,
  i: number,
  save: (statement: SQL) => Promise<unknown> = (statement) => tx.execute(statement),
) {
  await tx.execute(sql`select set_config('app.org_id', ${ORG_ID}, true)`);
  await tx.execute(sql`select value from counters where counter_id = ${`w-${i % 50}`} for update`);
  await save(saveCounter(i));
}

function saveCounter(i: number) {
  return sql`update counters set value = ${i} where counter_id = ${`w-${i % 50}`} returning value`;
}

/** Each write shape with and without its outbox row, interleaved so drift hits all alike. */
export async function measureWriteOverhead(harness: Harness, pairs: number) {
  const series = {
    minimal: [] as number[],
    minimalOutbox: [] as number[],
    service: [] as number[],
    serviceOutbox: [] as number[],
    serviceOutboxApart: [] as number[],
  };
  const timed = async (into: number[], fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    into.push(performance.now() - t);
  };
  for (let i = 0; i < pairs; i++) {
    await timed(series.minimal, () => harness.db.transaction((tx) => minimalWrite(tx, i)));
    await timed(series.minimalOutbox, () =>
      harness.db.transaction((tx) =>
        enqueueEventAlong(tx, minimalStatement(i), harness.events, counterEvent(i)),
      ),
    );
    await timed(series.service, () => harness.db.transaction((tx) => serviceWrite(tx, i)));
    // The outbox row rides on the save (enqueueEventAlong): no extra round trip.
    await timed(series.serviceOutbox, () =>
      harness.db.transaction((tx) =>
        serviceWrite(tx, i, (save) => enqueueEventAlong(tx, save, harness.events, counterEvent(i))),
      ),
    );
    await timed(series.serviceOutboxApart, () =>
      harness.db.transaction(async (tx) => (await serviceWrite(tx, i), enqueue(tx, i))),
    );
  }
  await harness.pool.query('update outbox set sent_at = now()'); // not part of the throughput run
  const p50 = (xs: number[]) => quantile(xs, 0.5);
  return {
    minimal: p50(series.minimal),
    minimalOutbox: p50(series.minimalOutbox),
    service: p50(series.service),
    serviceOutbox: p50(series.serviceOutbox),
    serviceOutboxApart: p50(series.serviceOutboxApart),
  };

  function enqueue(tx: HandlerTransaction, i: number) {
    return enqueueEvent(tx, harness.events, counterEvent(i));
  }
}

function counterEvent(i: number) {
  return {
    type: COUNTER_INCREMENTED as typeof COUNTER_INCREMENTED,
    key: `w-${i % 50}`,
    organizationId: ORG_ID,
    payload: { counter_id: `w-${i % 50}`, seq: i, fail: false, note: null },
  };
}
