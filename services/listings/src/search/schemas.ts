import { Type } from '@sinclair/typebox';
import { isoDate, timestamp, uuid } from '../http-schemas.js';
import { featureCollectionSchema } from './geojson.js';

const hitFields = {
  id: uuid,
  unit_id: uuid,
  property_id: uuid,
  title: Type.String(),
  description: Type.String(),
  price_minor: Type.Integer(),
  currency: Type.String(),
  pet_policy: Type.String(),
  bedrooms: Type.Integer(),
  baths: Type.Number(),
  sqft: Type.Union([Type.Integer(), Type.Null()]),
  available_from: Type.Union([isoDate, Type.Null()]),
  property_type: Type.String(),
  address: Type.Object({
    line1: Type.String(),
    city: Type.String(),
    region: Type.String(),
    postal_code: Type.String(),
    country: Type.String(),
  }),
  amenities: Type.Array(Type.String()),
  published_at: timestamp,
  distance_m: Type.Union([Type.Number(), Type.Null()], {
    description: 'Metres on the sphere from near (a polygon search: from near, else its centroid)',
  }),
};

export const searchHitSchema = Type.Object({
  ...hitFields,
  location: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
});
export const searchPageSchema = Type.Object({
  items: Type.Array(searchHitSchema),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
});
export const searchFeatureCollectionSchema = featureCollectionSchema(Type.Object(hitFields));
