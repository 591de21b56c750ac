import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { uniqueName } from '@portfolioos/testing';
import { enqueueTombstone, EventConsumer, type ConsumedTombstone } from '../src/index.js';
import { counterHandlers } from './support/counter-handler.js';
import { consumedToEnd, createHarness, eventually, silentLogger, type Harness } from './support/harness.js';
import { COUNTER_INCREMENTED } from './support/test-events.js';

let h: Harness;
before(async () => {
  h = await createHarness(1);
});
after(async () => {
  await h.close();
});

test('tombstones reach onTombstone in order with the events around them, once each', async () => {
  await h.enqueueCounter('gone', [1]);
  const tombstoneId = await h.db.transaction((tx) =>
    enqueueTombstone(tx, h.events, {
      type: COUNTER_INCREMENTED,
      key: 'gone',
      organizationId: null,
      version: 2,
    }),
  );
  // An unversioned one, as written before tombstones carried versions.
  await h.db.transaction((tx) =>
    enqueueTombstone(tx, h.events, { type: COUNTER_INCREMENTED, key: 'unversioned', organizationId: null }),
  );
  await h.enqueueCounter('kept', [1]);
  const relay = h.relay();
  // Published twice, as after a relay crash between publishing and marking sent.
  await assert.rejects(
    relay.relayBatch(async () => {
      throw new Error('crash');
    }),
  );
  await relay.relayBatch();
  // A bare tombstone from some other producer: no envelope, still applied.
  await h.producer.send({ topic: h.topic, messages: [{ key: 'bare', value: null }] });

  const seen: ConsumedTombstone[] = [];
  const groupId = uniqueName('tombstones');
  const consumer = new EventConsumer({
    kafka: h.kafka,
    groupId,
    db: h.db,
    events: h.events,
    serde: h.serde,
    handlers: counterHandlers,
    logger: silentLogger,
    onTombstone: async (tombstone, tx) => {
      seen.push(tombstone);
      await tx.execute(sql`delete from counter_effects where counter_id = ${tombstone.key}`);
    },
  });
  await consumer.start();
  try {
    await eventually('the three tombstones and the duplicate', () => consumedToEnd(h, groupId));
    assert.deepEqual(
      seen.map((t) => t.key),
      ['gone', 'unversioned', 'bare'],
      'the duplicate tombstones were absorbed',
    );
    assert.equal(seen[0]!.envelope?.eventId, tombstoneId);
    assert.equal(seen[0]!.envelope?.eventType, COUNTER_INCREMENTED);
    assert.equal(seen[0]!.envelope?.aggregateVersion, 2, 'the version travels as a header');
    assert.equal(seen[1]!.envelope?.aggregateVersion, null);
    assert.equal(seen[2]!.envelope, null);
    const effects = await h.effects();
    assert.deepEqual(
      effects.map((e) => e.counter_id),
      ['kept'],
      "the deleted key's effect is gone, the later one stays",
    );
  } finally {
    await consumer.stop();
  }
});
