// npm run bench:events:profile — where a consumer's time goes: the consumer-alone run of bench:events
// with timing spans around decoding, each statement (inbox insert, effect insert), begin and commit.
// What is left of the wall clock is waiting on Kafka (fetches, offset commits) and the event loop.
import { performance } from 'node:perf_hooks';
import { uniqueName } from '@portfolioos/testing';
import type { AvroSerde } from '@portfolioos/events';
import { EventConsumer, type HandlerTransaction, type TransactionalDatabase } from '@portfolioos/events';
import {
  COUNTER_INCREMENTED,
  counterBatchHandler,
  counterStatementHandler,
  createHarness,
  eventually,
  recordCounterEffect,
  silentLogger,
  type TestEvents,
} from '@portfolioos/events/testing';
import { fillOutbox } from './fill-outbox.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
// `batch` (default): the batch handler in a transaction; `statement`: one statement per chunk.
const HANDLER = process.env.BENCH_PROFILE_HANDLER === 'statement' ? 'statement' : 'batch';
const PARTITIONS = 3;
const CHUNK_SIZE = process.env.BENCH_CHUNK ? Number(process.env.BENCH_CHUNK) : undefined;

type Span =
  | 'begin'
  | 'inbox insert'
  | 'effect statements'
  | 'other statements'
  | 'commit'
  | 'decode'
  | 'chunk statement (effect + inbox, autocommit)';
const spent = new Map<Span, number>();
const count = new Map<Span, number>();
const add = (span: Span, ms: number) => {
  spent.set(span, (spent.get(span) ?? 0) + ms);
  count.set(span, (count.get(span) ?? 0) + 1);
};
const chunkSizes: number[] = [];

const h = await createHarness(PARTITIONS);
try {
  await fillOutbox(h, 1, EVENTS);
  const relay = h.relay({ batchSize: 1000 });
  while ((await relay.relayBatch()) > 0);

  const consumer = new EventConsumer<TestEvents, HandlerTransaction>({
    kafka: h.kafka,
    groupId: uniqueName('bench-profile'),
    db: timedDatabase(h.db),
    events: h.events,
    serde: timedSerde(h.serde),
    handlers: { [COUNTER_INCREMENTED]: recordCounterEffect },
    ...(HANDLER === 'statement'
      ? {
          statementHandler: (records, fresh) => (
            chunkSizes.push(records.length),
            counterStatementHandler()(records, fresh)
          ),
        }
      : {
          batchHandler: async (records, tx) => (
            chunkSizes.push(records.length),
            counterBatchHandler()(records, tx)
          ),
        }),
    logger: silentLogger,
    sessionTimeoutMs: 6000,
    partitionsConsumedConcurrently: PARTITIONS,
    ...(CHUNK_SIZE ? { chunkSize: CHUNK_SIZE } : {}),
  });
  await consumer.start();
  await consumer.joinedGroup();
  const started = performance.now();
  await eventually(
    `${EVENTS} effects`,
    async () => (await h.pool.query('select count(*)::int as n from counter_effects')).rows[0].n >= EVENTS,
    300_000,
  );
  const wall = performance.now() - started;
  await consumer.stop();
  // Partitions are applied concurrently, so a span's total is compared with the wall clock of all slots.
  const slots = wall * PARTITIONS;
  const busy = [...spent.values()].reduce((a, b) => a + b, 0);
  const rows = [...spent].map(([span, ms]) => ({
    span,
    'total ms': Math.round(ms),
    calls: count.get(span),
    'ms per call': Math.round((ms / count.get(span)!) * 100) / 100,
    'share of partition time': `${Math.round((ms / slots) * 1000) / 10}%`,
  }));
  rows.push({
    span: 'rest: Kafka fetch/commit, event loop' as Span,
    'total ms': Math.round(slots - busy),
    calls: undefined,
    'ms per call': Number.NaN,
    'share of partition time': `${Math.round(((slots - busy) / slots) * 1000) / 10}%`,
  });
  console.log(
    `consumer alone (${HANDLER} handler): ${EVENTS} events in ${Math.round(wall)} ms = ${Math.round(EVENTS / (wall / 1000))} events/s`,
  );
  console.log(`chunks: ${chunkSizes.length}, mean ${Math.round(EVENTS / chunkSizes.length)} events`);
  console.table(rows);
} finally {
  await h.close();
}

/** The database with begin, each statement and commit timed (statements classified by their text). */
function timedDatabase<TTx extends HandlerTransaction>(db: TransactionalDatabase<TTx>) {
  const timed: TransactionalDatabase<HandlerTransaction> = {
    async transaction(fn) {
      const called = performance.now();
      let returned = 0;
      const result = await db.transaction(async (tx) => {
        add('begin', performance.now() - called);
        const value = await fn({
          async execute(query) {
            const t = performance.now();
            try {
              return await tx.execute(query);
            } finally {
              add(spanOf(query), performance.now() - t);
            }
          },
        });
        returned = performance.now();
        return value;
      });
      add('commit', performance.now() - returned);
      return result;
    },
    async execute(query) {
      const t = performance.now();
      try {
        return await db.execute!(query);
      } finally {
        add('chunk statement (effect + inbox, autocommit)', performance.now() - t);
      }
    },
  };
  return timed;
}

function spanOf(query: Parameters<HandlerTransaction['execute']>[0]): Span {
  const text = query.queryChunks
    .map((c) => (typeof c === 'object' && c !== null && 'value' in c ? String(c.value) : ''))
    .join('');
  if (text.includes('into inbox')) return 'inbox insert';
  if (text.includes('counter_effects')) return 'effect statements';
  return 'other statements';
}

function timedSerde(serde: AvroSerde): AvroSerde {
  const decode = serde.decode.bind(serde);
  serde.decode = async (type, value) => {
    const t = performance.now();
    try {
      return await decode(type, value);
    } finally {
      add('decode', performance.now() - t);
    }
  };
  return serde;
}
