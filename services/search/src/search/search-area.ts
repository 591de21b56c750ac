import { Type, type Static } from '@sinclair/typebox';
import { strictObject, taggedUnion, type ProblemFieldError } from '@portfolioos/service-kit';
import { ringSelfIntersects } from './ring-geometry.js';

/** Vertices in a whole area, all rings together: enough for a hand-drawn map area, bounded for ES. */
export const MAX_AREA_VERTICES = 1000;
/**
 * Bytes a POST area body may have (the route's bodyLimit; more answers 413 before the body is parsed).
 * 1000 full-precision positions pretty-printed are about 80 KiB; anything much larger is not a drawn area.
 */
export const MAX_AREA_BODY_BYTES = 128 * 1024;

const position = Type.Array(Type.Number(), {
  minItems: 2,
  maxItems: 2,
  description: '[longitude, latitude] in WGS84 degrees.',
});
const ring = Type.Array(position, {
  minItems: 4,
  maxItems: MAX_AREA_VERTICES + 1,
  description: 'Closed ring: at least 4 positions, the last equal to the first.',
});
const polygonRings = Type.Array(ring, {
  minItems: 1,
  maxItems: 50,
  description: 'The outer ring, then holes.',
});

const polygonSchema = strictObject({ type: Type.Literal('Polygon'), coordinates: polygonRings });
const multiPolygonSchema = strictObject({
  type: Type.Literal('MultiPolygon'),
  coordinates: Type.Array(polygonRings, { minItems: 1, maxItems: 50 }),
});

/** Body of POST /v1/search/listings: the map area to search in (GeoJSON, RFC 7946). */
export const searchAreaBodySchema = strictObject(
  {
    geometry: taggedUnion([polygonSchema, multiPolygonSchema], {
      description:
        `A GeoJSON Polygon or MultiPolygon, at most ${MAX_AREA_VERTICES} vertices, less than 180° of ` +
        'longitude wide (split areas across the antimeridian into a MultiPolygon, as RFC 7946 asks).',
    }),
  },
  { description: 'The area; every other search parameter is in the querystring, as for GET.' },
);

export type SearchAreaBody = Static<typeof searchAreaBodySchema>;
export type SearchArea = SearchAreaBody['geometry'];
type Position = number[];

/**
 * What the schema cannot say about an area: closed rings, coordinate ranges, the vertex cap, rings that
 * cross themselves, and the width (Elasticsearch reads a polygon 180° or more wide as crossing the
 * antimeridian — a different area from the one drawn). Returns one error per problem found. The size is
 * checked first and alone: the crossing check is quadratic per ring, so it only ever sees a capped area.
 */
export function areaErrors(area: SearchArea): ProblemFieldError[] {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  const errors: ProblemFieldError[] = [];
  const fail = (field: string, message: string) =>
    errors.push({ in: 'body', field: `geometry.coordinates${field}`, message });
  const vertices = polygons.reduce((sum, rings) => rings.reduce((n, r) => n + r.length - 1, sum), 0);
  if (vertices > MAX_AREA_VERTICES) {
    fail('', `has ${vertices} vertices; at most ${MAX_AREA_VERTICES}`);
    return errors;
  }
  polygons.forEach((rings, p) => {
    const at = area.type === 'Polygon' ? '' : `.${p}`;
    rings.forEach((r, i) => ringErrors(r, (message) => fail(`${at}.${i}`, message)));
    const lngs = (rings[0] ?? []).map((pos) => pos[0]!);
    if (Math.max(...lngs) - Math.min(...lngs) >= 180)
      fail(`${at}.0`, 'must span less than 180° of longitude');
  });
  return errors;
}

function ringErrors(ring: Position[], fail: (message: string) => void): void {
  if (!ring.every(([lng, lat]) => Math.abs(lng!) <= 180 && Math.abs(lat!) <= 90)) {
    return fail('longitudes must be within -180..180 and latitudes within -90..90');
  }
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) return fail('ring is not closed: last position ≠ first');
  if (new Set(ring.map((pos) => pos.join(','))).size < 3) return fail('ring needs 3 distinct positions');
  if (ringSelfIntersects(ring)) fail('ring crosses itself');
}
