// The public listing-search vocabulary: one set of values for /v1/listings/search (listings, PostGIS) and
// /v1/search/listings (search, Elasticsearch).

/** Result orders. `relevance` ranks by full text and needs `q` (the full_text capability). */
export const LISTING_SEARCH_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'distance'] as const;
export type ListingSearchSort = (typeof LISTING_SEARCH_SORTS)[number];

/** Property types, lower snake_case like every other code in the public API. */
export const PROPERTY_TYPES = [
  'single_family',
  'multi_family',
  'apartment',
  'condo',
  'townhouse',
  'mobile_home',
  'commercial',
  'other',
] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** A listing's pet policy as search results show it. */
export const PET_POLICIES = ['none', 'cats', 'dogs', 'cats_and_dogs', 'case_by_case'] as const;
export type PetPolicy = (typeof PET_POLICIES)[number];

/** Pets a search can ask to be allowed; `pets=cats,dogs` asks for both. */
export const PETS = ['cats', 'dogs'] as const;
export type Pet = (typeof PETS)[number];

/** Which pet policies allow every pet of `pets` (case by case promises none of them). */
export function petPoliciesAllowing(pets: readonly Pet[]): PetPolicy[] {
  const allowed: Record<Pet, readonly PetPolicy[]> = {
    cats: ['cats', 'cats_and_dogs'],
    dogs: ['dogs', 'cats_and_dogs'],
  };
  return PET_POLICIES.filter((policy) => pets.every((pet) => allowed[pet].includes(policy)));
}

/**
 * What one search answers beyond the shared parameters and item. `exact_clusters`: PostGIS counts per map
 * cell at any zoom (`cluster=true&zoom=Z`, GeoJSON output, POST a drawn polygon with every filter in the
 * body). `full_text`: `q`, `sort=relevance` and `highlight` on items. `facets`: `total`, facet counts,
 * `price_interval`, and geotile clusters beside the items for `zoom=Z` (sampled past a size). `details`:
 * items carry deposit_minor, min_lease_months and photos.
 */
export const LISTING_SEARCH_CAPABILITIES = {
  '/v1/listings/search': ['exact_clusters'],
  '/v1/search/listings': ['full_text', 'facets', 'details'],
} as const;
export type ListingSearchCapability =
  (typeof LISTING_SEARCH_CAPABILITIES)[keyof typeof LISTING_SEARCH_CAPABILITIES][number];
