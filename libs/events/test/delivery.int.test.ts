import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EventConsumer } from '../src/index.js';
import { counterHandlers } from './support/counter-handler.js';
import { consumedToEnd, createHarness, eventually, silentLogger, type Harness } from './support/harness.js';
import { uniqueName } from '@portfolioos/testing';

let h: Harness;
before(async () => {
  h = await createHarness(3);
});
after(async () => {
  await h.close();
});

function consumerFor(groupId: string) {
  return new EventConsumer({
    kafka: h.kafka,
    groupId,
    db: h.db,
    events: h.events,
    serde: h.serde,
    handlers: counterHandlers,
    logger: silentLogger,
    metrics: h.metrics,
    sessionTimeoutMs: 6000,
  });
}

test('events of one aggregate arrive in order; every event is applied exactly once', async () => {
  const keys = ['unit-a', 'unit-b', 'unit-c', 'unit-d'];
  // Interleave aggregates so their events share batches and partitions.
  for (let seq = 1; seq <= 60; seq++) for (const key of keys) await h.enqueueCounter(key, [seq]);
  const relay = h.relay({ batchSize: 100 });
  const consumer = consumerFor(uniqueName('ordered'));
  await relay.start();
  await consumer.start();
  try {
    await eventually('240 effects', async () => (await h.effects()).length >= 240);
    const effects = await h.effects();
    assert.equal(effects.length, 240);
    assert.equal(new Set(effects.map((e) => e.event_id)).size, 240);
    for (const key of keys) {
      const seqs = effects.filter((e) => e.counter_id === key).map((e) => e.seq);
      assert.deepEqual(
        seqs,
        Array.from({ length: 60 }, (_, i) => i + 1),
        `order of ${key}`,
      );
    }
    const { rows } = await h.pool.query('select count(*)::int as unsent from outbox where sent_at is null');
    assert.equal(rows[0].unsent, 0);
  } finally {
    await consumer.stop();
    await relay.stop();
  }
});

test('a relay that dies between publishing and marking sent causes duplicates the inbox absorbs', async () => {
  await h.pool.query('truncate counter_effects');
  const ids = await h.enqueueCounter('unit-crash', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const before = await topicSize(h);

  const crashed = h.relay();
  await assert.rejects(
    crashed.relayBatch(async () => {
      throw new Error('killed after publish');
    }),
    /killed/,
  );
  const unsent = await h.pool.query('select count(*)::int as n from outbox where sent_at is null');
  assert.equal(unsent.rows[0].n, 10, 'nothing was marked sent');

  const restarted = h.relay();
  assert.equal(await restarted.relayBatch(), 10);
  assert.equal((await topicSize(h)) - before, 20, 'each event is on the topic twice');

  const groupId = uniqueName('dedup');
  const consumer = consumerFor(groupId);
  await consumer.start();
  try {
    const crashEffects = async () => (await h.effects()).filter((e) => e.counter_id === 'unit-crash');
    await eventually('the events and their duplicates consumed', () => consumedToEnd(h, groupId));
    const effects = await crashEffects();
    assert.deepEqual(
      effects.map((e) => e.event_id),
      ids,
      'applied once each, in order',
    );
    const duplicates = await h.metricsRegistry.getSingleMetricAsString('events_consumed_total');
    assert.match(duplicates, /outcome="duplicate"\} 10/);
  } finally {
    await consumer.stop();
  }
});

async function topicSize(harness: Harness): Promise<number> {
  const admin = harness.kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(harness.topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}
