import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { findUnforcedPolicyTables } from '@portfolioos/db';
import { createListingsHarness, type ListingsHarness } from './support/harness.js';
import {
  bearer,
  createListing,
  createProperty,
  createUnit,
  publishListing,
  unitBody,
} from './support/flows.js';

describe('staff API: properties, units, listings', () => {
  let h: ListingsHarness;
  before(async () => {
    h = await createListingsHarness();
  });
  after(() => h.close());

  async function eventsOf(key: string) {
    const { rows } = await h.admin.query(
      'select event_type, topic, payload from outbox where key = $1 order by id',
      [key],
    );
    return rows as { event_type: string; topic: string; payload: Record<string, unknown> | null }[];
  }

  test('every org-owned table has FORCE row level security', async () => {
    assert.deepEqual(await findUnforcedPolicyTables(h.handle.db), []);
  });

  test('property → units (bulk) → listing → publish/unpublish → delete, each change in the outbox', async (t) => {
    const app = await h.app(t);
    const org = randomUUID();
    const token = await h.token(org, ['manager']);
    const property = await createProperty(app, token);
    assert.deepEqual(property.location, { lat: 30.2672, lng: -97.7431 });

    const bulk = await app.inject({
      method: 'POST',
      url: `/v1/properties/${property.id}/units/bulk`,
      headers: bearer(token),
      payload: { units: ['1A', '1B', '2A'].map((number) => unitBody({ number })) },
    });
    assert.equal(bulk.statusCode, 201, bulk.body);
    const units = bulk.json().items;
    assert.equal(units.length, 3);
    for (const unit of units)
      assert.deepEqual(
        (await eventsOf(unit.id)).map((e) => e.event_type),
        ['portfolioos.listings.UnitCreated'],
      );

    const listing = await createListing(app, token, units[0].id);
    assert.equal(listing.status, 'draft');
    assert.equal(listing.price_minor, 150_000, "defaults to the unit's asking rent");
    const published = await publishListing(app, token, listing.id);
    assert.equal(published.status, 'published');
    assert.ok(published.published_at);
    const patched = await app.inject({
      method: 'PATCH',
      url: `/v1/listings/${listing.id}`,
      headers: bearer(token),
      payload: { price_minor: 140_000 },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const unitPatch = await app.inject({
      method: 'PATCH',
      url: `/v1/units/${units[0].id}`,
      headers: bearer(token),
      payload: { beds: 3 },
    });
    assert.equal(unitPatch.statusCode, 200, unitPatch.body);
    const propertyPatch = await app.inject({
      method: 'PATCH',
      url: `/v1/properties/${property.id}`,
      headers: bearer(token),
      payload: { name: 'Maple Court East' },
    });
    assert.equal(propertyPatch.statusCode, 200, propertyPatch.body);
    const archiveBlocked = await app.inject({
      method: 'DELETE',
      url: `/v1/properties/${property.id}`,
      headers: bearer(token),
    });
    assert.equal(archiveBlocked.statusCode, 409);
    const unpublished = await app.inject({
      method: 'POST',
      url: `/v1/listings/${listing.id}/unpublish`,
      headers: bearer(token),
    });
    assert.equal(unpublished.json().status, 'unpublished');

    const snapshots = await eventsOf(listing.id);
    assert.ok(snapshots.every((e) => e.topic === 'listings.listing'));
    assert.deepEqual(
      snapshots.map((e) => [e.payload?.version, e.payload?.status]),
      [
        [1, 'DRAFT'],
        [2, 'ACTIVE'],
        [3, 'ACTIVE'],
        [4, 'ACTIVE'],
        [5, 'ACTIVE'],
        [6, 'PAUSED'],
      ],
    );
    const latest = snapshots.at(-1)!.payload!;
    assert.equal(latest.rent_amount_minor, 140_000);
    assert.equal(latest.bedrooms, 3);
    assert.equal(latest.full_baths, 1);
    assert.equal(latest.half_baths, 1);
    assert.deepEqual(latest.amenities, ['pool', 'dishwasher']);
    assert.deepEqual(latest.location, { lat: 30.2672, lng: -97.7431 });

    const deleted = await app.inject({
      method: 'DELETE',
      url: `/v1/listings/${listing.id}`,
      headers: bearer(token),
    });
    assert.equal(deleted.statusCode, 204);
    const tombstone = (await eventsOf(listing.id)).at(-1)!;
    assert.equal(
      tombstone.event_type,
      'portfolioos.listings.ListingSnapshot',
      'a tombstone of the snapshot stream',
    );
    assert.deepEqual(
      tombstone.payload,
      { $tombstone: { version: 7 } },
      'stored with the version after the last snapshot (6)',
    );

    const archived = await app.inject({
      method: 'DELETE',
      url: `/v1/properties/${property.id}`,
      headers: bearer(token),
    });
    assert.equal(archived.statusCode, 204);
    assert.deepEqual(
      (await eventsOf(property.id)).map((e) => e.event_type),
      [
        'portfolioos.listings.PropertyCreated',
        'portfolioos.listings.PropertyUpdated',
        'portfolioos.listings.PropertyArchived',
      ],
    );
  });

  test("another organization's objects answer 404, and RLS hides them even without the org filter", async (t) => {
    const app = await h.app(t);
    const [orgA, orgB] = [randomUUID(), randomUUID()];
    const tokenA = await h.token(orgA);
    const tokenB = await h.token(orgB);
    const propertyB = await createProperty(app, tokenB);
    const unitB = await createUnit(app, tokenB, propertyB.id);
    const listingB = await createListing(app, tokenB, unitB.id);
    for (const url of [
      `/v1/properties/${propertyB.id}`,
      `/v1/units/${unitB.id}`,
      `/v1/listings/${listingB.id}`,
      `/v1/properties/${propertyB.id}/units`,
    ]) {
      const response = await app.inject({ url, headers: bearer(tokenA) });
      assert.equal(response.statusCode, 404, url);
    }
    const patch = await app.inject({
      method: 'PATCH',
      url: `/v1/properties/${propertyB.id}`,
      headers: bearer(tokenA),
      payload: { name: 'Mine now' },
    });
    assert.equal(patch.statusCode, 404);
    const listingOnB = await app.inject({
      method: 'POST',
      url: '/v1/listings',
      headers: bearer(tokenA),
      payload: { unit_id: unitB.id, title: 'Not yours' },
    });
    assert.equal(listingOnB.statusCode, 422);
    const list = await app.inject({ url: '/v1/properties', headers: bearer(tokenA) });
    assert.deepEqual(list.json().items, []);
    // As the service role with org A set, org B's rows do not exist at all.
    const client = await h.handle.pool.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('app.org_id', $1, true)`, [orgA]);
      const { rows } = await client.query('select id from properties');
      assert.deepEqual(rows, []);
      await client.query('rollback');
    } finally {
      client.release();
    }
  });

  test('accountants and viewers read; only owners and managers write', async (t) => {
    const app = await h.app(t);
    const org = randomUUID();
    const property = await createProperty(app, await h.token(org, ['owner']));
    for (const role of ['accountant', 'viewer']) {
      const token = await h.token(org, [role]);
      const read = await app.inject({ url: `/v1/properties/${property.id}`, headers: bearer(token) });
      assert.equal(read.statusCode, 200, role);
      const write = await app.inject({
        method: 'PATCH',
        url: `/v1/properties/${property.id}`,
        headers: bearer(token),
        payload: { name: 'Renamed' },
      });
      assert.equal(write.statusCode, 403, role);
    }
    const tenant = await h.token(org, ['tenant']);
    const denied = await app.inject({ url: '/v1/properties', headers: bearer(tenant) });
    assert.equal(denied.statusCode, 403);
    const anonymous = await app.inject({ url: '/v1/properties' });
    assert.equal(anonymous.statusCode, 401);
  });

  test('unit pages cover every unit once; bad bodies answer 400', async (t) => {
    const app = await h.app(t);
    const token = await h.token(randomUUID());
    const property = await createProperty(app, token);
    const bulk = await app.inject({
      method: 'POST',
      url: `/v1/properties/${property.id}/units/bulk`,
      headers: bearer(token),
      payload: { units: Array.from({ length: 23 }, (_, i) => unitBody({ number: `U${i}` })) },
    });
    assert.equal(bulk.statusCode, 201, bulk.body);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await app.inject({
        url: `/v1/properties/${property.id}/units?limit=5${query}`,
        headers: bearer(token),
      });
      assert.equal(page.statusCode, 200, page.body);
      seen.push(...page.json().items.map((u: { id: string }) => u.id));
      cursor = page.json().next_cursor;
    } while (cursor);
    assert.deepEqual(
      [...seen].sort(),
      bulk
        .json()
        .items.map((u: { id: string }) => u.id)
        .sort(),
    );
    for (const payload of [
      unitBody({ baths: 1.25 }),
      unitBody({ currency: 'usd' }),
      unitBody({ asking_rent_minor: 12.5 }),
      { ...unitBody(), surprise: true },
    ]) {
      const bad = await app.inject({
        method: 'POST',
        url: `/v1/properties/${property.id}/units`,
        headers: bearer(token),
        payload,
      });
      assert.equal(bad.statusCode, 400, JSON.stringify(payload));
      assert.match(bad.headers['content-type'] as string, /application\/problem\+json/);
    }
  });
});
