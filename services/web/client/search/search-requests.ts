// What the map page asks of the two public searches for one view: the map's features from listings
// (PostGIS: exact clusters at low zooms, points at high zooms), the result list with its total and facets
// from search (Elasticsearch), which also answers the map when there are keywords (full text).
import type { ListingsPaths } from '../../src/api/listings-client.js';
import type { SearchPaths } from '../../src/api/search-client.js';
import { toMinorUnits } from '../../src/shared/format.js';
import type { SearchFilters } from './search-state.js';

export type ListingsSearchQuery = ListingsPaths['/v1/listings/search']['get']['parameters']['query'];
export type TextSearchQuery = SearchPaths['/v1/search/listings']['get']['parameters']['query'];

/** minLng, minLat, maxLng, maxLat of the visible map. */
export type Bbox = readonly [number, number, number, number];

/** From this zoom on the map shows each listing; below it, counts per area. */
export const POINTS_FROM_ZOOM = 12;
/** The most features one viewport receives (issue #11), the searches' own upper limit too. */
export const MAX_MAP_FEATURES = 500;
export const LIST_PAGE_SIZE = 20;
/** The search service's default price histogram bucket (minor units), sent because the API requires it. */
const PRICE_INTERVAL = 25_000;

const bboxParam = (bbox: Bbox) => bbox.map((n) => n.toFixed(5)).join(',');

/** The filters in the searches' shared vocabulary (@portfolioos/contracts): money in minor units. */
export function filterParams(f: SearchFilters) {
  const price = f.priceMin !== undefined || f.priceMax !== undefined;
  return {
    ...(f.priceMin !== undefined ? { price_min: toMinorUnits(f.priceMin, f.currency) } : {}),
    ...(f.priceMax !== undefined ? { price_max: toMinorUnits(f.priceMax, f.currency) } : {}),
    // Amounts only compare within one currency.
    ...(price ? { currency: f.currency } : {}),
    ...(f.bedsMin !== undefined ? { beds_min: f.bedsMin } : {}),
    ...(f.bathsMin !== undefined ? { baths_min: f.bathsMin } : {}),
    ...(f.pets.length ? { pets: f.pets.join(',') } : {}),
    ...(f.propertyTypes.length ? { property_type: f.propertyTypes.join(',') } : {}),
  };
}

/** Whether the map shows counts per area rather than each listing. */
export const showsClusters = (zoom: number) => zoom < POINTS_FROM_ZOOM;

/** The map's features from listings: clusters below POINTS_FROM_ZOOM, else up to 500 points. */
export function mapSearchQuery(filters: SearchFilters, bbox: Bbox, zoom: number): ListingsSearchQuery {
  const common = { bbox: bboxParam(bbox), ...filterParams(filters) };
  if (showsClusters(zoom)) return { ...common, cluster: true, zoom: Math.floor(zoom), limit: LIST_PAGE_SIZE };
  return { ...common, limit: MAX_MAP_FEATURES, sort: 'price_asc' };
}

/**
 * The result list (and, with keywords, the map) from search: a page of items, the total and the facets;
 * with keywords and a low zoom also geotile clusters, at a high zoom as many items as the map shows.
 */
export function textSearchQuery(filters: SearchFilters, bbox: Bbox, zoom: number): TextSearchQuery {
  const query: TextSearchQuery = {
    bbox: bboxParam(bbox),
    ...filterParams(filters),
    limit: LIST_PAGE_SIZE,
    price_interval: PRICE_INTERVAL,
  };
  if (!filters.q) return query;
  query.q = filters.q;
  if (showsClusters(zoom)) query.zoom = Math.floor(zoom);
  else query.limit = MAX_MAP_FEATURES;
  return query;
}
