import { Type, type Static } from '@sinclair/typebox';
import { listingSearchItem } from '@portfolioos/contracts';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const bucket = (key: ReturnType<typeof Type.Number> | ReturnType<typeof Type.String>) =>
  Type.Array(Type.Object({ key, count: Type.Integer() }));

// Items are the shared search item (@portfolioos/contracts), the same as /v1/listings/search answers.
export const listingHitSchema = listingSearchItem;

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
