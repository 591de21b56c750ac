import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ListingWriter } from '../src/listings-index/listing-writer.js';
import { createSearchHarness, type SearchHarness } from './support/harness.js';
import { listingSnapshot } from './support/listing-fixtures.js';

describe('stable pagination (point in time)', () => {
  let h: SearchHarness;
  let writer: ListingWriter;
  const original = Array.from({ length: 60 }, (_, i) =>
    listingSnapshot({ title: `Paged flat ${i}`, rent_amount_minor: 100_000 + i * 1000 }),
  );
  before(async () => {
    h = await createSearchHarness({ indexer: false });
    writer = new ListingWriter(h.es, h.alias);
    await writer.write(original.map((snapshot) => ({ kind: 'upsert', snapshot })));
    await h.refresh();
  });
  after(() => h.close());

  const page = async (cursor: string | null) => {
    const res = await h.app.inject({
      url: `/v1/search/listings?sort=price_asc&limit=10${cursor ? `&cursor=${cursor}` : ''}`,
    });
    return res;
  };

  test('listings indexed, changed or removed while paging do not shift the pages', async () => {
    const first = (await page(null)).json();
    const ids: string[] = first.items.map((i: { id: string }) => i.id);
    // Cheaper than everything: under search_after alone these would sort before the cursor and push
    // the following pages' items along (duplicates); the removed ones would leave gaps.
    const cheaper = Array.from({ length: 20 }, (_, i) => listingSnapshot({ rent_amount_minor: 50_000 + i }));
    await writer.write(cheaper.map((snapshot) => ({ kind: 'upsert', snapshot })));
    await writer.write(
      original.slice(0, 10).map((l) => ({ kind: 'remove', listingId: l.listing_id, version: null })),
    );
    await h.refresh();
    let cursor: string | null = first.next_cursor;
    while (cursor) {
      const res = await page(cursor);
      assert.equal(res.statusCode, 200, res.body);
      ids.push(...res.json().items.map((i: { id: string }) => i.id));
      assert.equal(res.json().total.value, 60, 'the total of the first page view');
      cursor = res.json().next_cursor;
    }
    assert.deepEqual(
      ids,
      original.map((l) => l.listing_id),
      'exactly the first page view, in order',
    );
    const fresh = (await page(null)).json();
    assert.equal(fresh.total.value, 70, 'a new search sees the changes');
  });

  test('an expired search answers 410 problem+json; a forged one 400', async () => {
    const first = (await page(null)).json();
    const cursor = JSON.parse(Buffer.from(first.next_cursor, 'base64url').toString('utf8'));
    await h.es.closePointInTime({ id: cursor.p });
    const res = await page(first.next_cursor);
    assert.equal(res.statusCode, 410, res.body);
    assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    assert.match(res.json().type, /search-expired$/);

    const forged = Buffer.from(JSON.stringify({ ...cursor, p: 'bm90IGEgcGl0' })).toString('base64url');
    const bad = await page(forged);
    assert.equal(bad.statusCode, 400, bad.body);
    assert.match(bad.json().type, /invalid-cursor$/);
  });
});
