import { Type } from '@sinclair/typebox';
import { listingSearchItem, listingSearchItemFields } from '@portfolioos/contracts';
import { featureCollectionSchema } from './geojson.js';

// Items are the shared search item (@portfolioos/contracts), the same as /v1/search/listings answers.
export const searchPageSchema = Type.Object({
  items: Type.Array(listingSearchItem),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
});
export const searchFeatureCollectionSchema = featureCollectionSchema(Type.Object(listingSearchItemFields));
