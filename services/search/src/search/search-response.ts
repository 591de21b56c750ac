import { Type, type Static } from '@sinclair/typebox';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const bucket = (key: ReturnType<typeof Type.Number> | ReturnType<typeof Type.String>) =>
  Type.Array(Type.Object({ key, count: Type.Integer() }));

export const listingHitSchema = Type.Object({
  listing_id: Type.String({ format: 'uuid' }),
  organization_id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  description: Type.String(),
  price_minor: Type.Integer({ description: 'Monthly rent, minor units of currency.' }),
  deposit_minor: nullable(Type.Integer()),
  currency: Type.String(),
  beds: Type.Integer(),
  full_baths: Type.Integer(),
  half_baths: Type.Integer(),
  sqft: nullable(Type.Integer()),
  property_type: Type.String(),
  amenities: Type.Array(Type.String()),
  pet_policy: Type.String(),
  available_from: nullable(Type.String({ format: 'date' })),
  min_lease_months: nullable(Type.Integer()),
  address: Type.Object({
    line1: Type.String(),
    line2: nullable(Type.String()),
    city: Type.String(),
    region: Type.String(),
    postal_code: Type.String(),
    country: Type.String(),
  }),
  location: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
  photos: Type.Array(Type.Object({ url: Type.String(), caption: nullable(Type.String()) })),
  published_at: nullable(Type.String({ format: 'date-time' })),
  highlight: Type.Object({
    title: Type.Optional(Type.Array(Type.String())),
    description: Type.Optional(Type.Array(Type.String())),
  }),
  distance_m: Type.Optional(Type.Number({ description: 'From near, when sorted by distance.' })),
});

export const searchResponseSchema = Type.Object({
  items: Type.Array(listingHitSchema),
  next_cursor: nullable(Type.String()),
  total: Type.Object({
    value: Type.Integer(),
    relation: Type.Union([Type.Literal('eq'), Type.Literal('gte')]),
  }),
  facets: Type.Object({
    beds: bucket(Type.Number()),
    baths: bucket(Type.Number()),
    price: bucket(Type.Number({ description: 'Lower bound of the bucket, minor units.' })),
    amenities: bucket(Type.String()),
    property_type: bucket(Type.String()),
  }),
  clusters: nullable(
    Type.Array(
      Type.Object({
        key: Type.String({ description: 'Geotile zoom/x/y.' }),
        count: Type.Integer(),
        lat: Type.Number(),
        lng: Type.Number(),
      }),
    ),
  ),
  facets_estimated: Type.Boolean({
    description:
      'true when the search matched so many listings that facets and clusters were counted on a random ' +
      'sample and scaled up: estimates, and values held by very few listings may be missing. items and ' +
      'total are never sampled.',
  }),
});

export type ListingHit = Static<typeof listingHitSchema>;
export type SearchResponse = Static<typeof searchResponseSchema>;
export type Facets = SearchResponse['facets'];
export type Cluster = NonNullable<SearchResponse['clusters']>[number];
