import type { Feature, FeatureCollection, Point } from 'geojson';
import { Type } from '@sinclair/typebox';
import type { SearchHit } from './search-repository.js';

type HitProperties = Omit<SearchHit, 'location'>;
/** A hit as a GeoJSON Feature; its id is the listing id. */
type HitFeature = Feature<Point, HitProperties> & { id: string };

/** A page of hits as a GeoJSON FeatureCollection (RFC 7946: coordinates are [lng, lat]). */
export function toFeatureCollection(
  hits: SearchHit[],
  nextCursor: string | null,
): FeatureCollection<Point, HitProperties> & { features: HitFeature[]; next_cursor: string | null } {
  const features: HitFeature[] = hits.map(({ location, ...properties }) => ({
    type: 'Feature',
    id: properties.id,
    geometry: { type: 'Point', coordinates: [location.lng, location.lat] },
    properties,
  }));
  return { type: 'FeatureCollection', features, next_cursor: nextCursor };
}

/** Response schema of the GeoJSON form (properties as in the JSON form, minus location). */
export function featureCollectionSchema(hitProperties: ReturnType<typeof Type.Object>) {
  return Type.Object({
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object({
        type: Type.Literal('Feature'),
        id: Type.String(),
        geometry: Type.Object({
          type: Type.Literal('Point'),
          coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
        }),
        properties: hitProperties,
      }),
    ),
    next_cursor: Type.Union([Type.String(), Type.Null()]),
  });
}
