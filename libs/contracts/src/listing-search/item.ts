import { Type, type Static } from '@sinclair/typebox';

const uuid = Type.String({ format: 'uuid' });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** What both searches show of one published listing, besides its location (GeoJSON puts that in the geometry). */
export const listingSearchItemFields = {
  id: uuid,
  organization_id: uuid,
  unit_id: uuid,
  property_id: uuid,
  title: Type.String(),
  description: Type.String(),
  price_minor: Type.Integer({ description: 'Monthly rent, minor units of currency' }),
  currency: Type.String(),
  pet_policy: Type.String({ description: 'none, cats, dogs, cats_and_dogs or case_by_case' }),
  beds: Type.Integer(),
  baths: Type.Number({ description: 'Full baths plus half a bath for each half bath' }),
  sqft: nullable(Type.Integer()),
  available_from: nullable(Type.String({ format: 'date' })),
  property_type: Type.String({ description: 'single_family, apartment, ... (lower snake_case)' }),
  address: Type.Object({
    line1: Type.String(),
    city: Type.String(),
    region: Type.String(),
    postal_code: Type.String(),
    country: Type.String(),
  }),
  amenities: Type.Array(Type.String()),
  published_at: nullable(Type.String({ format: 'date-time' })),
  distance_m: nullable(
    Type.Number({
      description: 'Metres on the sphere from near (a polygon search: from near, else its centroid)',
    }),
  ),
};

/** The full_text capability adds the matched passages. */
export const highlightField = {
  highlight: Type.Object({
    title: Type.Optional(Type.Array(Type.String())),
    description: Type.Optional(Type.Array(Type.String())),
  }),
};

/** The details capability: what the search index keeps of a listing beyond the shared fields. */
export const listingDetailFields = {
  deposit_minor: Type.Optional(nullable(Type.Integer())),
  min_lease_months: Type.Optional(nullable(Type.Integer())),
  photos: Type.Optional(Type.Array(Type.Object({ url: Type.String(), caption: nullable(Type.String()) }))),
};

/**
 * One search result item, the same from both searches: `highlight` comes with full_text, the detail
 * fields with details; a client reads the shared fields from either.
 */
export const listingSearchItem = Type.Object({
  ...listingSearchItemFields,
  location: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
  highlight: Type.Optional(highlightField.highlight),
  ...listingDetailFields,
});
export type ListingSearchItem = Static<typeof listingSearchItem>;
