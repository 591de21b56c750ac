import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ListingSnapshot } from '@portfolioos/schemas';
import { ListingWriter } from '../src/listings-index/listing-writer.js';
import { createSearchHarness, type SearchHarness } from './support/harness.js';
import { listingSnapshot, seededRandom } from './support/listing-fixtures.js';
import { assertRefusedCheaply, COSTLY_AREAS } from '@portfolioos/testing';
import { distanceToEdges, insidePolygon, starRing, type Ring } from './support/polygons.js';

const random = seededRandom(2024);
/** 600 ACTIVE listings uniformly over a 1° × 1° square west of Austin. */
const listings: ListingSnapshot[] = Array.from({ length: 600 }, (_, i) =>
  listingSnapshot({
    title: `Area home ${i}`,
    location: { lat: 30 + random(), lng: -98 + random() },
    bedrooms: i % 4,
  }),
);
// Lucene stores points to ~1e-7°; a point this close to an edge may fall either way.
const AMBIGUOUS = 1e-5;

describe('POST /v1/search/listings (drawn area)', () => {
  let h: SearchHarness;
  before(async () => {
    h = await createSearchHarness({ indexer: false });
    const writer = new ListingWriter(h.es, h.alias);
    await writer.write(listings.map((snapshot) => ({ kind: 'upsert', snapshot })));
    await h.refresh();
  });
  after(() => h.close());

  const post = (body: unknown, query = '') =>
    h.app.inject({ method: 'POST', url: `/v1/search/listings?${query}`, payload: body as object });

  async function allIds(geometry: unknown, query = ''): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await post({ geometry }, `limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.statusCode, 200, res.body);
      ids.push(...res.json().items.map((i: { id: string }) => i.id));
      cursor = res.json().next_cursor;
    } while (cursor);
    return ids;
  }

  function assertMatches(ids: string[], polygons: Ring[][]) {
    const found = new Set(ids);
    assert.equal(found.size, ids.length, 'no duplicates');
    let inside = 0;
    for (const l of listings) {
      if (Math.min(...polygons.map((p) => distanceToEdges(l.location, p))) < AMBIGUOUS) continue;
      const expected = polygons.some((p) => insidePolygon(l.location, p));
      inside += expected ? 1 : 0;
      assert.equal(found.has(l.listing_id), expected, `${JSON.stringify(l.location)} inside: ${expected}`);
    }
    return inside;
  }

  test('random polygons, with and without holes, find every listing inside and none outside', async () => {
    for (let round = 0; round < 8; round++) {
      const centre = { lng: -97.5 + (random() - 0.5) * 0.4, lat: 30.5 + (random() - 0.5) * 0.4 };
      const outer = starRing(random, centre, 3 + Math.floor(random() * 60), 0.1, 0.35);
      const rings = round % 2 === 0 ? [outer] : [outer, starRing(random, centre, 8, 0.02, 0.08).reverse()];
      const inside = assertMatches(await allIds({ type: 'Polygon', coordinates: rings }), [rings]);
      assert.ok(inside > 0, `round ${round} has listings inside`);
    }
  });

  test('a MultiPolygon is the union of its polygons, and filters still apply', async () => {
    const a = [starRing(random, { lng: -97.8, lat: 30.2 }, 12, 0.05, 0.15)];
    const b = [starRing(random, { lng: -97.2, lat: 30.8 }, 20, 0.05, 0.15)];
    assertMatches(await allIds({ type: 'MultiPolygon', coordinates: [a, b] }), [a, b]);
    const ids = new Set(await allIds({ type: 'MultiPolygon', coordinates: [a, b] }, '&beds_min=2'));
    for (const l of listings) {
      if (ids.has(l.listing_id)) assert.ok(l.bedrooms >= 2);
    }
  });

  const square: Ring = [
    [-97.9, 30.1],
    [-97.1, 30.1],
    [-97.1, 30.9],
    [-97.9, 30.9],
    [-97.9, 30.1],
  ];
  const bowTie: Ring = [
    [-97.9, 30.1],
    [-97.1, 30.9],
    [-97.1, 30.1],
    [-97.9, 30.9],
    [-97.9, 30.1],
  ];
  const circle = (n: number): Ring => starRing(random, { lng: -97.5, lat: 30.5 }, n, 0.2, 0.2);
  for (const [name, body, query] of [
    ['unclosed ring', { geometry: { type: 'Polygon', coordinates: [square.slice(0, 4)] } }, ''],
    [
      'ring of three positions',
      { geometry: { type: 'Polygon', coordinates: [[...square.slice(0, 2), square[0]]] } },
      '',
    ],
    [
      'latitude out of range',
      { geometry: { type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y + 60])] } },
      '',
    ],
    [
      'longitude out of range',
      { geometry: { type: 'Polygon', coordinates: [square.map(([x, y]) => [x - 90, y])] } },
      '',
    ],
    ['too many vertices', { geometry: { type: 'Polygon', coordinates: [circle(1001)] } }, ''],
    [
      'too many vertices over several rings',
      { geometry: { type: 'MultiPolygon', coordinates: [[circle(600)], [circle(600)]] } },
      '',
    ],
    ['ring crossing itself', { geometry: { type: 'Polygon', coordinates: [bowTie] } }, ''],
    [
      '180° or wider',
      {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [-100, 0],
              [90, 0],
              [90, 10],
              [-100, 0],
            ],
          ],
        },
      },
      '',
    ],
    [
      'positions with altitude',
      { geometry: { type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y, 0])] } },
      '',
    ],
    ['a Point', { geometry: { type: 'Point', coordinates: [-97.5, 30.5] } }, ''],
    ['unknown body property', { geometry: { type: 'Polygon', coordinates: [square] }, colour: 'red' }, ''],
    ['unknown geometry property', { geometry: { type: 'Polygon', coordinates: [square], bbox: [] } }, ''],
    ['no body', undefined, ''],
    [
      'area and bbox together',
      { geometry: { type: 'Polygon', coordinates: [square] } },
      'bbox=-98,30,-97,31',
    ],
  ] as const) {
    test(`400 problem+json: ${name}`, async () => {
      const res = await post(body, query);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    });
  }

  test('a cursor belongs to its area', async () => {
    const first = (await post({ geometry: { type: 'Polygon', coordinates: [square] } }, 'limit=2')).json();
    assert.ok(first.next_cursor);
    const other = square.map(([x, y]) => [x + 0.01, y]);
    const res = await post(
      { geometry: { type: 'Polygon', coordinates: [other] } },
      `&cursor=${first.next_cursor}`,
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.json().type, /invalid-cursor$/);
  });

  // The crossing check is quadratic per ring: before the size was checked first, 50 rings of 1000 vertices
  // cost 50 × 500,000 segment tests (well over 100 ms of CPU for one request).
  for (const area of COSTLY_AREAS) {
    test(area.name, async (t) => {
      t.diagnostic(await assertRefusedCheaply(h.app, '/v1/search/listings', area));
    });
  }

  test('the POST route is documented', async () => {
    const spec = (await h.app.inject({ url: '/openapi.json' })).json();
    assert.ok(spec.paths['/v1/search/listings']?.post?.requestBody);
  });
});
