import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { ServiceApp } from '@portfolioos/service-kit';
import { createListingsHarness, type ListingsHarness } from './support/harness.js';
import { bearer, createListing, createProperty, createUnit, publishListing } from './support/flows.js';
import { haversineMetres, seedListings, type SeededListing } from './support/seed.js';

interface Hit {
  id: string;
  price_minor: number;
  published_at: string;
  distance_m: number | null;
  location: { lat: number; lng: number };
}

const CENTRE = { lat: 30.27, lng: -97.74 };

/** Follows next_cursor to the end; fails on a repeated id. */
async function searchAll(app: ServiceApp, query: string): Promise<Hit[]> {
  const hits: Hit[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const url: string = `/v1/listings/search?${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await app.inject({ url });
    assert.equal(response.statusCode, 200, response.body);
    const body: { items: Hit[]; next_cursor: string | null } = response.json();
    hits.push(...body.items);
    cursor = body.next_cursor;
    if (!cursor) break;
  }
  assert.equal(new Set(hits.map((h) => h.id)).size, hits.length, 'no listing appears twice');
  return hits;
}

const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

describe('public map search', () => {
  let h: ListingsHarness;
  let seeded: SeededListing[];
  let published: SeededListing[];
  before(async () => {
    h = await createListingsHarness();
    seeded = await seedListings(h.admin, {
      count: 400,
      centre: CENTRE,
      spread: 0.2,
      seed: 20_251_104,
      orgs: [randomUUID(), randomUUID(), randomUUID()],
    });
    published = seeded.filter((l) => l.status === 'published');
  });
  after(() => h.close());

  test('bbox: every published listing inside is returned (any organization), none outside, no drafts', async (t) => {
    const app = await h.app(t);
    const box = { minLng: -97.8, minLat: 30.2, maxLng: -97.66, maxLat: 30.35 };
    const hits = await searchAll(
      app,
      `bbox=${box.minLng},${box.minLat},${box.maxLng},${box.maxLat}&limit=37&sort=price_asc`,
    );
    const expected = published.filter(
      (l) => l.lng >= box.minLng && l.lng <= box.maxLng && l.lat >= box.minLat && l.lat <= box.maxLat,
    );
    assert.ok(expected.length > 30, `a meaningful sample (${expected.length})`);
    assert.ok(new Set(expected.map((l) => l.orgId)).size > 1, 'several organizations in the box');
    assert.deepEqual(ids(hits), ids(expected));
    for (let i = 1; i < hits.length; i++)
      assert.ok(hits[i - 1]!.price_minor <= hits[i]!.price_minor, 'price order');
  });

  test('near + radius: matches haversine membership, distance within 1 m, sorted by distance', async (t) => {
    const app = await h.app(t);
    const radius = 9_000;
    const hits = await searchAll(app, `near=${CENTRE.lat},${CENTRE.lng}&radius_m=${radius}&limit=25`);
    const byId = new Map(hits.map((hit) => [hit.id, hit]));
    let inside = 0;
    for (const l of published) {
      const d = haversineMetres(CENTRE, l);
      if (Math.abs(d - radius) < 0.5) continue; // too close to the edge to call either way
      if (d < radius) inside++;
      assert.equal(byId.has(l.id), d < radius, `listing at ${d.toFixed(1)} m`);
    }
    assert.ok(inside > 30, `a meaningful sample (${inside})`);
    for (const hit of hits) {
      const expected = haversineMetres(CENTRE, hit.location);
      assert.ok(Math.abs(hit.distance_m! - expected) < 1, `distance ${hit.distance_m} vs ${expected}`);
    }
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.distance_m! <= hits[i]!.distance_m!);
  });

  test('filters agree with an independent filter of the same data', async (t) => {
    const app = await h.app(t);
    const everywhere = 'bbox=-98,30,-97.5,30.5';
    const cases: [string, (l: SeededListing) => boolean][] = [
      ['price_min=150000&price_max=250000', (l) => l.priceMinor >= 150_000 && l.priceMinor <= 250_000],
      ['beds_min=3', (l) => l.beds >= 3],
      ['baths_min=2', (l) => l.baths >= 2],
      ['pets=dogs', (l) => ['dogs', 'cats_and_dogs'].includes(l.petPolicy)],
      ['pets=cats,dogs', (l) => l.petPolicy === 'cats_and_dogs'],
      ['amenities=pool,gym', (l) => l.amenities.includes('pool') && l.amenities.includes('gym')],
      ['property_type=condo,single_family', (l) => ['condo', 'single_family'].includes(l.propertyType)],
      ['available_by=2025-06-01', (l) => l.availableFrom === null || l.availableFrom <= '2025-06-01'],
      [
        'beds_min=1&pets=cats&price_max=300000&amenities=parking',
        (l) =>
          l.beds >= 1 &&
          ['cats', 'cats_and_dogs'].includes(l.petPolicy) &&
          l.priceMinor <= 300_000 &&
          l.amenities.includes('parking'),
      ],
    ];
    for (const [query, keep] of cases) {
      const hits = await searchAll(app, `${everywhere}&${query}&limit=200`);
      assert.deepEqual(ids(hits), ids(published.filter(keep)), query);
    }
  });

  test('newest-first pages have no gaps or duplicates despite tied publication times', async (t) => {
    const app = await h.app(t);
    const hits = await searchAll(app, 'bbox=-98,30,-97.5,30.5&limit=13');
    assert.deepEqual(ids(hits), ids(published));
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.published_at >= hits[i]!.published_at);
  });

  test('a city-sized box, read tile by tile, pages newest-first and by price without gaps or duplicates', async (t) => {
    const app = await h.app(t);
    // About 2 × 3 zoom-12 tiles: the search reads each tile's page from its index and merges them.
    const box = { minLng: -97.8, minLat: 30.2, maxLng: -97.66, maxLat: 30.35 };
    const inBox = (l: SeededListing) =>
      l.lng >= box.minLng && l.lng <= box.maxLng && l.lat >= box.minLat && l.lat <= box.maxLat;
    const expected = published.filter(inBox);
    const area = `bbox=${box.minLng},${box.minLat},${box.maxLng},${box.maxLat}`;
    const newest = await searchAll(app, `${area}&limit=7`);
    assert.deepEqual(ids(newest), ids(expected));
    for (let i = 1; i < newest.length; i++) assert.ok(newest[i - 1]!.published_at >= newest[i]!.published_at);
    const cheapest = await searchAll(app, `${area}&limit=5&sort=price_asc&price_min=150000`);
    assert.deepEqual(ids(cheapest), ids(expected.filter((l) => l.priceMinor >= 150_000)));
    for (let i = 1; i < cheapest.length; i++)
      assert.ok(cheapest[i - 1]!.price_minor <= cheapest[i]!.price_minor);
    const dearest = await searchAll(app, `${area}&limit=5&sort=price_desc&price_min=150000`);
    assert.deepEqual(ids(dearest), ids(expected.filter((l) => l.priceMinor >= 150_000)));
    for (let i = 1; i < dearest.length; i++)
      assert.ok(dearest[i - 1]!.price_minor >= dearest[i]!.price_minor);
  });

  test('format=geojson answers a FeatureCollection with [lng, lat] points', async (t) => {
    const app = await h.app(t);
    const response = await app.inject({
      url: '/v1/listings/search?bbox=-98,30,-97.5,30.5&format=geojson&limit=5',
    });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.type, 'FeatureCollection');
    assert.equal(body.features.length, 5);
    assert.ok(body.next_cursor);
    for (const feature of body.features) {
      const source = seeded.find((l) => l.id === feature.id)!;
      assert.equal(feature.type, 'Feature');
      assert.deepEqual(feature.geometry, { type: 'Point', coordinates: [source.lng, source.lat] });
      assert.equal(feature.properties.price_minor, source.priceMinor);
    }
  });

  test('bad input answers 400 problem+json, never 500', async (t) => {
    const app = await h.app(t);
    const bad = [
      '',
      'bbox=1,2,3',
      'bbox=a,b,c,d',
      'bbox=-200,0,0,10',
      'bbox=0,-95,10,10',
      'bbox=10,10,0,0',
      'bbox=0,10,10,0',
      'bbox=NaN,0,1,1',
      'bbox=1e3,0,0,0',
      'bbox=0,0,1,1&near=0,0&radius_m=10',
      'near=91,0&radius_m=100',
      'near=0,181&radius_m=100',
      'near=0,0',
      'near=0,0&radius_m=-5',
      'near=0,0&radius_m=abc',
      'bbox=0,0,1,1&sort=distance',
      'bbox=0,0,1,1&price_min=abc',
      'bbox=0,0,1,1&price_min=5&price_max=1',
      'bbox=0,0,1,1&limit=0',
      'bbox=0,0,1,1&property_type=castle',
      'bbox=0,0,1,1&available_by=2025-13-45',
      'bbox=0,0,1,1&cursor=garbage',
      'bbox=0,0,1,1&sort=price_asc&cursor=eyJzb3J0IjoibmV3ZXN0Iiwia2V5IjoiMjAyNSIsImlkIjoieCJ9',
      'bbox=0,0,1,1&sort=relevance',
      'bbox=0,0,1,1&pets=birds',
      'bbox=0,0,1,1&unknown=1',
    ];
    for (const query of bad) {
      const response = await app.inject({ url: `/v1/listings/search?${query}` });
      assert.equal(response.statusCode, 400, `${query}: ${response.body}`);
      assert.match(response.headers['content-type'] as string, /application\/problem\+json/, query);
    }
  });

  test('retired spellings of the search vocabulary answer 400 naming the new spelling', async (t) => {
    const app = await h.app(t);
    const retired: [string, string, RegExp][] = [
      ['sort=price', 'sort', /sort=price_asc/],
      ['pets=cats_and_dogs', 'pets', /pets=cats,dogs/],
      ['pets=allowed', 'pets', /retired/],
      ['property_type=CONDO', 'property_type', /lower case: condo/],
    ];
    for (const [query, field, message] of retired) {
      const response = await app.inject({ url: `/v1/listings/search?bbox=0,0,1,1&${query}` });
      assert.equal(response.statusCode, 400, query);
      const [error] = response.json().errors;
      assert.equal(error.field, field, query);
      assert.match(error.message, message, query);
    }
    const body = await app.inject({
      method: 'POST',
      url: '/v1/listings/search',
      payload: {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
        sort: 'price',
      },
    });
    assert.equal(body.statusCode, 400);
    assert.match(body.json().errors[0].message, /sort=price_asc/);
  });

  test('publish makes a listing findable anonymously; unpublish removes it', async (t) => {
    const app = await h.app(t);
    const token = await h.token(randomUUID());
    const property = await createProperty(app, token, { location: { lat: 10.5, lng: 20.5 } });
    const unit = await createUnit(app, token, property.id);
    const listing = await createListing(app, token, unit.id);
    const search = () => app.inject({ url: '/v1/listings/search?bbox=20,10,21,11' });
    assert.deepEqual((await search()).json().items, [], 'drafts are not public');
    await publishListing(app, token, listing.id);
    const found = (await search()).json().items;
    assert.deepEqual(ids(found), [listing.id]);
    assert.deepEqual(found[0].location, { lat: 10.5, lng: 20.5 });
    assert.deepEqual(found[0].amenities, ['dishwasher', 'pool']);
    const invalidToken = await app.inject({
      url: '/v1/listings/search?bbox=20,10,21,11',
      headers: bearer('x.y.z'),
    });
    assert.equal(invalidToken.statusCode, 200, 'a stale token does not break the public search');
    await app.inject({ method: 'POST', url: `/v1/listings/${listing.id}/unpublish`, headers: bearer(token) });
    assert.deepEqual((await search()).json().items, []);
  });

  test('the public-search setting reveals only published rows and allows no writes', async () => {
    const client = await h.handle.pool.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('app.public_search', 'on', true)`);
      const { rows } = await client.query<{ status: string }>('select distinct status from listings');
      assert.deepEqual(rows, [{ status: 'published' }]);
      const units = await client.query<{ n: number }>('select count(*)::int as n from units');
      assert.equal(units.rows[0]!.n, published.length + 0, 'only units behind published listings');
      const updated = await client.query(`update listings set title = 'defaced'`);
      assert.equal(updated.rowCount, 0);
      await client.query('rollback');
    } finally {
      client.release();
    }
  });
});
