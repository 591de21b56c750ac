import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { uniqueName } from '@portfolioos/testing';
import { deadLetterTopicOf, EventConsumer } from '../src/index.js';
import { counterHandlers } from './support/counter-handler.js';
import { createHarness, eventually, silentLogger, type Harness } from './support/harness.js';
import { testDatabaseDdl } from './support/outbox-ddl.js';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres.js';

// The producing side (outbox, relay, topic) runs on the shared stack; the consumer's database is a
// private cluster this test stops and starts.
let h: Harness;
let database: PrivatePostgres;
let pool: pg.Pool;
before(async () => {
  [h, database] = await Promise.all([createHarness(2), startPrivatePostgres()]);
  pool = new pg.Pool({ connectionString: database.url, max: 6, connectionTimeoutMillis: 2000 });
  pool.on('error', () => {}); // idle connections die with the server; the pool replaces them
  await pool.query(testDatabaseDdl);
});
after(async () => {
  await pool.end();
  await database.destroy();
  await h.close();
});

const count = async (table: string) =>
  (await pool.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;

test('PostgreSQL down for longer than the retry window: every event applied once, none dead-lettered', async () => {
  const groupId = uniqueName('outage');
  const consumer = new EventConsumer({
    kafka: h.kafka,
    groupId,
    db: drizzle(pool),
    events: h.events,
    serde: h.serde,
    handlers: counterHandlers,
    logger: silentLogger,
    metrics: h.metrics,
    // The whole retry window is a few tens of milliseconds; the outage lasts seconds.
    maxAttempts: 2,
    retryMinDelayMs: 10,
    retryMaxDelayMs: 20,
    outageMinDelayMs: 100,
    outageMaxDelayMs: 400,
    sessionTimeoutMs: 6000,
  });
  const relay = h.relay();
  await relay.start();
  await consumer.start();
  try {
    await consumer.joinedGroup();
    const keys = ['a', 'b', 'c', 'd'];
    for (const key of keys) await h.enqueueCounter(key, [1, 2, 3, 4, 5]);
    await eventually('the first 20 effects', async () => (await count('counter_effects')) >= 20);

    await database.stop();
    for (const key of keys) await h.enqueueCounter(key, [6, 7, 8, 9, 10]);
    const pauses = () => h.metricsRegistry.getSingleMetricAsString('events_consumer_outage_pauses_total');
    // Several pauses per partition: far past the 2 attempts × 20 ms an event error would get.
    await eventually('the consumer to wait out the outage', async () => {
      const total = [...(await pauses()).matchAll(/ (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
      return total >= 6;
    });
    await database.start();

    await eventually('all 40 effects', async () => (await count('counter_effects')) >= 40);
    await relay.stop();
    const { rows } = await pool.query<{ counter_id: string; seqs: number[]; events: number }>(
      `select counter_id, array_agg(seq::int order by position) as seqs, count(distinct event_id)::int as events
         from counter_effects group by counter_id order by counter_id`,
    );
    assert.deepEqual(
      rows,
      keys.map((key) => ({ counter_id: key, seqs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], events: 10 })),
      'each event applied exactly once, in order per key',
    );
    assert.equal(await count('inbox'), 40);
    assert.doesNotMatch(
      await h.metricsRegistry.getSingleMetricAsString('events_dead_lettered_total'),
      / [1-9]\d*$/m,
    );
    assert.equal(await topicSize(h, deadLetterTopicOf(groupId)), 0, 'nothing on the dead-letter topic');
  } finally {
    await consumer.stop();
    await relay.stop();
  }
});

async function topicSize(harness: Harness, topic: string): Promise<number> {
  const admin = harness.kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}
