import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { bearer, createListing, createProperty, createUnit, publishListing } from './support/flows.js';
import { createListingsHarness, type ListingsHarness } from './support/harness.js';

describe('GET /v1/listings/published/{id} (the public view of one listing)', () => {
  let h: ListingsHarness;
  before(async () => {
    h = await createListingsHarness();
  });
  after(() => h.close());

  test('answers a published listing to anyone, the same item search answers; 404 for drafts and after unpublish', async (t) => {
    const app = await h.app(t);
    const token = await h.token(randomUUID());
    const property = await createProperty(app, token, { location: { lat: 30.2615, lng: -97.739 } });
    const unit = await createUnit(app, token, property.id, { beds: 3 });
    const listing = await createListing(app, token, unit.id);

    const draft = await app.inject({ url: `/v1/listings/published/${listing.id}` });
    assert.equal(draft.statusCode, 404, 'a draft is not public');
    assert.equal(draft.headers['content-type'], 'application/problem+json; charset=utf-8');

    await publishListing(app, token, listing.id);
    const shown = await app.inject({ url: `/v1/listings/published/${listing.id}` });
    assert.equal(shown.statusCode, 200, shown.body);
    const item = shown.json();
    assert.equal(item.id, listing.id);
    assert.equal(item.beds, 3);
    assert.deepEqual(item.location, { lat: 30.2615, lng: -97.739 });
    const bbox = '-97.7400,30.2610,-97.7380,30.2620';
    const search = await app.inject({ url: `/v1/listings/search?bbox=${bbox}&limit=500` });
    const hit = search.json().items.find((i: { id: string }) => i.id === listing.id);
    assert.deepEqual(item, hit, 'the same item as the map search');

    const off = await app.inject({
      method: 'POST',
      url: `/v1/listings/${listing.id}/unpublish`,
      headers: bearer(token),
    });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal((await app.inject({ url: `/v1/listings/published/${listing.id}` })).statusCode, 404);
  });

  test('a malformed id is a 400 problem, not a 500', async (t) => {
    const app = await h.app(t);
    const response = await app.inject({ url: '/v1/listings/published/not-a-uuid' });
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  });
});
