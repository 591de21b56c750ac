/** A GeoJSON ring: [lng, lat] positions, closed. */
export type Ring = [number, number][];

/**
 * A random star-shaped (so simple, never self-crossing) closed ring around a centre, counter-clockwise:
 * `vertices` points at sorted random angles and random radii between `minRadius` and `maxRadius` degrees.
 */
export function starRing(
  random: () => number,
  centre: { lng: number; lat: number },
  vertices: number,
  minRadius: number,
  maxRadius: number,
): Ring {
  const angles = Array.from({ length: vertices }, () => random() * 2 * Math.PI).sort((a, b) => a - b);
  const ring: Ring = angles.map((angle) => {
    const r = minRadius + random() * (maxRadius - minRadius);
    return [centre.lng + r * Math.cos(angle), centre.lat + r * Math.sin(angle)];
  });
  return [...ring, ring[0]!];
}

/** Even-odd ray casting in the lng/lat plane: the independent check of what Elasticsearch returns. */
export function insideRing(point: { lng: number; lat: number }, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > point.lat !== yj > point.lat && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/** Inside a polygon: in its outer ring and in none of its holes. */
export function insidePolygon(point: { lng: number; lat: number }, rings: Ring[]): boolean {
  return insideRing(point, rings[0]!) && !rings.slice(1).some((hole) => insideRing(point, hole));
}

/** Distance in degrees (planar) from a point to the nearest edge of any ring: near 0 is a coin toss. */
export function distanceToEdges(point: { lng: number; lat: number }, rings: Ring[]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i < ring.length - 1; i++) {
      best = Math.min(best, segmentDistance(point, ring[i]!, ring[i + 1]!));
    }
  }
  return best;
}

function segmentDistance(p: { lng: number; lat: number }, a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p.lng - a[0]) * dx + (p.lat - a[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p.lng - (a[0] + t * dx), p.lat - (a[1] + t * dy));
}
