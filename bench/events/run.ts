// npm run bench:events — the event backbone on the real local stack: outbox write overhead,
// relay→consumer throughput and end-to-end latency. Run `npm run stack:up` first.
import { performance } from 'node:perf_hooks';
import { uniqueName } from '@portfolioos/testing';
import { EventConsumer, OutboxRelay, type BatchHandler, type HandlerTransaction } from '@portfolioos/events';
import {
  COUNTER_INCREMENTED,
  createHarness,
  eventually,
  recordCounterEffect,
  silentLogger,
  type Harness,
  counterBatchHandler,
  type TestEvents,
} from '@portfolioos/events/testing';
import { report } from '../lib/report.js';
import { measureWriteOverhead } from './write-overhead.js';
import { quantile } from '../lib/stats.js';

const WRITE_PAIRS = Number(process.env.BENCH_WRITE_PAIRS ?? 1500);
const THROUGHPUT_EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const LATENCY_EVENTS = Number(process.env.BENCH_LATENCY_EVENTS ?? 3000);
// Events per second offered in the latency run (spread over a few writers, as services write concurrently).
const LATENCY_RATE = Number(process.env.BENCH_LATENCY_RATE ?? 1000);
const NUDGE = !process.argv.includes('--no-nudge');

const h = await createHarness(3);
try {
  const overhead = await measureWriteOverhead(h, WRITE_PAIRS);
  const throughput = await measureThroughput(h);
  const latency = await measureLatency(h);
  report(
    'events',
    [
      { name: 'one-statement write p50', unit: 'ms', value: overhead.minimal },
      { name: 'one-statement write + outbox p50', unit: 'ms', value: overhead.minimalOutbox },
      { name: 'one-statement outbox ratio p50', unit: '×', value: overhead.minimalOutbox / overhead.minimal },
      { name: 'service write p50', unit: 'ms', value: overhead.service },
      { name: 'service write + outbox p50', unit: 'ms', value: overhead.serviceOutbox },
      {
        name: 'service write outbox ratio p50',
        unit: '×',
        value: overhead.serviceOutbox / overhead.service,
        target: { kind: 'max', value: 1.15 },
      },
      {
        name: 'service write outbox ratio p50, outbox as its own statement',
        unit: '×',
        value: overhead.serviceOutboxApart / overhead.service,
      },
      { name: 'relay alone (outbox → Kafka)', unit: 'events/s', value: throughput.relayRate },
      { name: 'consumer alone (Kafka → effect + inbox)', unit: 'events/s', value: throughput.consumerRate },
      {
        name: 'consumer alone, per-event handlers',
        unit: 'events/s',
        value: throughput.perEventConsumerRate,
      },
      {
        name: 'relay→consumer pipeline',
        unit: 'events/s',
        value: throughput.pipelineRate,
        target: { kind: 'min', value: 10_000 },
      },
      { name: 'end-to-end latency p50', unit: 'ms', value: latency.p50 },
      {
        name: 'end-to-end latency p99',
        unit: 'ms',
        value: latency.p99,
        target: { kind: 'max', value: 100 },
      },
      { name: 'latency run offered rate', unit: 'events/s', value: latency.rate },
    ],
    {
      nudgedRelay: NUDGE,
      writePairs: WRITE_PAIRS,
      throughputEvents: THROUGHPUT_EVENTS,
      latencyEvents: LATENCY_EVENTS,
      latencyRate: LATENCY_RATE,
      partitions: 3,
      consumer: 'batch handler (multi-row effect + inbox per chunk)',
    },
  );
} finally {
  await h.close();
}

/**
 * Each stage alone (relay draining a backlog to Kafka; a consumer group applying a full topic with its
 * inbox), then both at once on a fresh backlog: the pipeline rate is what a producer service → consumer
 * service path sustains, the stage rates show which side limits it.
 */
async function measureThroughput(harness: Harness) {
  const relay = new OutboxRelay({
    pool: harness.pool,
    producer: harness.producer,
    serde: harness.serde,
    source: 'bench',
    logger: silentLogger,
    batchSize: 1000,
  });
  await fillOutbox(harness, 1);
  let started = performance.now();
  while ((await relay.relayBatch()) > 0);
  const relayRate = THROUGHPUT_EVENTS / ((performance.now() - started) / 1000);

  const consumer = consumerOf(harness, recordCounterEffect, counterBatchHandler());
  await consumer.start();
  await consumer.joinedGroup();
  started = performance.now();
  await effectsReach(harness, THROUGHPUT_EVENTS);
  const consumerRate = THROUGHPUT_EVENTS / ((performance.now() - started) / 1000);

  // The same topic through per-event handlers (one statement per event), for comparison.
  const perEvent = consumerOf(harness, recordCounterEffect);
  await perEvent.start();
  await perEvent.joinedGroup();
  started = performance.now();
  await effectsReach(harness, 2 * THROUGHPUT_EVENTS);
  const perEventConsumerRate = THROUGHPUT_EVENTS / ((performance.now() - started) / 1000);
  await perEvent.stop();

  await fillOutbox(harness, THROUGHPUT_EVENTS + 1);
  started = performance.now();
  await relay.start();
  await effectsReach(harness, 3 * THROUGHPUT_EVENTS);
  const pipelineRate = THROUGHPUT_EVENTS / ((performance.now() - started) / 1000);
  await consumer.stop();
  await relay.stop();
  return { relayRate, consumerRate, perEventConsumerRate, pipelineRate };
}

function fillOutbox(harness: Harness, firstSeq: number) {
  return harness.pool.query(
    `insert into outbox (event_id, event_type, topic, key, payload, occurred_at)
     select gen_random_uuid(), $1, $2, 'k-' || (n % 30),
            jsonb_build_object('counter_id', 'k-' || (n % 30), 'seq', n, 'fail', false, 'note', null), now()
       from generate_series($3::int, $3::int + $4::int - 1) as n`,
    [COUNTER_INCREMENTED, harness.topic, firstSeq, THROUGHPUT_EVENTS],
  );
}

function effectsReach(harness: Harness, count: number) {
  return eventually(
    `${count} effects`,
    async () => {
      const { rows } = await harness.pool.query('select count(*)::int as n from counter_effects');
      return rows[0].n >= count;
    },
    300_000,
  );
}

/**
 * Commit → applied, with events offered at LATENCY_RATE by a few concurrent writers while relay and
 * consumer run. The relay is nudged after each commit (default) or, with --no-nudge, finds the row on
 * its 50 ms poll. "Applied" is when the consumer's batch handler wrote the effect.
 */
async function measureLatency(harness: Harness) {
  const latencies: number[] = [];
  const effects = counterBatchHandler();
  const timedEffects: BatchHandler<TestEvents, HandlerTransaction> = async (records, tx) => {
    const outcomes = await effects(records, tx);
    const now = Date.now();
    for (const r of records)
      if (r.kind === 'event') latencies.push(now - r.event.envelope.occurredAt.getTime());
    return outcomes;
  };
  const consumer = consumerOf(harness, recordCounterEffect, timedEffects, false);
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
  const writers = 4;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = w; i < LATENCY_EVENTS; i += writers) {
        // Paced: event i is due at i / rate seconds; a writer that falls behind writes at once.
        const due = started + (i * 1000) / LATENCY_RATE;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        await harness.enqueueCounter(`lat-${i % 10}`, [i]);
        // As a service does after a committed write; without it the relay finds the row on its next poll.
        if (NUDGE) relay.nudge();
      }
    }),
  );
  const rate = LATENCY_EVENTS / ((performance.now() - started) / 1000);
  await eventually('latency events applied', async () => latencies.length >= LATENCY_EVENTS, 120_000);
  await consumer.stop();
  await relay.stop();
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), rate };
}

function consumerOf(
  harness: Harness,
  handler: (event: Parameters<typeof recordCounterEffect>[0], tx: HandlerTransaction) => Promise<void>,
  batchHandler?: BatchHandler<TestEvents, HandlerTransaction>,
  fromBeginning = true,
) {
  return new EventConsumer<TestEvents, HandlerTransaction>({
    kafka: harness.kafka,
    groupId: uniqueName('bench'),
    db: harness.db,
    events: harness.events,
    serde: harness.serde,
    handlers: { [COUNTER_INCREMENTED]: handler },
    batchHandler,
    logger: silentLogger,
    sessionTimeoutMs: 6000,
    fromBeginning,
  });
}
