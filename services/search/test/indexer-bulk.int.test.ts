import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { KafkaMessage } from 'kafkajs';
import { createKafka, deadLetterHeaders, deadLetterTopicOf, headerString } from '@portfolioos/events';
import { stack, uniqueName } from '@portfolioos/testing';
import { createSearchHarness, silentLogger, type SearchHarness } from './support/harness.js';
import { listingSnapshot } from './support/listing-fixtures.js';

describe('bulk indexing (one Elasticsearch bulk request per consumed chunk)', () => {
  let h: SearchHarness;
  before(async () => {
    h = await createSearchHarness({ indexer: true });
  });
  after(() => h.close());

  const count = async () => (await h.es.count({ index: h.alias })).count;

  test('a chunk with a snapshot Elasticsearch refuses: the rest is indexed, only that one dead-lettered', async () => {
    const good = Array.from({ length: 40 }, (_, i) => listingSnapshot({ title: `Bulk flat ${i}` }));
    // Avro has no range for latitude; the geo_point mapping does: a real per-item mapping failure.
    const bad = listingSnapshot({ title: 'Polar igloo', location: { lat: 95, lng: 10 } });
    const dead = await readOne(deadLetterTopicOf(h.config.INDEXER_GROUP_ID));
    try {
      await h.publishMany([...good.slice(0, 20), bad, ...good.slice(20)], { partition: 0 });
      const record = await dead.record;
      await h.waitForVersion(good.at(-1)!.listing_id, 1);
      assert.equal(await count(), 40);
      assert.equal(headerString(record.key ?? undefined), bad.listing_id);
      assert.match(headerString(record.headers?.[deadLetterHeaders.error]) ?? '', /latitude/);
      assert.equal(headerString(record.headers?.[deadLetterHeaders.topic]), h.topic);
      const found = await h.es.get({ index: h.alias, id: bad.listing_id }, { ignore: [404] });
      assert.equal(found.found, false);
      const { rows } = await h.handle.pool.query('select count(*)::int as n from inbox where consumer = $1', [
        h.config.INDEXER_GROUP_ID,
      ]);
      assert.equal(rows[0].n, 40, 'the inbox holds the applied events, not the dead-lettered one');
    } finally {
      await dead.stop();
    }
  });

  test('replays, older versions and deletes of missing listings in one chunk are harmless', async () => {
    const kept = listingSnapshot({ title: 'Replayed cottage', version: 3 });
    const gone = listingSnapshot({ title: 'Removed cabin' });
    await h.publishMany(
      [kept, { ...kept, version: 2, title: 'Older cottage' }, kept, { ...kept, version: 1 }, gone],
      { partition: 1 },
    );
    await h.publishTombstone(gone.listing_id, { partition: 1 });
    await h.publishTombstone('never-existed', { partition: 1 });
    const marker = listingSnapshot();
    await h.publish(marker, { partition: 1 });
    await h.waitForVersion(marker.listing_id, 1);
    const doc = await h.es.get<{ title: string }>({ index: h.alias, id: kept.listing_id });
    assert.equal(doc._version, 3);
    assert.equal(doc._source?.title, 'Replayed cottage');
    await h.waitForVersion(gone.listing_id, null);
  });

  async function readOne(topic: string) {
    const kafka = createKafka({
      clientId: 'dlq-reader',
      brokers: [...stack.kafkaBrokers],
      logger: silentLogger,
    });
    const reader = kafka.consumer({ groupId: uniqueName('dlq-reader') });
    await reader.connect();
    await reader.subscribe({ topic, fromBeginning: true });
    const record = new Promise<KafkaMessage>((resolve) => {
      void reader.run({ eachMessage: async ({ message }) => resolve(message) });
    });
    return { record, stop: () => reader.disconnect() };
  }
});
