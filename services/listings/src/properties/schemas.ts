import { Type, type Static } from '@sinclair/typebox';
import { PROPERTY_TYPES, Text, TimeZone } from '@portfolioos/contracts';
import { strictObject } from '@portfolioos/service-kit';
import { amenities, geoPointSchema, partialBody, timestamp, uuid } from '../http-schemas.js';

// The public codes, the same the searches filter on.
export { PROPERTY_TYPES, type PropertyType } from '@portfolioos/contracts';
export const propertyType = Type.Union(PROPERTY_TYPES.map((t) => Type.Literal(t)));

const address = strictObject({
  line1: Text({ minLength: 1, maxLength: 200 }),
  line2: Type.Optional(Type.Union([Text({ maxLength: 200 }), Type.Null()])),
  city: Text({ minLength: 1, maxLength: 100 }),
  region: Text({ minLength: 1, maxLength: 100 }),
  postal_code: Text({ minLength: 1, maxLength: 20 }),
  country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO-3166-1 alpha-2' }),
});

export const propertyBody = strictObject({
  name: Text({ minLength: 1, maxLength: 200 }),
  property_type: propertyType,
  address,
  location: geoPointSchema,
  year_built: Type.Optional(Type.Union([Type.Integer({ minimum: 1500, maximum: 2100 }), Type.Null()])),
  amenities: Type.Optional(amenities),
  time_zone: TimeZone({ description: 'IANA time zone, e.g. America/Chicago' }),
});
export type PropertyBody = Static<typeof propertyBody>;
export const propertyPatch = partialBody(propertyBody);
export type PropertyPatch = Static<typeof propertyPatch>;

export const propertySchema = Type.Object({
  id: uuid,
  name: Type.String(),
  property_type: Type.String(),
  address: Type.Object({
    line1: Type.String(),
    line2: Type.Union([Type.String(), Type.Null()]),
    city: Type.String(),
    region: Type.String(),
    postal_code: Type.String(),
    country: Type.String(),
  }),
  location: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
  year_built: Type.Union([Type.Integer(), Type.Null()]),
  amenities: Type.Array(Type.String()),
  time_zone: Type.String(),
  archived_at: Type.Union([timestamp, Type.Null()]),
  created_at: timestamp,
  updated_at: timestamp,
});
