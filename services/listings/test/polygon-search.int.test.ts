import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { ServiceApp } from '@portfolioos/service-kit';
import { assertRefusedCheaply, COSTLY_AREAS } from '@portfolioos/testing';
import { distanceToEdges, insideRings, randomStarPolygon } from './support/geometry.js';
import { createListingsHarness, type ListingsHarness } from './support/harness.js';
import { haversineMetres, prng, seedListings, type SeededListing } from './support/seed.js';

type Position = [number, number];
interface Hit {
  id: string;
  price_minor: number;
  published_at: string;
  distance_m: number | null;
  location: { lat: number; lng: number };
}

const CENTRE = { lat: 40.73, lng: -73.99 };
const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

/** POSTs the same body with each next_cursor until the end; fails on a repeated id. */
async function searchAll(app: ServiceApp, body: Record<string, unknown>): Promise<Hit[]> {
  const hits: Hit[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 200; pages++) {
    const payload = { ...body, ...(cursor ? { cursor } : {}) };
    const response = await app.inject({ method: 'POST', url: '/v1/listings/search', payload });
    assert.equal(response.statusCode, 200, response.body);
    const page: { items: Hit[]; next_cursor: string | null } = response.json();
    hits.push(...page.items);
    cursor = page.next_cursor ?? undefined;
    if (!cursor) break;
  }
  assert.equal(new Set(hits.map((h) => h.id)).size, hits.length, 'no listing appears twice');
  return hits;
}

describe('polygon map search (POST /v1/listings/search)', () => {
  let h: ListingsHarness;
  let published: SeededListing[];
  before(async () => {
    h = await createListingsHarness();
    const seeded = await seedListings(h.admin, {
      count: 1500,
      centre: CENTRE,
      spread: 0.3,
      seed: 4_040_404,
      orgs: [randomUUID(), randomUUID()],
    });
    published = seeded.filter((l) => l.status === 'published');
  });
  after(() => h.close());

  /** Published listings inside the rings by ray casting; borderline points are left out of both sides. */
  function expectedInside(rings: Position[][][]) {
    const inside = published.filter((l) => rings.some((r) => insideRings(l, r)));
    const borderline = new Set(
      published.filter((l) => rings.some((r) => distanceToEdges(l, r) < 1e-6)).map((l) => l.id),
    );
    return { inside: inside.filter((l) => !borderline.has(l.id)), borderline };
  }

  test('random star-shaped polygons: exactly the published listings inside, across pages and sorts', async (t) => {
    const app = await h.app(t);
    const random = prng(77);
    const sorts = ['price_asc', 'newest', 'distance'] as const;
    for (let i = 0; i < 9; i++) {
      const centre = { lng: CENTRE.lng + (random() - 0.5) * 0.3, lat: CENTRE.lat + (random() - 0.5) * 0.3 };
      const ring = randomStarPolygon(1000 + i, centre, 0.08 + random() * 0.15, 5 + Math.floor(random() * 60));
      const sort = sorts[i % 3]!;
      const hits = await searchAll(app, {
        geometry: { type: 'Polygon', coordinates: [ring] },
        sort,
        limit: 17 + i,
      });
      const { inside, borderline } = expectedInside([[ring]]);
      assert.ok(inside.length > 10, `a meaningful sample (${inside.length})`);
      assert.deepEqual(
        ids(hits.filter((hit) => !borderline.has(hit.id))),
        ids(inside),
        `polygon ${i} (${sort})`,
      );
      assertOrdered(hits, sort);
    }
  });

  test('holes and MultiPolygons: the even-odd area, distance from the given near', async (t) => {
    const app = await h.app(t);
    const outer = randomStarPolygon(7, CENTRE, 0.25, 24);
    const hole = randomStarPolygon(8, CENTRE, 0.05, 8).reverse();
    const island = randomStarPolygon(9, { lng: CENTRE.lng + 0.27, lat: CENTRE.lat + 0.27 }, 0.02, 6);
    const rings: Position[][][] = [[outer, hole], [island]];
    const near = { lat: CENTRE.lat, lng: CENTRE.lng + 0.1 };
    const hits = await searchAll(app, {
      geometry: { type: 'MultiPolygon', coordinates: rings },
      near,
      sort: 'distance',
      limit: 100,
    });
    const { inside, borderline } = expectedInside(rings);
    assert.ok(inside.length > 100, `a meaningful sample (${inside.length})`);
    assert.deepEqual(ids(hits.filter((hit) => !borderline.has(hit.id))), ids(inside));
    for (const hit of hits)
      assert.ok(Math.abs(hit.distance_m! - haversineMetres(near, hit.location)) < 1, 'distance from near');
    assertOrdered(hits, 'distance');
  });

  test('format=geojson answers Features inside the polygon', async (t) => {
    const app = await h.app(t);
    const ring = randomStarPolygon(11, CENTRE, 0.1, 12);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/listings/search',
      payload: { geometry: { type: 'Polygon', coordinates: [ring] }, format: 'geojson', limit: 5 },
    });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.type, 'FeatureCollection');
    assert.equal(body.features.length, 5);
    for (const feature of body.features) {
      const [lng, lat] = feature.geometry.coordinates;
      assert.ok(insideRings({ lng, lat }, [ring]));
    }
  });

  test('invalid areas and bodies answer 400 problem+json naming the problem, never 500', async (t) => {
    const app = await h.app(t);
    const polygon = (coordinates: unknown) => ({ geometry: { type: 'Polygon', coordinates } });
    const square: Position[] = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const circle = (n: number): Position[] => {
      const ring = Array.from({ length: n }, (_, i): Position => [
        Math.cos((2 * Math.PI * i) / n),
        Math.sin((2 * Math.PI * i) / n),
      ]);
      return [...ring, ring[0]!];
    };
    const cases: [string, unknown, RegExp][] = [
      [
        'bow tie',
        polygon([
          [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ]),
        /self-intersection/i,
      ],
      ['unclosed', polygon([square.slice(0, 4).concat([[0, 0.5]])]), /not closed/],
      [
        'too few points',
        polygon([
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ]),
        /fewer than 4|must NOT have fewer/i,
      ],
      [
        'longitude out of range',
        polygon([
          [
            [0, 0],
            [200, 0],
            [1, 1],
            [0, 0],
          ],
        ]),
        /180/,
      ],
      [
        'latitude out of range',
        polygon([
          [
            [0, 0],
            [1, -91],
            [1, 1],
            [0, 0],
          ],
        ]),
        /-90/,
      ],
      ['too many in one ring', polygon([circle(1000)]), /more than 1000/],
      [
        'too many in all',
        { geometry: { type: 'MultiPolygon', coordinates: [[circle(600)], [circle(600)]] } },
        /at most 1000/,
      ],
      [
        'antimeridian',
        polygon([
          [
            [170, 0],
            [-170, 0],
            [-170, 10],
            [170, 10],
            [170, 0],
          ],
        ]),
        /antimeridian/,
      ],
      [
        'hole outside shell',
        polygon([
          square,
          [
            [5, 5],
            [6, 5],
            [6, 6],
            [5, 5],
          ],
        ]),
        /hole/i,
      ],
      ['a point', { geometry: { type: 'Point', coordinates: [0, 0] } }, /./],
      ['no geometry', { sort: 'price_asc' }, /geometry/],
      ['unknown property', { ...polygon([square]), radius_m: 5 }, /not an allowed property/],
      ['unknown geometry member', { geometry: { type: 'Polygon', coordinates: [square], crs: 'x' } }, /./],
      ['zoom without cluster', { ...polygon([square]), zoom: 3 }, /zoom/],
      ['cluster without zoom', { ...polygon([square]), cluster: true }, /zoom/],
      ['zoom out of range', { ...polygon([square]), cluster: true, zoom: 23 }, /22/],
      ['fractional zoom', { ...polygon([square]), cluster: true, zoom: 1.5 }, /integer/],
      ['bad property type', { ...polygon([square]), property_type: ['castle'] }, /./],
      ['price range', { ...polygon([square]), price_min: 5, price_max: 1 }, /price_max/],
      ['bad near', { ...polygon([square]), near: { lat: 95, lng: 0 } }, /90/],
    ];
    for (const [name, payload, message] of cases) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/listings/search',
        payload: payload as object,
      });
      assert.equal(response.statusCode, 400, `${name}: ${response.body}`);
      assert.match(response.headers['content-type'] as string, /application\/problem\+json/, name);
      assert.match(JSON.stringify(response.json().errors ?? response.json().detail), message, name);
    }
  });

  // Refused on size alone, before any geometry (or PostGIS) work, however the size is made up.
  for (const area of COSTLY_AREAS) {
    test(area.name, async (t) => {
      t.diagnostic(await assertRefusedCheaply(await h.app(t), '/v1/listings/search', area));
    });
  }
});

function assertOrdered(hits: Hit[], sort: 'price_asc' | 'newest' | 'distance') {
  for (let i = 1; i < hits.length; i++) {
    const [a, b] = [hits[i - 1]!, hits[i]!];
    if (sort === 'price_asc') assert.ok(a.price_minor <= b.price_minor, 'price order');
    if (sort === 'newest') assert.ok(a.published_at >= b.published_at, 'newest first');
    if (sort === 'distance') assert.ok(a.distance_m! <= b.distance_m!, 'nearest first');
  }
}
