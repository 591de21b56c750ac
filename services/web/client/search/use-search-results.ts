import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listingsClient } from '../../src/api/listings-client.js';
import { searchClient } from '../../src/api/search-client.js';
import { markersOfMapSearch, markersOfTextSearch, type MapMarker } from '../map/map-markers.js';
import { mapSearchQuery, textSearchQuery, type Bbox } from './search-requests.js';
import type { SearchFilters } from './search-state.js';

// Same origin: the ingress routes /v1/listings and /v1/search to their services.
const listings = listingsClient('');
const search = searchClient('');

class SearchFailed extends Error {}

/**
 * The map's markers and the result list for one view. Each query passes TanStack Query's AbortSignal to
 * fetch: when the view changes, the previous query loses its observer and is cancelled, so panning never
 * leaves more than one search per endpoint in flight.
 */
export function useSearchResults(filters: SearchFilters, bbox: Bbox | undefined, zoom: number) {
  const fullText = Boolean(filters.q);
  const list = useQuery({
    queryKey: ['text-search', filters, bbox, Math.floor(zoom)],
    enabled: bbox !== undefined,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, response } = await search.GET('/v1/search/listings', {
        params: { query: textSearchQuery(filters, bbox!, zoom) },
        signal,
      });
      if (!data) throw new SearchFailed(`search answered ${response.status}`);
      return data;
    },
  });
  const map = useQuery({
    queryKey: ['map-search', filters, bbox, Math.floor(zoom)],
    // With keywords the map shows what the full-text search found (the list query above).
    enabled: bbox !== undefined && !fullText,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const { data, response } = await listings.GET('/v1/listings/search', {
        params: { query: mapSearchQuery(filters, bbox!, zoom) },
        signal,
      });
      if (!data) throw new SearchFailed(`listings answered ${response.status}`);
      return data;
    },
  });
  const markers: MapMarker[] = fullText
    ? list.data
      ? markersOfTextSearch(list.data)
      : []
    : map.data
      ? markersOfMapSearch(map.data)
      : [];
  return {
    list,
    markers,
    loading: list.isFetching || (!fullText && map.isFetching),
    failed: list.isError || (!fullText && map.isError),
  };
}
