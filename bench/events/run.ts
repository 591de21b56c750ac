// npm run bench:events — the event backbone on the real local stack: outbox write overhead,
// relay→consumer throughput and end-to-end latency. Run `npm run stack:up` first.
import { createHarness } from '@portfolioos/events/testing';
import { report } from '../lib/report.js';
import { measureLatency } from './latency.js';
import { measureThroughput } from './throughput.js';
import { measureWriteOverhead } from './write-overhead.js';

const WRITE_PAIRS = Number(process.env.BENCH_WRITE_PAIRS ?? 1500);
const THROUGHPUT_EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const LATENCY_EVENTS = Number(process.env.BENCH_LATENCY_EVENTS ?? 3000);
// Events per second offered in the latency run (spread over a few writers, as services write concurrently).
const LATENCY_RATE = Number(process.env.BENCH_LATENCY_RATE ?? 1000);
const NUDGE = !process.argv.includes('--no-nudge');
const RELAY_BATCH = Number(process.env.BENCH_RELAY_BATCH ?? 1000);

const h = await createHarness(3);
try {
  const overhead = await measureWriteOverhead(h, WRITE_PAIRS);
  const throughput = await measureThroughput(h, THROUGHPUT_EVENTS, RELAY_BATCH);
  const latency = await measureLatency(h, LATENCY_EVENTS, LATENCY_RATE, NUDGE);
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
        name: 'consumer alone, batch handler',
        unit: 'events/s',
        value: throughput.batchConsumerRate,
      },
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
      relayBatch: RELAY_BATCH,
      consumer: 'statement handler (effect + inbox in one statement per chunk)',
    },
  );
} finally {
  await h.close();
}
