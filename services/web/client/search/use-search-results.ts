import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listingsClient } from '../../src/api/listings-client.js';
import { searchClient } from '../../src/api/search-client.js';
import { markersOfMapSearch, markersOfTextSearch, type MapMarker } from '../map/map-markers.js';
import { mapSearchQuery, textSearchQuery, type Bbox } from './search-requests.js';
import { isAbort, latestOnly } from './latest-only.js';
import type { SearchFilters } from './search-state.js';

// Same origin: the ingress routes /v1/listings and /v1/search to their services.
const listings = listingsClient('');
const search = searchClient('');

const textSearchSignal = latestOnly();
const mapSearchSignal = latestOnly();
const retryUnlessAborted = (failures: number, error: unknown) => failures < 1 && !isAbort(error);

class SearchFailed extends Error {}

/**
 * The map's markers and the result list for one view. A new view's request aborts the previous one's
 * (latestOnly), so panning never leaves more than one search per endpoint in flight.
 */
export function useSearchResults(filters: SearchFilters, bbox: Bbox | undefined, zoom: number) {
  const fullText = Boolean(filters.q);
  const list = useQuery({
    queryKey: ['text-search', filters, bbox, Math.floor(zoom)],
    enabled: bbox !== undefined,
    placeholderData: keepPreviousData,
    retry: retryUnlessAborted,
    queryFn: async ({ signal }) => {
      const { data, response } = await search.GET('/v1/search/listings', {
        params: { query: textSearchQuery(filters, bbox!, zoom) },
        signal: textSearchSignal(signal),
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
    retry: retryUnlessAborted,
    queryFn: async ({ signal }) => {
      const { data, response } = await listings.GET('/v1/listings/search', {
        params: { query: mapSearchQuery(filters, bbox!, zoom) },
        signal: mapSearchSignal(signal),
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
