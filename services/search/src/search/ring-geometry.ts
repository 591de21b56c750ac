/** A position as GeoJSON has it: [x (longitude), y (latitude)]. */
type Position = readonly number[];

/**
 * Whether two non-adjacent edges of a closed ring cross or touch (planar, lng/lat). Elasticsearch accepts
 * such "bow-tie" polygons without complaint and then answers for an area nobody drew, so they are refused.
 * O(n²): about half a million cheap checks at the vertex cap, a few milliseconds.
 */
export function ringSelfIntersects(ring: readonly Position[]): boolean {
  const edges = ring.length - 1;
  for (let i = 0; i < edges; i++) {
    for (let j = i + 1; j < edges; j++) {
      // Consecutive edges share a vertex by construction (and so do the first and the last).
      if (j === i + 1 || (i === 0 && j === edges - 1)) continue;
      if (segmentsIntersect(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return true;
    }
  }
  return false;
}

function segmentsIntersect(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && onSegment(c, d, a)) ||
    (d2 === 0 && onSegment(c, d, b)) ||
    (d3 === 0 && onSegment(a, b, c)) ||
    (d4 === 0 && onSegment(a, b, d))
  );
}

/** Twice the signed area of (p, q, r): > 0 when r is left of p→q. */
function cross(p: Position, q: Position, r: Position): number {
  return (q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!);
}

function onSegment(p: Position, q: Position, r: Position): boolean {
  return (
    Math.min(p[0]!, q[0]!) <= r[0]! &&
    r[0]! <= Math.max(p[0]!, q[0]!) &&
    Math.min(p[1]!, q[1]!) <= r[1]! &&
    r[1]! <= Math.max(p[1]!, q[1]!)
  );
}
