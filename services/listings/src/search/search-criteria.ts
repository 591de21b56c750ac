import type { ListingSearchSort, Pet } from '@portfolioos/contracts';
import type { PropertyType } from '../properties/schemas.js';

/** The shared sorts this search serves: all but relevance (full text is the search service's). */
export const SORTS = ['newest', 'price_asc', 'price_desc', 'distance'] as const satisfies ListingSearchSort[];
export type SearchSort = (typeof SORTS)[number];

/** A longitude/latitude pair (WGS84 degrees). */
export interface LngLat {
  lng: number;
  lat: number;
}

export type SearchArea =
  | { kind: 'bbox'; minLng: number; minLat: number; maxLng: number; maxLat: number }
  | { kind: 'near'; lat: number; lng: number; radiusM: number }
  /** A validated GeoJSON (Multi)Polygon; distances are measured from `origin`, or its centroid. */
  | { kind: 'polygon'; geojson: string; envelope: Envelope; origin?: LngLat };

/** A longitude/latitude rectangle. */
export interface Envelope {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/** Filters every search form shares (GET query string and POST body). */
export interface SearchFilters {
  priceMin?: number;
  priceMax?: number;
  currency?: string;
  bedsMin?: number;
  bathsMin?: number;
  /** Pets that must all be allowed; empty: no pet filter. */
  pets: Pet[];
  amenities: string[];
  propertyTypes: PropertyType[];
  availableBy?: string;
}

/** A validated search: an area, filters, order and page size; `clusterZoom` asks for map cells instead. */
export interface SearchCriteria extends SearchFilters {
  area: SearchArea;
  sort: SearchSort;
  limit: number;
  clusterZoom?: number;
}

/** True when any filter narrows the published listings (clusters then aggregate live). */
export function hasFilters(f: SearchFilters): boolean {
  return (
    [f.priceMin, f.priceMax, f.currency, f.bedsMin, f.bathsMin, f.availableBy].some((v) => v !== undefined) ||
    f.pets.length > 0 ||
    f.amenities.length > 0 ||
    f.propertyTypes.length > 0
  );
}

/** Envelope of a bbox or polygon area (a radius search has none here: clusters need a box or polygon). */
export function envelopeOf(area: SearchArea): Envelope | undefined {
  if (area.kind === 'bbox') return area;
  if (area.kind === 'polygon') return area.envelope;
  return undefined;
}
