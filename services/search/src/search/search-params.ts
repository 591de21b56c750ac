import { Type, type Static } from '@sinclair/typebox';
import {
  facetQueryFields,
  fullTextQueryFields,
  listingSearchQueryFields,
  type ListingSearchSort,
} from '@portfolioos/contracts';

export type SortOrder = ListingSearchSort;

/**
 * Querystring of GET /v1/search/listings: the shared listing-search contract plus the full_text and facets
 * capabilities. Lists are comma-separated; money is in minor units.
 */
export const searchQuerySchema = Type.Object(
  { ...fullTextQueryFields, ...listingSearchQueryFields, ...facetQueryFields },
  { additionalProperties: false },
);

export type SearchQuery = Static<typeof searchQuerySchema>;
