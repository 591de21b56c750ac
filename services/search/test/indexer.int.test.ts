import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ListingSnapshot } from '@portfolioos/schemas';
import { ListingWriter } from '../src/listings-index/listing-writer.js';
import { createSearchHarness, type SearchHarness } from './support/harness.js';
import { listingSnapshot } from './support/listing-fixtures.js';

describe('listings indexer (Kafka → Elasticsearch)', () => {
  let h: SearchHarness;
  before(async () => {
    h = await createSearchHarness({ indexer: true });
  });
  after(() => h.close());

  const searchIds = async (query: string) => {
    const res = await h.app.inject({ url: `/v1/search/listings?${query}` });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json().items as { id: string }[]).map((i) => i.id);
  };

  test('a published snapshot becomes searchable', async () => {
    const listing = listingSnapshot({ title: 'Sunlit riverside loft', description: 'Exposed brick.' });
    await h.publish(listing);
    await h.waitForVersion(listing.listing_id, 1);
    assert.deepEqual(await searchIds('q=riverside'), [listing.listing_id]);
  });

  test('a newer version wins over replayed and reordered older ones', async () => {
    const v1 = listingSnapshot({ title: 'Original headline' });
    const v2: ListingSnapshot = {
      ...v1,
      version: 2,
      title: 'Renovated headline',
      rent_amount_minor: 210_000,
    };
    const v3: ListingSnapshot = { ...v1, version: 3, title: 'Final headline', rent_amount_minor: 220_000 };
    // One partition, so the marker below is applied only after everything before it.
    const partition = 0;
    await h.publish(v1, { partition });
    const v3EventId = await h.publish(v3, { partition });
    await h.waitForVersion(v1.listing_id, 3);
    await h.publish(v2, { partition }); // out of order: older than what the index holds
    await h.publish(v1, { partition }); // a replay under a new event id (the inbox cannot dedupe it)
    await h.publish(v3, { partition, eventId: v3EventId }); // a redelivery (the inbox dedupes it)
    const marker = listingSnapshot();
    await h.publish(marker, { partition });
    await h.waitForVersion(marker.listing_id, 1);

    const doc = await h.es.get<{ title: string; price_minor: number }>({ index: h.alias, id: v1.listing_id });
    assert.equal(doc._version, 3);
    assert.equal(doc._source?.title, 'Final headline');
    assert.equal(doc._source?.price_minor, 220_000);
    assert.deepEqual(await searchIds('q=headline'), [v1.listing_id]);
    const { rows } = await h.handle.pool.query('select count(*)::int as n from inbox where consumer = $1', [
      h.config.INDEXER_GROUP_ID,
    ]);
    assert.ok(rows[0].n >= 6, 'every distinct event id is recorded in the inbox');
  });

  test('unpublishing (leased, paused, withdrawn) removes a listing from search', async () => {
    const listing = listingSnapshot({ title: 'Cosy garden studio' });
    await h.publish(listing);
    await h.waitForVersion(listing.listing_id, 1);
    assert.deepEqual(await searchIds('q=garden'), [listing.listing_id]);
    await h.publish({ ...listing, version: 2, status: 'LEASED' });
    await h.waitForVersion(listing.listing_id, 2);
    assert.deepEqual(await searchIds('q=garden'), []);
    await h.publish({ ...listing, version: 3, status: 'ACTIVE' });
    await h.waitForVersion(listing.listing_id, 3);
    assert.deepEqual(await searchIds('q=garden'), [listing.listing_id], 'republished');
  });

  test('a tombstone deletes the listing from the index', async () => {
    const listing = listingSnapshot({ title: 'Doomed duplex' });
    await h.publish(listing);
    await h.waitForVersion(listing.listing_id, 1);
    await h.publishTombstone(listing.listing_id);
    await h.waitForVersion(listing.listing_id, null);
    assert.deepEqual(await searchIds('q=doomed'), []);
  });

  test('after a versioned tombstone, an older snapshot replayed later does not resurrect the listing', async () => {
    // Elasticsearch remembers a deleted document's version for index.gc_deletes (60 s); at 0 s it forgets
    // at the next refresh, as it would a minute after any delete.
    await h.es.indices.putSettings({ index: h.alias, settings: { 'index.gc_deletes': '0s' } });
    const listing = listingSnapshot({ title: 'Haunted hacienda' });
    const partition = 0;
    await h.publish(listing, { partition });
    await h.publish({ ...listing, version: 2 }, { partition });
    await h.waitForVersion(listing.listing_id, 2);
    await h.publishTombstone(listing.listing_id, { partition, version: 3 });
    await h.waitForVersion(listing.listing_id, 3);
    await h.refresh();
    // Republished under a new event id (the inbox cannot absorb it): only the index's version refuses it.
    await h.publish({ ...listing, version: 2 }, { partition });
    const marker = listingSnapshot();
    await h.publish(marker, { partition });
    await h.waitForVersion(marker.listing_id, 1);
    assert.deepEqual(await searchIds('q=haunted'), []);
    const doc = await h.es.get<{ status: string }>({ index: h.alias, id: listing.listing_id });
    assert.equal(doc._version, 3);
    assert.equal(doc._source?.status, 'DELETED', 'still the deleted marker');
  });

  test('the writer refuses versions that are not newer (external versioning)', async () => {
    const writer = new ListingWriter(h.es, h.alias);
    const listing = listingSnapshot({ version: 5 });
    assert.equal(await writer.apply(listing), true);
    assert.equal(await writer.apply({ ...listing, title: 'stale' }), false, 'same version is a no-op');
    assert.equal(await writer.apply({ ...listing, version: 4, title: 'older' }), false);
    const doc = await h.es.get<{ title: string }>({ index: h.alias, id: listing.listing_id });
    assert.equal(doc._source?.title, listing.title);
  });
});
