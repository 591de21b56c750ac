import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { listingSearchItem } from '@portfolioos/contracts';
import type { ListingSnapshot, PropertyType } from '@portfolioos/schemas';
import { buildSearchApp } from '../src/app.js';
import { ListingWriter } from '../src/listings-index/listing-writer.js';
import { createSearchHarness, type SearchHarness } from './support/harness.js';
import { distanceMetres, listingSnapshot, seededRandom } from './support/listing-fixtures.js';

const AUSTIN = { lat: 30.2672, lng: -97.7431 };
const TYPES: PropertyType[] = ['APARTMENT', 'CONDO', 'TOWNHOUSE', 'SINGLE_FAMILY'];
const AMENITIES = ['dishwasher', 'parking', 'pool', 'gym', 'in_unit_laundry'];

function countAmenities(listings: ListingSnapshot[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const amenity of listings.flatMap((l) => l.amenities))
    counts.set(amenity, (counts.get(amenity) ?? 0) + 1);
  return counts;
}

/** 120 listings scattered ±0.2° around Austin; every 10th is not ACTIVE. */
function dataset(): ListingSnapshot[] {
  const random = seededRandom(42);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: 120 }, (_, i) =>
    listingSnapshot({
      title: i % 7 === 0 ? `Loft number ${i}` : `Home number ${i}`,
      description: i % 5 === 0 ? 'Quiet street next to a park.' : 'Near shops and transit.',
      status: i % 10 === 9 ? 'PAUSED' : 'ACTIVE',
      location: { lat: AUSTIN.lat + (random() - 0.5) * 0.4, lng: AUSTIN.lng + (random() - 0.5) * 0.4 },
      rent_amount_minor: 100_000 + Math.floor(random() * 30) * 10_000,
      bedrooms: Math.floor(random() * 4),
      full_baths: 1 + Math.floor(random() * 2),
      half_baths: Math.floor(random() * 2),
      property_type: pick(TYPES),
      amenities: AMENITIES.filter(() => random() < 0.4),
      pet_policy: pick(['NONE', 'CATS', 'DOGS', 'CATS_AND_DOGS'] as const),
      published_at: Date.UTC(2025, 0, 1) + Math.floor(random() * 1e9),
    }),
  );
}

describe('GET /v1/search/listings', () => {
  let h: SearchHarness;
  const listings = dataset();
  const active = listings.filter((l) => l.status === 'ACTIVE');
  before(async () => {
    h = await createSearchHarness({ indexer: false });
    const writer = new ListingWriter(h.es, h.alias);
    for (const listing of listings) await writer.apply(listing);
    await h.refresh();
  });
  after(() => h.close());

  const get = (query: string) => h.app.inject({ url: `/v1/search/listings?${query}` });

  /** Follows next_cursor to the end; returns every listing id in order. */
  async function allPages(query: string, limit = 7): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const res = await get(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      ids.push(...body.items.map((i: { id: string }) => i.id));
      cursor = body.next_cursor;
      if (!cursor) return ids;
    }
    throw new Error('pagination did not end');
  }

  test('full text ranks title matches and highlights them', async () => {
    const res = await get('q=loft');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    const expected = active.filter((l) => l.title.startsWith('Loft')).map((l) => l.listing_id);
    assert.deepEqual(new Set(body.items.map((i: { id: string }) => i.id)), new Set(expected));
    assert.match(body.items[0].highlight.title[0], /<em>Loft<\/em>/);
  });

  test('bbox returns every active listing inside, none outside, without gaps or duplicates', async () => {
    const box = { minLng: -97.8, minLat: 30.2, maxLng: -97.7, maxLat: 30.3 };
    const ids = await allPages(`bbox=${box.minLng},${box.minLat},${box.maxLng},${box.maxLat}&sort=price_asc`);
    const expected = active.filter(
      (l) =>
        l.location.lng >= box.minLng &&
        l.location.lng <= box.maxLng &&
        l.location.lat >= box.minLat &&
        l.location.lat <= box.maxLat,
    );
    assert.ok(expected.length > 7, 'the box spans several pages');
    assert.equal(new Set(ids).size, ids.length, 'no duplicates');
    assert.deepEqual(new Set(ids), new Set(expected.map((l) => l.listing_id)));
  });

  test('near + radius_m sorted by distance matches an independent haversine within 1 m', async () => {
    const radius = 8000;
    const res = await get(`near=${AUSTIN.lat},${AUSTIN.lng}&radius_m=${radius}&sort=distance&limit=100`);
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as { id: string; distance_m: number }[];
    const expected = active
      .map((l) => ({ id: l.listing_id, d: distanceMetres(AUSTIN, l.location) }))
      .filter((e) => e.d <= radius)
      .sort((a, b) => a.d - b.d);
    assert.deepEqual(
      items.map((i) => i.id),
      expected.map((e) => e.id),
    );
    items.forEach((item, i) => assert.ok(Math.abs(item.distance_m - expected[i]!.d) < 1));
  });

  test('filters combine; each facet counts under every filter but its own', async () => {
    const query =
      'price_min=150000&price_max=300000&beds_min=1&baths_min=1.5&pets=cats&property_type=apartment,condo';
    const cats = (l: ListingSnapshot) => ['CATS', 'CATS_AND_DOGS'].includes(l.pet_policy);
    const facetFilters = {
      price: (l: ListingSnapshot) => l.rent_amount_minor >= 150_000 && l.rent_amount_minor <= 300_000,
      beds: (l: ListingSnapshot) => l.bedrooms >= 1,
      baths: (l: ListingSnapshot) => l.full_baths + l.half_baths / 2 >= 1.5,
      property_type: (l: ListingSnapshot) => ['APARTMENT', 'CONDO'].includes(l.property_type),
    };
    const under = (except: keyof typeof facetFilters | null) =>
      active.filter(
        (l) => cats(l) && Object.entries(facetFilters).every(([name, keep]) => name === except || keep(l)),
      );
    const expected = under(null);
    assert.ok(expected.length > 0);
    assert.deepEqual(new Set(await allPages(query, 50)), new Set(expected.map((l) => l.listing_id)));

    const res = await get(`${query}&price_interval=50000`);
    const { facets, total } = res.json();
    assert.deepEqual(total, { value: expected.length, relation: 'eq' });
    const count = (listings: ListingSnapshot[], key: (l: ListingSnapshot) => number | string) => {
      const counts = new Map<number | string, number>();
      for (const l of listings) counts.set(key(l), (counts.get(key(l)) ?? 0) + 1);
      return counts;
    };
    const asMap = (buckets: { key: number | string; count: number }[]) =>
      new Map(buckets.map((b) => [b.key, b.count]));
    assert.deepEqual(
      asMap(facets.beds),
      count(under('beds'), (l) => l.bedrooms),
    );
    assert.ok(
      facets.beds.some((b: { key: number }) => b.key === 0),
      'beds 0 still offered under beds_min=1',
    );
    assert.deepEqual(
      asMap(facets.baths),
      count(under('baths'), (l) => l.full_baths + l.half_baths / 2),
    );
    assert.deepEqual(
      asMap(facets.property_type),
      count(under('property_type'), (l) => l.property_type.toLowerCase()),
    );
    assert.deepEqual(
      asMap(facets.price),
      count(under('price'), (l) => Math.floor(l.rent_amount_minor / 50_000) * 50_000),
    );
    assert.deepEqual(
      asMap(facets.amenities),
      countAmenities(expected),
      'amenities (not filtered here) count under all the filters',
    );
  });

  test('amenities must all be present', async () => {
    const ids = await allPages('amenities=pool,gym', 50);
    const expected = active.filter((l) => l.amenities.includes('pool') && l.amenities.includes('gym'));
    assert.deepEqual(new Set(ids), new Set(expected.map((l) => l.listing_id)));
    const res = await get('amenities=pool');
    const pool = res.json().facets.amenities.find((b: { key: string }) => b.key === 'pool');
    assert.equal(pool.count, active.filter((l) => l.amenities.includes('pool')).length);
  });

  test('zoom adds geotile clusters that account for every result', async () => {
    const res = await get('zoom=9&limit=1');
    const { clusters, total } = res.json();
    assert.ok(clusters.length > 1 && clusters.length <= 500);
    assert.equal(
      clusters.reduce((sum: number, c: { count: number }) => sum + c.count, 0),
      total.value,
    );
    assert.match(clusters[0].key, /^12\/\d+\/\d+$/);
    assert.equal(total.value, active.length);
    assert.equal(res.json().clusters === null, false);
    assert.equal((await get('limit=1')).json().clusters, null);
  });

  test('a search matching more than SEARCH_EXACT_FACETS_LIMIT estimates facets and clusters from a sample', async () => {
    // The same index behind an app that counts exactly only up to 30 matches.
    const sampling = await buildSearchApp(
      { ...h.config, SEARCH_EXACT_FACETS_LIMIT: 30 },
      { es: h.es, logger: false },
    );
    try {
      const sampled = async (query: string) => {
        const res = await sampling.inject({ url: `/v1/search/listings?${query}` });
        assert.equal(res.statusCode, 200, res.body);
        return res.json();
      };
      const sum = (buckets: { count: number }[]) => buckets.reduce((total, b) => total + b.count, 0);

      const wide = await sampled('zoom=9&limit=5');
      assert.equal(wide.facets_estimated, true);
      assert.equal(wide.total.value, active.length, 'the total is never sampled');
      assert.equal(wide.items.length, 5);
      // 108 matches, probability 30/108: each scaled sum is a binomial estimate of 108 (sd ≈ 17).
      for (const [name, estimate] of [
        ['beds', sum(wide.facets.beds)],
        ['property_type', sum(wide.facets.property_type)],
        ['clusters', sum(wide.clusters)],
      ] as const) {
        assert.ok(estimate > active.length * 0.4 && estimate < active.length * 1.8, `${name}: ${estimate}`);
      }

      // The sample is seeded: the same search counts the same, and its next page carries the sample.
      assert.deepEqual((await sampled('zoom=9&limit=5')).facets, wide.facets);
      const next = await sampled(`zoom=9&limit=5&cursor=${wide.next_cursor}`);
      assert.equal(next.facets_estimated, true);
      assert.deepEqual(next.facets, wide.facets);
      assert.deepEqual(next.clusters, wide.clusters);

      // A narrow search stays under the limit and is counted exactly.
      const narrow = await sampled('bbox=-97.8,30.2,-97.7,30.3&limit=1');
      assert.equal(narrow.facets_estimated, false);
      assert.ok(narrow.total.value <= 30);
      assert.equal(sum(narrow.facets.beds), narrow.total.value);
    } finally {
      await sampling.close();
    }
    assert.equal(
      (await get('zoom=9&limit=5')).json().facets_estimated,
      false,
      'the default limit is far above 108',
    );
  });

  test('newest-first pagination walks every active listing once', async () => {
    const ids = await allPages('sort=newest', 9);
    assert.equal(ids.length, active.length);
    assert.equal(new Set(ids).size, active.length);
    const byId = new Map(active.map((l) => [l.listing_id, l.published_at!]));
    for (let i = 1; i < ids.length; i++) assert.ok(byId.get(ids[i - 1]!)! >= byId.get(ids[i]!)!);
  });

  for (const [name, query] of [
    ['inverted bbox', 'bbox=-97.7,30.2,-97.8,30.3'],
    ['bbox with three numbers', 'bbox=-97.7,30.2,-97.8'],
    ['bbox out of range', 'bbox=-197.7,30.2,-97.8,30.3'],
    ['near without radius', 'near=30.2,-97.7'],
    ['radius without near', 'radius_m=100'],
    ['latitude out of range', 'near=91,-97.7&radius_m=100'],
    ['bbox and near together', 'bbox=-97.8,30.2,-97.7,30.3&near=30.2,-97.7&radius_m=100'],
    ['price_min above price_max', 'price_min=5&price_max=4'],
    ['distance sort without near', 'sort=distance'],
    ['unknown parameter', 'colour=red'],
    ['unknown pet', 'pets=ferrets'],
    ['negative price', 'price_min=-1'],
    ['garbage cursor', 'cursor=not-a-cursor'],
    ['relevance without q', 'sort=relevance'],
  ] as const) {
    test(`400 problem+json: ${name}`, async () => {
      const res = await get(query);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
      assert.equal(res.json().status, 400);
    });
  }

  test('retired spellings of the search vocabulary answer 400 naming the new spelling', async () => {
    for (const [query, field, message] of [
      ['sort=price', 'sort', /sort=price_asc/],
      ['pets=cats_and_dogs', 'pets', /pets=cats,dogs/],
      ['property_type=APARTMENT,condo', 'property_type', /lower case: apartment/],
    ] as const) {
      const res = await get(query);
      assert.equal(res.statusCode, 400, query);
      assert.equal(res.json().errors[0].field, field, query);
      assert.match(res.json().errors[0].message, message, query);
    }
  });

  test('items are the shared search item: lower-case codes, id, and distance from near', async () => {
    // Value.Check needs the string formats the schema names (Fastify's ajv brings its own).
    FormatRegistry.Set('uuid', (v) => /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(v));
    FormatRegistry.Set('date', (v) => /^\d{4}-\d{2}-\d{2}$/.test(v));
    FormatRegistry.Set('date-time', (v) => !Number.isNaN(Date.parse(v)));
    const res = await get(`near=${AUSTIN.lat},${AUSTIN.lng}&radius_m=50000&sort=price_asc&limit=20`);
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items;
    assert.ok(items.length > 0);
    for (const item of items) {
      assert.ok(
        Value.Check(listingSearchItem, item),
        JSON.stringify([...Value.Errors(listingSearchItem, item)]),
      );
      assert.match(item.property_type, /^[a-z_]+$/);
      assert.match(item.pet_policy, /^[a-z_]+$/);
      const source = active.find((l) => l.listing_id === item.id)!;
      assert.ok(Math.abs(item.distance_m! - distanceMetres(AUSTIN, source.location)) < 1, 'distance_m');
    }
  });

  test('a cursor from a different search is refused', async () => {
    const first = (await get('sort=price_asc&limit=2')).json();
    const res = await get(`sort=newest&limit=2&cursor=${first.next_cursor}`);
    assert.equal(res.statusCode, 400);
    assert.match(res.json().type, /invalid-cursor$/);
  });
});
