import type { estypes } from '@elastic/elasticsearch';
import {
  facetFilters,
  facetFiltersExcept,
  facetNames,
  scopeFilters,
  type FacetName,
} from './search-filters.js';
import type { SearchRequest } from './search-request.js';

const MAX_CLUSTERS = 500;
/** Name of the random_sampler aggregation the others sit under when a search's counts are sampled. */
export const SAMPLED = 'sampled';
// Fixed, so the same search over the same index samples the same listings: counts do not jitter between
// requests or pages.
const SAMPLE_SEED = 20_250_101;

type Query = estypes.QueryDslQueryContainer;
type Aggregation = estypes.AggregationsAggregationContainer;

/**
 * The query for a search: full text scores, the scope filters narrow. The facet filters are not in it:
 * they go to post_filter (hits and total) and into each other facet's aggregation, so every facet counts
 * what choosing one of its values would give under the other choices.
 */
export function listingsQuery(request: SearchRequest): Query {
  const must: Query[] = request.text
    ? [{ multi_match: { query: request.text, fields: ['title^3', 'description'], operator: 'and' } }]
    : [];
  return { bool: { must, filter: scopeFilters(request) } };
}

/** Applies the facet filters to hits and total after the aggregations have counted without them. */
export function listingsPostFilter(request: SearchRequest): Query | undefined {
  const filter = facetFiltersExcept(facetFilters(request), null);
  return filter.length > 0 ? { bool: { filter } } : undefined;
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

/**
 * Facet counts, each under every facet filter but its own (standard faceted navigation: choosing
 * beds ≥ 2 still shows how many listings have 1 bed), and map clusters of the results when a zoom is given.
 * With `sample` < 1 they all sit under one random_sampler aggregation, which counts that share of the
 * matching listings and scales bucket counts by 1/sample.
 */
export function listingsAggregations(request: SearchRequest, sample = 1): Record<string, Aggregation> {
  const filters = facetFilters(request);
  const facets: Record<FacetName, Aggregation> = {
    beds: { terms: { field: 'beds', size: 20, order: { _key: 'asc' } } },
    baths: { terms: { field: 'baths', size: 20, order: { _key: 'asc' } } },
    price: { histogram: { field: 'price_minor', interval: request.priceInterval, min_doc_count: 1 } },
    amenities: { terms: { field: 'amenities', size: 50 } },
    property_type: { terms: { field: 'property_type', size: 20 } },
  };
  const aggs: Record<string, Aggregation> = {};
  for (const name of facetNames) aggs[name] = underFilters(facetFiltersExcept(filters, name), facets[name]);
  if (request.zoom !== null) {
    aggs.clusters = underFilters(facetFiltersExcept(filters, null), {
      // Cells a few levels finer than the map's tiles (~32 px at zoom+3), at most MAX_CLUSTERS of them.
      geotile_grid: { field: 'location', precision: Math.min(request.zoom + 3, 29), size: MAX_CLUSTERS },
      aggs: { centre: { geo_centroid: { field: 'location' } } },
    });
  }
  if (sample >= 1) return aggs;
  return { [SAMPLED]: { random_sampler: { probability: sample, seed: SAMPLE_SEED }, aggs } };
}

/** Wraps an aggregation in a filter aggregation; the results are always under `inner`. */
function underFilters(filter: Query[], inner: Aggregation): Aggregation {
  return { filter: { bool: { filter } }, aggs: { inner } };
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
