import type { estypes } from '@elastic/elasticsearch';

/**
 * Bumped whenever the mapping below changes incompatibly; `npm run search:reindex` then builds
 * `<alias>_v<n>` under the new mapping from the snapshot topic and swaps the alias.
 */
export const LISTINGS_MAPPING_VERSION = 1;

/** One shard: a listings index is small (a million listings is a few GB) and one shard keeps scores stable. */
export const listingsSettings: estypes.IndicesIndexSettings = {
  number_of_shards: 1,
  number_of_replicas: 0,
};

const keyword = { type: 'keyword' } as const;
const text = { type: 'text', analyzer: 'standard' } as const;

/**
 * Designed for the public query API: text for q, keyword facets/filters, numeric ranges and histograms,
 * geo_point for bbox/radius/distance sort/geotile clusters. `dynamic: strict` makes a document that does
 * not match the mapping fail loudly (and dead-letter) instead of growing the mapping silently.
 */
export const listingsMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    listing_id: keyword,
    organization_id: keyword,
    property_id: keyword,
    unit_id: keyword,
    version: { type: 'long' },
    status: keyword,
    title: text,
    description: text,
    price_minor: { type: 'long' },
    deposit_minor: { type: 'long' },
    currency: keyword,
    beds: { type: 'integer' },
    full_baths: { type: 'integer' },
    half_baths: { type: 'integer' },
    // full + half/2: half_float holds .5 steps exactly (scaled_float is not in every distribution).
    baths: { type: 'half_float' },
    sqft: { type: 'integer' },
    property_type: keyword,
    amenities: keyword,
    pet_policy: keyword,
    pets_allowed: keyword,
    available_from: { type: 'date', format: 'strict_date' },
    min_lease_months: { type: 'integer' },
    city: keyword,
    region: keyword,
    postal_code: keyword,
    country: keyword,
    // Display-only: returned in results, never searched.
    address: { type: 'object', enabled: false },
    photos: { type: 'object', enabled: false },
    location: { type: 'geo_point' },
    published_at: { type: 'date' },
    updated_at: { type: 'date' },
  },
};
