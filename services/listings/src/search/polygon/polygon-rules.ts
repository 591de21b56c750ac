import type { Envelope } from '../search-criteria.js';

/** Positions a search area may have in all (rings of every part together). */
export const MAX_POLYGON_VERTICES = 1000;
/**
 * Bytes the POST search body may have (the route's bodyLimit; more answers 413 before it is parsed): 1000
 * full-precision positions pretty-printed are about 80 KiB, and the filters are a few hundred bytes.
 */
export const MAX_POLYGON_BODY_BYTES = 128 * 1024;

type Position = [number, number];
/** A schema-checked GeoJSON area: positions are in range, rings have at least 4 positions. */
export type PolygonGeometry =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

/**
 * What a schema cannot say about an area: closed rings, the vertex cap, and no part wider than 180° of
 * longitude. GeoJSON has no "the short way round": a ring from 170° to -170° spans 340° of the globe, so a
 * part that wide is almost surely meant to cross the antimeridian and must be split there (RFC 7946
 * §3.1.9) instead of being silently read as its complement. Self-intersection is PostGIS's call (ST_IsValid).
 */
export function polygonProblems(geometry: PolygonGeometry): string[] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const errors: string[] = [];
  // Size first and alone: nothing else (here or in PostGIS) looks at an area over the cap.
  const vertices = parts.reduce((sum, rings) => rings.reduce((n, ring) => n + ring.length, sum), 0);
  if (vertices > MAX_POLYGON_VERTICES) {
    errors.push(`has ${vertices} positions; at most ${MAX_POLYGON_VERTICES} are allowed`);
    return errors;
  }
  parts.forEach((rings, p) => {
    const where = geometry.type === 'Polygon' ? '' : `polygon ${p}, `;
    rings.forEach((ring, r) => {
      const [first, last] = [ring[0]!, ring.at(-1)!];
      if (first[0] !== last[0] || first[1] !== last[1])
        errors.push(`${where}ring ${r} is not closed (its last position must equal its first)`);
    });
    const lngs = rings[0]!.map(([lng]) => lng);
    if (Math.max(...lngs) - Math.min(...lngs) > 180)
      errors.push(
        `${where}spans more than 180° of longitude; split it at the antimeridian into a MultiPolygon`,
      );
  });
  return errors;
}

/** The smallest lng/lat box around the area (of one within the vertex cap). */
export function polygonEnvelope(geometry: PolygonGeometry): Envelope {
  const positions = geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
  const lngs = positions.map(([lng]) => lng);
  const lats = positions.map(([, lat]) => lat);
  return {
    minLng: Math.min(...lngs),
    minLat: Math.min(...lats),
    maxLng: Math.max(...lngs),
    maxLat: Math.max(...lats),
  };
}
