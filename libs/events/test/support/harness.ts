import type { Kafka, Producer } from 'kafkajs';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { Registry } from 'prom-client';
import { createThrowawayDatabase, stack, uniqueName, type ThrowawayDatabase } from '@portfolioos/testing';
import {
  AvroSerde,
  createEventsMetrics,
  createKafka,
  createOrderedProducer,
  enqueueEvent,
  ensureTopics,
  EventRegistry,
  OutboxRelay,
  type EventsLogger,
  type EventsMetrics,
  type OutboxRelayOptions,
} from '../../src/index.js';
import { testDatabaseDdl } from './outbox-ddl.js';
import {
  COUNTER_INCREMENTED,
  counterIncrementedSchema,
  type CounterIncremented,
  type TestEvents,
} from './test-events.js';

export const silentLogger: EventsLogger = { info() {}, warn() {}, error() {} };

/** Everything one backbone test needs: its own database, topic, subject, Kafka clients and metrics. */
export interface Harness {
  database: ThrowawayDatabase;
  pool: pg.Pool;
  db: NodePgDatabase;
  topic: string;
  events: EventRegistry<TestEvents>;
  serde: AvroSerde;
  kafka: Kafka;
  producer: Producer;
  metricsRegistry: Registry;
  metrics: EventsMetrics;
  /** Enqueues counter events, one transaction each, bumping the counter row first as a service would. */
  enqueueCounter(counterId: string, seqs: number[], extra?: Partial<CounterIncremented>): Promise<string[]>;
  effects(): Promise<{ event_id: string; counter_id: string; seq: number; trace_id: string | null }[]>;
  /** An outbox relay on this database and producer (source `test`); `options` override the defaults. */
  relay(options?: Partial<OutboxRelayOptions>): OutboxRelay;
  close(): Promise<void>;
}

export async function createHarness(partitions = 3): Promise<Harness> {
  const database = await createThrowawayDatabase('events');
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  await pool.query(testDatabaseDdl);
  const db = drizzle(pool);
  const topic = uniqueName('test.counter');
  const events = new EventRegistry<TestEvents>(
    { [COUNTER_INCREMENTED]: counterIncrementedSchema },
    { [COUNTER_INCREMENTED]: topic },
  );
  const kafka = createKafka({
    clientId: 'events-test',
    brokers: [...stack.kafkaBrokers],
    logger: silentLogger,
  });
  await ensureTopics(kafka, [{ topic, numPartitions: partitions }]);
  const serde = new AvroSerde(stack.schemaRegistryUrl, events);
  await serde.register(COUNTER_INCREMENTED);
  const producer = createOrderedProducer(kafka);
  await producer.connect();
  const metricsRegistry = new Registry();
  const metrics = createEventsMetrics(metricsRegistry);

  return {
    database,
    pool,
    db,
    topic,
    events,
    serde,
    kafka,
    producer,
    metricsRegistry,
    metrics,
    async enqueueCounter(counterId, seqs, extra = {}) {
      const ids: string[] = [];
      for (const seq of seqs) {
        await db.transaction(async (tx) => {
          await tx.execute(sql`insert into counters values (${counterId}, ${seq})
                               on conflict (counter_id) do update set value = excluded.value`);
          ids.push(
            await enqueueEvent(tx, events, {
              type: COUNTER_INCREMENTED,
              key: counterId,
              organizationId: null,
              payload: { counter_id: counterId, seq, fail: false, note: null, ...extra },
            }),
          );
        });
      }
      return ids;
    },
    async effects() {
      const { rows } = await pool.query(
        'select event_id, counter_id, seq::int as seq, trace_id from counter_effects order by position',
      );
      return rows;
    },
    relay(options = {}) {
      return new OutboxRelay({ pool, producer, serde, source: 'test', logger: silentLogger, ...options });
    },
    async close() {
      await producer.disconnect();
      await pool.end();
      await database.drop();
    },
  };
}

/** Polls until `check` returns true or the deadline passes (then fails with `what`). */
export async function eventually(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The event ids `groupId` has recorded in the harness database's inbox. */
export async function inboxed(harness: Harness, groupId: string): Promise<Set<string>> {
  const { rows } = await harness.pool.query('select event_id from inbox where consumer = $1', [groupId]);
  return new Set(rows.map((r) => r.event_id as string));
}

/** Publishes the outbox's unsent rows twice, as after a relay crash between publishing and marking sent. */
export async function publishTwice(harness: Harness): Promise<void> {
  const killed = new Error('killed after publish');
  const relay = harness.relay();
  const outcome = await relay
    .relayBatch(async () => {
      throw killed;
    })
    .catch((error: unknown) => error);
  if (outcome !== killed) throw new Error('expected the first publish to be cut short');
  while ((await relay.relayBatch()) > 0);
}

/** Moves `groupId` back to the beginning of the harness's topic (a replay; the inbox stays). */
export async function rewindGroup(harness: Harness, groupId: string): Promise<void> {
  const admin = harness.kafka.admin();
  await admin.connect();
  try {
    await admin.resetOffsets({ groupId, topic: harness.topic, earliest: true });
  } finally {
    await admin.disconnect();
  }
}

/**
 * True once `groupId` has committed the end of the harness's topic on every partition: every record on it
 * was handled (consumers commit after each batch). What a test awaits instead of sleeping when it must
 * know that duplicates or replays have arrived too, not only the first copies.
 */
export async function consumedToEnd(harness: Harness, groupId: string): Promise<boolean> {
  const admin = harness.kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(harness.topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [harness.topic] });
    const offsetOf = new Map(committed?.partitions.map((p) => [p.partition, Number(p.offset)]) ?? []);
    return ends.every(
      (end) => end.high === end.low || (offsetOf.get(end.partition) ?? -1) >= Number(end.high),
    );
  } finally {
    await admin.disconnect();
  }
}
