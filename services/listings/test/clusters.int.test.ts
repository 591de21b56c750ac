import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { ServiceApp } from '@portfolioos/service-kit';
import { bearer, createListing, createProperty, createUnit, publishListing } from './support/flows.js';
import { insideRings, randomStarPolygon, slippyTile } from './support/geometry.js';
import { createListingsHarness, type ListingsHarness } from './support/harness.js';
import { seedListings, type SeededListing } from './support/seed.js';

interface Cluster {
  id: string;
  count: number;
  centroid: { lat: number; lng: number };
  bounds: { min_lng: number; min_lat: number; max_lng: number; max_lat: number };
}
interface ClusterPage {
  cell_zoom: number;
  total: number;
  clusters: Cluster[];
}
type Box = [number, number, number, number];

const CENTRE = { lat: 39, lng: -98 };

/** Independent expectation: listings grouped by the slippy tile at `zoom`, with their mean position. */
function expectedCells(points: SeededListing[], zoom: number) {
  const cells = new Map<string, { count: number; lng: number; lat: number }>();
  for (const p of points) {
    const { x, y } = slippyTile(p.lng, p.lat, zoom);
    const cell = cells.get(`${zoom}/${x}/${y}`) ?? { count: 0, lng: 0, lat: 0 };
    cells.set(`${zoom}/${x}/${y}`, { count: cell.count + 1, lng: cell.lng + p.lng, lat: cell.lat + p.lat });
  }
  return cells;
}

/** The documented rule: min(zoom + 2, 24), one level coarser while the box touches more than 500 cells. */
function expectedCellZoom(zoom: number, [minLng, minLat, maxLng, maxLat]: Box): number {
  for (let c = Math.min(zoom + 2, 24); ; c--) {
    const nw = slippyTile(minLng, maxLat, c);
    const se = slippyTile(maxLng, minLat, c);
    if (c === 0 || (se.x - nw.x + 1) * (se.y - nw.y + 1) <= 500) return c;
  }
}

/** Listings in the cells a box touches (bbox clusters count whole cells). */
function inTouchedCells(points: SeededListing[], box: Box, zoom: number) {
  const nw = slippyTile(box[0], box[3], zoom);
  const se = slippyTile(box[2], box[1], zoom);
  return points.filter((p) => {
    const { x, y } = slippyTile(p.lng, p.lat, zoom);
    return x >= nw.x && x <= se.x && y >= nw.y && y <= se.y;
  });
}

function assertClustersMatch(page: ClusterPage, points: SeededListing[], label: string) {
  const expected = expectedCells(points, page.cell_zoom);
  assert.equal(page.clusters.length, expected.size, `${label}: number of cells`);
  assert.equal(page.total, points.length, `${label}: total`);
  assert.equal(
    page.clusters.reduce((s, c) => s + c.count, 0),
    points.length,
    `${label}: counts add up`,
  );
  for (const cluster of page.clusters) {
    const cell = expected.get(cluster.id);
    assert.ok(cell, `${label}: unexpected cell ${cluster.id}`);
    assert.equal(cluster.count, cell.count, `${label}: count of ${cluster.id}`);
    assert.ok(Math.abs(cluster.centroid.lng - cell.lng / cell.count) < 1e-6, `${label}: centroid lng`);
    assert.ok(Math.abs(cluster.centroid.lat - cell.lat / cell.count) < 1e-6, `${label}: centroid lat`);
    const { centroid, bounds } = cluster;
    assert.ok(centroid.lng >= bounds.min_lng && centroid.lng <= bounds.max_lng, `${label}: inside its cell`);
    assert.ok(centroid.lat >= bounds.min_lat && centroid.lat <= bounds.max_lat, `${label}: inside its cell`);
  }
}

describe('map clusters (cluster=true&zoom=Z)', () => {
  let h: ListingsHarness;
  let published: SeededListing[];
  before(async () => {
    h = await createListingsHarness();
    const seeded = await seedListings(h.admin, {
      count: 3000,
      centre: CENTRE,
      spread: 12,
      seed: 8_080_808,
      orgs: [randomUUID(), randomUUID()],
    });
    published = seeded.filter((l) => l.status === 'published');
  });
  after(() => h.close());

  const get = async (app: ServiceApp, query: string) => {
    const response = await app.inject({ url: `/v1/listings/search?${query}` });
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };

  test('bbox clusters at every zoom equal an independent count per web-mercator tile', async (t) => {
    const app = await h.app(t);
    const cases: [number, Box][] = [
      [0, [-180, -85, 180, 85]],
      [2, [-125, 20, -60, 55]],
      [4, [-110, 30, -90, 45]],
      [7, [-100, 37, -96, 41]],
      [10, [-98.5, 38.8, -97.9, 39.2]],
      [13, [-98.1, 38.95, -97.98, 39.05]],
      [15, [-98.05, 38.98, -98.01, 39.01]], // finer than the maintained levels: live aggregation
      [22, [-130, 20, -60, 55]], // a huge box at street zoom: coarsened to the cap
    ];
    for (const [zoom, box] of cases) {
      const page: ClusterPage = await get(app, `bbox=${box.join(',')}&cluster=true&zoom=${zoom}`);
      assert.equal(page.cell_zoom, expectedCellZoom(zoom, box), `zoom ${zoom}: cell zoom`);
      assert.ok(page.clusters.length <= 500, `zoom ${zoom}: at most 500 features`);
      assertClustersMatch(page, inTouchedCells(published, box, page.cell_zoom), `zoom ${zoom}`);
    }
  });

  test('filters apply to clusters (live aggregation) with the same cells', async (t) => {
    const app = await h.app(t);
    const box: Box = [-110, 30, -90, 45];
    const page: ClusterPage = await get(
      app,
      `bbox=${box.join(',')}&cluster=true&zoom=5&beds_min=2&pets=cats`,
    );
    const matching = published.filter((l) => l.beds >= 2 && ['cats', 'cats_and_dogs'].includes(l.petPolicy));
    assertClustersMatch(page, inTouchedCells(matching, box, page.cell_zoom), 'filtered');
  });

  test('polygon clusters count only listings inside the polygon', async (t) => {
    const app = await h.app(t);
    const ring = randomStarPolygon(5, { lng: CENTRE.lng, lat: CENTRE.lat }, 8, 30);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/listings/search',
      payload: { geometry: { type: 'Polygon', coordinates: [ring] }, cluster: true, zoom: 4 },
    });
    assert.equal(response.statusCode, 200, response.body);
    const inside = published.filter((l) => insideRings(l, [ring]));
    assert.ok(inside.length > 200, `a meaningful sample (${inside.length})`);
    assertClustersMatch(response.json(), inside, 'polygon');
  });

  test('format=geojson clusters are Point features with cluster: true and count', async (t) => {
    const app = await h.app(t);
    const body = await get(app, 'bbox=-110,30,-90,45&cluster=true&zoom=4&format=geojson');
    const json: ClusterPage = await get(app, 'bbox=-110,30,-90,45&cluster=true&zoom=4');
    assert.equal(body.type, 'FeatureCollection');
    assert.equal(body.features.length, json.clusters.length);
    for (const [i, feature] of body.features.entries()) {
      const cluster = json.clusters[i]!;
      assert.equal(feature.geometry.type, 'Point');
      assert.deepEqual(feature.geometry.coordinates, [cluster.centroid.lng, cluster.centroid.lat]);
      assert.deepEqual(feature.properties, { cluster: true, id: cluster.id, count: cluster.count });
      const { min_lng, min_lat, max_lng, max_lat } = cluster.bounds;
      assert.deepEqual(feature.bbox, [min_lng, min_lat, max_lng, max_lat]);
    }
  });

  test('bad cluster requests answer 400', async (t) => {
    const app = await h.app(t);
    for (const query of [
      'bbox=0,0,1,1&cluster=true',
      'bbox=0,0,1,1&cluster=true&zoom=23',
      'bbox=0,0,1,1&cluster=true&zoom=-1',
      'bbox=0,0,1,1&cluster=true&zoom=abc',
      'bbox=0,0,1,1&cluster=true&zoom=2.5',
      'bbox=0,0,1,1&zoom=3',
      'bbox=0,0,1,1&cluster=true&zoom=3&cursor=abc',
      'near=0,0&radius_m=1000&cluster=true&zoom=3',
    ]) {
      const response = await app.inject({ url: `/v1/listings/search?${query}` });
      assert.equal(response.statusCode, 400, `${query}: ${response.body}`);
      assert.match(response.headers['content-type'] as string, /application\/problem\+json/);
    }
  });

  test('the cell totals follow publish, unpublish, moves and deletes, and equal a rebuild', async (t) => {
    const app = await h.app(t);
    const token = await h.token(randomUUID());
    const property = await createProperty(app, token, { location: { lat: 10.5, lng: 20.5 } });
    const unit = await createUnit(app, token, property.id);
    const [a, b] = [await createListing(app, token, unit.id), await createListing(app, token, unit.id)];
    await publishListing(app, token, a.id);
    await publishListing(app, token, b.id);
    const count = async (box: string) =>
      ((await get(app, `bbox=${box}&cluster=true&zoom=3`)) as ClusterPage).total;
    assert.equal(await count('20,10,21,11'), 2);
    const moved = await app.inject({
      method: 'PATCH',
      url: `/v1/properties/${property.id}`,
      headers: bearer(token),
      payload: { location: { lat: -30.5, lng: 140.5 } },
    });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(await count('20,10,21,11'), 0, 'moved away');
    assert.equal(await count('140,-31,141,-30'), 2, 'moved here');
    await app.inject({ method: 'POST', url: `/v1/listings/${a.id}/unpublish`, headers: bearer(token) });
    await app.inject({ method: 'DELETE', url: `/v1/listings/${b.id}`, headers: bearer(token) });
    assert.equal(await count('140,-31,141,-30'), 0);

    const cells =
      'select zoom, x, y, listings, sum_lng_e7, sum_lat_e7 from listing_map_cells where listings <> 0 order by 1, 2, 3';
    const before = (await h.admin.query(cells)).rows;
    const client = await h.handle.pool.connect(); // the service role, under forced row-level security
    try {
      await client.query('select rebuild_listing_map_cells()');
    } finally {
      client.release();
    }
    assert.deepEqual((await h.admin.query(cells)).rows, before, 'incremental totals equal a rebuild');
    assert.ok(before.length > 0);
  });
});
