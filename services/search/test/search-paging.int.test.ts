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
    // Two points in time per client: the budget test below runs from an address of its own.
    h = await createSearchHarness({ indexer: false, env: { SEARCH_PIT_MAX_PER_CLIENT: '2' } });
    writer = new ListingWriter(h.es, h.alias);
    await writer.write(original.map((snapshot) => ({ kind: 'upsert', snapshot })));
    await h.refresh();
  });
  after(() => h.close());

  const page = async (cursor: string | null, remoteAddress = '127.0.0.1') => {
    const res = await h.app.inject({
      url: `/v1/search/listings?sort=price_asc&limit=10${cursor ? `&cursor=${cursor}` : ''}`,
      remoteAddress,
    });
    return res;
  };
  const pitOf = (cursor: string): string | undefined =>
    JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')).p;
  const pageThrough = async (cursor: string | null, remoteAddress?: string): Promise<string[]> => {
    const ids: string[] = [];
    while (cursor) {
      const res = await page(cursor, remoteAddress);
      assert.equal(res.statusCode, 200, res.body);
      ids.push(...res.json().items.map((i: { id: string }) => i.id));
      cursor = res.json().next_cursor;
    }
    return ids;
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

  test('a client holds at most its budget of points in time; past it, searches page the live index', async () => {
    const client = '198.51.100.7';
    const firsts = [];
    for (let i = 0; i < 3; i++) firsts.push((await page(null, client)).json());
    assert.ok(pitOf(firsts[0].next_cursor), 'first search: a point in time');
    assert.ok(pitOf(firsts[1].next_cursor), 'second search: a point in time');
    assert.equal(pitOf(firsts[2].next_cursor), undefined, 'third: over the budget, no point in time');
    assert.ok(pitOf((await page(null, '198.51.100.8')).json().next_cursor), 'another client has its own');

    const expected = firsts[2].items.map((i: { id: string }) => i.id);
    expected.push(...(await pageThrough(firsts[2].next_cursor, client)));
    const total = firsts[2].total.value;
    assert.equal(expected.length, total, 'the live-index search still pages every listing');
    assert.equal(new Set(expected).size, total, 'once each');

    await pageThrough(firsts[0].next_cursor, client); // its last page closes its point in time
    assert.ok(pitOf((await page(null, client)).json().next_cursor), 'a freed place is used again');
  });
});
