import { prng } from './seed.js';

type Position = [number, number];

/**
 * Point in polygon by ray casting (even-odd rule over every ring, so holes count), written here so the test
 * does not trust PostGIS to check PostGIS.
 */
export function insideRings(point: { lng: number; lat: number }, rings: Position[][]): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > point.lat !== yj > point.lat && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

/** Distance from a point to the nearest ring edge, in degrees (planar; only to skip borderline points). */
export function distanceToEdges(point: { lng: number; lat: number }, rings: Position[][]): number {
  let best = Infinity;
  for (const ring of rings)
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = ring[i - 1]!;
      const [bx, by] = ring[i]!;
      const [dx, dy] = [bx - ax, by - ay];
      const t = Math.max(
        0,
        Math.min(1, ((point.lng - ax) * dx + (point.lat - ay) * dy) / (dx * dx + dy * dy)),
      );
      best = Math.min(best, Math.hypot(point.lng - (ax + t * dx), point.lat - (ay + t * dy)));
    }
  return best;
}

/**
 * A random star-shaped polygon around `centre`: vertices at increasing angles with random radii, so the
 * ring never crosses itself; closed, counter-clockwise.
 */
export function randomStarPolygon(
  seed: number,
  centre: { lng: number; lat: number },
  maxRadius: number,
  vertices: number,
): Position[] {
  const random = prng(seed);
  const ring: Position[] = [];
  for (let i = 0; i < vertices; i++) {
    const angle = (2 * Math.PI * (i + random() * 0.8)) / vertices;
    const radius = maxRadius * (0.2 + 0.8 * random());
    ring.push([
      Number((centre.lng + radius * Math.cos(angle)).toFixed(6)),
      Number((centre.lat + radius * Math.sin(angle)).toFixed(6)),
    ]);
  }
  ring.push(ring[0]!);
  return ring;
}

/** The slippy-map tile of a position at `zoom` (OpenStreetMap's formula), for independent cluster counts. */
export function slippyTile(lng: number, lat: number, zoom: number): { x: number; y: number } {
  const n = 2 ** zoom;
  const latRad = (lat * Math.PI) / 180;
  const x = Math.floor(((lng + 180) / 360) * n);
  const y = Math.floor(((1 - Math.asinh(Math.tan(latRad)) / Math.PI) / 2) * n);
  return { x: Math.min(x, n - 1), y: Math.min(Math.max(y, 0), n - 1) };
}
