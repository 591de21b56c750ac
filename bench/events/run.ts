// npm run bench:events — the event backbone on the real local stack: outbox write overhead,
// relay→consumer throughput and end-to-end latency. Run `npm run stack:up` first.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { uniqueName } from '@portfolioos/testing';
import { enqueueEvent, EventConsumer, OutboxRelay, type HandlerTransaction } from '@portfolioos/events';
import {
  createHarness,
  eventually,
  silentLogger,
  type Harness,
} from '../../libs/events/test/support/harness.js';
import { recordCounterEffect } from '../../libs/events/test/support/counter-handler.js';
import { COUNTER_INCREMENTED, type TestEvents } from '../../libs/events/test/support/test-events.js';
import { report } from '../lib/report.js';
import { quantile } from '../lib/stats.js';

const WRITE_PAIRS = Number(process.env.BENCH_WRITE_PAIRS ?? 1500);
const THROUGHPUT_EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const LATENCY_EVENTS = Number(process.env.BENCH_LATENCY_EVENTS ?? 1000);

const h = await createHarness(3);
try {
  const overhead = await measureWriteOverhead(h);
  const throughput = await measureThroughput(h);
  const latency = await measureLatency(h);
  report(
    'events',
    [
      { name: 'write alone p50', unit: 'ms', value: overhead.alone },
      { name: 'write + outbox p50', unit: 'ms', value: overhead.withOutbox },
      {
        name: 'outbox overhead p50 ratio',
        unit: '×',
        value: overhead.withOutbox / overhead.alone,
        target: { kind: 'max', value: 1.15 },
      },
      { name: 'relay publish rate', unit: 'events/s', value: throughput.relayRate },
      {
        name: 'relay→consumer throughput',
        unit: 'events/s',
        value: throughput.endToEndRate,
        target: { kind: 'min', value: 5000 },
      },
      { name: 'end-to-end latency p50', unit: 'ms', value: latency.p50 },
      { name: 'end-to-end latency p99', unit: 'ms', value: latency.p99 },
    ],
    {
      writePairs: WRITE_PAIRS,
      throughputEvents: THROUGHPUT_EVENTS,
      latencyEvents: LATENCY_EVENTS,
      partitions: 3,
    },
  );
} finally {
  await h.close();
}

/** The same business write with and without its outbox row, interleaved so drift hits both alike. */
async function measureWriteOverhead(harness: Harness) {
  const alone: number[] = [];
  const withOutbox: number[] = [];
  const write = (tx: HandlerTransaction, i: number) =>
    tx.execute(sql`insert into counters values (${`w-${i % 50}`}, ${i})
                   on conflict (counter_id) do update set value = excluded.value`);
  for (let i = 0; i < WRITE_PAIRS; i++) {
    let t = performance.now();
    await harness.db.transaction((tx) => write(tx, i));
    alone.push(performance.now() - t);
    t = performance.now();
    await harness.db.transaction(async (tx) => {
      await write(tx, i);
      await enqueueEvent(tx, harness.events, {
        type: COUNTER_INCREMENTED,
        key: `w-${i % 50}`,
        organizationId: null,
        payload: { counter_id: `w-${i % 50}`, seq: i, fail: false, note: null },
      });
    });
    withOutbox.push(performance.now() - t);
  }
  await harness.pool.query('update outbox set sent_at = now()'); // not part of the throughput run
  return { alone: quantile(alone, 0.5), withOutbox: quantile(withOutbox, 0.5) };
}

/** A backlog of events drained by the relay while a consumer group applies them with its inbox. */
async function measureThroughput(harness: Harness) {
  await harness.pool.query(
    `insert into outbox (event_id, event_type, topic, key, payload, occurred_at)
     select gen_random_uuid(), $1, $2, 'k-' || (n % 30),
            jsonb_build_object('counter_id', 'k-' || (n % 30), 'seq', n, 'fail', false, 'note', null), now()
       from generate_series(1, $3) as n`,
    [COUNTER_INCREMENTED, harness.topic, THROUGHPUT_EVENTS],
  );
  const consumer = consumerOf(harness, recordCounterEffect);
  await consumer.start();
  await consumer.joinedGroup();
  const relay = new OutboxRelay({
    pool: harness.pool,
    producer: harness.producer,
    serde: harness.serde,
    source: 'bench',
    logger: silentLogger,
    batchSize: 1000,
  });
  const started = performance.now();
  await relay.start();
  let published = 0;
  await eventually(
    'the relay to drain the outbox',
    async () => {
      const { rows } = await harness.pool.query(
        'select count(*)::int as n from outbox where sent_at is null',
      );
      if (rows[0].n === 0 && !published) published = performance.now();
      return rows[0].n === 0;
    },
    300_000,
  );
  await eventually(
    'every event applied',
    async () => {
      const { rows } = await harness.pool.query('select count(*)::int as n from counter_effects');
      return rows[0].n >= THROUGHPUT_EVENTS;
    },
    300_000,
  );
  const applied = performance.now();
  await consumer.stop();
  await relay.stop();
  return {
    relayRate: THROUGHPUT_EVENTS / ((published - started) / 1000),
    endToEndRate: THROUGHPUT_EVENTS / ((applied - started) / 1000),
  };
}

/** Single events written one after another while relay and consumer idle-wait: commit → applied. */
async function measureLatency(harness: Harness) {
  const latencies: number[] = [];
  const consumer = consumerOf(
    harness,
    async (event, tx) => {
      await recordCounterEffect(event, tx);
      latencies.push(Date.now() - event.envelope.occurredAt.getTime());
    },
    false,
  );
  await consumer.start();
  await consumer.joinedGroup();
  const relay = new OutboxRelay({
    pool: harness.pool,
    producer: harness.producer,
    serde: harness.serde,
    source: 'bench',
    logger: silentLogger,
  });
  await relay.start();
  for (let i = 0; i < LATENCY_EVENTS; i++) {
    await harness.enqueueCounter(`lat-${i % 10}`, [i]);
    await new Promise((r) => setTimeout(r, 2));
  }
  await eventually('latency events applied', async () => latencies.length >= LATENCY_EVENTS, 120_000);
  await consumer.stop();
  await relay.stop();
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) };
}

function consumerOf(
  harness: Harness,
  handler: (event: Parameters<typeof recordCounterEffect>[0], tx: HandlerTransaction) => Promise<void>,
  fromBeginning = true,
) {
  return new EventConsumer<TestEvents, HandlerTransaction>({
    kafka: harness.kafka,
    groupId: uniqueName('bench'),
    db: harness.db,
    events: harness.events,
    serde: harness.serde,
    handlers: { [COUNTER_INCREMENTED]: handler },
    logger: silentLogger,
    sessionTimeoutMs: 6000,
    fromBeginning,
  });
}
