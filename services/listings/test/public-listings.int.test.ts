import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { withOrgTransaction } from '@portfolioos/db';
import type { ServiceApp } from '@portfolioos/service-kit';
import { leaseUnitListings } from '../src/leasing/lease-repository.js';
import { bearer, createListing, createProperty, createUnit, publishListing } from './support/flows.js';
import { createListingsHarness, type ListingsHarness } from './support/harness.js';

interface PublicRow {
  listing_id: string;
  price_minor: string;
  beds: number;
  lat: number;
  lng: number;
  tile_x: number;
  amenities: string[];
}

// Every column, in a stable order and text form, so two states of the table compare exactly.
const TABLE =
  'select listing_id, org_id, unit_id, property_id, title, description, price_minor::text, currency, pet_policy, ' +
  'beds, baths::text, sqft, available_from::text, amenities, property_type, address_line1, city, region, ' +
  'postal_code, country, ST_AsEWKT(location) as location, tile_x, tile_y, published_at ' +
  'from public_listings order by listing_id';

describe('public_listings (the read table public search uses)', () => {
  let h: ListingsHarness;
  before(async () => {
    h = await createListingsHarness();
  });
  after(() => h.close());

  const rowOf = async (listingId: string): Promise<PublicRow | undefined> =>
    (
      await h.admin.query<PublicRow>(
        `select listing_id, price_minor::text, beds, ST_Y(location) as lat, ST_X(location) as lng, tile_x, amenities
           from public_listings where listing_id = $1`,
        [listingId],
      )
    ).rows[0];

  async function patch(app: ServiceApp, token: string, url: string, payload: object) {
    const response = await app.inject({ method: 'PATCH', url, headers: bearer(token), payload });
    assert.equal(response.statusCode, 200, response.body);
  }

  async function post(app: ServiceApp, token: string, url: string, method: 'POST' | 'DELETE' = 'POST') {
    const response = await app.inject({ method, url, headers: bearer(token) });
    assert.ok(response.statusCode < 300, response.body);
  }

  /** Runs the rebuild as the service role (forced row-level security) and returns the table before and after. */
  async function rebuilt() {
    const before = (await h.admin.query(TABLE)).rows;
    const client = await h.handle.pool.connect();
    try {
      await client.query('select rebuild_public_listings()');
    } finally {
      client.release();
    }
    return { before, after: (await h.admin.query(TABLE)).rows };
  }

  test('follows create, publish, price, unit, property, unpublish, lease and delete, and equals a rebuild', async (t) => {
    const app = await h.app(t);
    const orgId = randomUUID();
    const token = await h.token(orgId);
    const property = await createProperty(app, token, { location: { lat: 10.5, lng: 20.5 } });
    const unit = await createUnit(app, token, property.id, { beds: 2 });
    const other = await createUnit(app, token, property.id, { number: '2B' });
    const [a, b, c, d] = [
      await createListing(app, token, unit.id),
      await createListing(app, token, unit.id),
      await createListing(app, token, other.id),
      await createListing(app, token, other.id),
    ];
    assert.equal(await rowOf(a.id), undefined, 'a draft is not public');
    for (const listing of [a, b, c, d]) await publishListing(app, token, listing.id);
    assert.deepEqual(await rowOf(a.id), {
      listing_id: a.id,
      price_minor: '150000',
      beds: 2,
      lat: 10.5,
      lng: 20.5,
      tile_x: (await rowOf(b.id))!.tile_x,
      amenities: ['dishwasher', 'pool'],
    });

    await patch(app, token, `/v1/listings/${a.id}`, { price_minor: 99_000 });
    assert.equal((await rowOf(a.id))!.price_minor, '99000', 'price change');
    const tileBefore = (await rowOf(a.id))!.tile_x;
    await patch(app, token, `/v1/properties/${property.id}`, { location: { lat: -30.5, lng: 140.5 } });
    for (const listing of [a, b, c, d]) {
      const row = (await rowOf(listing.id))!;
      assert.deepEqual([row.lat, row.lng], [-30.5, 140.5], 'property move');
      assert.notEqual(row.tile_x, tileBefore, 'the tile follows the location');
    }
    await patch(app, token, `/v1/units/${unit.id}`, { beds: 4, amenities: ['gym'] });
    assert.equal((await rowOf(a.id))!.beds, 4, 'unit change');
    assert.deepEqual((await rowOf(b.id))!.amenities, ['gym', 'pool']);
    assert.equal((await rowOf(c.id))!.beds, 2, 'other units keep theirs');

    await post(app, token, `/v1/listings/${a.id}/unpublish`);
    assert.equal(await rowOf(a.id), undefined, 'unpublished');
    const leased = await withOrgTransaction(h.handle.db, orgId, (tx) =>
      leaseUnitListings(tx, { organizationId: orgId, unitId: other.id, signedAt: new Date(), endDate: null }),
    );
    assert.deepEqual(leased.sort(), [c.id, d.id].sort());
    assert.equal(await rowOf(c.id), undefined, 'leased');
    await publishListing(app, token, d.id);
    assert.ok(await rowOf(d.id), 're-published after the lease');
    await post(app, token, `/v1/listings/${b.id}`, 'DELETE');
    assert.equal(await rowOf(b.id), undefined, 'deleted');

    const { before, after } = await rebuilt();
    assert.deepEqual(
      before.filter((r) => r.org_id === orgId).map((r) => r.listing_id),
      [d.id],
    );
    assert.deepEqual(after, before, 'incremental rows equal a rebuild');
  });

  test('holds exactly the published listings, also after multi-row writes', async () => {
    const orgId = randomUUID();
    // The bulk seeder's shape: one statement per table, thousands of rows, as the service role.
    const count = 2000;
    const started = performance.now();
    await withOrgTransaction(h.handle.db, orgId, async (tx) => {
      await tx.execute(insertPropertiesAndUnits(orgId, count));
      await tx.execute(insertListings(orgId));
    });
    const elapsed = performance.now() - started;
    const { rows } = await h.admin.query<{ published: number; public: number }>(
      `select (select count(*)::int from listings where org_id = $1 and status = 'published') as published,
              (select count(*)::int from public_listings where org_id = $1) as public`,
      [orgId],
    );
    assert.deepEqual(rows[0], { published: count / 2, public: count / 2 });
    assert.ok(elapsed < 5_000, `a ${count}-row insert took ${elapsed.toFixed(0)} ms`);
    const { before, after } = await rebuilt();
    assert.deepEqual(after, before);
  });

  test('public search runs without the public-search setting and cannot see the source tables', async () => {
    const client = await h.handle.pool.connect();
    try {
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from listings');
      assert.equal(rows[0]!.n, 0, 'no organization, no public-search setting: no source rows');
      const published = await client.query<{ n: number }>('select count(*)::int as n from public_listings');
      assert.ok(published.rows[0]!.n > 0);
    } finally {
      client.release();
    }
  });
});

/** `count` properties with one unit each, in one statement. */
const insertPropertiesAndUnits = (orgId: string, count: number) => sql`
  with p as (
    insert into properties (org_id, name, property_type, address_line1, city, region, postal_code, country,
                            location, time_zone)
    select ${orgId}, 'Bulk ' || i, 'apartment', i || ' Main St', 'Austin', 'TX', '78701', 'US',
           ST_SetSRID(ST_MakePoint(-97.7 + i * 1e-4, 30.2 + i * 1e-4), 4326), 'America/Chicago'
      from generate_series(1, ${count}::int) i
    returning id
  )
  insert into units (org_id, property_id, number, beds, baths, asking_rent_minor, currency)
  select ${orgId}, id, '1', 1, 1, 100000, 'USD' from p`;

/** One listing per unit of the organization, every other one published, in one statement. */
const insertListings = (orgId: string) => sql`
  insert into listings (org_id, unit_id, title, description, price_minor, currency, pet_policy, status,
                        published_at)
  select org_id, id, 'Bulk', '', 100000, 'USD', 'none',
         case when row_number() over (order by id) % 2 = 0 then 'published' else 'draft' end, now()
    from units where org_id = ${orgId}`;
