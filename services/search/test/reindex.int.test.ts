import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AvroSerde, createKafka } from '@portfolioos/events';
import { stack } from '@portfolioos/testing';
import { searchEvents } from '../src/events.js';
import { indexBehindAlias } from '../src/listings-index/listings-index.js';
import { rebuildListingsIndex } from '../src/reindex/rebuild-index.js';
import { createSearchHarness, silentLogger, type SearchHarness } from './support/harness.js';
import { listingSnapshot } from './support/listing-fixtures.js';

describe('reindex from the snapshot topic', () => {
  let h: SearchHarness;
  before(async () => {
    h = await createSearchHarness({ indexer: true });
  });
  after(() => h.close());

  test('builds the next versioned index, keeps the newest version per listing, swaps the alias', async () => {
    const kept = listingSnapshot({ title: 'Kept terrace flat' });
    const deleted = listingSnapshot({ title: 'Deleted bungalow' });
    await h.publish(kept);
    await h.publish({ ...kept, version: 2, title: 'Kept terrace flat, renovated' });
    await h.publish(deleted);
    await h.publishTombstone(deleted.listing_id);
    await h.waitForVersion(kept.listing_id, 2);
    await h.waitForVersion(deleted.listing_id, null);

    const progress: number[] = [];
    const kafka = createKafka({
      clientId: 'reindex-test',
      brokers: [...stack.kafkaBrokers],
      logger: silentLogger,
    });
    const result = await rebuildListingsIndex({
      es: h.es,
      kafka,
      serde: new AvroSerde(h.config.SCHEMA_REGISTRY_URL, searchEvents(h.topic)),
      alias: h.alias,
      topic: h.topic,
      onProgress: (done) => progress.push(done),
    });
    assert.equal(result.index, `${h.alias}_v2`);
    assert.deepEqual(result.previous, [`${h.alias}_v1`]);
    assert.equal(result.records, 4);
    assert.equal(progress.at(-1), 4);
    assert.equal(await indexBehindAlias(h.es, h.alias), `${h.alias}_v2`);

    const res = await h.app.inject({ url: '/v1/search/listings?q=terrace' });
    assert.deepEqual(
      res.json().items.map((i: { title: string }) => i.title),
      ['Kept terrace flat, renovated'],
    );
    assert.equal((await h.app.inject({ url: '/v1/search/listings?q=bungalow' })).json().items.length, 0);

    // The live indexer now writes into the new index through the alias.
    const fresh = listingSnapshot({ title: 'Freshly listed cabin' });
    await h.publish(fresh);
    await h.waitForVersion(fresh.listing_id, 1);
    const doc = await h.es.get({ index: h.alias, id: fresh.listing_id });
    assert.equal(doc._index, `${h.alias}_v2`);
  });
});
