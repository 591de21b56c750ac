import type { estypes } from '@elastic/elasticsearch';
import type { SearchRequest } from './search-request.js';

type Query = estypes.QueryDslQueryContainer;

/** Only ACTIVE listings are public; every other status (and UNKNOWN) stays in the index, unseen. */
const PUBLIC_STATUS = 'ACTIVE';

/** The facets whose own filter a facet ignores when counting (see listingsAggregations). */
export const facetNames = ['beds', 'baths', 'price', 'amenities', 'property_type'] as const;
export type FacetName = (typeof facetNames)[number];

/** Filters that scope the whole search (visibility, area, pets, availability): facets count within them. */
export function scopeFilters(request: SearchRequest): Query[] {
  const filter: Query[] = [{ term: { status: PUBLIC_STATUS } }, ...areaFilters(request)];
  for (const pet of request.pets) filter.push({ term: { pets_allowed: pet } });
  if (request.currency !== null) filter.push({ term: { currency: request.currency } });
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
  return filter;
}

/** The filter behind each facet; empty when the search does not filter on it. */
export function facetFilters(request: SearchRequest): Record<FacetName, Query[]> {
  const price =
    request.priceMin !== null || request.priceMax !== null
      ? [
          {
            range: {
              price_minor: { gte: request.priceMin ?? undefined, lte: request.priceMax ?? undefined },
            },
          },
        ]
      : [];
  return {
    beds: request.bedsMin === null ? [] : [{ range: { beds: { gte: request.bedsMin } } }],
    baths: request.bathsMin === null ? [] : [{ range: { baths: { gte: request.bathsMin } } }],
    price,
    amenities: request.amenities.map((amenity) => ({ term: { amenities: amenity } })),
    property_type:
      request.propertyTypes.length > 0 ? [{ terms: { property_type: request.propertyTypes } }] : [],
  };
}

/** Every facet filter but `except`'s: what that facet's counts are taken under. */
export function facetFiltersExcept(filters: Record<FacetName, Query[]>, except: FacetName | null): Query[] {
  return facetNames.filter((name) => name !== except).flatMap((name) => filters[name]);
}

function areaFilters(request: SearchRequest): Query[] {
  const { bbox, near, area } = request;
  const filter: Query[] = [];
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
  // A geo_shape query on a geo_point field: the points inside the (multi)polygon.
  if (area) filter.push({ geo_shape: { location: { shape: area, relation: 'intersects' } } });
  return filter;
}
