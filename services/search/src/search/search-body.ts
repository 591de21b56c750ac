import type { estypes } from '@elastic/elasticsearch';
import type { SearchRequest } from './search-request.js';

/** Only ACTIVE listings are public; every other status (and UNKNOWN) stays in the index, unseen. */
const PUBLIC_STATUS = 'ACTIVE';
const MAX_CLUSTERS = 500;

/** The bool query for a search: full text scores, everything else filters. */
export function listingsQuery(request: SearchRequest): estypes.QueryDslQueryContainer {
  const filter: estypes.QueryDslQueryContainer[] = [{ term: { status: PUBLIC_STATUS } }];
  const { bbox, near } = request;
  if (bbox) {
    filter.push({
      geo_bounding_box: {
        location: {
          top_left: { lat: bbox.maxLat, lon: bbox.minLng },
          bottom_right: { lat: bbox.minLat, lon: bbox.maxLng },
        },
      },
    });
  }
  if (near) {
    filter.push({
      geo_distance: { distance: `${near.radiusM}m`, location: { lat: near.lat, lon: near.lng } },
    });
  }
  if (request.priceMin !== null || request.priceMax !== null) {
    filter.push({
      range: { price_minor: { gte: request.priceMin ?? undefined, lte: request.priceMax ?? undefined } },
    });
  }
  if (request.bedsMin !== null) filter.push({ range: { beds: { gte: request.bedsMin } } });
  if (request.bathsMin !== null) filter.push({ range: { baths: { gte: request.bathsMin } } });
  for (const pet of request.pets) filter.push({ term: { pets_allowed: pet } });
  for (const amenity of request.amenities) filter.push({ term: { amenities: amenity } });
  if (request.propertyTypes.length > 0) filter.push({ terms: { property_type: request.propertyTypes } });
  if (request.availableBy !== null) {
    // No date means available now.
    filter.push({
      bool: {
        should: [
          { range: { available_from: { lte: request.availableBy } } },
          { bool: { must_not: { exists: { field: 'available_from' } } } },
        ],
        minimum_should_match: 1,
      },
    });
  }
  const must: estypes.QueryDslQueryContainer[] = request.text
    ? [{ multi_match: { query: request.text, fields: ['title^3', 'description'], operator: 'and' } }]
    : [];
  return { bool: { must, filter } };
}

/** Sort keys; listing_id last so every position is unique and search_after never skips or repeats. */
export function listingsSort(request: SearchRequest): estypes.SortCombinations[] {
  const tieBreak: estypes.SortCombinations = { listing_id: 'asc' };
  switch (request.sort) {
    case 'relevance':
      return [{ _score: { order: 'desc' } }, tieBreak];
    case 'price_asc':
      return [{ price_minor: 'asc' }, tieBreak];
    case 'price_desc':
      return [{ price_minor: 'desc' }, tieBreak];
    case 'distance': {
      const near = request.near!;
      return [
        { _geo_distance: { location: { lat: near.lat, lon: near.lng }, order: 'asc', unit: 'm' } },
        tieBreak,
      ];
    }
    case 'newest':
      return [{ published_at: { order: 'desc', missing: '_last' } }, tieBreak];
  }
}

/** Facet counts over the whole result set, and map clusters when a zoom is given. */
export function listingsAggregations(
  request: SearchRequest,
): Record<string, estypes.AggregationsAggregationContainer> {
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {
    beds: { terms: { field: 'beds', size: 20, order: { _key: 'asc' } } },
    baths: { terms: { field: 'baths', size: 20, order: { _key: 'asc' } } },
    price: { histogram: { field: 'price_minor', interval: request.priceInterval, min_doc_count: 1 } },
    amenities: { terms: { field: 'amenities', size: 50 } },
    property_type: { terms: { field: 'property_type', size: 20 } },
  };
  if (request.zoom !== null) {
    aggs.clusters = {
      // Cells a few levels finer than the map's tiles (~32 px at zoom+3), at most MAX_CLUSTERS of them.
      geotile_grid: { field: 'location', precision: Math.min(request.zoom + 3, 29), size: MAX_CLUSTERS },
      aggs: { centre: { geo_centroid: { field: 'location' } } },
    };
  }
  return aggs;
}

/** Highlighted fragments, HTML-escaped so clients can render the <em> tags as they are. */
export const listingsHighlight: estypes.SearchHighlight = {
  encoder: 'html',
  pre_tags: ['<em>'],
  post_tags: ['</em>'],
  fields: {
    title: { number_of_fragments: 0 },
    description: { fragment_size: 160, number_of_fragments: 2 },
  },
};
