import type { ListingsPaths } from '../../src/api/listings-client.js';
import type { SearchPaths } from '../../src/api/search-client.js';
import type { Bbox } from '../search/search-requests.js';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type MapSearchAnswer = Json<ListingsPaths['/v1/listings/search']['get']['responses'][200]>;
export type TextSearchAnswer = Json<SearchPaths['/v1/search/listings']['get']['responses'][200]>;
export type ListItem = TextSearchAnswer['items'][number];

/** One thing drawn on the map: a count of listings in an area, or one listing. */
export type MapMarker =
  | { kind: 'cluster'; id: string; count: number; lat: number; lng: number; bounds?: Bbox }
  | {
      kind: 'listing';
      id: string;
      lat: number;
      lng: number;
      priceMinor: number;
      currency: string;
      beds: number;
    };

const listingMarker = (item: ListItem): MapMarker => ({
  kind: 'listing',
  id: item.id,
  lat: item.location.lat,
  lng: item.location.lng,
  priceMinor: item.price_minor,
  currency: item.currency,
  beds: item.beds,
});

/** The markers of a listings answer: its exact clusters (with their cells) or its page of listings. */
export function markersOfMapSearch(answer: MapSearchAnswer): MapMarker[] {
  if ('clusters' in answer) {
    return answer.clusters.map((c) => ({
      kind: 'cluster',
      id: c.id,
      count: c.count,
      lat: c.centroid.lat,
      lng: c.centroid.lng,
      bounds: [c.bounds.min_lng, c.bounds.min_lat, c.bounds.max_lng, c.bounds.max_lat],
    }));
  }
  return 'items' in answer ? answer.items.map(listingMarker) : [];
}

/** The markers of a full-text answer: its geotile clusters when it has them, else its listings. */
export function markersOfTextSearch(answer: TextSearchAnswer): MapMarker[] {
  if (answer.clusters) {
    return answer.clusters.map((c) => ({
      kind: 'cluster',
      id: c.key,
      count: c.count,
      lat: c.lat,
      lng: c.lng,
    }));
  }
  return answer.items.map(listingMarker);
}
