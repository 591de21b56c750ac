import { Type, type Static } from '@sinclair/typebox';
import { Text } from '@portfolioos/contracts';
import { strictObject } from '@portfolioos/service-kit';
import { currency, minorUnits, partialBody, timestamp, uuid } from '../http-schemas.js';

export const PET_POLICIES = ['none', 'cats', 'dogs', 'cats_and_dogs', 'case_by_case'] as const;
export const petPolicy = Type.Union(PET_POLICIES.map((p) => Type.Literal(p)));

const editable = {
  title: Text({ minLength: 1, maxLength: 200 }),
  description: Text({ maxLength: 10_000 }),
  price_minor: minorUnits,
  currency,
  pet_policy: petPolicy,
};

export const listingBody = strictObject({
  unit_id: uuid,
  title: editable.title,
  description: Type.Optional(editable.description),
  price_minor: Type.Optional(minorUnits),
  currency: Type.Optional(currency),
  pet_policy: Type.Optional(petPolicy),
});
export type ListingBody = Static<typeof listingBody>;
export const listingPatch = partialBody(strictObject(editable));
export type ListingPatch = Static<typeof listingPatch>;

export const listingSchema = Type.Object({
  id: uuid,
  unit_id: uuid,
  title: Type.String(),
  description: Type.String(),
  price_minor: Type.Integer(),
  currency: Type.String(),
  pet_policy: Type.String(),
  status: Type.String(),
  published_at: Type.Union([timestamp, Type.Null()]),
  version: Type.Integer(),
  created_at: timestamp,
  updated_at: timestamp,
});
