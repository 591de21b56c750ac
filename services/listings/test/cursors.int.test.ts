import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { assertCursorsRefused, tamperedCursors } from '@portfolioos/testing';
import { bearer, createProperty } from './support/flows.js';
import { createListingsHarness, type ListingsHarness } from './support/harness.js';

const ID = '0b7e4c5a-2f0e-4a53-9a43-2f8e1d0c9b11';

// Values a cursor field must refuse: each would fail a cast in PostgreSQL (a 500 before the fix).
const badTimes = [
  'yesterday',
  '2024-05-01',
  '2024-02-30T00:00:00.000Z',
  '2024-13-01T00:00:00.000Z',
  '0000-01-01T00:00:00.000Z',
  '2024-05-01T00:00:00.000+02:00',
  '2024-05-01T00:00:00.000000Z',
  1_714_521_600_000,
  null,
];
const badIds = ['not-a-uuid', `${ID.slice(0, -1)}g`, ID.toUpperCase(), 7, null];
const badPrices = [0.5, -1, 1e13, 2 ** 63, '100', null, true];

describe('tampered cursors answer 400 invalid-cursor, never 500', () => {
  let h: ListingsHarness;
  before(async () => {
    h = await createListingsHarness();
  });
  after(() => h.close());

  test('staff lists: properties, units of a property, listings', async (t) => {
    const app = await h.app(t);
    const token = await h.token(randomUUID(), ['manager']);
    const property = await createProperty(app, token);
    const cases = tamperedCursors({ at: '2024-05-01T00:00:00.000Z', id: ID }, { at: badTimes, id: badIds });
    for (const url of ['/v1/properties', `/v1/properties/${property.id}/units`, '/v1/listings'])
      await assertCursorsRefused(app, url, cases, bearer(token));
  });

  test('public search: price, newest and distance positions, and a cursor of another sort', async (t) => {
    const app = await h.app(t);
    const bbox = 'bbox=-98,30,-97,31';
    const price = { sort: 'price_asc', key: 150_000, id: ID };
    await assertCursorsRefused(
      app,
      `/v1/listings/search?${bbox}&sort=price_asc`,
      tamperedCursors(price, { key: badPrices, id: badIds, sort: ['newest', 'price', 5] }, [
        `{"sort":"price_asc","key":1e999,"id":"${ID}"}`,
      ]),
    );
    const newest = { sort: 'newest', key: '2024-05-01T00:00:00.000Z', id: ID };
    await assertCursorsRefused(
      app,
      `/v1/listings/search?${bbox}`,
      tamperedCursors(newest, { key: badTimes, sort: ['price_asc', 'distance'] }),
    );
    const distance = { sort: 'distance', key: 120.5, id: ID };
    await assertCursorsRefused(
      app,
      '/v1/listings/search?near=30.5,-97.5&radius_m=5000',
      tamperedCursors(distance, { key: [-1, 'far', null] }, [`{"sort":"distance","key":1e999,"id":"${ID}"}`]),
    );
  });

  test('the untampered positions are read (200), so the refusals above are about the tampering', async (t) => {
    const app = await h.app(t);
    const token = await h.token(randomUUID(), ['manager']);
    const staff = Buffer.from(JSON.stringify({ at: '2024-05-01T00:00:00.000Z', id: ID })).toString(
      'base64url',
    );
    const list = await app.inject({ url: `/v1/properties?cursor=${staff}`, headers: bearer(token) });
    assert.equal(list.statusCode, 200, list.body);
    const price = Buffer.from(JSON.stringify({ sort: 'price_asc', key: 150_000, id: ID })).toString(
      'base64url',
    );
    const search = await app.inject({
      url: `/v1/listings/search?bbox=-98,30,-97,31&sort=price_asc&cursor=${price}`,
    });
    assert.equal(search.statusCode, 200, search.body);
  });
});
