import { Type, type Static } from '@sinclair/typebox';
import { strictObject, taggedUnion } from '@portfolioos/service-kit';
import { geoPointSchema } from '../../http-schemas.js';
import { PETS } from '@portfolioos/contracts';
import { PROPERTY_TYPES } from '../../properties/schemas.js';
import type { SearchCriteria } from '../search-criteria.js';
import {
  parseClusterZoom,
  parseFilters,
  parseSort,
  SearchProblems,
  sharedSearchFields,
} from '../search-filters.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
import {
  MAX_POLYGON_VERTICES,
  polygonEnvelope,
  polygonProblems,
  type PolygonGeometry,
} from './polygon-rules.js';

// RFC 7946 positions are [longitude, latitude]; altitude is not accepted (a map search is 2-D).
const position = Type.Tuple([
  Type.Number({ minimum: -180, maximum: 180 }),
  Type.Number({ minimum: -90, maximum: 90 }),
]);
const ring = Type.Array(position, {
  minItems: 4,
  maxItems: MAX_POLYGON_VERTICES,
  description: 'A closed linear ring: at least 4 positions, the last equal to the first',
});
const polygonRings = Type.Array(ring, {
  minItems: 1,
  maxItems: 50,
  description: 'Exterior ring, then holes',
});

const polygon = strictObject({ type: Type.Literal('Polygon'), coordinates: polygonRings });
const multiPolygon = strictObject({
  type: Type.Literal('MultiPolygon'),
  coordinates: Type.Array(polygonRings, { minItems: 1, maxItems: 50 }),
});

/** Body of POST /v1/listings/search: a GeoJSON area plus the GET search's filters, sort and paging. */
export const polygonSearchBody = strictObject({
  geometry: taggedUnion([polygon, multiPolygon], {
    description: `GeoJSON Polygon or MultiPolygon (WGS84). At most ${MAX_POLYGON_VERTICES} positions in all; an area across the antimeridian must be split into a MultiPolygon (RFC 7946 §3.1.9).`,
  }),
  near: Type.Optional(
    strictObject(geoPointSchema.properties, {
      description: 'Where distance_m and sort=distance measure from; defaults to the centroid of the area',
    }),
  ),
  amenities: Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z0-9_]{1,40}$' }), {
      maxItems: 50,
      uniqueItems: true,
      description: 'all of these',
    }),
  ),
  property_type: Type.Optional(
    Type.Array(literals(PROPERTY_TYPES), { uniqueItems: true, description: 'any of these' }),
  ),
  pets: Type.Optional(
    Type.Array(literals(PETS), { uniqueItems: true, description: 'pets that must all be allowed' }),
  ),
  ...sharedSearchFields,
});
export type PolygonSearchBody = Static<typeof polygonSearchBody>;

/** Turns the body into criteria (a polygon area), or a 400 problem listing every bad field. */
export function parsePolygonSearch(body: PolygonSearchBody): SearchCriteria {
  const problems = new SearchProblems('body');
  const geometry = body.geometry as PolygonGeometry;
  for (const message of polygonProblems(geometry)) problems.bad('geometry', message);
  const filters = parseFilters(
    body,
    { amenities: body.amenities ?? [], propertyTypes: body.property_type ?? [], pets: body.pets ?? [] },
    problems,
  );
  const sort = parseSort(body.sort, problems) ?? 'newest';
  const clusterZoom = parseClusterZoom(body, problems);
  if (problems.list.length > 0) problems.fail();
  return {
    ...filters,
    area: {
      kind: 'polygon',
      geojson: JSON.stringify(geometry),
      envelope: polygonEnvelope(geometry),
      ...(body.near ? { origin: body.near } : {}),
    },
    sort,
    limit: body.limit,
    clusterZoom,
  };
}
