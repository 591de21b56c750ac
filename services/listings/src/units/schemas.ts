import { Type, type Static } from '@sinclair/typebox';
import { Text } from '@portfolioos/contracts';
import { strictObject } from '@portfolioos/service-kit';
import { amenities, currency, isoDate, minorUnits, partialBody, timestamp, uuid } from '../http-schemas.js';

export const unitBody = strictObject({
  number: Text({ minLength: 1, maxLength: 40, description: 'Unit label as residents know it (2B)' }),
  beds: Type.Integer({ minimum: 0, maximum: 50, description: '0 is a studio' }),
  baths: Type.Number({ minimum: 0, maximum: 50, multipleOf: 0.5, description: 'Half baths count 0.5' }),
  sqft: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000 }), Type.Null()])),
  asking_rent_minor: minorUnits,
  currency,
  deposit_minor: Type.Optional(Type.Union([minorUnits, Type.Null()])),
  amenities: Type.Optional(amenities),
  available_from: Type.Optional(Type.Union([isoDate, Type.Null()])),
});
export type UnitBody = Static<typeof unitBody>;
export const unitPatch = partialBody(unitBody);
export type UnitPatch = Static<typeof unitPatch>;
export const bulkUnitsBody = strictObject({ units: Type.Array(unitBody, { minItems: 1, maxItems: 200 }) });

export const unitSchema = Type.Object({
  id: uuid,
  property_id: uuid,
  number: Type.String(),
  beds: Type.Integer(),
  baths: Type.Number(),
  sqft: Type.Union([Type.Integer(), Type.Null()]),
  asking_rent_minor: Type.Integer(),
  currency: Type.String(),
  deposit_minor: Type.Union([Type.Integer(), Type.Null()]),
  amenities: Type.Array(Type.String()),
  available_from: Type.Union([isoDate, Type.Null()]),
  archived_at: Type.Union([timestamp, Type.Null()]),
  created_at: timestamp,
  updated_at: timestamp,
});
